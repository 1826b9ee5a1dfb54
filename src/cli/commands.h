// The subcommands of the `plantar` program. Each has a plain options struct,
// filled by the CLI11 set-up in app.cc (the only file that includes CLI11,
// which is slow to compile), and a run function that returns the exit status:
// 0 done, 1 failed, 2 bad input, 3 the safety verdict is stop.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "plantar/kb.h"

namespace plantar::cli {

/// What every command gets: the knowledge base and where to write.
struct Context {
  const kb::KnowledgeBase& kb;
  std::ostream& out;
  std::ostream& err;
  bool json = false;
  bool interactive = false;  // stdin and stdout are terminals
  std::istream* in = nullptr;
  std::string db;  // --db DIR: the folder of the databases (data_dir.h)
};

struct CheckOptions {
  std::string input;                    // FILE or "-"; empty: ask or use --condition
  std::vector<std::string> conditions;  // --condition ID[=SEVERITY][@PLACE,...]
};

struct PlanOptions {
  std::string input;
  std::vector<std::string> goals;
  std::optional<int> minutes;
  std::string feet;
  std::string giver;
  std::vector<std::string> tools;
  std::vector<std::string> conditions;
};

struct LearnOptions {
  std::string kind;  // techniques, goals, ... or an id
  std::string id;
};

struct PlacesImportOptions {
  std::string file;    // .osm.pbf, .osm or .osm.bz2
  std::string region;  // --region; empty: from the file name
};

struct PlacesNearOptions {
  std::vector<std::string> where;  // "LAT,LON" or a place name (several words are joined)
  std::vector<std::string> kinds;  // --kind, places.toml ids
  bool open_now = false;
  double radius_km = 25;
  int limit = 10;
  std::string at;  // --at "YYYY-MM-DD HH:MM" local time; empty: now
};

int run_places_import(const Context& context, const PlacesImportOptions& options);
int run_places_near(const Context& context, const PlacesNearOptions& options);

int run_check(const Context& context, const CheckOptions& options);
int run_plan(const Context& context, const PlanOptions& options);
int run_learn(const Context& context, const LearnOptions& options);

}  // namespace plantar::cli
