// Splitting "a,b,c" lists of flags and file fields.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plantar {

/// The parts of `text` between `separator`s; "" gives no parts, and empty
/// parts in between are kept ("a,,b" gives "a", "", "b").
std::vector<std::string> split(std::string_view text, char separator);

}  // namespace plantar
