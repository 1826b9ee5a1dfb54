// The words people read and hear stay plain: a Flesch-Kincaid grade of 8 or
// lower for each kind of text in the knowledge base (DESIGN.md, "Honesty
// about health"). Measured over each kind as a whole, as readability tools
// do, with a cap on any one sentence so that no single instruction is a
// wall of words.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "test_support.h"

namespace plantar {
namespace {

struct Counts {
  int sentences = 0, words = 0, syllables = 0;
  double grade() const {
    if (words == 0 || sentences == 0) return 0;
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
  }
};

// Vowel groups, less a silent final "e": the usual estimate.
int syllables_of(const std::string& word) {
  int count = 0;
  bool in_vowel = false;
  for (char c : word) {
    bool vowel = std::string("aeiouy").find(static_cast<char>(std::tolower(static_cast<unsigned char>(c)))) !=
                 std::string::npos;
    if (vowel && !in_vowel) ++count;
    in_vowel = vowel;
  }
  if (word.size() > 2 && word.back() == 'e' && word[word.size() - 2] != 'l' && count > 1) --count;
  return count < 1 ? 1 : count;
}

// Adds `text` to `counts`; returns the length in words of its longest sentence.
int add_text(const std::string& text, Counts& counts) {
  int longest = 0, in_sentence = 0;
  std::string word;
  auto end_word = [&] {
    bool letters = false;
    for (char c : word) letters |= std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (letters) {
      ++counts.words;
      ++in_sentence;
      counts.syllables += syllables_of(word);
    }
    word.clear();
  };
  auto end_sentence = [&] {
    if (in_sentence > 0) ++counts.sentences;
    longest = std::max(longest, in_sentence);
    in_sentence = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool stop = (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') &&
                (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (std::isspace(static_cast<unsigned char>(c)) || c == '(' || c == ')' || c == ',' || stop) {
      end_word();
      if (stop) end_sentence();
    } else {
      word += c;
    }
  }
  end_word();
  end_sentence();
  return longest;
}

struct Kind {
  std::string name;
  std::vector<std::string> texts;
};

std::vector<Kind> texts_people_read(const kb::KnowledgeBase& kb) {
  Kind techniques{"technique steps and cues", {}}, safety{"safety messages and questions", {}},
      answers{"answers", {}}, tips{"tips", {}}, claims{"claims", {}}, goals{"goals", {}};
  for (const auto& t : kb.techniques) {
    techniques.texts.push_back(t.cue);
    for (const auto& s : t.steps) techniques.texts.push_back(s);
    for (const auto& s : t.cautions) techniques.texts.push_back(s);
  }
  for (const auto& c : kb.conditions) {
    safety.texts.push_back(c.question);
    for (const auto& [severity, rule] : c.by_severity) safety.texts.push_back(rule.message);
    for (const auto& [other, rule] : c.with) safety.texts.push_back(rule.message);
  }
  for (const auto& q : kb.questions) answers.texts.push_back(q.answer);
  for (const auto& t : kb.tips) tips.texts.push_back(t.text);
  for (const auto& c : kb.claims) claims.texts.push_back(c.say);
  for (const auto& g : kb.goals) goals.texts.push_back(g.description + " " + g.expect);
  return {techniques, safety, answers, tips, claims, goals};
}

TEST(ReadingGrade, EachKindOfTextReadsAtGradeEightOrLower) {
  auto kb = kb::load(test::data_files());
  for (const auto& kind : texts_people_read(kb)) {
    Counts counts;
    for (const auto& text : kind.texts) {
      int longest = add_text(text, counts);
      EXPECT_LE(longest, 40) << kind.name << ": a sentence of " << longest << " words in: " << text;
    }
    ASSERT_GT(counts.words, 0) << kind.name;
    EXPECT_LE(counts.grade(), 8.0) << kind.name << " read at grade " << counts.grade();
    std::cout << kind.name << ": grade " << counts.grade() << " over " << counts.words << " words\n";
  }
}

TEST(ReadingGrade, TheMeasureTellsPlainFromDense) {
  Counts plain, dense;
  add_text("Sit down. Put the ball under your arch. Roll it slowly for one minute.", plain);
  add_text(
      "Consequently, individuals experiencing peripheral neuropathic symptomatology should "
      "preferentially consult appropriately qualified healthcare practitioners.",
      dense);
  EXPECT_LT(plain.grade(), 4.0);
  EXPECT_GT(dense.grade(), 12.0);
}

}  // namespace
}  // namespace plantar
