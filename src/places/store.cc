// places.db through SQLiteCpp: the schema, the replacement of a region in one
// transaction and the R*Tree box search.
#include "plantar/places_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <map>

#include "plantar/errors.h"

namespace plantar::places {
namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS regions(
  name TEXT PRIMARY KEY, source TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places(
  id INTEGER PRIMARY KEY, region TEXT NOT NULL, osm_type TEXT NOT NULL, osm_id INTEGER NOT NULL,
  kind TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
  address TEXT NOT NULL, phone TEXT NOT NULL, website TEXT NOT NULL,
  opening_hours TEXT NOT NULL, wheelchair TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS places_by_region ON places(region);
CREATE VIRTUAL TABLE IF NOT EXISTS places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
CREATE TABLE IF NOT EXISTS named_places(
  id INTEGER PRIMARY KEY, region TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL);
CREATE INDEX IF NOT EXISTS named_places_by_region ON named_places(region);
CREATE INDEX IF NOT EXISTS named_places_by_name ON named_places(name COLLATE NOCASE);
)sql";

constexpr const char* place_columns =
    "p.id, p.osm_type, p.osm_id, p.kind, p.name, p.lat, p.lon, p.address, p.phone, p.website, "
    "p.opening_hours, p.wheelchair";

Place read_place(SQLite::Statement& q) {
  Place p;
  p.id = q.getColumn(0).getInt64();
  p.osm_type = q.getColumn(1).getString();
  p.osm_id = q.getColumn(2).getInt64();
  p.kind = q.getColumn(3).getString();
  p.name = q.getColumn(4).getString();
  p.at = {q.getColumn(5).getDouble(), q.getColumn(6).getDouble()};
  p.address = q.getColumn(7).getString();
  p.phone = q.getColumn(8).getString();
  p.website = q.getColumn(9).getString();
  p.opening_hours = q.getColumn(10).getString();
  p.wheelchair = q.getColumn(11).getString();
  return p;
}

std::vector<NamedPlace> read_named(SQLite::Statement& q) {
  std::vector<NamedPlace> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(),
                   q.getColumn(1).getString(),
                   {q.getColumn(2).getDouble(), q.getColumn(3).getDouble()}});
  return out;
}

void delete_region(SQLite::Database& db, const std::string& name) {
  SQLite::Statement rtree(db,
                          "DELETE FROM places_rtree WHERE id IN (SELECT id FROM places WHERE region = ?)");
  rtree.bind(1, name);
  rtree.exec();
  for (const char* sql : {"DELETE FROM places WHERE region = ?", "DELETE FROM named_places WHERE region = ?",
                          "DELETE FROM regions WHERE name = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, name);
    q.exec();
  }
}

void insert_places(SQLite::Database& db, const Region& region) {
  SQLite::Statement place(
      db,
      "INSERT INTO places(region, osm_type, osm_id, kind, name, lat, lon, address, phone, "
      "website, opening_hours, wheelchair) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement box(
      db, "INSERT INTO places_rtree(id, min_lat, max_lat, min_lon, max_lon) VALUES (?,?,?,?,?)");
  for (const auto& p : region.places) {
    place.bind(1, region.name);
    place.bind(2, p.osm_type);
    place.bind(3, static_cast<std::int64_t>(p.osm_id));
    place.bind(4, p.kind);
    place.bind(5, p.name);
    place.bind(6, p.at.lat);
    place.bind(7, p.at.lon);
    place.bind(8, p.address);
    place.bind(9, p.phone);
    place.bind(10, p.website);
    place.bind(11, p.opening_hours);
    place.bind(12, p.wheelchair);
    place.exec();
    place.reset();
    box.bind(1, static_cast<std::int64_t>(db.getLastInsertRowid()));
    box.bind(2, p.at.lat);
    box.bind(3, p.at.lat);
    box.bind(4, p.at.lon);
    box.bind(5, p.at.lon);
    box.exec();
    box.reset();
  }
}

void insert_named(SQLite::Database& db, const Region& region) {
  SQLite::Statement named(db, "INSERT INTO named_places(region, name, type, lat, lon) VALUES (?,?,?,?,?)");
  for (const auto& n : region.named) {
    named.bind(1, region.name);
    named.bind(2, n.name);
    named.bind(3, n.type);
    named.bind(4, n.at.lat);
    named.bind(5, n.at.lon);
    named.exec();
    named.reset();
  }
  SQLite::Statement row(db, "INSERT INTO regions(name, source, imported_at) VALUES (?,?,?)");
  row.bind(1, region.name);
  row.bind(2, region.source);
  row.bind(3, region.imported_at);
  row.exec();
}

}  // namespace

