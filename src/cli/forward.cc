// The light `plantar`: the commands that need heavy libraries (the server,
// speech and audio files, drawing, OpenStreetMap and opening hours) are run
// by `plantar-full` beside this program, with the same arguments. This file
// stands in for their run functions, so the light program links none of
// those libraries and starts in a few milliseconds (docs/benchmarks.md).
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "commands.h"
#include "places_get.h"
#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::cli {

// Replaces this process with plantar-full and this process's own arguments.
[[noreturn]] void run_full();

[[noreturn]] void run_full() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string line((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> args;
  for (std::size_t start = 0; start < line.size();) {
    std::size_t end = line.find('\0', start);
    if (end == std::string::npos) end = line.size();
    args.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  std::string full = (self.parent_path() / "plantar-full").string();
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::cout.flush();
  std::cerr.flush();
  execv(full.c_str(), argv.data());
  throw Failure("cannot start " + full + " (" + std::strerror(errno) +
                "): it is built and installed beside plantar");
}

// The server makes and frees a few hundred small blocks for each computed
// answer, more than glibc's per-thread cache of freed blocks keeps (7 of a
// size): the rest went through its slower bins. A cache of 256 cut the CPU
// time of a varied /api/plan answer by 4-10 % (docs/benchmarks.md). A
// tuning of the person's own is kept.
int run_serve(const Context&, const ServeOptions&) {
  setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=256", 0);
  run_full();
}
int run_guide(const Context&, const GuideOptions&) { run_full(); }
int run_audio(const Context&, const AudioOptions&) { run_full(); }
int run_map(const Context&, const MapOptions&) { run_full(); }
int run_card(const Context&, const CardOptions&) { run_full(); }
int run_places_import(const Context&, const PlacesImportOptions&) { run_full(); }
int run_places_near(const Context&, const PlacesNearOptions&) { run_full(); }
int run_places_list(const Context&) { run_full(); }
int run_places_get(const Context&, const PlacesGetOptions&) { run_full(); }
int run_places_regions(const Context&, const PlacesRegionsOptions&) { run_full(); }
int run_places_update(const Context&) { run_full(); }
int run_migrate(const Context&, const MigrateOptions&) { run_full(); }
int run_store_export(const Context&, const ExportOptions&) { run_full(); }
int run_store_import(const Context&, const ImportOptions&) { run_full(); }
int run_account_password(const Context&, const AccountPasswordOptions&) { run_full(); }

}  // namespace plantar::cli

namespace plantar::render {

// `plantar stats --chart FILE` draws with cairo: plantar-full does the whole
// command (nothing is printed before the chart is written).
void write_image(const std::string&, const std::string&) { cli::run_full(); }

}  // namespace plantar::render
