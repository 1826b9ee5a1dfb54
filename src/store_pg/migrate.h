// The PostgreSQL schema's migrations (see migrate.cc).
#pragma once

namespace plantar::store_pg {

class Pool;

/// Brings the schema to the newest version under pg_advisory_lock, one
/// transaction per version; returns how many steps this call applied.
/// Throws Failure when the database has a newer schema (nothing changed).
int migrate(Pool& pool);
/// The schema version in the database (0 when empty).
int schema_version(Pool& pool);

}  // namespace plantar::store_pg
