// Every rule of DESIGN.md's safety table, as a floor the data must meet, and
// the combination rules.
#include <gtest/gtest.h>

#include <algorithm>

#include "plantar/errors.h"
#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::safety {
namespace {

Place at(const char* text) { return *parse_place(text); }

Screening screen_one(const std::string& id, const std::string& severity = "",
                     std::vector<Place> places = {}) {
  std::vector<ConditionReport> reports{{id, severity, std::move(places)}};
  validate(kb::embedded(), reports);
  return screen(kb::embedded(), reports);
}

bool avoids_technique(const Screening& s, const char* id) {
  return std::find(s.avoid_techniques.begin(), s.avoid_techniques.end(), id) != s.avoid_techniques.end();
}

TEST(Safety, NoConditionsIsGoWithCeilingFour) {
  auto s = screen(kb::embedded(), {});
  EXPECT_EQ(s.verdict, Verdict::go);
  EXPECT_FALSE(s.urgent);
  EXPECT_EQ(s.max_pressure, 4);
  EXPECT_TRUE(s.avoid.empty());
  EXPECT_TRUE(s.reasons.empty());
}

TEST(Safety, UrgentStops) {
  for (const char* id : {"dvt_signs", "cellulitis_signs", "diabetic_foot_warning"}) {
    auto s = screen_one(id);
    EXPECT_EQ(s.verdict, Verdict::stop) << id;
    EXPECT_TRUE(s.urgent) << id;
    ASSERT_EQ(s.reasons.size(), 1u);
    EXPECT_FALSE(s.reasons[0].message.empty());
    EXPECT_FALSE(s.reasons[0].sources.empty());
  }
}

TEST(Safety, DvtMessageSaysTodayAndEmergency) {
  auto s = screen_one("dvt_signs");
  const auto& message = s.reasons[0].message;
  EXPECT_NE(message.find("today"), std::string::npos);
  EXPECT_NE(message.find("emergency"), std::string::npos);
  EXPECT_NE(message.find("breath"), std::string::npos);
}

TEST(Safety, Stops) {
  for (const char* id : {"suspected_fracture", "unexplained_pain", "fever", "recent_surgery"})
    EXPECT_EQ(screen_one(id).verdict, Verdict::stop) << id;
  EXPECT_EQ(screen_one("neuropathy", "severe").verdict, Verdict::stop);
}

TEST(Safety, UnspecifiedSeverityCountsAsTheMostSevere) {
  EXPECT_EQ(screen_one("neuropathy").verdict, Verdict::stop);
  EXPECT_EQ(screen_one("bruise").verdict, Verdict::stop);
}

TEST(Safety, LocalConditionsAvoidTheirPlacesOrStopWithoutThem) {
  for (const char* id : {"open_wound", "recent_injury", "skin_infection", "gout_flare"}) {
    auto s = screen_one(id, "", {at("left:heel"), at("right:toes")});
    EXPECT_EQ(s.verdict, Verdict::caution) << id;
    EXPECT_TRUE(s.avoids(at("left:heel"))) << id;
    EXPECT_TRUE(s.avoids(at("right:toes"))) << id;
    EXPECT_FALSE(s.avoids(at("right:heel"))) << id;
    EXPECT_EQ(screen_one(id).verdict, Verdict::stop) << id << " with no place";
  }
}

TEST(Safety, Bruises) {
  auto mild = screen_one("bruise", "mild", {at("left:arch")});
  EXPECT_EQ(mild.verdict, Verdict::caution);
  EXPECT_TRUE(mild.avoids(at("left:arch")));
  EXPECT_GE(screen_one("bruise", "mild").verdict, Verdict::caution);
  EXPECT_EQ(screen_one("bruise", "severe").verdict, Verdict::stop);
  auto severe_at = screen_one("bruise", "severe", {at("right:calf")});
  EXPECT_EQ(severe_at.verdict, Verdict::caution);
  EXPECT_TRUE(severe_at.avoids(at("right:calf")));
}

TEST(Safety, NumbnessAndMildNeuropathyMeanLightPressureAndNoTools) {
  for (auto s : {screen_one("numbness"), screen_one("neuropathy", "mild")}) {
    EXPECT_EQ(s.verdict, Verdict::caution);
    EXPECT_LE(s.max_pressure, 2);
    EXPECT_TRUE(avoids_technique(s, "tennis_ball_roll"));
    // No technique that needs any tool survives.
    for (const auto& t : kb::embedded().techniques)
      if (!t.tools.empty()) EXPECT_TRUE(s.avoids_technique(t.id)) << t.id;
    EXPECT_FALSE(s.notes.empty()) << "inspect the feet after";
  }
}

TEST(Safety, DiabetesCeilingThreeAndFootChecks) {
  auto s = screen_one("diabetes");
  EXPECT_EQ(s.verdict, Verdict::caution);
  EXPECT_LE(s.max_pressure, 3);
  bool check_note = std::any_of(s.notes.begin(), s.notes.end(), [](const std::string& n) {
    return n.find("before and after") != std::string::npos;
  });
  EXPECT_TRUE(check_note);
}

TEST(Safety, DiabetesWithNumbnessTakesTheStricterRule) {
  std::vector<ConditionReport> reports{{"diabetes", "", {}}, {"numbness", "", {}}};
  auto s = screen(kb::embedded(), reports);
  EXPECT_EQ(s.max_pressure, 2);
  EXPECT_TRUE(avoids_technique(s, "tennis_ball_roll"));
  EXPECT_EQ(s.reasons.size(), 2u);
}

TEST(Safety, Ceilings) {
  EXPECT_LE(screen_one("bleeding_risk").max_pressure, 2);
  EXPECT_LE(screen_one("pregnancy").max_pressure, 3);
  EXPECT_LE(screen_one("osteoporosis").max_pressure, 3);
  EXPECT_LE(screen_one("cancer_treatment").max_pressure, 2);
  for (const char* id : {"bleeding_risk", "pregnancy", "osteoporosis", "cancer_treatment"})
    EXPECT_EQ(screen_one(id).verdict, Verdict::caution) << id;
}

TEST(Safety, PregnancyRemindsToCheckForClots) {
  auto s = screen_one("pregnancy");
  bool mentions = std::any_of(s.notes.begin(), s.notes.end(),
                              [](const std::string& n) { return n.find("calves") != std::string::npos; });
  EXPECT_TRUE(mentions);
}

TEST(Safety, VaricoseVeinsAvoidBothCalvesByDefaultAndKeepLegsLight) {
  auto s = screen_one("varicose_veins");
  EXPECT_EQ(s.verdict, Verdict::caution);
  EXPECT_TRUE(s.avoids(at("left:calf")));
  EXPECT_TRUE(s.avoids(at("right:calf")));
  EXPECT_LE(s.ceiling_at(at("left:achilles")), 2);
  EXPECT_LE(s.ceiling_at(at("right:calf")), 2);
  EXPECT_EQ(s.ceiling_at(at("left:arch")), 4);
  auto one = screen_one("varicose_veins", "", {at("left:calf")});
  EXPECT_TRUE(one.avoids(at("left:calf")));
  EXPECT_FALSE(one.avoids(at("right:calf")));
  EXPECT_LE(one.ceiling_at(at("right:calf")), 2);
}

TEST(Safety, OilAllergyAvoidsOil) {
  auto s = screen_one("oil_allergy");
  EXPECT_EQ(s.verdict, Verdict::caution);
  EXPECT_NE(std::find(s.avoid_tools.begin(), s.avoid_tools.end(), "oil"), s.avoid_tools.end());
}

TEST(Safety, CombinationTakesStrictestVerdictLowestCeilingAndEveryReason) {
  std::vector<ConditionReport> reports{{"diabetes", "", {}},
                                       {"open_wound", "", {at("left:heel")}},
                                       {"bleeding_risk", "", {}},
                                       {"bruise", "mild", {at("right:arch"), at("left:heel")}}};
  auto s = screen(kb::embedded(), reports);
  EXPECT_EQ(s.verdict, Verdict::caution);
  EXPECT_EQ(s.max_pressure, 2);
  ASSERT_EQ(s.avoid.size(), 2u);  // left:heel once
  EXPECT_EQ(name(s.avoid[0]), "left:heel");
  EXPECT_EQ(name(s.avoid[1]), "right:arch");
  ASSERT_EQ(s.reasons.size(), 4u);
  EXPECT_EQ(s.reasons[0].condition, "diabetes");

  reports.push_back({"dvt_signs", "", {}});
  auto stop = screen(kb::embedded(), reports);
  EXPECT_EQ(stop.verdict, Verdict::stop);
  EXPECT_TRUE(stop.urgent);
  EXPECT_EQ(stop.reasons.size(), 5u);
}

TEST(Safety, WholeFootCoversItsRegions) {
  auto s = screen_one("open_wound", "", {at("left:*"), at("left:heel")});
  ASSERT_EQ(s.avoid.size(), 1u);
  EXPECT_EQ(name(s.avoid[0]), "left:*");
  EXPECT_TRUE(s.avoids(at("left:calf")));
  EXPECT_EQ(s.verdict, Verdict::caution);
}

TEST(Safety, BothFeetAvoidedMeansStop) {
  auto s = screen_one("skin_infection", "", {at("left:*"), at("right:*")});
  EXPECT_EQ(s.verdict, Verdict::stop);
}

TEST(SafetyValidation, NamesTheFieldAndSuggests) {
  try {
    validate(kb::embedded(), {{"diabetes", "", {}}, {"diabetis", "", {}}});
    FAIL();
  } catch (const BadInput& e) {
    EXPECT_EQ(e.where(), "conditions[1].id");
    EXPECT_NE(std::string(e.what()).find("did you mean 'diabetes'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(validate(kb::embedded(), {{"bruise", "terrible", {}}}), BadInput);
  EXPECT_THROW(validate(kb::embedded(), {{"fever", "mild", {}}}), BadInput);
  EXPECT_THROW(validate(kb::embedded(), {{"diabetes", "", {at("left:heel")}}}), BadInput);
}

TEST(SafetyData, EveryConditionHasQuestionSignsMessageAndSources) {
  for (const auto& c : kb::embedded().conditions) {
    EXPECT_FALSE(c.question.empty()) << c.id;
    EXPECT_FALSE(c.signs.empty()) << c.id;
    EXPECT_FALSE(c.rule.message.empty()) << c.id;
    EXPECT_FALSE(c.rule.sources.empty()) << c.id;
  }
}

}  // namespace
}  // namespace plantar::safety
