// The PostgreSQL schema, one migration per version, applied under a
// session-level advisory lock: servers that start together take turns, and
// the second finds the work done. Never edit a migration that has shipped:
// add the next one.
#include "migrate.h"

#include <fmt/format.h>

#include <vector>

#include "pool.h"

namespace plantar::store_pg {
namespace {

// Any fixed number: the lock that serializes plantar's migrations.
constexpr long long migration_lock = 7215309481;

// migrations[i] brings the schema from version i to i + 1.
const std::vector<const char*> migrations{
    // 1: accounts and their journals.
    R"sql(
CREATE TABLE accounts (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL DEFAULT '',
  created TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id BIGSERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  started TEXT NOT NULL,
  ended TEXT,
  minutes INTEGER,
  goals TEXT NOT NULL DEFAULT '',
  techniques TEXT NOT NULL DEFAULT '',
  routine TEXT NOT NULL DEFAULT '',
  steps_total INTEGER,
  steps_done INTEGER,
  finished BOOLEAN NOT NULL DEFAULT TRUE,
  stop_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  idempotency_key TEXT,
  day BIGINT NOT NULL,  -- days_since_epoch(started), for the runs of days in stats
  week TEXT NOT NULL,   -- iso_week(started), for the weekly sums
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX sessions_account_started ON sessions (account_id, started, id);
CREATE TABLE ratings (
  session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after', 'morning')),
  measure TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
  PRIMARY KEY (session_id, phase, measure)
);
CREATE TABLE sore_spots (
  id BIGSERIAL PRIMARY KEY,
  session_id BIGINT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  foot TEXT NOT NULL CHECK (foot IN ('left', 'right')),
  region TEXT NOT NULL,
  x DOUBLE PRECISION NOT NULL CHECK (x BETWEEN 0 AND 1),
  y DOUBLE PRECISION NOT NULL CHECK (y BETWEEN 0 AND 1),
  intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10)
);
CREATE INDEX sore_spots_session ON sore_spots (session_id);
)sql",
    // 2: what the servers share: sign-in sessions, login attempts, share
    // codes, and the secret behind the CSRF token.
    R"sql(
CREATE TABLE login_sessions (
  token_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  expires TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_sessions_account ON login_sessions (account_id);
CREATE TABLE login_attempts (
  key TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);
CREATE TABLE shares (
  id BIGSERIAL PRIMARY KEY,
  client_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  code_hash TEXT NOT NULL UNIQUE,
  created TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires TIMESTAMPTZ NOT NULL,
  therapist_id BIGINT REFERENCES accounts (id) ON DELETE CASCADE,
  accepted TIMESTAMPTZ,
  revoked TIMESTAMPTZ
);
CREATE INDEX shares_client ON shares (client_id);
CREATE INDEX shares_therapist ON shares (therapist_id);
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql",
    // 3: the sums that `stats` reads, kept by every journal write (sums.cc),
    // filled here from the sessions stored. A session's change, summed over
    // its goals and techniques, is in 60ths (journal::change_scale).
    R"sql(
CREATE TABLE pair_sums (
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  measure TEXT NOT NULL,
  week TEXT NOT NULL,
  count BIGINT NOT NULL,
  before_sum BIGINT NOT NULL, before_squares BIGINT NOT NULL,
  after_sum BIGINT NOT NULL, after_squares BIGINT NOT NULL,
  change_sum BIGINT NOT NULL, change_squares BIGINT NOT NULL,
  PRIMARY KEY (account_id, measure, week)
);
CREATE TABLE morning_sums (
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  measure TEXT NOT NULL,
  week TEXT NOT NULL,
  count BIGINT NOT NULL, sum BIGINT NOT NULL, squares BIGINT NOT NULL,
  PRIMARY KEY (account_id, measure, week)
);
CREATE TABLE change_sums (
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('goal', 'technique')),
  id TEXT NOT NULL,
  count BIGINT NOT NULL, sum BIGINT NOT NULL, squares BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  PRIMARY KEY (account_id, kind, id)
);
CREATE TABLE day_sums (
  account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  day BIGINT NOT NULL,
  sessions BIGINT NOT NULL,
  finished BIGINT NOT NULL,
  PRIMARY KEY (account_id, day)
);
INSERT INTO pair_sums
SELECT s.account_id, b.measure, s.week, count(*), sum(b.value), sum(b.value * b.value), sum(a.value),
  sum(a.value * a.value), sum(a.value - b.value), sum((a.value - b.value) * (a.value - b.value))
FROM ratings b JOIN ratings a ON a.session_id = b.session_id AND a.phase = 'after' AND a.measure = b.measure
JOIN sessions s ON s.id = b.session_id WHERE b.phase = 'before' GROUP BY s.account_id, b.measure, s.week;
INSERT INTO morning_sums
SELECT s.account_id, r.measure, s.week, count(*), sum(r.value), sum(r.value * r.value)
FROM ratings r JOIN sessions s ON s.id = r.session_id WHERE r.phase = 'morning'
GROUP BY s.account_id, r.measure, s.week;
INSERT INTO day_sums
SELECT account_id, day, count(*), sum(finished::int) FROM sessions GROUP BY account_id, day;
WITH change AS (
  SELECT b.session_id AS id, sum(a.value - b.value) AS c, count(*) AS k
  FROM ratings b JOIN ratings a ON a.session_id = b.session_id AND a.phase = 'after' AND a.measure = b.measure
  WHERE b.phase = 'before' GROUP BY b.session_id),
per AS (
  SELECT s.account_id, s.goals, s.techniques, change.c * (60 / change.k) AS x
  FROM sessions s LEFT JOIN change ON change.id = s.id)
INSERT INTO change_sums
SELECT account_id, 'goal', g, count(x), coalesce(sum(x), 0), coalesce(sum(x * x), 0), count(*)
FROM per, unnest(string_to_array(goals, ',')) AS g WHERE goals <> '' GROUP BY account_id, g
UNION ALL
SELECT account_id, 'technique', t, count(x), sum(x), sum(x * x), 0
FROM per, unnest(string_to_array(techniques, ',')) AS t WHERE techniques <> '' AND x IS NOT NULL
GROUP BY account_id, t;
)sql",
};

