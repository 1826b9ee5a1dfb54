// The tests keep the spoken-sentence cache (and any other cache) in the build
// folder, not in the person's ~/.cache: set before any test runs, inherited
// by every plantar the tests start. A test that needs its own sets its own.
#include <cstdlib>

namespace {

[[maybe_unused]] const bool cache_in_build_folder = [] {
  return setenv("XDG_CACHE_HOME", PLANTAR_TEST_CACHE, 1) == 0;
}();

}  // namespace
