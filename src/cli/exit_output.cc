// Standard output is checked at exit, as GNU tools do: a full disk or a closed
// pipe must not look like success (`plantar plan --json > /dev/full`).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "app.h"

namespace plantar::cli {

int finish_output(int status) {
  errno = 0;
  std::cout.flush();
  bool failed = std::fflush(stdout) != 0;
  int error = errno;
  failed = failed || std::ferror(stdout) != 0 || std::cout.bad();
  if (!failed) return status;
  std::cerr << "plantar: cannot write to standard output"
            << (error != 0 ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
  return status == 0 || status == 3 ? 1 : status;
}

}  // namespace plantar::cli
