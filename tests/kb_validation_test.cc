// The knowledge base in data/ loads, holds everything DESIGN.md and the
// foundation issue ask for, and the loader names file:line for broken input.
#include <gtest/gtest.h>

#include <algorithm>

#include "plantar/errors.h"
#include "plantar/kb.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::data_files;

TEST(KnowledgeBase, SourceDataLoads) {
  try {
    kb::load(data_files());
  } catch (const BadInput& e) {
    FAIL() << e.what();
  }
}

TEST(KnowledgeBase, EmbeddedCopyMatchesTheSourceFolder) {
  auto embedded = kb::embedded_files();
  auto source = data_files();
  ASSERT_EQ(embedded.size(), source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    EXPECT_EQ(embedded[i].name, source[i].name);
    EXPECT_EQ(embedded[i].text, source[i].text) << source[i].name << " changed: rebuild";
  }
}

TEST(KnowledgeBase, HoldsWhatTheFoundationAsksFor) {
  const auto& kb = kb::embedded();
  EXPECT_GE(kb.techniques.size(), 14u);
  EXPECT_EQ(kb.regions.size(), 10u);
  EXPECT_GE(kb.questions.size(), 30u);
  EXPECT_GE(kb.atlas.zones.size(), 10u);
  for (const char* goal :
       {"relax", "sleep", "circulation", "desk_stiffness", "plantar_fasciitis", "runner_recovery", "general"})
    EXPECT_NE(kb.goal(goal), nullptr) << goal;
  for (const char* t :
       {"thumb_heel_press", "tennis_ball_roll", "toe_stretch", "arch_knead", "ball_of_foot_work",
        "calf_stretch", "warmup_stroke", "cooldown_stroke", "ankle_circles", "toe_spread", "thumb_walk_arch",
        "plantar_fascia_stretch", "achilles_squeeze", "top_of_foot_stroke"})
    EXPECT_NE(kb.technique(t), nullptr) << t;
  for (const char* c : {"open_wound",         "bruise",
                        "neuropathy",         "diabetes",
                        "numbness",           "dvt_signs",
                        "recent_injury",      "skin_infection",
                        "gout_flare",         "pregnancy",
                        "varicose_veins",     "bleeding_risk",
                        "recent_surgery",     "fever",
                        "osteoporosis",       "oil_allergy",
                        "cellulitis_signs",   "diabetic_foot_warning",
                        "suspected_fracture", "unexplained_pain",
                        "cancer_treatment"})
    EXPECT_NE(kb.condition(c), nullptr) << c;
  for (const char* tip : {"drink_water", "loose_clothes", "relax_feet_first", "tell_therapist_sore_areas",
                          "daily_foot_check", "stop_signs"})
    EXPECT_TRUE(std::any_of(kb.tips.begin(), kb.tips.end(), [&](const kb::Tip& t) { return t.id == tip; }))
        << tip;
}

TEST(KnowledgeBase, EveryRegionIsWorkedByAMainTechnique) {
  const auto& kb = kb::embedded();
  for (Region region : all_regions) {
    bool worked = std::any_of(kb.techniques.begin(), kb.techniques.end(), [&](const kb::Technique& t) {
      return t.phase == kb::Phase::main && t.works(region);
    });
    EXPECT_TRUE(worked) << name(region);
  }
}

TEST(KnowledgeBase, SourcesAreOnlyThoseOfEvidenceMd) {
  // Every DOI and PMID in sources.toml must appear in ../shared/evidence.md.
  std::string evidence = test::source_file("../shared/evidence.md");
  if (evidence.empty()) GTEST_SKIP() << "../shared/evidence.md is not beside the checkout";
  for (const auto& s : kb::embedded().sources) {
    if (!s.doi.empty()) {
      EXPECT_NE(evidence.find(s.doi), std::string::npos) << s.id << " doi " << s.doi;
    }
    if (!s.pmid.empty()) {
      EXPECT_NE(evidence.find(s.pmid), std::string::npos) << s.id << " pmid " << s.pmid;
    }
  }
}

// Loads the source data with one file's text changed by `edit`, and returns
// the loader's error message ("" when it loaded).
template <typename Edit>
std::string error_after(const std::string& file, Edit edit) {
  auto files = data_files();
  for (auto& f : files)
    if (f.name == file) edit(f.text);
  try {
    kb::load(files);
  } catch (const BadInput& e) {
    return e.what();
  }
  return "";
}

