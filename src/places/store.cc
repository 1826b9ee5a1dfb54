// places.db through SQLiteCpp: the schema, the replacement of a region in one
// transaction and the R*Tree box search. The R*Tree indexes cells of up to 16
// neighbouring places (consecutive ids in Z-order) rather than each place: an
// R*Tree insertion or deletion costs about 15 us, so a region of 50,000 places
// is stored in a tenth of the time, and a box search reads a few more rows.
#include "plantar/places_store.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <utility>

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
  opening_hours TEXT NOT NULL, wheelchair TEXT NOT NULL, country TEXT NOT NULL DEFAULT '');
CREATE VIRTUAL TABLE IF NOT EXISTS place_cells USING rtree(
  id, min_lat, max_lat, min_lon, max_lon, +last_id, +region);
CREATE TABLE IF NOT EXISTS named_places(
  id INTEGER PRIMARY KEY, region TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
  lat REAL NOT NULL, lon REAL NOT NULL);
CREATE INDEX IF NOT EXISTS named_places_by_region ON named_places(region);
CREATE INDEX IF NOT EXISTS named_places_by_name ON named_places(name COLLATE NOCASE);
)sql";

constexpr const char* place_columns =
    "p.id, p.osm_type, p.osm_id, p.kind, p.name, p.lat, p.lon, p.address, p.phone, p.website, "
    "p.opening_hours, p.wheelchair, p.country";

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
  p.country = q.getColumn(12).getString();
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

