// Every rule of DESIGN.md's safety table, as a floor the data must meet, and
// the combination rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "cli/questionnaire.h"
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
  // Not diabetes: with diabetes a wound is a stop (RedFlags.Vignettes).
  std::vector<ConditionReport> reports{{"osteoporosis", "", {}},
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
  EXPECT_EQ(s.reasons[0].condition, "osteoporosis");

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

// --- Issue 18: clinical red flags, one vignette each ------------------------

struct Vignette {
  std::vector<ConditionReport> reports;
  Verdict verdict;
  bool urgent;
  bool emergency;
  int max_pressure;
  const char* message_says;  // in the first stop reason's message (or any message)
};

Screening screen_all(const std::vector<ConditionReport>& reports) {
  validate(kb::embedded(), reports);
  return screen(kb::embedded(), reports);
}

bool says(const Screening& s, const std::string& words) {
  return std::any_of(s.reasons.begin(), s.reasons.end(),
                     [&](const Reason& r) { return r.message.find(words) != std::string::npos; });
}

TEST(RedFlags, Vignettes) {
  const std::vector<Vignette> cases = {
      // 2. Diabetes with a wound, an infection or a hot swollen joint.
      {{{"diabetes", "", {}}, {"open_wound", "", {at("left:heel")}}},
       Verdict::stop,
       true,
       false,
       3,
       "within one working day"},
      {{{"diabetes", "", {}}, {"skin_infection", "", {at("left:toes")}}},
       Verdict::stop,
       true,
       false,
       3,
       "within one working day"},
      {{{"diabetes", "", {}}, {"gout_flare", "", {at("right:toes")}}},
       Verdict::stop,
       true,
       false,
       3,
       "within one working day"},
      {{{"diabetic_foot_warning", "", {}}}, Verdict::stop, true, false, 4, "within one working day"},
      {{{"black_skin", "", {}}}, Verdict::stop, true, true, 4, "emergency"},
      {{{"open_wound", "", {at("left:heel")}}, {"fever", "", {}}}, Verdict::stop, true, true, 4, "help now"},
      // 3. Poor circulation; a sudden cold, pale, painful foot.
      {{{"poor_circulation", "", {}}}, Verdict::caution, false, false, 2, "heals badly"},
      {{{"cold_pale_foot", "", {}}}, Verdict::stop, true, true, 4, "emergency number"},
      // 4. Fever during cancer treatment.
      {{{"cancer_treatment", "", {}}, {"fever", "", {}}},
       Verdict::stop,
       true,
       true,
       2,
       "24-hour cancer helpline"},
      // 5. Pre-eclampsia signs; pregnancy keeps off the calves.
      {{{"preeclampsia_signs", "", {}}}, Verdict::stop, true, true, 4, "midwife or maternity unit now"},
      {{{"pregnancy", "", {}}}, Verdict::caution, false, false, 3, "6 weeks after birth"},
      // 6. Clot signs and clot risk.
      {{{"dvt_signs", "", {}}}, Verdict::stop, true, false, 4, "today"},
      {{{"clot_risk", "", {}}}, Verdict::caution, false, false, 3, "leave the calves alone"},
      // 7. A possible fracture: urgent care today.
      {{{"suspected_fracture", "", {}}}, Verdict::stop, true, false, 4, "today"},
      // 8. Infection: confusion or fast breathing is an emergency.
      {{{"cellulitis_signs", "", {}}}, Verdict::stop, true, false, 4, "emergency number"},
      {{{"sepsis_signs", "", {}}}, Verdict::stop, true, true, 4, "emergency number now"},
      {{{"cellulitis_signs", "", {}}, {"cancer_treatment", "", {}}},
       Verdict::stop,
       true,
       true,
       2,
       "24-hour cancer helpline"},
      {{{"cellulitis_signs", "", {}}, {"diabetes", "", {}}}, Verdict::stop, true, false, 3, "help now"},
      {{{"gout_flare", "", {at("right:toes")}}}, Verdict::caution, false, false, 4, "See a doctor"},
      // 9. Veins.
      {{{"bleeding_vein", "", {}}}, Verdict::stop, true, true, 4, "raise the leg"},
      {{{"inflamed_vein", "", {}}}, Verdict::stop, false, false, 4, "See a doctor"},
      // 12. Severity and the open wound without a place.
      {{{"neuropathy", "severe", {}}}, Verdict::stop, false, false, 2, "health professional"},
      {{{"neuropathy", "mild", {}}}, Verdict::caution, false, false, 2, "no tools like a ball"},
      {{{"open_wound", "", {}}}, Verdict::stop, false, false, 4, "skip the massage"},
      // Lymphoedema and low platelets.
      {{{"lymphoedema", "", {}}}, Verdict::caution, false, false, 2, "lymphoedema team"},
      {{{"bleeding_risk", "", {}}}, Verdict::caution, false, false, 2, "keep it light"},
  };
  for (const auto& c : cases) {
    auto s = screen_all(c.reports);
    std::string what = c.reports.front().id + (c.reports.size() > 1 ? "+" + c.reports[1].id : "");
    EXPECT_EQ(s.verdict, c.verdict) << what;
    EXPECT_EQ(s.urgent, c.urgent) << what;
    EXPECT_EQ(s.emergency, c.emergency) << what;
    EXPECT_EQ(s.max_pressure, c.max_pressure) << what;
    EXPECT_TRUE(says(s, c.message_says)) << what << " should say: " << c.message_says;
  }
}

TEST(RedFlags, WithoutDiabetesAWoundAtAPlaceIsACaution) {
  auto s = screen_all({{"open_wound", "", {at("left:heel")}}});
  EXPECT_EQ(s.verdict, Verdict::caution);
  EXPECT_TRUE(s.avoids(at("left:heel")));
}

TEST(RedFlags, ClotRiskAndPregnancyKeepOffTheCalves) {
  for (const char* id : {"clot_risk", "pregnancy"}) {
    auto s = screen_one(id);
    EXPECT_TRUE(s.avoids(at("left:calf"))) << id;
    EXPECT_TRUE(s.avoids(at("right:calf"))) << id;
    EXPECT_FALSE(s.avoids(at("left:arch"))) << id;
  }
}

TEST(RedFlags, PoorCirculationAndNumbnessMeanNoHeatAndNoBall) {
  for (const char* id : {"poor_circulation", "numbness"}) {
    auto s = screen_one(id);
    EXPECT_TRUE(std::find(s.avoid_tools.begin(), s.avoid_tools.end(), "tennis_ball") != s.avoid_tools.end());
    EXPECT_TRUE(std::any_of(s.notes.begin(), s.notes.end(), [](const std::string& n) {
      return n.find("no foot soak") != std::string::npos;
    })) << id;
  }
}

TEST(RedFlags, QuestionsSayOneThingPlainly) {
  const auto& kb = kb::embedded();
  // 5. The pregnancy question covers the 6 weeks after birth.
  EXPECT_NE(kb.condition("pregnancy")->question.find("6 weeks"), std::string::npos);
  // 6. The clot question no longer excuses a reason; says calf or thigh.
  const auto& dvt = kb.condition("dvt_signs")->question;
  EXPECT_EQ(dvt.find("no clear reason"), std::string::npos);
  EXPECT_NE(dvt.find("thigh"), std::string::npos);
  const auto& risk = kb.condition("clot_risk")->question;
  for (const char* word : {"operation", "hospital stay", "journey", "blood clot before"})
    EXPECT_NE(risk.find(word), std::string::npos) << word;
  // 7. The fracture question is about an injury, not heel pain on standing.
  const auto& fracture = kb.condition("suspected_fracture")->question;
  EXPECT_NE(fracture.find("fall"), std::string::npos);
  EXPECT_EQ(fracture.find("hurt more when you stand"), std::string::npos);
  // 2. Charcot signs among the diabetic warning signs.
  auto signs = kb.condition("diabetic_foot_warning")->signs;
  EXPECT_TRUE(std::any_of(signs.begin(), signs.end(),
                          [](const std::string& s) { return s.find("Charcot") != std::string::npos; }));
  // 12. Severe neuropathy defined in plain words.
  const auto& means = kb.condition("neuropathy")->severity_means;
  ASSERT_EQ(means.count("severe"), 1u);
  EXPECT_NE(means.at("severe").find("cannot feel the floor"), std::string::npos);
  EXPECT_NE(means.at("severe").find("ulcer"), std::string::npos);
  EXPECT_NE(means.at("severe").find("amputation"), std::string::npos);
}

TEST(RedFlags, SafetyIsBackedBySafetySourcesNotABenefitTrial) {
  // 13. A benefit trial is not evidence that a warning sign is dangerous.
  for (const auto& c : kb::embedded().conditions)
    if (c.rule.verdict == Verdict::stop)
      for (const auto& source : c.rule.sources) EXPECT_NE(source, "chatchawan_2015") << c.id;
}

TEST(RedFlags, NoMessageStatesAPressure) {
  // The verdict states the pressure once, from the ceiling; a message that
  // also said "moderate" or "light pressure" could disagree with it.
  for (const auto& c : kb::embedded().conditions)
    for (const char* word : {"moderate", "light pressure", "Light pressure"})
      EXPECT_EQ(c.rule.message.find(word), std::string::npos) << c.id << ": " << word;
}

TEST(RedFlags, EveryConditionIsInExactlyOneGroup) {
  const auto& kb = kb::embedded();
  std::vector<std::string> titles;
  std::size_t listed = 0;
  for (const auto& g : kb.condition_groups) {
    titles.push_back(g.title);
    listed += g.conditions.size();
  }
  EXPECT_EQ(listed, kb.conditions.size());
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Skin", "Feeling and circulation", "Injury", "Pregnancy", "Other"}));
}

// --- The interactive check (issue 11): one list, then follow-ups -----------

std::vector<ConditionReport> answer(const std::string& typed, std::string* shown = nullptr) {
  std::istringstream in(typed);
  std::ostringstream out;
  auto reports = cli::ask_conditions(kb::embedded(), in, out);
  if (shown) *shown = out.str();
  return reports;
}

// The number the list gives a condition.
std::string number_of(const std::string& id) {
  std::size_t n = 1;
  for (const auto& g : kb::embedded().condition_groups)
    for (const auto& c : g.conditions) {
      if (c == id) return std::to_string(n);
      ++n;
    }
  return "?";
}

TEST(Questionnaire, AHealthyPersonAnswersOnce) {
  std::string shown;
  EXPECT_TRUE(answer("0\n", &shown).empty());
  EXPECT_NE(shown.find("None of these"), std::string::npos);
  EXPECT_NE(shown.find("Feeling and circulation"), std::string::npos);
}

TEST(Questionnaire, FollowUpsOnlyForWhatWasTicked) {
  std::string shown;
  auto reports = answer(number_of("neuropathy") + " " + number_of("open_wound") + "\n1\nleft:heel\n", &shown);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].id, "neuropathy");  // safety.toml's order
  EXPECT_EQ(reports[0].severity, "mild");
  EXPECT_EQ(reports[1].id, "open_wound");
  ASSERT_EQ(reports[1].at.size(), 1u);
  EXPECT_NE(shown.find("cannot feel the floor"), std::string::npos);  // severity in plain words
  EXPECT_EQ(shown.find("Is it mild or severe"), std::string::npos);
}

TEST(Questionnaire, NotSureStaysCautiousAndSaysWhy) {
  std::string shown;
  auto reports = answer(number_of("neuropathy") + "\n3\n", &shown);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].severity, "");
  EXPECT_EQ(screen(kb::embedded(), reports).verdict, Verdict::stop);
  EXPECT_NE(shown.find("Not sure counts as the more serious answer"), std::string::npos);
}

TEST(Questionnaire, AnUnknownNumberIsSaidAndAskedAgain) {
  std::string shown;
  auto reports = answer("99\n0\n", &shown);
  EXPECT_TRUE(reports.empty());
  EXPECT_NE(shown.find("'99' is not on the list"), std::string::npos);
}

}  // namespace
}  // namespace plantar::safety
