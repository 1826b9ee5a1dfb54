// Strict reading of JSON requests: a wrong type, an unknown key or an unknown
// word is a BadInput that names the field.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/suggest.h"

namespace plantar::json_io {
namespace {

std::string type_of(const Json& value) { return value.type_name(); }

void reject_unknown_keys(const Json& object, const std::string& field,
                         const std::vector<std::string>& known) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string where = field.empty() ? key : field + "." + key;
      throw BadInput(where, unknown_word_message("field", key, known));
    }
  }
}

std::string read_string(const Json& value, const std::string& field) {
  if (!value.is_string()) throw BadInput(field, "expected a string, got " + type_of(value));
  return value.get<std::string>();
}

std::vector<std::string> read_strings(const Json& value, const std::string& field) {
  if (!value.is_array()) throw BadInput(field, "expected an array of strings, got " + type_of(value));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i)
    out.push_back(read_string(value[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

int read_whole_number(const Json& value, const std::string& field) {
  if (value.is_number_integer()) {
    if (!whole_in(value, -1'000'000, 1'000'000))
      throw BadInput(field, "number out of range: " + value.dump());
    return static_cast<int>(value.get<long long>());
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (d >= -1e6 && d <= 1e6 && d == static_cast<double>(static_cast<long long>(d)))
      return static_cast<int>(d);
    throw BadInput(field, "expected a whole number, got " + value.dump());
  }
  throw BadInput(field, "expected a whole number, got " + type_of(value));
}

std::vector<safety::ConditionReport> read_conditions(const Json& value, const std::string& field) {
  if (!value.is_array()) throw BadInput(field, "expected an array of conditions, got " + type_of(value));
  std::vector<safety::ConditionReport> out;
  for (std::size_t i = 0; i < value.size(); ++i)
    out.push_back(read_condition(value[i], field + "[" + std::to_string(i) + "]"));
  return out;
}

}  // namespace

void check_depth(std::string_view text, const std::string& what) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth)
        throw BadInput(what, "the JSON is nested deeper than " + std::to_string(max_depth) + " levels");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

bool whole_in(const Json& value, long long low, long long high) {
  if (value.is_number_unsigned()) {
    auto number = value.get<unsigned long long>();
    return high >= 0 && number <= static_cast<unsigned long long>(high) &&
           (low <= 0 || number >= static_cast<unsigned long long>(low));
  }
  if (!value.is_number_integer()) return false;
  auto number = value.get<long long>();
  return number >= low && number <= high;
}

Json parse(const std::string& text, const std::string& what) {
  check_depth(text, what);
  try {
    return Json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i + 1 < error.byte && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw BadInput(what + ":" + std::to_string(line) + ":" + std::to_string(column),
                   "this is not valid JSON (check commas, quotes and brackets)");
  } catch (const nlohmann::json::exception&) {  // e.g. a number too large for a double
    throw BadInput(what, "a number in the JSON is too large");
  }
}

safety::ConditionReport read_condition(const Json& item, const std::string& field) {
  safety::ConditionReport report;
  if (item.is_string()) {  // a bare id is accepted: "diabetes"
    report.id = item.get<std::string>();
    return report;
  }
  if (!item.is_object()) throw BadInput(field, "expected {\"id\": ...}, got " + type_of(item));
  reject_unknown_keys(item, field, {"id", "severity", "at"});
  if (!item.contains("id")) throw BadInput(field + ".id", "is missing");
  report.id = read_string(item["id"], field + ".id");
  if (item.contains("severity")) report.severity = read_string(item["severity"], field + ".severity");
  if (item.contains("at")) {
    auto places = read_strings(item["at"], field + ".at");
    for (std::size_t i = 0; i < places.size(); ++i) {
      auto place = parse_place(places[i]);
      if (!place)
        throw BadInput(field + ".at[" + std::to_string(i) + "]",
                       "unknown place '" + places[i] +
                           "' (expected FOOT:REGION like \"left:heel\", or \"right:*\" for the whole foot)");
      report.at.push_back(*place);
    }
  }
  return report;
}

std::vector<safety::ConditionReport> read_check_request(const Json& body) {
  if (!body.is_object()) throw BadInput("input", "expected a JSON object like {\"conditions\": [...]}");
  reject_unknown_keys(body, "", {"conditions"});
  if (!body.contains("conditions")) return {};
  return read_conditions(body["conditions"], "conditions");
}

planner::Request read_plan_request(const Json& body, planner::Request request) {
  if (!body.is_object())
    throw BadInput("input", "expected a JSON object like {\"goals\": [...], \"minutes\": 10}");
  reject_unknown_keys(body, "", {"goals", "minutes", "feet", "giver", "tools", "conditions"});
  if (body.contains("goals")) request.goals = read_strings(body["goals"], "goals");
  if (body.contains("minutes")) request.minutes = read_whole_number(body["minutes"], "minutes");
  if (body.contains("feet")) {
    auto feet = read_string(body["feet"], "feet");
    auto parsed = planner::parse_feet(feet);
    if (!parsed) throw BadInput("feet", unknown_word_message("feet", feet, {"left", "right", "both"}));
    request.feet = *parsed;
  }
  if (body.contains("giver")) {
    auto giver = read_string(body["giver"], "giver");
    auto parsed = parse_giver(giver);
    if (!parsed) throw BadInput("giver", unknown_word_message("giver", giver, {"self", "partner"}));
    request.giver = *parsed;
  }
  if (body.contains("tools")) request.tools = read_strings(body["tools"], "tools");
  if (body.contains("conditions")) request.conditions = read_conditions(body["conditions"], "conditions");
  return request;
}

}  // namespace plantar::json_io
