// The journal as CSV (one row per session, plain cells: the routine itself is
// in the JSON export) and the strict import of both export formats.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"
#include "plantar/split.h"

namespace plantar::journal_io {
namespace {

using journal::Session;

const std::vector<std::string> columns{
    "start",        "end",        "minutes",       "goals",         "techniques",        "steps_total",
    "steps_done",   "finished",   "stop_reason",   "before_stress", "before_pain",       "before_tension",
    "after_stress", "after_pain", "after_tension", "morning_sleep", "morning_heel_pain", "sore",
    "note"};
// Exports before the routine moved out of the CSV had this last column: still read.
const std::string old_routine_column = "routine";

// A cell a spreadsheet would run as a formula starts with one of these
// (OWASP, CSV injection). Such a cell is written with a ' in front, and
// import takes exactly one ' off again, so the text round-trips: the rule
// covers cells that start with any number of ' before one of these too.
constexpr std::string_view formula_starts = "=+-@\t\r";

bool formula_like(std::string_view cell) {
  auto first = cell.find_first_not_of('\'');
  return first != std::string_view::npos && formula_starts.find(cell[first]) != std::string_view::npos;
}

std::string neutralized(const std::string& cell) { return formula_like(cell) ? "'" + cell : cell; }

std::string restored(const std::string& cell) {
  return !cell.empty() && cell[0] == '\'' && formula_like(std::string_view(cell).substr(1)) ? cell.substr(1)
                                                                                            : cell;
}

std::string quote(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(1, separator)) + item;
  return out;
}

std::string number(const std::optional<int>& value) { return value ? std::to_string(*value) : ""; }

std::string rating(const journal::Ratings& ratings, const std::string& measure) {
  auto it = ratings.find(measure);
  return it == ratings.end() ? "" : std::to_string(it->second);
}

std::vector<std::string> row(const Session& s) {
  std::vector<std::string> sore;
  for (const auto& spot : s.sore) sore.push_back(journal::format_sore_spot(spot));
  return {format_timestamp(s.start),
          s.end ? format_timestamp(*s.end) : "",
          number(s.minutes),
          join(s.goals, ';'),
          join(s.techniques, ';'),
          number(s.steps_total),
          number(s.steps_done),
          s.finished ? "yes" : "no",
          s.stop_reason,
          rating(s.before, "stress"),
          rating(s.before, "pain"),
          rating(s.before, "tension"),
          rating(s.after, "stress"),
          rating(s.after, "pain"),
          rating(s.after, "tension"),
          rating(s.morning, "sleep"),
          rating(s.morning, "heel_pain"),
          join(sore, ';'),
          s.note};
}

// Splits CSV text into rows of fields (RFC 4180); each row keeps its line number.
struct CsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

std::vector<CsvRow> parse_csv(const std::string& text, const std::string& what) {
  std::vector<CsvRow> rows;
  CsvRow current{1, {}};
  std::string field;
  bool quoted = false, was_quoted = false;
  int line = 1;
  auto end_field = [&] {
    current.fields.push_back(field);
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        line += c == '\n';
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_field();
      // Blank lines (a spreadsheet may add them at the end) are not rows.
      if (current.fields.size() > 1 || !current.fields.front().empty()) rows.push_back(std::move(current));
      current = CsvRow{++line, {}};
    } else if (was_quoted) {
      throw BadInput(fmt::format("{}:{}", what, line), "text after a closing quote");
    } else {
      field += c;
    }
  }
  if (quoted) throw BadInput(fmt::format("{}:{}", what, current.line), "a quote is never closed");
  if (!field.empty() || !current.fields.empty()) {
    end_field();
    rows.push_back(std::move(current));
  }
  return rows;
}

