// Writing text files safely (no cairo or librsvg here, so that the light
// `plantar` can export and remind without loading them).
#include "file_write.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::render {

namespace fs = std::filesystem;

std::string temp_name(const std::string& path) {
  return path + fmt::format(".tmp{}", static_cast<long>(getpid()));
}

void commit(const std::string& temp, const std::string& path) {
  std::error_code error;
  fs::rename(temp, path, error);
  if (error) {
    fs::remove(temp, error);
    throw Failure(fmt::format("cannot write {}: {}", path, error.message()));
  }
}

void write_text_file(const std::string& text, const std::string& path) {
  std::string temp = temp_name(path);
  {
    std::ofstream out(temp, std::ios::binary);
    out << text;
    out.flush();
    if (!out) {
      std::error_code error;
      fs::remove(temp, error);
      throw Failure(fmt::format("cannot write {}", path));
    }
  }
  commit(temp, path);
}

}  // namespace plantar::render