struct Store::Impl {
  SQLite::Database db;
  std::map<std::size_t, std::unique_ptr<SQLite::Statement>> box_queries;  // by number of kinds

  explicit Impl(const std::string& path, int flags) : db(path, flags, 5000) {}

  SQLite::Statement& box_query(std::size_t kinds) {
    auto& q = box_queries[kinds];
    if (!q) {
      std::string sql = std::string("SELECT ") + place_columns +
                        " FROM places_rtree r JOIN places p ON p.id = r.id"
                        " WHERE r.min_lat <= ? AND r.max_lat >= ? AND r.min_lon <= ? AND r.max_lon >= ?";
      if (kinds > 0) {
        sql += " AND p.kind IN (?";
        for (std::size_t i = 1; i < kinds; ++i) sql += ",?";
        sql += ")";
      }
      q = std::make_unique<SQLite::Statement>(db, sql);
    }
    q->reset();
    return *q;
  }
};

Store::Store(const std::string& path, bool create) {
  namespace fs = std::filesystem;
  if (!create && !fs::exists(path))
    throw BadInput("", "no places imported yet (looked for " + path +
                           ").\nImport your region first: plantar places import FILE.osm.pbf "
                           "(extracts of every country: download.geofabrik.de)");
  try {
    if (create && fs::path(path).has_parent_path()) fs::create_directories(fs::path(path).parent_path());
    int flags = create ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READWRITE;
    impl_ = std::make_unique<Impl>(path, flags);
    impl_->db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
    impl_->db.exec(schema);
  } catch (const std::exception& e) {
    throw Failure("cannot open the places database " + path + ": " + e.what());
  }
}

Store::~Store() = default;

void Store::replace_region(const Region& region) {
  try {
    SQLite::Transaction transaction(impl_->db);
    delete_region(impl_->db, region.name);
    insert_places(impl_->db, region);
    insert_named(impl_->db, region);
    transaction.commit();
  } catch (const SQLite::Exception& e) {
    throw Failure(std::string("could not store the places (the old data is kept): ") + e.what());
  }
}

std::vector<Place> Store::in_box(const Box& box, const std::vector<std::string>& kinds) const {
  auto& q = impl_->box_query(kinds.size());
  q.bind(1, box.max_lat);
  q.bind(2, box.min_lat);
  q.bind(3, box.max_lon);
  q.bind(4, box.min_lon);
  for (std::size_t i = 0; i < kinds.size(); ++i) q.bind(static_cast<int>(5 + i), kinds[i]);
  std::vector<Place> out;
  while (q.executeStep()) out.push_back(read_place(q));
  return out;
}

std::vector<NamedPlace> Store::named(const std::string& name) const {
  SQLite::Statement q(
      impl_->db, "SELECT name, type, lat, lon FROM named_places WHERE name = ? COLLATE NOCASE ORDER BY id");
  q.bind(1, name);
  return read_named(q);
}

std::vector<NamedPlace> Store::named_starting(const std::string& prefix) const {
  SQLite::Statement q(
      impl_->db,
      "SELECT name, type, lat, lon FROM named_places WHERE name LIKE ? ESCAPE '\\' ORDER BY name, id");
  std::string pattern;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  q.bind(1, pattern + "%");
  return read_named(q);
}

std::vector<std::string> Store::names() const {
  SQLite::Statement q(impl_->db, "SELECT DISTINCT name FROM named_places ORDER BY name");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<RegionSummary> Store::regions() const {
  SQLite::Statement q(impl_->db,
                      "SELECT r.name, r.source, r.imported_at,"
                      " (SELECT count(*) FROM places p WHERE p.region = r.name),"
                      " (SELECT count(*) FROM named_places n WHERE n.region = r.name)"
                      " FROM regions r ORDER BY r.name");
  std::vector<RegionSummary> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt(), q.getColumn(4).getInt()});
  return out;
}

}  // namespace plantar::places