std::optional<int> csv_int(const std::string& text, const std::string& where) {
  if (text.empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw BadInput(where, "expected a whole number, got '" + text + "'");
}

// `width`: the header's number of columns (with or without the old routine).
Session session_from_row(const CsvRow& r, const std::string& what, std::size_t width) {
  std::string at = fmt::format("{}:{}", what, r.line);
  if (r.fields.size() != width)
    throw BadInput(at, fmt::format("expected {} columns, found {}", width, r.fields.size()));
  auto f = [&](int i) { return restored(r.fields[static_cast<std::size_t>(i)]); };
  auto where = [&](int i) { return at + " " + columns[static_cast<std::size_t>(i)]; };
  Session s;
  auto start = parse_timestamp(f(0));
  if (!start)
    throw BadInput(where(0), "expected a date and time like 2026-11-20T21:30:00, got '" + f(0) + "'");
  s.start = *start;
  if (!f(1).empty()) {
    s.end = parse_timestamp(f(1));
    if (!s.end) throw BadInput(where(1), "expected a date and time, got '" + f(1) + "'");
  }
  s.minutes = csv_int(f(2), where(2));
  s.goals = split(f(3), ';');
  s.techniques = split(f(4), ';');
  s.steps_total = csv_int(f(5), where(5));
  s.steps_done = csv_int(f(6), where(6));
  if (f(7) != "yes" && f(7) != "no") throw BadInput(where(7), "expected yes or no, got '" + f(7) + "'");
  s.finished = f(7) == "yes";
  s.stop_reason = f(8);
  const std::vector<std::pair<journal::Ratings*, std::string>> targets{
      {&s.before, "stress"}, {&s.before, "pain"},   {&s.before, "tension"}, {&s.after, "stress"},
      {&s.after, "pain"},    {&s.after, "tension"}, {&s.morning, "sleep"},  {&s.morning, "heel_pain"}};
  for (std::size_t i = 0; i < targets.size(); ++i) {
    int column = static_cast<int>(9 + i);
    if (auto value = csv_int(f(column), where(column))) (*targets[i].first)[targets[i].second] = *value;
  }
  for (const auto& spot : split(f(17), ';')) s.sore.push_back(journal::parse_sore_spot(spot, where(17)));
  s.note = f(18);
  if (width > columns.size()) s.routine_json = f(19);
  journal::validate(s, at);
  return s;
}

std::vector<Session> read_csv(const std::string& text, const std::string& what) {
  // A spreadsheet may save the file with a byte order mark and CRLF line ends.
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  auto rows = parse_csv(text.starts_with(bom) ? text.substr(bom.size()) : text, what);
  auto old_columns = columns;
  old_columns.push_back(old_routine_column);
  if (rows.empty() || (rows.front().fields != columns && rows.front().fields != old_columns))
    throw BadInput(what + ":1",
                   "expected the header row of 'plantar export --format csv': " + join(columns, ','));
  std::vector<Session> sessions;
  for (std::size_t i = 1; i < rows.size(); ++i)
    sessions.push_back(session_from_row(rows[i], what, rows.front().fields.size()));
  return sessions;
}

std::vector<Session> read_json(const std::string& text, const std::string& what) {
  json_io::check_depth(text, what);
  Json body = Json::parse(text, nullptr, false);
  if (body.is_discarded()) throw BadInput(what, "not valid JSON");
  if (!body.is_object() || body.value("format", "") != "plantar-journal")
    throw BadInput(what + ": format", "expected {\"format\": \"plantar-journal\", \"sessions\": [...]}");
  if (!body.contains("version") || !json_io::whole_in(body["version"], 0, journal::export_version))
    throw BadInput(what + ": version", fmt::format("expected a version up to {}", journal::export_version));
  if (!body.contains("sessions") || !body["sessions"].is_array())
    throw BadInput(what + ": sessions", "expected a list");
  std::vector<Session> sessions;
  for (std::size_t i = 0; i < body["sessions"].size(); ++i)
    sessions.push_back(session_from_json(body["sessions"][i], fmt::format("{}: sessions[{}]", what, i)));
  return sessions;
}

}  // namespace

std::string export_csv(const std::vector<Session>& sessions) {
  std::string out = join(columns, ',') + "\r\n";
  for (const auto& s : sessions) {
    std::vector<std::string> fields;
    for (const auto& field : row(s)) fields.push_back(quote(neutralized(field)));
    out += join(fields, ',') + "\r\n";
  }
  return out;
}

std::vector<Session> read_export(const std::string& text, const std::string& what) {
  auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string::npos) throw BadInput(what, "the file is empty");
  return text[first] == '{' ? read_json(text, what) : read_csv(text, what);
}

}  // namespace plantar::journal_io
