#include "data_dir.h"

#include <cstdlib>
#include <filesystem>

#include "plantar/errors.h"

namespace plantar::cli {

std::string data_file(const std::string& db_option, const std::string& file) {
  namespace fs = std::filesystem;
  fs::path dir;
  if (!db_option.empty()) {
    fs::path path = db_option;
    if (path.extension() == ".db") {  // the journal file itself
      if (file == "journal.db") return db_option;
      dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    } else {
      if (fs::exists(path) && !fs::is_directory(path))
        throw BadInput("--db",
                       "'" + db_option + "' is a file; --db takes a folder or a journal file ending in .db");
      dir = path;
    }
  } else if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/') {
    dir = fs::path(xdg) / "plantar";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    dir = fs::path(home) / ".local" / "share" / "plantar";
  } else {
    throw Failure("cannot tell where to keep " + file + ": set HOME or XDG_DATA_HOME, or pass --db PATH");
  }
  return (dir / file).string();
}

std::string data_file(const Context& context, const std::string& file) { return data_file(context.db, file); }

}  // namespace plantar::cli
