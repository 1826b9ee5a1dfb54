// The light `plantar` starts in milliseconds (issue 14, docs/benchmarks.md):
// it needs no shared library beyond libc, libm and libsqlite3 (the shared
// libstdc++ alone costs about 0.7 ms of every start), and the heavy ones
// (Qt, cairo, librsvg, flite, libmicrohttpd, curl...) stay in plantar-full.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <set>
#include <string>

namespace plantar {
namespace {

// The DT_NEEDED entries of an ELF file, read by binutils' readelf.
std::set<std::string> needed_libraries(const std::string& binary) {
  std::set<std::string> out;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("readelf -d '" + binary + "'").c_str(), "r"), pclose);
  if (!pipe) return out;
  char line[512];
  while (fgets(line, sizeof line, pipe.get()) != nullptr) {
    std::string text = line;
    auto at = text.find("(NEEDED)");
    auto open = text.find('[');
    auto close = text.find(']');
    if (at != std::string::npos && open != std::string::npos && close > open)
      out.insert(text.substr(open + 1, close - open - 1));
  }
  return out;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif

TEST(StartUp, LightProgramNeedsOnlyLibcLibmAndSqlite) {
  auto needed = needed_libraries(PLANTAR_BINARY);
  ASSERT_TRUE(needed.count("libc.so.6")) << "readelf found no NEEDED entries in " << PLANTAR_BINARY;
  std::set<std::string> allowed{"libc.so.6", "libm.so.6", "libsqlite3.so.0"};
  // The sanitizers' runtimes want the shared C++ library (CMakeLists.txt).
  if (sanitized) allowed.insert({"libasan.so.8", "libubsan.so.1", "libstdc++.so.6", "libgcc_s.so.1"});
  for (const auto& library : needed)
    EXPECT_TRUE(allowed.count(library)) << PLANTAR_BINARY << " needs " << library;
}

TEST(StartUp, FullProgramKeepsTheHeavyLibraries) {
  // The check above can fail: plantar-full, built from the same code, needs them.
  std::string full = std::string(PLANTAR_BINARY);
  full = full.substr(0, full.rfind('/') + 1) + "plantar-full";
  auto needed = needed_libraries(full);
  EXPECT_TRUE(needed.count("libmicrohttpd.so.12")) << full;
  EXPECT_TRUE(needed.count("libstdc++.so.6")) << full;
  EXPECT_GT(needed.size(), 20u) << full;
}

}  // namespace
}  // namespace plantar
