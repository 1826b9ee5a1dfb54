// The one way a command says it wrote a file (docs/cli.md): the words on
// standard error (silenced by --quiet), or with --json one object on standard
// output, {"file": PATH, ...}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"

namespace plantar::cli {

/// `path` was written. `words` is the sentence for people ("Card written to
/// card.pdf."); `details` adds fields to the JSON object.
void confirm_written(const Context& context, const std::string& path, const std::string& words,
                     const nlohmann::ordered_json& details = nlohmann::ordered_json::object());

/// Writes `bytes` to standard output for "-", else to the file `path`
/// (render::write_file). Returns whether it went to a file.
bool write_output(const Context& context, const std::string& bytes, const std::string& path);

}  // namespace plantar::cli
