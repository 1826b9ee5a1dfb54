// plantar ask: the word helpers, the knowledge-file checks of its data, and
// the evaluation over tests/ask_eval.json (recall@1 and recall@3 of questions
// written the way people ask them, safety first, honest "no answer").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "ask/words.h"
#include "plantar/ask.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "test_support.h"

namespace plantar {
namespace {

const ask::Index& index() {
  static const ask::Index shared(kb::embedded());
  return shared;
}

json_io::Json eval() { return json_io::parse(test::source_file("tests/ask_eval.json"), "ask_eval.json"); }

std::string key(const ask::Answer& a) { return std::string(ask::name(a.kind)) + ":" + a.id; }

TEST(AskWords, SplitsLikePeopleType) {
  EXPECT_EQ(ask::question_words("Can't I rub my ATHLETE'S foot?!"),
            (std::vector<std::string>{"cant", "i", "rub", "my", "athletes", "foot"}));
  EXPECT_EQ(ask::index_tokens("can't feel"), (std::vector<std::string>{"can", "t", "feel"}));
  EXPECT_EQ(ask::question_words("don\xe2\x80\x99t"), (std::vector<std::string>{"dont"}));
}

TEST(AskWords, LightStemJoinsWordForms) {
  EXPECT_EQ(ask::light_stem("calves"), ask::light_stem("calf"));
  EXPECT_EQ(ask::light_stem("rubbing"), "rub");
  EXPECT_EQ(ask::light_stem("swelling"), ask::light_stem("swell"));
  EXPECT_EQ(ask::light_stem("heels"), "heel");
  EXPECT_EQ(ask::light_stem("press"), "press");
  auto stems = ask::stem_set(ask::question_words("my calves are swollen"));
  EXPECT_TRUE(ask::holds_phrase(stems, "swollen calf"));
  EXPECT_FALSE(ask::holds_phrase(stems, "warm calf"));
}

TEST(AskWords, TypoDistanceCountsASwapAsOneEdit) {
  EXPECT_EQ(ask::typo_distance("diabetes", "diabtees", 2), 1u);
  EXPECT_EQ(ask::typo_distance("pregnant", "pregant", 2), 1u);
  EXPECT_EQ(ask::typo_distance("heel", "heel", 1), 0u);
  EXPECT_EQ(ask::typo_distance("massage", "pizza", 2), 3u);  // limit + 1
  EXPECT_EQ(ask::typo_allowance(3), 0u);
}

TEST(AskData, TriggersAndSynonymsAreChecked) {
  auto files = test::data_files();
  auto with = [&](const std::string& name, const std::string& from, const std::string& to) {
    auto copy = files;
    for (auto& f : copy)
      if (f.name == name) f.text.replace(f.text.find(from), from.size(), to);
    return copy;
  };
  EXPECT_THROW(kb::load(with("safety.toml", "ask_triggers", "ask_trigger")), BadInput);
  EXPECT_THROW(kb::load(with("safety.toml", "\"swollen calf\"", "\"Swollen Calf!\"")), BadInput);
  EXPECT_NO_THROW(kb::load(with("synonyms.toml", "\"golf ball\", ", "")));
}

TEST(AskData, LoaderNamesTheLineOfABadSynonym) {
  auto files = test::data_files();
  for (auto& f : files)
    if (f.name == "synonyms.toml") f.text += "\n[[synonym]]\nphrases = [\"alone\"]\n";
  try {
    kb::load(files);
    FAIL() << "a synonym group of one phrase must be rejected";
  } catch (const BadInput& e) {
    EXPECT_NE(std::string(e.what()).find("synonyms.toml:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("at least two"), std::string::npos) << e.what();
  }
}

TEST(AskEval, RecallOnEverydayQuestions) {
  auto data = eval();
  const auto& questions = data["questions"];
  ASSERT_GE(questions.size(), 80u);
  int at1 = 0, at3 = 0;
  std::string misses;
  for (const auto& item : questions) {
    auto result = index().ask(item["q"].get<std::string>(), 3);
    auto expected = item["expect"].get<std::vector<std::string>>();
    for (std::size_t rank = 0; rank < result.answers.size(); ++rank) {
      if (std::find(expected.begin(), expected.end(), key(result.answers[rank])) == expected.end()) continue;
      at1 += rank == 0;
      at3 += rank < 3;
      break;
    }
    if (result.answers.empty() ||
        std::none_of(result.answers.begin(), result.answers.end(), [&](const ask::Answer& a) {
          return std::find(expected.begin(), expected.end(), key(a)) != expected.end();
        })) {
      misses += "\n  " + item["q"].get<std::string>() + " -> ";
      for (const auto& a : result.answers) misses += key(a) + " ";
    }
  }
  double n = static_cast<double>(questions.size());
  std::printf("ask evaluation over %zu questions: recall@1 %.3f, recall@3 %.3f\n", questions.size(), at1 / n,
              at3 / n);
  if (!misses.empty()) std::printf("missed at 3:%s\n", misses.c_str());
  EXPECT_GE(at3 / n, 0.85) << misses;
}

TEST(AskEval, WarningSignsPutSafetyGuidanceFirst) {
  auto data = eval();
  for (const auto& item : data["safety_first"]) {
    auto q = item["q"].get<std::string>();
    auto result = index().ask(q, 3);
    ASSERT_FALSE(result.answers.empty()) << q;
    EXPECT_EQ(key(result.answers.front()), "condition:" + item["condition"].get<std::string>()) << q;
    EXPECT_TRUE(result.answers.front().safety) << q;
    EXPECT_FALSE(result.answers.front().sources.empty()) << q;
  }
}

TEST(AskEval, OrdinaryQuestionsDoNotRaiseAlarms) {
  auto data = eval();
  for (const auto& item : data["no_safety_trigger"]) {
    auto q = item.get<std::string>();
    auto result = index().ask(q, 3);
    ASSERT_FALSE(result.answers.empty()) << q;
    EXPECT_FALSE(result.answers.front().safety && result.answers.front().score == 0) << q;
  }
}

TEST(AskEval, SaysSoWhenNothingMatches) {
  auto data = eval();
  for (const auto& item : data["nothing_matches"]) {
    auto q = item.get<std::string>();
    auto result = index().ask(q, 3);
    EXPECT_TRUE(result.answers.empty()) << q << " -> " << key(result.answers.front());
    EXPECT_EQ(result.suggestions.size(), 3u) << q;
  }
}

TEST(Ask, AnswersShowGradesAndSources) {
  auto result = index().ask("does reflexology really work", 3);
  ASSERT_FALSE(result.answers.empty());
  const auto& top = result.answers.front();
  EXPECT_EQ(key(top), "question:reflexology_work");
  ASSERT_TRUE(top.grade.has_value());
  EXPECT_EQ(*top.grade, Grade::contradicted);
  EXPECT_FALSE(top.sources.empty());
  for (const auto& id : top.sources) EXPECT_NE(kb::embedded().source(id), nullptr) << id;
}

TEST(Ask, CorrectsTyposAndSaysSo) {
  auto result = index().ask("diabtes foot masage", 3);
  ASSERT_FALSE(result.corrections.empty());
  EXPECT_EQ(result.corrections.front().typed, "diabtes");
  EXPECT_EQ(result.corrections.front().read_as, "diabetes");
}

TEST(Ask, KnownWordsAreNotCorrected) {
  // "kids" is only in synonyms.toml, not in any entry: it must not be "read as" itself.
  for (const char* q : {"should i massage my kids feet", "how hard should I press"})
    EXPECT_TRUE(index().ask(q, 3).corrections.empty()) << q;
}

TEST(Ask, LimitAndEmptyQuestionAreBadInput) {
  EXPECT_THROW(index().ask("heel pain", 0), BadInput);
  EXPECT_THROW(index().ask("heel pain", ask::max_limit + 1), BadInput);
  EXPECT_THROW(index().ask("?!", 3), BadInput);
  EXPECT_EQ(index().ask("heel pain", 1).answers.size(), 1u);
  EXPECT_LE(index().ask("massage", ask::max_limit).answers.size(), static_cast<std::size_t>(ask::max_limit));
}

TEST(Ask, SameQuestionSameAnswers) {
  ask::Index other(kb::embedded());
  auto a = json_io::dump(json_io::to_json(index().ask("heel hurts in the morning", 5)));
  auto b = json_io::dump(json_io::to_json(other.ask("heel hurts in the morning", 5)));
  EXPECT_EQ(a, b);
}

// --- Issue 18 and 11: what the answers say -----------------------------------

const kb::Question& faq(const std::string& id) {
  for (const auto& q : kb::embedded().questions)
    if (q.id == id) return q;
  throw std::runtime_error("no question " + id);
}

bool holds(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

TEST(AskAnswers, TheTennisBallIsAlwaysUsedSeated) {
  const auto& answer = faq("tennis_ball").answer;
  EXPECT_TRUE(holds(answer, "Always stay seated"));
  EXPECT_FALSE(holds(answer, "you can stand"));
}

TEST(AskAnswers, NoSoakAndNoHeatWithDiabetesNumbnessOrPoorCirculation) {
  const auto& answer = faq("warm_footbath").answer;
  EXPECT_TRUE(holds(answer, "do not soak your feet and use no heat at all"));
  EXPECT_FALSE(holds(answer, "Skip hot water"));
  EXPECT_TRUE(holds(faq("diabetes").answer, "do not soak"));
}

TEST(AskAnswers, ClaimsSayNoMoreThanTheEvidence) {
  const auto* claim = kb::embedded().claim("plantar_fasciitis");
  ASSERT_NE(claim, nullptr);
  EXPECT_FALSE(holds(claim->say, "Expect it to take"));
  EXPECT_TRUE(holds(claim->say, "no better after 2 weeks"));
  EXPECT_TRUE(holds(faq("plantar_fasciitis").answer, "no better after 2 weeks"));
  EXPECT_TRUE(holds(faq("cortisol_detox").answer, "There is no evidence that"));
}

TEST(AskAnswers, EverydayTopicsHaveTheirOwnAnswerAndSources) {
  for (const char* id :
       {"poor_circulation", "charcot_foot", "after_childbirth", "lymphoedema", "low_platelets", "clot_risk",
        "children", "older_parent", "ingrown_toenail", "bunions", "heel_spurs", "mortons_neuroma",
        "flat_feet", "athletes_foot", "appointment", "which_oil", "essential_oils", "how_often"}) {
    const auto& q = faq(id);
    if (std::string(id) != "how_often" && std::string(id) != "which_oil")
      EXPECT_FALSE(q.sources.empty()) << id;
    for (const auto& source : q.sources)
      EXPECT_NE(kb::embedded().source(source), nullptr) << id << " " << source;
  }
  const auto& appointment = faq("appointment").answer;
  for (const char* part : {"Before:", "During:", "After:", "Wear", "tell them"})
    EXPECT_TRUE(holds(appointment, part)) << part;
}

TEST(AskAnswers, NamingTwoConditionsGivesTheRuleForBoth) {
  // A fever alone says rest; during cancer treatment it says call the helpline.
  auto alone = index().ask("i have a fever", 1);
  ASSERT_FALSE(alone.answers.empty());
  EXPECT_FALSE(holds(alone.answers.front().text, "cancer helpline now, even"));
  auto chemo = index().ask("on chemo and i have a fever", 1);
  ASSERT_FALSE(chemo.answers.empty());
  EXPECT_EQ(key(chemo.answers.front()), "condition:fever");
  EXPECT_TRUE(holds(chemo.answers.front().text, "24-hour cancer helpline now"));
  auto blister = index().ask("diabetic with a blister on my heel", 1);
  ASSERT_FALSE(blister.answers.empty());
  EXPECT_EQ(key(blister.answers.front()), "condition:open_wound");
  EXPECT_TRUE(holds(blister.answers.front().text, "within one working day"));
}

TEST(Ask, AClearlyMeantQuestionIsAnsweredEvenWithAnOddWord) {
  // "fix" is in no answer about bunions, yet nothing else comes close.
  auto result = index().ask("will massage fix my bunion", 1);
  ASSERT_FALSE(result.answers.empty());
  EXPECT_EQ(key(result.answers.front()), "question:bunions");
  // Off-topic questions are still refused.
  EXPECT_TRUE(index().ask("can i massage my dog", 1).answers.empty());
}

}  // namespace
}  // namespace plantar
