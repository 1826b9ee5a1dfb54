#include "data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "plantar/errors.h"

namespace plantar::cli {

std::string data_file(const Context& context, const std::string& file) {
  namespace fs = std::filesystem;
  fs::path dir;
  if (!context.db.empty()) {
    dir = context.db;
    if (fs::exists(dir) && !fs::is_directory(dir))
      throw BadInput("--db", "'" + context.db + "' is a file; --db takes the folder that holds " + file);
  } else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
    dir = fs::path(xdg) / "plantar";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    dir = fs::path(home) / ".local" / "share" / "plantar";
  } else {
    throw Failure("cannot tell where to keep " + file + ": set HOME or XDG_DATA_HOME, or pass --db DIR");
  }
  return (dir / file).string();
}

}  // namespace plantar::cli
