#include "fts_index.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "plantar/errors.h"

namespace plantar::ask {

// Column weights of BM25: the entry's own title (a question's own words)
// counts most, the other ways to ask next, the body least.
constexpr const char* rank_sql =
    "SELECT rowid, bm25(docs, 10.0, 4.0, 1.0) FROM docs WHERE docs MATCH ? ORDER BY 2 LIMIT ?";

struct FtsIndex::Impl {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  std::unique_ptr<SQLite::Statement> match, rank;
};

FtsIndex::FtsIndex(const std::vector<Document>& documents) : impl_(std::make_unique<Impl>()) {
  try {
    auto& db = impl_->db;
    db.exec(
        "CREATE VIRTUAL TABLE docs USING fts5(title, phrasing, body, "
        "tokenize='porter unicode61 remove_diacritics 2')");
    SQLite::Transaction transaction(db);
    SQLite::Statement insert(db, "INSERT INTO docs(rowid, title, phrasing, body) VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < documents.size(); ++i) {
      insert.bind(1, static_cast<int64_t>(i));
      insert.bind(2, documents[i].title);
      insert.bind(3, documents[i].phrasing);
      insert.bind(4, documents[i].body);
      insert.exec();
      insert.reset();
    }
    transaction.commit();
    db.exec("INSERT INTO docs(docs) VALUES ('optimize')");
    impl_->match = std::make_unique<SQLite::Statement>(db, "SELECT rowid FROM docs WHERE docs MATCH ?");
    impl_->rank = std::make_unique<SQLite::Statement>(db, rank_sql);
  } catch (const SQLite::Exception& e) {
    throw Failure(std::string("cannot build the question index: ") + e.what());
  }
}

FtsIndex::~FtsIndex() = default;

std::vector<std::size_t> FtsIndex::matching(const std::string& expression) const {
  std::vector<std::size_t> out;
  try {
    auto& query = *impl_->match;
    query.reset();
    query.bind(1, expression);
    while (query.executeStep()) out.push_back(static_cast<std::size_t>(query.getColumn(0).getInt64()));
  } catch (const SQLite::Exception& e) {
    throw Failure(std::string("question index: ") + e.what());
  }
  return out;
}

std::vector<Hit> FtsIndex::ranked(const std::string& expression, int limit) const {
  std::vector<Hit> out;
  try {
    auto& query = *impl_->rank;
    query.reset();
    query.bind(1, expression);
    query.bind(2, limit);
    while (query.executeStep())
      out.push_back(
          {static_cast<std::size_t>(query.getColumn(0).getInt64()), -query.getColumn(1).getDouble()});
  } catch (const SQLite::Exception& e) {
    throw Failure(std::string("question index: ") + e.what());
  }
  return out;
}

std::string all_words_expression(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "\"" : " AND \"") + w + "\"";
  return words.size() > 1 ? "(" + out + ")" : out;
}

}  // namespace plantar::ask
