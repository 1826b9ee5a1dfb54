// The subcommands of the `plantar` program. Each has a plain options struct,
// filled by the CLI11 set-up in app.cc (the only file that includes CLI11,
// which is slow to compile), and a run function that returns the exit status:
// 0 done, 1 failed, 2 bad input, 3 the safety verdict is stop.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "plantar/app_card.h"
#include "plantar/app_places.h"
#include "plantar/kb.h"
#include "plantar/planner.h"
#include "plantar/render.h"

namespace plantar::cli {

/// What every command gets: the knowledge base and where to write.
struct Context {
  const kb::KnowledgeBase& kb;
  std::ostream& out;
  std::ostream& err;
  bool json = false;
  bool interactive = false;  // stdin and stdout are terminals
  std::istream* in = nullptr;
  std::string db;      // --db PATH: the databases' folder, or the journal file itself (*.db); see data_dir.h
  bool quiet = false;  // --quiet: no confirmations on stderr
  std::ostream* raw = nullptr;  // standard output for file contents (-o -); nullptr: `out`
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

struct LogOptions {
  std::string before, after, morning;  // "stress=7,pain=4"; morning: "sleep=7,heel_pain=3"
  std::vector<std::string> sore;       // FOOT:REGION[@X,Y]=N
  std::string note;
  std::vector<std::string> goals, techniques;
  std::optional<int> minutes;
  std::string at;                    // "YYYY-MM-DD HH:MM"; empty: now
  std::string routine;               // FILE with `plantar plan --json` output
  std::string stopped;               // why the session stopped early
  std::optional<long long> session;  // --session ID: the session a --morning belongs to
};

struct EditOptions {
  long long id = 0;
  LogOptions log;  // only the flags given change the session
};

struct DeleteOptions {
  long long id = 0;
  bool yes = false;  // --yes: do not ask
};

struct HistoryOptions {
  int last = 20;
};

struct StatsOptions {
  std::string chart;  // FILE.svg|.png|.pdf
};

struct ExportOptions {
  std::string format = "json";
  std::string output = "-";
  std::string store;    // --store postgresql://...: one account's journal from the hosted store
  std::string account;  // --account EMAIL, with --store
};

struct ImportOptions {
  std::string file;
  std::string store;    // --store postgresql://...: into one account of the hosted store
  std::string account;  // --account EMAIL, with --store (made when missing)
};

/// `plantar migrate --store URI`: brings the hosted store's schema up to date.
struct MigrateOptions {
  std::string store;
};
int run_migrate(const Context& context, const MigrateOptions& options);
/// export and import with --store: the PostgreSQL store (plantar-full only).
int run_store_export(const Context& context, const ExportOptions& options);
int run_store_import(const Context& context, const ImportOptions& options);
/// `plantar account password --store URI --account EMAIL`: the operator sets
/// a person's password (read from the terminal twice, or one line of stdin)
/// and ends the account's sign-in sessions (plantar-full only).
struct AccountPasswordOptions {
  std::string store;
  std::string account;
};
int run_account_password(const Context& context, const AccountPasswordOptions& options);
/// The sessions of an export file, read and checked against the knowledge
/// base before any store is opened. Throws BadInput naming the file.
std::vector<journal::Session> read_import_file(const Context& context, const ImportOptions& options);

struct RemindOptions {
  std::string at = "21:30";
  std::string every = "day";
  std::string output = "plantar.ics";
  std::string text = "5-minute foot rub before bed";
  int minutes = 5;
};

struct MapOptions {
  std::string output;
  bool zones = false;
  std::vector<std::string> sore;  // extra spots; the journal's recent ones are drawn too
  int days = 30;
};

struct CardOptions : app::CardOptions {  // the card's content: plantar/app_card.h
  std::string output;
};

int run_log(const Context& context, const LogOptions& options);
int run_history(const Context& context, const HistoryOptions& options);
int run_edit(const Context& context, const EditOptions& options);
int run_delete(const Context& context, const DeleteOptions& options);
int run_stats(const Context& context, const StatsOptions& options);
int run_export(const Context& context, const ExportOptions& options);
int run_import(const Context& context, const ImportOptions& options);
int run_remind(const Context& context, const RemindOptions& options);
int run_map(const Context& context, const MapOptions& options);
int run_card(const Context& context, const CardOptions& options);

struct AskOptions {
  std::vector<std::string> words;  // the question, possibly in several arguments
  int limit = 3;
};

int run_ask(const Context& context, const AskOptions& options);

struct PlacesImportOptions {
  std::string file;    // .osm.pbf, .osm or .osm.bz2
  std::string region;  // --region; empty: from the file name
};

using PlacesNearOptions = app::PlacesNearOptions;  // the search: plantar/app_places.h

int run_places_import(const Context& context, const PlacesImportOptions& options);
int run_places_near(const Context& context, const PlacesNearOptions& options);
/// The imported regions, with their date and counts.
int run_places_list(const Context& context);
/// The session commands take the plan flags, or a routine saved by
/// `plantar plan --json`.
struct SessionOptions {
  PlanOptions plan;
  std::string routine;  // FILE or "-"; empty: plan from the flags
};

struct GuideOptions {
  SessionOptions session;
  bool no_voice = false;
  bool chime_only = false;
  bool no_journal = false;  // do not ask for the journal before and after
  double speed = 1.0;       // runs the session clock faster (tests, demos)
};

struct AudioOptions {
  SessionOptions session;
  std::string output;
  double rate = 1.0;
  std::string first_part;           // --first-part FILE: the opening, first (for the web guide)
  std::string background = "none";  // --background none|brown|tone
  double background_volume = 0.2;
};

/// The request of `plantar plan` from its flags and --input.
planner::Request build_request(const PlanOptions& options);

int run_check(const Context& context, const CheckOptions& options);
int run_plan(const Context& context, const PlanOptions& options);
int run_learn(const Context& context, const LearnOptions& options);
int run_guide(const Context& context, const GuideOptions& options);
int run_audio(const Context& context, const AudioOptions& options);
struct ServeOptions {
  std::string host;  // empty: 127.0.0.1, or 0.0.0.0 with --lan
  int port = 8080;
  bool lan = false;
  bool no_auth = false;      // local mode without the secret (tests)
  bool no_warm_up = false;   // no audio rendering in the background at start (tests)
  std::string data;          // the global --data DIR ("": the built-in knowledge)
  std::string store;         // --store postgresql://...: hosted mode, with accounts ("": SQLite, one person)
  bool https_proxy = false;  // TLS ends at a proxy in front: cookies are Secure
};

int run_check(const Context& context, const CheckOptions& options);
int run_plan(const Context& context, const PlanOptions& options);
int run_learn(const Context& context, const LearnOptions& options);
int run_serve(const Context& context, const ServeOptions& options);

}  // namespace plantar::cli
