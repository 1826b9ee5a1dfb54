// The kept sums in PostgreSQL: each write sends its change as arrays, one
// upsert a table (whatever the number of sessions an import adds), and the
// rows that came to nothing are removed.
#include "sums.h"

#include <fmt/format.h>

#include "arrays.h"
#include "plantar/errors.h"

namespace plantar::store_pg {
namespace {

using journal::Moments;
using journal::Totals;

// The columns of one table's change, as arrays bound to $2, $3, ...
struct Columns {
  std::vector<std::vector<std::string>> texts;
  std::vector<std::vector<std::int64_t>> numbers;
  bool removes = false;  // some count goes down: rows may come to nothing
  Columns(std::size_t text_count, std::size_t number_count) : texts(text_count), numbers(number_count) {}
  bool empty() const { return texts.empty() ? numbers.front().empty() : texts.front().empty(); }
};

// Runs `upsert` and, when counts went down, `drop`, with $1 the account and
// then the text and number arrays in order; `drop` takes the key arrays
// alone (the first `drop_params` parameters).
void apply(pqxx::transaction_base& tx, std::int64_t account, const Columns& columns,
           const std::string& upsert, const std::string& drop, std::size_t drop_params) {
  if (columns.empty()) return;
  std::vector<std::string> params{std::to_string(account)};
  for (const auto& texts : columns.texts) params.push_back(text_array(texts));
  for (const auto& numbers : columns.numbers) params.push_back(number_array(numbers));
  tx.exec_params(upsert, pqxx::prepare::make_dynamic_params(params));
  if (columns.removes)
    tx.exec_params(drop, pqxx::prepare::make_dynamic_params(params.begin(),
                                                            params.begin() + static_cast<long>(drop_params)));
}

void add_pairs(pqxx::transaction_base& tx, std::int64_t account, const Totals& change) {
  Columns c(2, 7);
  for (const auto& [measure, weeks] : change.measures)
    for (const auto& [week, pair] : weeks) {
      c.texts[0].push_back(measure);
      c.texts[1].push_back(week);
      std::int64_t values[] = {pair.change.count,  pair.before.sum, pair.before.squares, pair.after.sum,
                               pair.after.squares, pair.change.sum, pair.change.squares};
      for (std::size_t i = 0; i < 7; ++i) c.numbers[i].push_back(values[i]);
      c.removes = c.removes || pair.change.count < 0;
    }
  apply(tx, account, c,
        "INSERT INTO pair_sums SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::bigint[], "
        "$5::bigint[], "
        "$6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[]) "
        "ON CONFLICT (account_id, measure, week) DO UPDATE SET count = pair_sums.count + EXCLUDED.count, "
        "before_sum = pair_sums.before_sum + EXCLUDED.before_sum, "
        "before_squares = pair_sums.before_squares + EXCLUDED.before_squares, "
        "after_sum = pair_sums.after_sum + EXCLUDED.after_sum, "
        "after_squares = pair_sums.after_squares + EXCLUDED.after_squares, "
        "change_sum = pair_sums.change_sum + EXCLUDED.change_sum, "
        "change_squares = pair_sums.change_squares + EXCLUDED.change_squares",
        "DELETE FROM pair_sums p USING unnest($2::text[], $3::text[]) AS k (measure, week) "
        "WHERE p.account_id = $1 AND p.measure = k.measure AND p.week = k.week AND p.count = 0",
        3);
}

void add_mornings(pqxx::transaction_base& tx, std::int64_t account, const Totals& change) {
  Columns c(2, 3);
  for (const auto& [measure, weeks] : change.mornings)
    for (const auto& [week, m] : weeks) {
      c.texts[0].push_back(measure);
      c.texts[1].push_back(week);
      c.numbers[0].push_back(m.count);
      c.numbers[1].push_back(m.sum);
      c.numbers[2].push_back(m.squares);
      c.removes = c.removes || m.count < 0;
    }
  apply(tx, account, c,
        "INSERT INTO morning_sums SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::bigint[], "
        "$5::bigint[], $6::bigint[]) ON CONFLICT (account_id, measure, week) DO UPDATE SET "
        "count = morning_sums.count + EXCLUDED.count, sum = morning_sums.sum + EXCLUDED.sum, "
        "squares = morning_sums.squares + EXCLUDED.squares",
        "DELETE FROM morning_sums p USING unnest($2::text[], $3::text[]) AS k (measure, week) "
        "WHERE p.account_id = $1 AND p.measure = k.measure AND p.week = k.week AND p.count = 0",
        3);
}

// A goal's row also counts the sessions that had it, with a change or not.
void add_changes(pqxx::transaction_base& tx, std::int64_t account, const Totals& change) {
  Columns c(2, 4);
  auto add = [&](const char* kind, const std::string& id, const Moments& m, std::int64_t sessions) {
    c.texts[0].push_back(kind);
    c.texts[1].push_back(id);
    c.numbers[0].push_back(m.count);
    c.numbers[1].push_back(m.sum);
    c.numbers[2].push_back(m.squares);
    c.numbers[3].push_back(sessions);
    c.removes = c.removes || m.count < 0 || sessions < 0;
  };
  for (const auto& row : change_rows(change)) add(row.kind, row.id, row.change, row.sessions);
  apply(
      tx, account, c,
      "INSERT INTO change_sums SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::bigint[], "
      "$5::bigint[], $6::bigint[], $7::bigint[]) ON CONFLICT (account_id, kind, id) DO UPDATE SET "
      "count = change_sums.count + EXCLUDED.count, sum = change_sums.sum + EXCLUDED.sum, "
      "squares = change_sums.squares + EXCLUDED.squares, sessions = change_sums.sessions + EXCLUDED.sessions",
      "DELETE FROM change_sums p USING unnest($2::text[], $3::text[]) AS k (kind, id) "
      "WHERE p.account_id = $1 AND p.kind = k.kind AND p.id = k.id AND p.count = 0 AND p.sessions = 0",
      3);
}

void add_days(pqxx::transaction_base& tx, std::int64_t account, const journal::Sums& change) {
  Columns c(0, 3);
  for (const auto& [day, count] : change.days) {
    c.numbers[0].push_back(day);
    c.numbers[1].push_back(count.sessions);
    c.numbers[2].push_back(count.finished);
    c.removes = c.removes || count.sessions < 0;
  }
  apply(tx, account, c,
        "INSERT INTO day_sums SELECT $1::bigint, * FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) "
        "ON CONFLICT (account_id, day) DO UPDATE SET sessions = day_sums.sessions + EXCLUDED.sessions, "
        "finished = day_sums.finished + EXCLUDED.finished",
        "DELETE FROM day_sums p WHERE p.account_id = $1 AND p.day = ANY($2::bigint[]) AND p.sessions = 0", 2);
}

Moments moments(const pqxx::row& row, int first) {
  return {row[first].as<std::int64_t>(), row[first + 1].as<std::int64_t>(),
          row[first + 2].as<std::int64_t>()};
}

Timestamp stored_time(const pqxx::field& field) {
  auto t = parse_timestamp(field.as<std::string>());
  if (!t) throw Failure("the PostgreSQL store holds a broken time '" + field.as<std::string>() + "'");
  return *t;
}

}  // namespace

void add_to_sums(pqxx::transaction_base& tx, std::int64_t account, const journal::Sums& change) {
  add_pairs(tx, account, change.totals);
  add_mornings(tx, account, change.totals);
  add_changes(tx, account, change.totals);
  add_days(tx, account, change);
}

journal::Totals read_sums(pqxx::transaction_base& tx, std::int64_t account) {
  Totals totals;
  for (const auto& row : tx.exec_params(
           "SELECT measure, week, count, before_sum, before_squares, after_sum, after_squares, change_sum, "
           "change_squares FROM pair_sums WHERE account_id = $1",
           account)) {
    auto count = row[2].as<std::int64_t>();
    auto& pair = totals.measures[row[0].as<std::string>()][row[1].as<std::string>()];
    pair.before = {count, row[3].as<std::int64_t>(), row[4].as<std::int64_t>()};
    pair.after = {count, row[5].as<std::int64_t>(), row[6].as<std::int64_t>()};
    pair.change = {count, row[7].as<std::int64_t>(), row[8].as<std::int64_t>()};
  }
  for (const auto& row : tx.exec_params(
           "SELECT measure, week, count, sum, squares FROM morning_sums WHERE account_id = $1", account))
    totals.mornings[row[0].as<std::string>()][row[1].as<std::string>()] = moments(row, 2);
  for (const auto& row :
       tx.exec_params("SELECT kind, id, count, sum, squares, sessions FROM change_sums WHERE account_id = $1",
                      account)) {
    bool goal = row[0].as<std::string>() == "goal";
    auto id = row[1].as<std::string>();
    Moments m = moments(row, 2);
    if (m.count != 0) (goal ? totals.goals : totals.techniques)[id] = m;
    if (auto sessions = row[5].as<int>(); goal && sessions != 0) totals.goal_sessions[id] = sessions;
  }
  std::vector<long> days;
  for (const auto& row : tx.exec_params(
           "SELECT day, sessions, finished FROM day_sums WHERE account_id = $1 ORDER BY day", account)) {
    days.push_back(row[0].as<long>());
    totals.sessions += row[1].as<int>();
    totals.finished += row[2].as<int>();
  }
  journal::add_runs(days, totals);
  // The first and last start: one step each into the index on (account_id,
  // started, id), written as ORDER BY ... LIMIT 1 so that no estimate of
  // the account's rows (none yet, after a first import) turns it into a scan.
  auto ends = tx.exec_params1(
      "SELECT (SELECT started FROM sessions WHERE account_id = $1 ORDER BY started LIMIT 1), "
      "(SELECT started FROM sessions WHERE account_id = $1 ORDER BY started DESC LIMIT 1)",
      account);
  if (!ends[0].is_null()) totals.first = stored_time(ends[0]);
  if (!ends[1].is_null()) totals.last = stored_time(ends[1]);
  return totals;
}

}  // namespace plantar::store_pg
