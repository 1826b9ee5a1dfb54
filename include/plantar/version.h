// The program's version, shown by `plantar --version`.
#pragma once

namespace plantar {

inline constexpr const char* version = "0.1.0";

}  // namespace plantar
