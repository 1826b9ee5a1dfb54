// The knowledge base compiled at build time (tools/compile_kb.cc) is the
// one the TOML loader makes from data/: every field of every struct, and the
// real program's answers with and without `--data data/`.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "kb/binary_kb.h"
#include "kb/fields.h"
#include "plantar/errors.h"
#include "plantar/kb.h"
#include "test_support.h"

namespace plantar {
namespace {

using kb::fields::IsMap;
using kb::fields::IsOptional;
using kb::fields::IsVector;

std::string key_text(const std::string& key) { return key; }
template <typename K>
std::string key_text(const K& key) {
  return std::string(name(key));
}

// Appends to `out` the path of every field where `a` and `b` differ,
// walking the structs through kb/fields.h (written independently of
// binary_kb.cc, so a field the binary form forgot shows up here).
template <typename T>
void differences(const T& a, const T& b, const std::string& path, std::vector<std::string>& out) {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, std::string>) {
    if (!(a == b)) out.push_back(path);
  } else if constexpr (IsVector<T>::value) {
    if (a.size() != b.size()) return out.push_back(path + ".size");
    for (std::size_t i = 0; i < a.size(); ++i)
      differences(a[i], b[i], path + "[" + std::to_string(i) + "]", out);
  } else if constexpr (IsMap<T>::value) {
    if (a.size() != b.size()) return out.push_back(path + ".size");
    for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
      if (ia->first != ib->first) return out.push_back(path + ".keys");
      differences(ia->second, ib->second, path + "[" + key_text(ia->first) + "]", out);
    }
  } else if constexpr (IsOptional<T>::value) {
    if (a.has_value() != b.has_value()) return out.push_back(path + ".has_value");
    if (a) differences(*a, *b, path, out);
  } else {
    auto fields_a = kb::fields::apply(a, [](const auto&... f) { return std::tie(f...); });
    auto fields_b = kb::fields::apply(b, [](const auto&... f) { return std::tie(f...); });
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (differences(std::get<I>(fields_a), std::get<I>(fields_b), path + ".field" + std::to_string(I + 1),
                   out),
       ...);
    }
    (std::make_index_sequence<kb::fields::count<T>>());
  }
}

std::vector<std::string> differences(const kb::KnowledgeBase& a, const kb::KnowledgeBase& b) {
  std::vector<std::string> out;
  differences(a, b, "kb", out);
  return out;
}

const kb::KnowledgeBase& from_toml() {
  static const kb::KnowledgeBase kb = kb::load(test::data_files());
  return kb;
}

TEST(CompiledKnowledgeBase, EqualsTheOneLoadedFromTheTomlFiles) {
  EXPECT_EQ(differences(kb::embedded(), from_toml()), std::vector<std::string>{});
  // Not empty: the comparison had something to compare.
  EXPECT_GE(kb::embedded().techniques.size(), 14u);
  EXPECT_EQ(kb::embedded().pictures.size(), kb::embedded().techniques.size());
}

TEST(CompiledKnowledgeBase, RoundTripKeepsEveryField) {
  std::string bytes = kb::to_binary(from_toml());
  auto back = kb::from_binary(bytes);
  EXPECT_EQ(differences(back, from_toml()), std::vector<std::string>{});
  EXPECT_EQ(kb::to_binary(back), bytes);
  EXPECT_EQ(std::string(kb::compiled_form()), bytes);
}

// The comparison above can fail: a change deep inside (an optional in a map
// of rules, a number in a picture, a region's name in the cues) is found
// and named by its path.
TEST(CompiledKnowledgeBase, ComparisonFindsAChangeAnywhere) {
  kb::KnowledgeBase changed = kb::embedded();
  ASSERT_TRUE(differences(changed, kb::embedded()).empty());

  auto* condition = &changed.conditions.front();
  for (auto& c : changed.conditions)
    if (!c.by_severity.empty()) condition = &c;
  ASSERT_FALSE(condition->by_severity.empty());
  auto& rule = condition->by_severity.begin()->second;
  rule.max_pressure = rule.max_pressure ? std::nullopt : std::optional<int>(2);
  changed.pictures.back().seconds += 0.5;
  changed.cues.areas[Region::heel] += "!";
  changed.techniques.front().origin.line += 1;

  auto found = differences(changed, kb::embedded());
  EXPECT_EQ(found.size(), 4u);
  for (const auto& path : found) EXPECT_EQ(path.rfind("kb.field", 0), 0u) << path;
  bool saw_heel = false;
  for (const auto& path : found) saw_heel = saw_heel || path.find("[heel]") != std::string::npos;
  EXPECT_TRUE(saw_heel);
}

TEST(CompiledKnowledgeBase, ADamagedFormIsRefused) {
  std::string bytes(kb::compiled_form());
  EXPECT_THROW(kb::from_binary(bytes.substr(0, bytes.size() - 1)), Failure);
  EXPECT_THROW(kb::from_binary(bytes + "x"), Failure);
  EXPECT_THROW(kb::from_binary("plantar-kb\x02" + bytes.substr(11)), Failure);
  EXPECT_THROW(kb::from_binary(""), Failure);
  // A huge count right after the header: refused, not allocated.
  std::string huge = bytes.substr(0, 11) + std::string("\xff\xff\xff\x7f", 4) + bytes.substr(15);
  EXPECT_THROW(kb::from_binary(huge), Failure);
}

// The real program answers the same with the compiled knowledge base as
// with `--data data/` (which parses the TOML files at run time).
TEST(CompiledKnowledgeBase, ProgramAnswersAsWithTheTomlFiles) {
  std::string data = std::string(PLANTAR_SOURCE_DIR) + "/data";
  std::vector<std::vector<std::string>> commands{
      {"learn", "--json"},
      {"learn", "conditions", "--json"},
      {"learn", "questions", "--json"},
      {"learn", "zones", "--json"},
      {"learn", "sources", "--json"},
      {"learn", "tips", "--json"},
      {"check", "--condition", "diabetes", "--condition", "bruise=mild@left:heel", "--json"},
      {"ask", "my heel hurts in the morning", "--json"}};
  int minutes = 5;
  for (const auto& goal : kb::embedded().goals) {
    minutes += 7;
    commands.push_back({"plan", "--goal", goal.id, "--minutes", std::to_string(minutes), "--giver",
                        minutes % 2 == 0 ? "self" : "partner", "--json"});
  }
  for (auto args : commands) {
    auto compiled = test::run_plantar(args);
    args.insert(args.end(), {"--data", data});
    auto toml = test::run_plantar(args);
    EXPECT_EQ(compiled.status, 0) << args[0] << " " << args[1] << ": " << compiled.err;
    EXPECT_EQ(compiled.status, toml.status) << args[0] << " " << args[1];
    EXPECT_GT(compiled.out.size(), 20u) << args[0] << " " << args[1];
    EXPECT_EQ(compiled.out, toml.out) << args[0] << " " << args[1] << " " << args[2];
  }
}

}  // namespace
}  // namespace plantar
