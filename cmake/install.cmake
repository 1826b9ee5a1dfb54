# Installing plantar like real software (issue 16): `cmake --install` to any
# prefix, and a Debian package with CPack (`make package`). Included at the
# end of the top CMakeLists.txt, after the programs are defined.
include(GNUInstallDirs)
# Installing (and cpack) copies what the build made, and builds nothing: so
# the package test can run beside the other tests without relinking them.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/include/plantar/version.h)

# `plantar --version` names the git commit, read at every build.
set(PLANTAR_BUILD_INFO ${CMAKE_BINARY_DIR}/generated/build_info.cc)
add_custom_target(plantar_build_info
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${CMAKE_SOURCE_DIR} -DOUTPUT=${PLANTAR_BUILD_INFO}
          -P ${CMAKE_SOURCE_DIR}/cmake/build_info.cmake
  BYPRODUCTS ${PLANTAR_BUILD_INFO}
  COMMENT "Reading the git commit"
  VERBATIM)
# A library of its own: a new commit relinks the programs but does not
# rewrite the large libplantar_cli.a.
add_library(plantar_version STATIC ${PLANTAR_BUILD_INFO})
add_dependencies(plantar_version plantar_build_info)
target_sources(plantar_cli PRIVATE src/cli/man_page.cc src/cli/completions.cc)
target_link_libraries(plantar_cli PUBLIC plantar_version)

# Man pages, completions and the compressed changelog, written by the built
# program from its own command-line definition (packaging/generate-docs).
set(PLANTAR_DOCS ${CMAKE_BINARY_DIR}/docs)
add_custom_command(
  OUTPUT ${PLANTAR_DOCS}/stamp
  COMMAND ${CMAKE_SOURCE_DIR}/packaging/generate-docs $<TARGET_FILE:plantar> ${PLANTAR_DOCS}
          ${CMAKE_SOURCE_DIR}/packaging/changelog
  DEPENDS plantar ${CMAKE_SOURCE_DIR}/packaging/generate-docs ${CMAKE_SOURCE_DIR}/packaging/changelog
  COMMENT "Writing the man pages and shell completions"
  VERBATIM)
add_custom_target(plantar_docs ALL DEPENDS ${PLANTAR_DOCS}/stamp)


set(PLANTAR_SYSTEMD_USER_UNIT_DIR "lib/systemd/user" CACHE STRING
    "Where the systemd user unit goes, relative to the prefix")
install(TARGETS plantar plantar-full RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PLANTAR_DOCS}/install/man1/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PLANTAR_DOCS}/install/completions/plantar
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${PLANTAR_DOCS}/install/completions/_plantar DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES ${PLANTAR_DOCS}/install/completions/plantar.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# The user service runs the installed program: its path is known only at
# install time (cpack installs to /usr, `cmake --install --prefix P` to P).
install(CODE "
  set(PLANTAR_INSTALL_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  if(NOT IS_ABSOLUTE \"\${PLANTAR_INSTALL_BINDIR}\")
    set(PLANTAR_INSTALL_BINDIR \"\${CMAKE_INSTALL_PREFIX}/\${PLANTAR_INSTALL_BINDIR}\")
  endif()
  configure_file(\"${CMAKE_SOURCE_DIR}/packaging/plantar.service.in\" \"${CMAKE_BINARY_DIR}/plantar.service\" @ONLY)")
install(FILES ${CMAKE_BINARY_DIR}/plantar.service DESTINATION ${PLANTAR_SYSTEMD_USER_UNIT_DIR})
install(FILES ${PLANTAR_DOCS}/install/changelog.gz packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# `make package`: plantar_VERSION_amd64.deb, its Depends read from the
# shared libraries the programs link (dpkg-shlibdeps).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plantar)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "plantar maintainers <maintainers@users.noreply.r-seed-a0a103be.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "foot-massage companion: safety check, routines, journal, web app")
# The synopsis is the summary above; these lines follow it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "plantar checks that a foot massage is safe for you today, plans a timed\n\
routine for your goals, time and tools, and guides you through it with\n\
spoken cues. It keeps a private journal of how each session went, answers\n\
everyday questions with evidence grades, finds therapists near you from\n\
OpenStreetMap data, and serves the same as a web app on 127.0.0.1.")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
