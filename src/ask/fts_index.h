// The SQLite FTS5 side of `plantar ask`: an in-memory full-text index of the
// documents (title, phrasing, body) with Porter stemming, queried with
// field-weighted BM25. The only place that knows about SQLite.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "documents.h"

namespace plantar::ask {

struct Hit {
  std::size_t document = 0;  // index into the documents given to build
  double bm25 = 0;           // higher is better (SQLite's rank, negated)
};

class FtsIndex {
 public:
  /// Builds the index in memory. Throws Failure if SQLite cannot.
  explicit FtsIndex(const std::vector<Document>& documents);
  ~FtsIndex();
  FtsIndex(const FtsIndex&) = delete;
  FtsIndex& operator=(const FtsIndex&) = delete;

  /// The documents matching an FTS5 expression, in no particular order.
  std::vector<std::size_t> matching(const std::string& expression) const;
  /// The best `limit` documents for an FTS5 expression, best first.
  std::vector<Hit> ranked(const std::string& expression, int limit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `"w1" AND "w2"` for a phrase's words (any order), as an FTS5 expression.
std::string all_words_expression(const std::vector<std::string>& words);

}  // namespace plantar::ask