int current_version(pqxx::connection& connection) {
  pqxx::nontransaction read(connection);
  read.exec(
      "CREATE TABLE IF NOT EXISTS plantar_schema (version INTEGER PRIMARY KEY, "
      "applied TIMESTAMPTZ NOT NULL DEFAULT now())");
  return read.exec1("SELECT coalesce(max(version), 0) FROM plantar_schema")[0].as<int>();
}

void refuse_newer(int found, const std::string& uri) {
  throw Failure(fmt::format(
      "the PostgreSQL store {} was written by a newer plantar (schema version {}; this plantar knows up to "
      "{}). Update plantar to use it; nothing was changed",
      shown_uri(uri), found, newest_schema_version()));
}

}  // namespace

int newest_schema_version() { return static_cast<int>(migrations.size()); }

int schema_version(Pool& pool) {
  auto lease = pool.acquire();
  pqxx::nontransaction read(*lease);
  auto exists = read.exec1("SELECT to_regclass('plantar_schema') IS NOT NULL")[0].as<bool>();
  if (!exists) return 0;
  return read.exec1("SELECT coalesce(max(version), 0) FROM plantar_schema")[0].as<int>();
}

int migrate(Pool& pool) {
  try {
    // A connection of its own: the advisory lock belongs to the connection,
    // and dropping it (also when this process dies) releases the lock.
    auto connection = pool.connect();
    pqxx::nontransaction(*connection).exec(fmt::format("SELECT pg_advisory_lock({})", migration_lock));
    int found = current_version(*connection);
    if (found > newest_schema_version()) refuse_newer(found, pool.options().uri);
    int applied = 0;
    for (int v = found; v < newest_schema_version(); ++v) {
      pqxx::work step(*connection);
      step.exec(migrations[static_cast<std::size_t>(v)]);
      step.exec_params("INSERT INTO plantar_schema (version) VALUES ($1)", v + 1);
      step.commit();
      ++applied;
    }
    pqxx::nontransaction(*connection).exec(fmt::format("SELECT pg_advisory_unlock({})", migration_lock));
    return applied;
  } catch (const pqxx::failure& e) {
    fail(e);
  }
}

}  // namespace plantar::store_pg
