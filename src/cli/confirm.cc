// See confirm.h.
#include "confirm.h"

#include <ostream>

#include "plantar/render.h"

namespace plantar::cli {

void confirm_written(const Context& context, const std::string& path, const std::string& words,
                     const nlohmann::ordered_json& details) {
  if (context.json) {
    nlohmann::ordered_json json{{"file", path}};
    for (const auto& [key, value] : details.items()) json[key] = value;
    context.out << json.dump(2) << "\n";
    return;
  }
  if (!context.quiet) context.err << words << "\n";
}

bool write_output(const Context& context, const std::string& bytes, const std::string& path) {
  if (path == "-") {
    (context.raw != nullptr ? *context.raw : context.out) << bytes;
    return false;
  }
  render::write_file(bytes, path);
  return true;
}

}  // namespace plantar::cli
