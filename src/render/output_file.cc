// Writing the files plantar makes, and checking their paths before long work.
// A regular file (or a new one) is written to a temporary file beside it and
// renamed into place, so a failed write leaves the old file or nothing. A path
// that is not a regular file (a device such as /dev/full or /dev/stdout, a
// pipe) is written to directly: renaming over it would replace the device.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::render {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, int error) {
  throw Failure(fmt::format("cannot write {}: {}", path, std::strerror(error)));
}

// Writes all of `bytes` to `fd`; returns 0 or the errno of the failure.
int write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

bool is_special(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode);
}

void write_directly(const std::string& bytes, const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  int error = write_all(fd, bytes);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) fail(path, error);
}

}  // namespace

std::string temporary_name(const std::string& path) {
  return path + fmt::format(".tmp{}", static_cast<long>(getpid()));
}

void check_output_path(const std::string& path) {
  if (path == "-") return;
  std::error_code ignored;
  if (fs::is_directory(path, ignored)) fail(path, EISDIR);
  if (fs::exists(path, ignored)) {
    if (::access(path.c_str(), W_OK) != 0) fail(path, errno);
    if (is_special(path)) return;
  }
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::is_directory(folder, ignored)) fail(path, ENOENT);
  if (::access(folder.c_str(), W_OK) != 0) fail(path, errno);
}

void write_file(const std::string& bytes, const std::string& path) {
  if (is_special(path)) return write_directly(bytes, path);
  std::string temp = temporary_name(path);
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fail(path, errno);
  int error = write_all(fd, bytes);
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    fail(path, error);
  }
}

void write_text_file(const std::string& text, const std::string& path) { write_file(text, path); }

}  // namespace plantar::render