void replace_first(std::string& text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

TEST(KnowledgeBaseErrors, BrokenReferenceNamesFileAndLine) {
  std::string text = test::source_file("data/goals.toml");
  int line = line_of(text, "[[goal]]");
  auto message = error_after("goals.toml", [](std::string& t) {
    replace_first(t, "techniques = [\n", "techniques = [\n  \"no_such_technique\",\n");
  });
  EXPECT_NE(message.find("goals.toml:" + std::to_string(line)), std::string::npos) << message;
  EXPECT_NE(message.find("no_such_technique"), std::string::npos) << message;
}

TEST(KnowledgeBaseErrors, OutOfRangeNumberNamesTheField) {
  auto message =
      error_after("techniques.toml", [](std::string& t) { replace_first(t, "max = ", "max = 99 + "); });
  EXPECT_NE(message.find("techniques.toml:"), std::string::npos) << message;
  message = error_after("safety.toml",
                        [](std::string& t) { replace_first(t, "max_pressure = 2", "max_pressure = 9"); });
  EXPECT_NE(message.find("safety.toml:"), std::string::npos) << message;
  EXPECT_NE(message.find("max_pressure"), std::string::npos) << message;
  EXPECT_NE(message.find("from 1 to 4"), std::string::npos) << message;
}

TEST(KnowledgeBaseErrors, MissingSourceIsRefused) {
  auto message = error_after("claims.toml", [](std::string& t) {
    replace_first(t, "sources = [\"", "sources = [\"invented_2024\", \"");
  });
  EXPECT_NE(message.find("claims.toml:"), std::string::npos) << message;
  EXPECT_NE(message.find("invented_2024"), std::string::npos) << message;
}

TEST(KnowledgeBaseErrors, UnknownKeyAndUnknownRegionAreRefused) {
  auto message =
      error_after("tools.toml", [](std::string& t) { replace_first(t, "name =", "nmae = \"x\"\nname ="); });
  EXPECT_NE(message.find("unknown key 'nmae'"), std::string::npos) << message;
  message = error_after("techniques.toml", [](std::string& t) {
    replace_first(t, "regions = [\"", "regions = [\"elbow\", \"");
  });
  EXPECT_NE(message.find("elbow"), std::string::npos) << message;
}

TEST(KnowledgeBaseErrors, SyntaxErrorAndControlCharacters) {
  auto message = error_after("tips.toml", [](std::string& t) { t += "\n[[tip]\n"; });
  EXPECT_NE(message.find("tips.toml:"), std::string::npos) << message;
  message = error_after("faq.toml", [](std::string& t) { t.insert(0, std::string("x = 1\n\0", 7)); });
  EXPECT_NE(message.find("faq.toml:2"), std::string::npos) << message;
}

TEST(KnowledgeBaseErrors, MissingAndUnknownFiles) {
  auto files = data_files();
  files.pop_back();
  EXPECT_THROW(kb::load(files), BadInput);
  files = data_files();
  files.push_back({"extra.toml", ""});
  EXPECT_THROW(kb::load(files), BadInput);
}

// cues.toml (the guided session's words): placeholders, counts and ranges.
TEST(CuesFile, IsCheckedWithFileAndLine) {
  EXPECT_EQ(error_after("cues.toml", [](std::string&) {}), "");
  auto message = error_after(
      "cues.toml", [](std::string& t) { replace_first(t, "{technique}. Work", "{tecnique}. Work"); });
  EXPECT_NE(message.find("cues.toml:"), std::string::npos) << message;
  EXPECT_NE(message.find("did you mean 'technique'"), std::string::npos) << message;
  message =
      error_after("cues.toml", [](std::string& t) { replace_first(t, "countdown = 3 ", "countdown = 2 "); });
  EXPECT_NE(message.find("as many words as timing.countdown"), std::string::npos) << message;
  message = error_after("cues.toml", [](std::string& t) { replace_first(t, "calf = ", "calves = "); });
  EXPECT_NE(message.find("cues.toml:"), std::string::npos) << message;
  message = error_after("cues.toml", [](std::string& t) {
    replace_first(t, "words_per_minute = 150", "words_per_minute = 5");
  });
  EXPECT_NE(message.find("words_per_minute"), std::string::npos) << message;
}

// Non-ASCII text is fine in strings and comments, refused elsewhere (toml++
// 3.3 mishandles it there).
TEST(KnowledgeFiles, NonAsciiOnlyInStringsAndComments) {
  EXPECT_EQ(error_after("tools.toml", [](std::string& t) { t = "# Ça va\n" + t + "\n# é\n"; }), "");
  auto message = error_after("tools.toml", [](std::string& t) { t = "\n\né = 1\n" + t; });
  EXPECT_NE(message.find("tools.toml:3"), std::string::npos) << message;
  EXPECT_NE(message.find("non-ASCII"), std::string::npos) << message;
  message = error_after("tools.toml", [](std::string& t) { t = "x = \"\"\"a\n\"\"\" \u00a1\n" + t; });
  EXPECT_NE(message.find("tools.toml:2"), std::string::npos) << message;
}

}  // namespace
}  // namespace plantar
