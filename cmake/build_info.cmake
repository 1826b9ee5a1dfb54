# Writes OUTPUT, a C++ source defining plantar::cli::git_commit(), from the
# git commit of SOURCE_DIR: "unknown" without git or outside a checkout (a
# tarball), so such a build never fails. Run at every build; the file is
# rewritten (and the programs relinked) only when the commit changes.
set(commit "unknown")
find_program(GIT_PROGRAM git)
if(GIT_PROGRAM AND EXISTS "${SOURCE_DIR}/.git")
  execute_process(COMMAND ${GIT_PROGRAM} -C ${SOURCE_DIR} rev-parse --short=7 HEAD
                  OUTPUT_VARIABLE head RESULT_VARIABLE failed OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT failed AND head MATCHES "^[0-9a-f]+$")
    set(commit "${head}")
    execute_process(COMMAND ${GIT_PROGRAM} -C ${SOURCE_DIR} diff --quiet HEAD --
                    RESULT_VARIABLE changed OUTPUT_QUIET ERROR_QUIET)
    if(changed EQUAL 1)
      string(APPEND commit "-dirty")
    endif()
  endif()
endif()
file(WRITE "${OUTPUT}.new"
     "// Written by cmake/build_info.cmake at build time: do not edit.\n"
     "namespace plantar::cli {\nconst char* git_commit();\n"
     "const char* git_commit() { return \"${commit}\"; }\n}  // namespace plantar::cli\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.new" "${OUTPUT}")
file(REMOVE "${OUTPUT}.new")
