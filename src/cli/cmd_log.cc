// plantar log: record how a session went, from flags or questions on a terminal.
#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "input.h"
#include "journal_place.h"
#include "log_flags.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"
#include "prompt.h"

namespace plantar::cli {
namespace {

using journal::Session;

bool nothing_given(const LogOptions& o) {
  return o.before.empty() && o.after.empty() && o.morning.empty() && o.sore.empty() && o.note.empty() &&
         o.goals.empty() && o.techniques.empty() && !o.minutes && o.routine.empty() && o.stopped.empty();
}

// The goals and techniques of a routine printed by `plantar plan --json`.
void read_routine(const std::string& file, Session& session) {
  std::string text = read_input(file, "--routine");
  json_io::check_depth(text, "--routine");
  auto body = nlohmann::ordered_json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("steps") || !body["steps"].is_array())
    throw BadInput("--routine", "expected the JSON of 'plantar plan --json' in " + file);
  for (const auto& step : body["steps"]) {
    if (!step.is_object() || !step.contains("technique") || !step["technique"].is_string())
      throw BadInput("--routine", "every step needs a \"technique\"");
    auto technique = step["technique"].get<std::string>();
    if (std::find(session.techniques.begin(), session.techniques.end(), technique) ==
        session.techniques.end())
      session.techniques.push_back(technique);
    for (const auto& goal : step.value("goals", nlohmann::ordered_json::array()))
      if (goal.is_string() &&
          std::find(session.goals.begin(), session.goals.end(), goal) == session.goals.end())
        session.goals.push_back(goal.get<std::string>());
  }
  if (body.contains("total_seconds") && !json_io::whole_in(body["total_seconds"], 0, 24 * 3600))
    throw BadInput("--routine", "total_seconds: expected a whole number of seconds from 0 to 86400");
  if (body.contains("total_seconds")) session.minutes = (body["total_seconds"].get<int>() + 30) / 60;
  session.steps_total = static_cast<int>(body["steps"].size());
  session.routine_json = body.dump();
}

void add_missing(std::vector<std::string>& list, const std::vector<std::string>& items) {
  for (const auto& item : items)
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

void merge(journal::Ratings& into, const journal::Ratings& given) {
  for (const auto& [measure, value] : given) into[measure] = value;
}

Session from_flags(const Context& context, const LogOptions& o) {
  Session s;
  s.start = start_time(o);
  apply_log_flags(context, o, s, false);
  return s;
}

// One answer on a terminal; empty means skipped. The end of input throws
// EndOfInput: nothing is saved.
std::string ask(const Context& context, const std::string& question) {
  context.out << question << std::flush;
  std::string line = read_answer(*context.in, context.out);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line;
}

std::optional<int> ask_rating(const Context& context, const std::string& question) {
  while (true) {
    std::string answer = ask(context, question + " (0 to 10, Enter to skip): ");
    if (answer.empty()) return std::nullopt;
    try {
      std::size_t used = 0;
      int value = std::stoi(answer, &used);
      if (used == answer.size() && value >= journal::min_rating && value <= journal::max_rating) return value;
    } catch (const std::exception&) {
    }
    context.out << "  Please type a number from 0 to 10.\n";
  }
}

Session from_questions(const Context& context, const Timestamp& now) {
  Session s;
  s.start = now;
  context.out << "How did this session go? Rate 0 (none) to 10 (worst you can imagine).\n";
  for (const char* phase : {"before", "after"})
    for (const auto& m : journal::session_measures)
      if (auto value = ask_rating(context, fmt::format("  {} {} the session", measure_word(m), phase)))
        (std::string(phase) == "before" ? s.before : s.after)[m] = *value;
  while (true) {
    std::string spot = ask(context, "  A sore spot, like left:arch=6 (Enter when done): ");
    if (spot.empty()) break;
    try {
      s.sore.push_back(journal::parse_sore_spot(spot, "sore spot"));
    } catch (const BadInput& e) {
      context.out << "  " << e.what() << "\n";
    }
  }
  s.note = ask(context, "  A note (Enter to skip): ");
  return s;
}

std::string summary(const Session& s) {
  std::string out;
  for (const auto& m : journal::session_measures) {
    auto b = s.before.find(m);
    auto a = s.after.find(m);
    if (b == s.before.end() && a == s.after.end()) continue;
    auto value = [](auto it, auto end) { return it == end ? std::string("-") : std::to_string(it->second); };
    out += fmt::format("{}{} {} → {}", out.empty() ? "" : ", ", m, value(b, s.before.end()),
                       value(a, s.after.end()));
  }
  return out;
}

std::string ratings_words(const journal::Ratings& ratings) {
  std::string out;
  for (const auto& [measure, value] : ratings)
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", measure, value);
  return out;
}

// Asks on a terminal before replacing morning ratings already saved; says so
// on standard error otherwise. Returns false when the person says no.
bool may_overwrite(const Context& context, const Session& target, const journal::Ratings& morning) {
  journal::Ratings replaced;
  for (const auto& [measure, value] : morning)
    if (auto it = target.morning.find(measure); it != target.morning.end() && it->second != value)
      replaced[measure] = it->second;
  if (replaced.empty()) return true;
  context.err << fmt::format(
      "Warning: session {} of {} already has a morning entry ({}); this replaces it.\n", target.id,
      format_date(target.start), ratings_words(replaced));
  if (!context.interactive || context.in == nullptr) return true;
  context.out << "Replace it? [y/N] " << std::flush;
  std::string answer = read_answer(*context.in, context.out);
  return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
}

int record_morning(const Context& context, const LogOptions& o) {
  auto morning = journal::parse_ratings(o.morning, journal::morning_measures, "--morning");
  auto store = open_journal(context);
  Session target = app::morning_target(
      *store, o.session ? std::optional<std::int64_t>(*o.session) : std::nullopt,
      [&]() -> std::optional<Timestamp> {
        if (o.at.empty()) return std::nullopt;
        return start_time(o);
      },
      o.at);
  if (!may_overwrite(context, target, morning)) {
    context.err << "Nothing changed.\n";
    return 1;
  }
  store->record_morning(target.id, morning);
  merge(target.morning, morning);
  if (context.json) {
    context.out << journal_io::to_json(target).dump(2) << "\n";
  } else {
    context.out << fmt::format("Saved the morning after session {} of {}.\n", target.id,
                               format_date(target.start));
  }
  return 0;
}

}  // namespace

Timestamp start_time(const LogOptions& o) {
  Timestamp now = now_local();
  if (o.at.empty()) return now;
  auto at = parse_timestamp(o.at);
  if (!at) throw BadInput("--at", "expected a date and time like \"2026-11-20 21:30\", got '" + o.at + "'");
  // A typo in the year must not become the latest session for good.
  if (*at > add_minutes(now, 24 * 60))
    throw BadInput("--at", "'" + o.at + "' is more than a day in the future; give the time it happened");
  return *at;
}

void apply_log_flags(const Context& context, const LogOptions& o, Session& s, bool editing) {
  if (editing && !o.at.empty()) s.start = start_time(o);
  if (!o.routine.empty()) {
    if (editing) {
      s.goals.clear();
      s.techniques.clear();
    }
    read_routine(o.routine, s);
  }
  if (editing && !o.goals.empty()) s.goals.clear();
  if (editing && !o.techniques.empty()) s.techniques.clear();
  add_missing(s.goals, o.goals);
  add_missing(s.techniques, o.techniques);
  if (o.minutes) s.minutes = *o.minutes;
  if (s.minutes && (o.minutes || !o.at.empty() || !editing)) s.end = add_minutes(s.start, *s.minutes);
  if (!o.before.empty())
    merge(s.before, journal::parse_ratings(o.before, journal::session_measures, "--before"));
  if (!o.after.empty()) merge(s.after, journal::parse_ratings(o.after, journal::session_measures, "--after"));
  if (!o.morning.empty())
    merge(s.morning, journal::parse_ratings(o.morning, journal::morning_measures, "--morning"));
  if (!o.sore.empty()) s.sore.clear();
  for (const auto& spot : o.sore) s.sore.push_back(journal::parse_sore_spot(spot, "--sore"));
  if (!o.note.empty() || !editing) s.note = o.note;
  if (!o.stopped.empty() || !editing) {
    s.finished = o.stopped.empty();
    s.stop_reason = o.stopped;
  }
  journal::check_known_ids(context.kb, s, "--goal", "--technique");
  journal::validate(s, "");
}

int run_log(const Context& context, const LogOptions& options) {
  bool morning_only = !options.morning.empty() && options.before.empty() && options.after.empty() &&
                      options.sore.empty() && options.note.empty() && options.goals.empty() &&
                      options.techniques.empty() && !options.minutes && options.routine.empty() &&
                      options.stopped.empty();
  if (options.session && !morning_only)
    throw BadInput("--session", "goes with --morning alone; to correct a session use 'plantar edit ID'");
  if (morning_only) return record_morning(context, options);
  Session session;
  if (nothing_given(options)) {
    if (!context.interactive || context.in == nullptr)
      throw BadInput(
          "--before",
          "nothing to record. Give --before, --after, --sore or --note (see 'plantar log --help'), "
          "or run 'plantar log' in a terminal to answer the questions");
    session = from_questions(context, start_time(options));
  } else {
    session = from_flags(context, options);
  }
  session.id = open_journal(context)->record_session(session);
  if (context.json) {
    context.out << journal_io::to_json(session).dump(2) << "\n";
    return 0;
  }
  std::string what = summary(session);
  context.out << fmt::format("Saved session {} of {}{}{}.\n", session.id, format_date(session.start),
                             what.empty() ? "" : ": ", what);
  context.out << "See how it goes over time: plantar stats\n";
  return 0;
}

}  // namespace plantar::cli
