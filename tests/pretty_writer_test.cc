// PrettyWriter writes what nlohmann's dump(2) writes for the same values:
// checked on random nested documents with every ASCII control character,
// quotes, backslashes and multi-byte UTF-8 in their strings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "io/pretty_writer.h"

namespace plantar::json_io {
namespace {

using Tree = nlohmann::ordered_json;

std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",  "Z",  " ",  "\"", "\\",   "/", "\x01", "\x1f", "\n",
                                                  "\t", "\b", "\f", "\r", "\x7f", "é", "→",    "👣",    "0"};
  std::string text;
  int length = static_cast<int>(rng() % 8);
  for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
  return text;
}

// Writes a random value to both the writer and a tree.
void random_value(std::mt19937& rng, int depth, PrettyWriter& writer, Tree& tree) {
  int kind = static_cast<int>(rng() % (depth > 3 ? 3 : 6));
  if (kind == 0) {
    auto text = random_text(rng);
    writer.string(text);
    tree = text;
  } else if (kind == 1) {
    long long n = static_cast<long long>(rng() % 2001) - 1000;
    writer.number(n);
    tree = n;
  } else if (kind == 2) {
    bool b = rng() % 2 == 0;
    writer.boolean(b);
    tree = b;
  } else if (kind == 3 || kind == 4) {
    writer.begin_object();
    tree = Tree::object();
    int members = static_cast<int>(rng() % 4);
    for (int i = 0; i < members; ++i) {
      auto key = random_text(rng) + std::to_string(i);  // distinct keys
      writer.key(key);
      random_value(rng, depth + 1, writer, tree[key]);
    }
    writer.end_object();
  } else {
    writer.begin_array();
    tree = Tree::array();
    int items = static_cast<int>(rng() % 4);
    for (int i = 0; i < items; ++i) {
      Tree item;
      random_value(rng, depth + 1, writer, item);
      tree.push_back(std::move(item));
    }
    writer.end_array();
  }
}

TEST(PrettyWriter, WritesWhatNlohmannDumpWrites) {
  std::mt19937 rng(20261201);
  for (int i = 0; i < 5000; ++i) {
    PrettyWriter writer;
    Tree tree;
    random_value(rng, 0, writer, tree);
    ASSERT_EQ(std::move(writer).finish(), tree.dump(2) + "\n") << "document " << i;
  }
}

TEST(PrettyWriter, StringListsAndEmptyContainers) {
  PrettyWriter writer;
  writer.begin_object();
  writer.key("empty");
  writer.strings({});
  writer.key("list");
  writer.strings({"a", "b"});
  writer.key("object");
  writer.begin_object();
  writer.end_object();
  writer.end_object();
  EXPECT_EQ(std::move(writer).finish(),
            "{\n  \"empty\": [],\n  \"list\": [\n    \"a\",\n    \"b\"\n  ],\n  \"object\": {}\n}\n");
}

}  // namespace
}  // namespace plantar::json_io
