// Safe file writing shared by the text and image writers: everything goes to
// a temporary file beside the target, renamed into place when complete.
#pragma once

#include <string>

namespace plantar::render {

/// A temporary name beside `path`, unique to this process.
std::string temp_name(const std::string& path);
/// Renames `temp` to `path`; removes `temp` and throws Failure if it cannot.
void commit(const std::string& temp, const std::string& path);

}  // namespace plantar::render
