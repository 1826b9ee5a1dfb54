// toml++ compiled into plantar_kb_toml (its implementation, once), instead
// of Debian's shared libtomlplusplus: one shared library fewer to map and
// relocate at every start, and none that pulls in the shared libstdc++
// (docs/benchmarks.md, start-up). Every file of plantar_kb_toml sees
// TOML_HEADER_ONLY=0 from CMake.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