// A region's places are the id ranges of its cells (consecutive ranges
// merged: one import is usually one range), so places need no index by region.
void delete_region(SQLite::Database& db, const std::string& name) {
  SQLite::Statement cells(db, "SELECT id, last_id FROM place_cells WHERE region = ? ORDER BY id");
  cells.bind(1, name);
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
  while (cells.executeStep()) {
    std::int64_t first = cells.getColumn(0).getInt64(), last = cells.getColumn(1).getInt64();
    if (!ranges.empty() && ranges.back().second + 1 == first)
      ranges.back().second = last;
    else
      ranges.emplace_back(first, last);
  }
  SQLite::Statement rows(db, "DELETE FROM places WHERE id BETWEEN ? AND ?");
  for (const auto& [first, last] : ranges) {
    rows.bind(1, static_cast<std::int64_t>(first));
    rows.bind(2, static_cast<std::int64_t>(last));
    rows.exec();
    rows.reset();
  }
  for (const char* sql :
       {"DELETE FROM place_cells WHERE region = ?", "DELETE FROM named_places WHERE region = ?",
        "DELETE FROM regions WHERE name = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, name);
    q.exec();
  }
}

// A Z-order (Morton) key of a position: places near each other on the Earth
// get near keys, so inserting in key order fills the R*Tree's pages with
// neighbours, and a box search reads fewer pages.
std::uint64_t z_order(LatLon at) {
  auto spread = [](std::uint64_t v) {  // the 32 bits of v into the even bits
    v &= 0xffffffff;
    v = (v | (v << 16)) & 0x0000ffff0000ffffULL;
    v = (v | (v << 8)) & 0x00ff00ff00ff00ffULL;
    v = (v | (v << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    v = (v | (v << 2)) & 0x3333333333333333ULL;
    v = (v | (v << 1)) & 0x5555555555555555ULL;
    return v;
  };
  auto y = static_cast<std::uint64_t>((at.lat + 90.0) / 180.0 * 4294967295.0);
  auto x = static_cast<std::uint64_t>((at.lon + 180.0) / 360.0 * 4294967295.0);
  return spread(x) | (spread(y) << 1);
}

constexpr std::size_t places_per_cell = 16;
constexpr int cell_shift = 40;  // a cell never spans two Z-order squares of 2^12 x 2^12 (about 5 x 9 km)

// Consecutive places (ids first..last) and their bounding box.
class Cell {
 public:
  bool fits(std::uint64_t key) const { return count_ < places_per_cell && (key >> cell_shift) == square_; }
  bool empty() const { return count_ == 0; }
  void start(std::uint64_t key, std::int64_t id, LatLon at) {
    square_ = key >> cell_shift;
    first_ = last_ = id;
    box_ = {at.lat, at.lat, at.lon, at.lon};
    count_ = 1;
  }
  void add(std::int64_t id, LatLon at) {
    last_ = id;
    box_ = {std::min(box_.min_lat, at.lat), std::max(box_.max_lat, at.lat), std::min(box_.min_lon, at.lon),
            std::max(box_.max_lon, at.lon)};
    ++count_;
  }
  void store(SQLite::Statement& insert, const std::string& region) const {
    insert.bind(1, static_cast<std::int64_t>(first_));
    insert.bind(2, box_.min_lat);
    insert.bind(3, box_.max_lat);
    insert.bind(4, box_.min_lon);
    insert.bind(5, box_.max_lon);
    insert.bind(6, static_cast<std::int64_t>(last_));
    insert.bind(7, region);
    insert.exec();
    insert.reset();
  }

 private:
  std::uint64_t square_ = 0;
  std::int64_t first_ = 0, last_ = 0;
  Box box_;
  std::size_t count_ = 0;
};

void insert_places(SQLite::Database& db, const Region& region) {
  SQLite::Statement place(
      db,
      "INSERT INTO places(region, osm_type, osm_id, kind, name, lat, lon, address, phone, "
      "website, opening_hours, wheelchair, country) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  SQLite::Statement cell_row(db,
                             "INSERT INTO place_cells(id, min_lat, max_lat, min_lon, max_lon, last_id, "
                             "region) VALUES (?,?,?,?,?,?,?)");
  std::vector<std::pair<std::uint64_t, const Place*>> order;
  order.reserve(region.places.size());
  for (const auto& p : region.places) order.emplace_back(z_order(p.at), &p);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Cell cell;
  // The texts stay alive until the row is written: bound without a copy.
  for (const auto& [key, at] : order) {
    const Place& p = *at;
    place.bindNoCopy(1, region.name);
    place.bindNoCopy(2, p.osm_type);
    place.bind(3, static_cast<std::int64_t>(p.osm_id));
    place.bindNoCopy(4, p.kind);
    place.bindNoCopy(5, p.name);
    place.bind(6, p.at.lat);
    place.bind(7, p.at.lon);
    place.bindNoCopy(8, p.address);
    place.bindNoCopy(9, p.phone);
    place.bindNoCopy(10, p.website);
    place.bindNoCopy(11, p.opening_hours);
    place.bindNoCopy(12, p.wheelchair);
    place.bindNoCopy(13, p.country);
    place.exec();
    place.reset();
    auto id = static_cast<std::int64_t>(db.getLastInsertRowid());  // ids rise by one: cells are id ranges
    if (!cell.empty() && cell.fits(key)) {
      cell.add(id, p.at);
      continue;
    }
    if (!cell.empty()) cell.store(cell_row, region.name);
    cell.start(key, id, p.at);
  }
  if (!cell.empty()) cell.store(cell_row, region.name);
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

// places.db files written before places had a country get the column (empty:
// their places' zones are then chosen by position alone).
void add_country_column(SQLite::Database& db) {
  SQLite::Statement columns(db, "SELECT 1 FROM pragma_table_info('places') WHERE name = 'country'");
  if (!columns.executeStep()) db.exec("ALTER TABLE places ADD COLUMN country TEXT NOT NULL DEFAULT ''");
}

// places.db files with an R*Tree entry per place (places_rtree) keep them as
// cells of one place each; the next import of a region packs it.
void move_to_cells(SQLite::Database& db) {
  SQLite::Statement old(db, "SELECT 1 FROM sqlite_master WHERE name = 'places_rtree'");
  if (!old.executeStep()) return;
  old.reset();
  SQLite::Transaction transaction(db);
  db.exec(
      "INSERT INTO place_cells(id, min_lat, max_lat, min_lon, max_lon, last_id, region)"
      " SELECT r.id, r.min_lat, r.max_lat, r.min_lon, r.max_lon, r.id, p.region"
      " FROM places_rtree r JOIN places p ON p.id = r.id;"
      "DROP TABLE places_rtree;");
  transaction.commit();
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
                        " FROM place_cells r JOIN places p ON p.id BETWEEN r.id AND r.last_id"
                        " WHERE r.min_lat <= ?1 AND r.max_lat >= ?2 AND r.min_lon <= ?3 AND r.max_lon >= ?4"
                        " AND p.lat <= ?1 AND p.lat >= ?2 AND p.lon <= ?3 AND p.lon >= ?4";
      if (kinds > 0) {
        sql += " AND +p.kind IN (?";  // "+": no automatic index on kind, the id ranges of the cells lead
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
    impl_->db.exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA "
        "temp_store=MEMORY;");
    impl_->db.exec(schema);
    add_country_column(impl_->db);
    move_to_cells(impl_->db);
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
  SQLite::Statement q(
      impl_->db,
      "SELECT r.name, r.source, r.imported_at,"
      " (SELECT coalesce(sum(c.last_id - c.id + 1), 0) FROM place_cells c WHERE c.region = r.name),"
      " (SELECT count(*) FROM named_places n WHERE n.region = r.name)"
      " FROM regions r ORDER BY r.name");
  std::vector<RegionSummary> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getInt(), q.getColumn(4).getInt()});
  return out;
}

}  // namespace plantar::places
