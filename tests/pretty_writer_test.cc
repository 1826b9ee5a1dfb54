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
  // Long strings too: the writer skips clean text 16 bytes at a time.
  int length = static_cast<int>(rng() % 4 == 0 ? 8 + rng() % 40 : rng() % 8);
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
      auto key = "key_" + std::to_string(rng() % 100) + "_" + std::to_string(i);  // distinct program names
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

// Every character that needs escaping, at every position of a long plain
// text, and next to multi-byte UTF-8 (bytes of 0x80 and above are copied).
TEST(PrettyWriter, EscapesAtEveryPositionOfALongString) {
  for (int code = 0; code < 0x80; ++code) {
    for (std::size_t at = 0; at < 40; ++at) {  // in the first, second and last 16 bytes
      std::string text = "Rest your heel on the ball é→ and roll slowly";
      if ((static_cast<unsigned char>(text[at]) & 0xc0) == 0x80) continue;  // inside é or →
      text.insert(at, 1, static_cast<char>(code));
      PrettyWriter writer;
      writer.string(text);
      ASSERT_EQ(std::move(writer).finish(), Tree(text).dump(2) + "\n") << "code " << code << " at " << at;
    }
  }
}

// Past the first buffer (32 KB): the text grows and nothing is lost.
TEST(PrettyWriter, GrowsPastItsFirstBuffer) {
  PrettyWriter writer;
  Tree tree = Tree::array();
  writer.begin_array();
  for (int i = 0; i < 3000; ++i) {
    std::string text = "step " + std::to_string(i) + ": press \"slowly\"\n";
    writer.string(text);
    tree.push_back(text);
    writer.number(-1234567890123LL * i);
    tree.push_back(-1234567890123LL * i);
  }
  std::string long_text(100000, 'x');
  writer.string(long_text);
  tree.push_back(long_text);
  writer.end_array();
  ASSERT_EQ(std::move(writer).finish(), tree.dump(2) + "\n");
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
