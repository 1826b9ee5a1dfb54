// The store contract: the same tests for every Journal implementation
// (SQLite here; another store instantiates JournalContract with its own
// opener, see journal_contract_test.cc).
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "journal_test_support.h"
#include "plantar/journal.h"

namespace plantar::test {

/// Opens a fresh, empty store whose files (if any) live in `dir`.
struct StoreOpener {
  std::string name;
  std::function<std::unique_ptr<journal::Journal>(const TempDir& dir)> open;
  /// Why the store cannot be opened here ("" when it can): the test skips, saying so.
  std::function<std::string()> missing = [] { return std::string(); };
};

/// Test names and failure messages show the store's name, not its bytes.
inline void PrintTo(const StoreOpener& opener, std::ostream* out) { *out << opener.name; }

class JournalContract : public ::testing::TestWithParam<StoreOpener> {
 protected:
  TempDir dir;
  void SetUp() override {
    if (std::string why = GetParam().missing(); !why.empty()) GTEST_SKIP() << why;
  }
  std::unique_ptr<journal::Journal> open() { return GetParam().open(dir); }
};

/// `count` varied sessions from `seed`, two a day on average, from 2025-01-01:
/// some ratings missing, some mornings, sore spots, goals and techniques.
std::vector<journal::Session> varied_sessions(int count, unsigned seed);

}  // namespace plantar::test
