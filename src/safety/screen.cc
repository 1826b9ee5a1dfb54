#include <algorithm>
#include <tuple>

#include "plantar/errors.h"
#include "plantar/safety.h"
#include "plantar/suggest.h"

namespace plantar::safety {
namespace {

template <typename T>
void add_unique(std::vector<T>& list, const T& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Sorts the places and drops those a whole-foot entry already covers.
std::vector<Place> normalized(std::vector<Place> places) {
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  std::vector<Place> out;
  for (const auto& place : places) {
    bool covered = std::any_of(places.begin(), places.end(),
                               [&](const Place& other) { return other != place && other.covers(place); });
    if (!covered) out.push_back(place);
  }
  return out;
}

void lower_limit(std::vector<PlaceLimit>& limits, const Place& place, int ceiling) {
  for (auto& limit : limits) {
    if (limit.place == place) {
      limit.max_pressure = std::min(limit.max_pressure, ceiling);
      return;
    }
  }
  limits.push_back({place, ceiling});
}

bool reported(const std::vector<ConditionReport>& reports, const std::string& id) {
  return std::any_of(reports.begin(), reports.end(), [&](const ConditionReport& r) { return r.id == id; });
}

// The rule for one report: its severity's, or the strictest `with` rule
// for another condition also reported (diabetes makes a wound urgent).
const kb::Rule& rule_of(const kb::Condition& condition, const ConditionReport& report,
                        const std::vector<ConditionReport>& reports) {
  const kb::Rule* rule = &condition.rule_for(report.severity);
  auto rank = [](const kb::Rule& r) { return std::tuple(r.verdict, r.urgent, r.emergency); };
  bool with_rule = false;  // a `with` rule wins a tie with the plain one: it says more
  for (const auto& [other, with] : condition.with)
    if (reported(reports, other) && (with_rule ? rank(with) > rank(*rule) : rank(with) >= rank(*rule))) {
      rule = &with;
      with_rule = true;
    }
  return *rule;
}

// Applies one condition's rule to the screening built so far.
void apply(const kb::KnowledgeBase& kb, const kb::Condition& condition, const ConditionReport& report,
           const std::vector<ConditionReport>& reports, Screening& out) {
  const kb::Rule& rule = rule_of(condition, report, reports);
  Verdict verdict = rule.verdict;
  if (!condition.local) {
    for (const auto& place : rule.avoid_default) out.avoid.push_back(place);  // always, e.g. the calves
  } else {
    if (!report.at.empty()) {
      for (const auto& place : report.at) out.avoid.push_back(place);
    } else if (!rule.avoid_default.empty()) {
      for (const auto& place : rule.avoid_default) out.avoid.push_back(place);
    } else {
      verdict = std::max(verdict, rule.without_at.value_or(Verdict::stop));
    }
  }
  out.verdict = std::max(out.verdict, verdict);
  bool urgent = rule.urgent && verdict == Verdict::stop;
  out.urgent = out.urgent || urgent;
  out.emergency = out.emergency || (urgent && rule.emergency);
  if (rule.max_pressure) out.max_pressure = std::min(out.max_pressure, *rule.max_pressure);
  if (rule.leg_max_pressure) {
    for (const auto& region : kb.regions)
      if (region.leg)
        for (Foot foot : all_feet) lower_limit(out.limits, {foot, region.id}, *rule.leg_max_pressure);
  }
  for (const auto& tool : rule.avoid_tools) add_unique(out.avoid_tools, tool);
  for (const auto& technique : rule.avoid_techniques) add_unique(out.avoid_techniques, technique);
  for (const auto& note : rule.notes) add_unique(out.notes, note);
  out.reasons.push_back(
      {condition.id, rule.message, rule.sources, verdict, urgent, urgent && rule.emergency});
}

std::vector<std::string> condition_ids(const kb::KnowledgeBase& kb) {
  std::vector<std::string> ids;
  for (const auto& c : kb.conditions) ids.push_back(c.id);
  return ids;
}

}  // namespace

bool Screening::avoids(const Place& place) const {
  return std::any_of(avoid.begin(), avoid.end(), [&](const Place& a) { return a.covers(place); });
}

bool Screening::avoids_technique(const std::string& id) const {
  return std::binary_search(avoid_techniques.begin(), avoid_techniques.end(), id);
}

int Screening::ceiling_at(const Place& place) const {
  int ceiling = max_pressure;
  for (const auto& limit : limits)
    if (limit.place.covers(place)) ceiling = std::min(ceiling, limit.max_pressure);
  return ceiling;
}

void validate(const kb::KnowledgeBase& kb, const std::vector<ConditionReport>& reports) {
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto& report = reports[i];
    std::string field = "conditions[" + std::to_string(i) + "]";
    const kb::Condition* condition = kb.condition(report.id);
    if (condition == nullptr)
      throw BadInput(field + ".id", unknown_word_message("condition", report.id, condition_ids(kb)));
    if (!report.severity.empty()) {
      const auto& levels = condition->severities;
      if (levels.empty()) throw BadInput(field + ".severity", report.id + " takes no severity");
      if (std::find(levels.begin(), levels.end(), report.severity) == levels.end())
        throw BadInput(field + ".severity", unknown_word_message("severity", report.severity, levels));
    }
    if (!report.at.empty() && !condition->local)
      throw BadInput(field + ".at", report.id + " is not about one place, so it takes no \"at\"");
  }
}

Screening screen(const kb::KnowledgeBase& kb, const std::vector<ConditionReport>& reports) {
  Screening out;
  for (const auto& report : reports) {
    const kb::Condition* condition = kb.condition(report.id);
    if (condition != nullptr) apply(kb, *condition, report, reports, out);
  }
  out.avoid = normalized(std::move(out.avoid));
  // Techniques that need an avoided tool are avoided too.
  for (const auto& technique : kb.techniques)
    for (const auto& tool : technique.tools)
      if (std::find(out.avoid_tools.begin(), out.avoid_tools.end(), tool) != out.avoid_tools.end())
        add_unique(out.avoid_techniques, technique.id);
  std::sort(out.avoid_techniques.begin(), out.avoid_techniques.end());
  std::sort(out.avoid_tools.begin(), out.avoid_tools.end());
  std::sort(out.limits.begin(), out.limits.end(),
            [](const PlaceLimit& a, const PlaceLimit& b) { return a.place < b.place; });
  for (auto& limit : out.limits) limit.max_pressure = std::min(limit.max_pressure, out.max_pressure);
  if (out.max_pressure >= 1 && static_cast<std::size_t>(out.max_pressure) <= kb.pressure_scale.size())
    out.pressure_words = kb.pressure_scale[static_cast<std::size_t>(out.max_pressure - 1)];
  bool both_feet_avoided = out.avoids({Foot::left, std::nullopt}) && out.avoids({Foot::right, std::nullopt});
  if (both_feet_avoided && out.verdict != Verdict::stop) {
    out.verdict = Verdict::stop;
    add_unique(out.notes, std::string("Both feet are to be avoided, so nothing is safe to massage. "
                                      "Ask a health professional when it is safe again."));
  }
  return out;
}

}  // namespace plantar::safety
