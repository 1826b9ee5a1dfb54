// The OSM reader: one pass over every object with the positions of all nodes
// for the ways and the node ids of all ways for the multipolygons; a second
// pass over the ways only when relations matched and the ways' node ids were
// too many to keep (their member ways come before them in the file).
#include "plantar/osm_import.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <osmium/io/any_input.hpp>
#include <osmium/thread/pool.hpp>
#include <osmium/visitor.hpp>
#include <thread>

#include "plantar/errors.h"
#include "plantar/time_zones.h"

namespace plantar::places {
namespace {

// Every node's position, for the ways that turn out to match. Extracts list
// nodes by rising id, so positions are appended in order and found by binary
// search, with no sort (libosmium's sparse index sorts all of them once,
// about a tenth of an import's time).
class NodePositions {
 public:
  /// Room for the nodes of a PBF file of `file_bytes` (about 8 bytes a node
  /// or more), so that the list is not copied as it grows; at most 1 GB.
  explicit NodePositions(std::size_t file_bytes) {
    entries_.reserve(std::min<std::size_t>(file_bytes / 8, (std::size_t{1} << 30) / sizeof(Entry)));
  }

  void node(const osmium::Node& node) {
    if (!node.location().valid()) return;
    auto id = node.id();
    if (!entries_.empty() && id <= entries_.back().id) sorted_ = false;
    entries_.push_back({id, node.location()});
  }

  /// Sets the position of each node of the way that has one.
  void way(osmium::Way& way) {
    for (auto& ref : way.nodes()) ref.set_location(at(ref.ref()));
  }

  /// The position of a node; invalid when the file has no such node.
  osmium::Location at(osmium::object_id_type id) {
    if (!sorted_) {
      std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
      sorted_ = true;
    }
    auto it = std::lower_bound(entries_.begin(), entries_.end(), id,
                               [](const Entry& e, osmium::object_id_type wanted) { return e.id < wanted; });
    return it != entries_.end() && it->id == id ? it->at : osmium::Location{};
  }

 private:
  struct Entry {
    osmium::object_id_type id;
    osmium::Location at;
  };
  std::vector<Entry> entries_;
  bool sorted_ = true;
};
using LocationHandler = NodePositions;

// The node ids of every way, while they fit in 256 MB: the member ways of a
// multipolygon come before it in the file, and with their nodes at hand its
// centre needs no second pass over the file (a big extract takes that pass).
class WayNodes {
 public:
  void way(const osmium::Way& way) {
    if (full_) return;
    const auto& nodes = way.nodes();
    if (refs_.size() + nodes.size() > max_refs) {
      full_ = true;
      ids_ = {};
      starts_ = {};
      refs_ = {};
      return;
    }
    if (!ids_.empty() && way.id() <= ids_.back()) sorted_ = false;
    ids_.push_back(way.id());
    starts_.push_back(refs_.size());
    for (const auto& ref : nodes) refs_.push_back(ref.ref());
  }

  /// Whether every way of the file is kept (files sorted by id only).
  bool complete() const { return !full_ && sorted_; }

  /// The node ids of a way (empty when unknown).
  std::pair<const osmium::object_id_type*, std::size_t> nodes(osmium::object_id_type id) const {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    if (it == ids_.end() || *it != id) return {nullptr, 0};
    auto index = static_cast<std::size_t>(it - ids_.begin());
    std::size_t end = index + 1 < starts_.size() ? starts_[index + 1] : refs_.size();
    return {refs_.data() + starts_[index], end - starts_[index]};
  }

 private:
  static constexpr std::size_t max_refs = (std::size_t{256} << 20) / sizeof(osmium::object_id_type);
  std::vector<osmium::object_id_type> ids_, refs_;
  std::vector<std::size_t> starts_;
  bool full_ = false, sorted_ = true;
};

// Sums of positions, for centres.
struct Centre {
  double lat = 0, lon = 0;
  std::size_t count = 0;
  void add(const osmium::Location& at) {
    lat += at.lat();
    lon += at.lon();
    ++count;
  }
  void add(const Centre& other) {
    lat += other.lat;
    lon += other.lon;
    count += other.count;
  }
  LatLon mean() const { return {lat / static_cast<double>(count), lon / static_cast<double>(count)}; }
};

std::string join_nonempty(std::initializer_list<std::string> parts, const char* separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

Centre way_centre(const osmium::Way& way) {
  Centre centre;
  const auto& nodes = way.nodes();
  std::size_t count = nodes.size();
  if (count > 1 && nodes.front().ref() == nodes.back().ref()) --count;  // a closed way repeats its first node
  for (std::size_t i = 0; i < count; ++i)
    if (nodes[i].location().valid()) centre.add(nodes[i].location());
  return centre;
}

class Collector : public osmium::handler::Handler {
 public:
  explicit Collector(const kb::PlaceTagging& tagging) : tagging_(tagging) {
    keys_.push_back("place");
    for (const auto& kind : tagging.kinds)
      for (const auto& tests : kind.match)
        for (const auto& test : tests)
          if (std::find(keys_.begin(), keys_.end(), test.key) == keys_.end()) keys_.push_back(test.key);
  }

  void node(const osmium::Node& node) {
    if (node.tags().empty() || !node.location().valid()) return;
    count_country(node.tags());
    if (!has_a_key(node.tags())) return;
    Centre centre;
    centre.add(node.location());
    keep("node", node.id(), node.tags(), centre);
  }

  void way(const osmium::Way& way) {
    if (way.tags().empty()) return;
    count_country(way.tags());
    keep("way", way.id(), way.tags(), way_centre(way));
  }

  void relation(const osmium::Relation& relation) {
    const char* type = relation.tags().get_value_by_key("type");
    if (type == nullptr || (std::string_view(type) != "multipolygon" && std::string_view(type) != "boundary"))
      return;
    if (!wanted(relation.tags())) return;
    Pending pending{relation.id(), {}, copy_tags(relation.tags())};
    for (const auto& member : relation.members())
      if (member.type() == osmium::item_type::way && std::string_view(member.role()) != "inner") {
        pending.ways.push_back(member.ref());
        member_ways_.push_back(member.ref());
      }
    pending_.push_back(std::move(pending));
  }

  /// Whether the way is a member of a matched relation (only after the first pass).
  bool is_member_way(osmium::object_id_type id) {
    if (!member_ways_sorted_) {
      std::sort(member_ways_.begin(), member_ways_.end());
      member_ways_.erase(std::unique(member_ways_.begin(), member_ways_.end()), member_ways_.end());
      member_ways_sorted_ = true;
    }
    return std::binary_search(member_ways_.begin(), member_ways_.end(), id);
  }

  // The second pass: the centres of the member ways of matched relations.
  void member_way(const osmium::Way& way) { way_centres_[way.id()] = way_centre(way); }
  void member_centre(osmium::object_id_type id, const Centre& centre) { way_centres_[id] = centre; }

  /// The member ways of matched relations, by id.
  const std::vector<osmium::object_id_type>& member_ways() {
    is_member_way(0);  // sorts them
    return member_ways_;
  }

  bool needs_member_ways() const { return !pending_.empty(); }

  /// Whether the tags make a kept place or a named place.
  bool wanted(const osmium::TagList& tags) const {
    if (tags.empty() || !has_a_key(tags)) return false;
    auto lookup = [&](const char* key) { return tags.get_value_by_key(key); };
    return classify(tagging_, lookup) != nullptr || named_type(lookup) != nullptr;
  }

  Imported finish() {
    for (const auto& pending : pending_) {
      Centre centre;
      for (auto id : pending.ways)
        if (auto it = way_centres_.find(id); it != way_centres_.end()) centre.add(it->second);
      auto lookup = [&](const char* key) -> const char* {
        auto it = pending.tags.find(key);
        return it == pending.tags.end() ? nullptr : it->second.c_str();
      };
      keep_with("relation", pending.id, lookup, centre);
    }
    std::string region_country = most_common_country();
    for (auto& place : result_.places)
      if (place.country.empty()) place.country = region_country;
    return std::move(result_);
  }

 private:
  // A cheap test before the kinds' tests: an object without any of their
  // keys (most ways: building=yes, highway=...) cannot match.
  bool has_a_key(const osmium::TagList& tags) const {
    for (const auto& tag : tags)
      for (const auto& key : keys_)
        if (std::strcmp(tag.key(), key.c_str()) == 0) return true;
    return false;
  }

  struct Pending {
    osmium::object_id_type id;
    std::vector<osmium::object_id_type> ways;
    std::map<std::string, std::string, std::less<>> tags;
  };

  // The country most addresses of the file name: an extract is mostly one country.
 public:
  void count_country(const osmium::TagList& tags) {
    if (const char* value = tags.get_value_by_key("addr:country"))
      if (auto code = country_code(value); !code.empty()) ++countries_[code];
  }

 private:
  std::string most_common_country() const {
    std::string best;
    std::size_t best_count = 0;
    for (const auto& [code, count] : countries_)
      if (count > best_count) {
        best = code;
        best_count = count;
      }
    return best;
  }

  static std::map<std::string, std::string, std::less<>> copy_tags(const osmium::TagList& tags) {
    std::map<std::string, std::string, std::less<>> out;
    for (const auto& tag : tags) out.emplace(tag.key(), tag.value());
    return out;
  }

  const char* named_type(const TagLookup& tag) const {
    const char* type = tag("place");
    if (type == nullptr || tag("name") == nullptr) return nullptr;
    for (const auto& value : tagging_.named_places)
      if (value == type) return type;
    return nullptr;
  }

  void keep(const char* osm_type, osmium::object_id_type id, const osmium::TagList& tags,
            const Centre& centre) {
    keep_with(
        osm_type, id, [&](const char* key) { return tags.get_value_by_key(key); }, centre);
  }

  void keep_with(const char* osm_type, osmium::object_id_type id, const TagLookup& tag,
                 const Centre& centre) {
    const kb::PlaceKind* kind = classify(tagging_, tag);
    const char* type = named_type(tag);
    if ((kind == nullptr && type == nullptr) || centre.count == 0) return;
    if (type != nullptr) result_.named.push_back({tag("name"), type, centre.mean()});
    if (kind == nullptr) return;
    auto text = [&](std::initializer_list<const char*> keys) {
      for (const char* key : keys)
        if (const char* value = tag(key)) return std::string(value);
      return std::string();
    };
    Place place;
    place.osm_type = osm_type;
    place.osm_id = id;
    place.kind = kind->id;
    place.name = text({"name", "brand", "operator"});
    place.at = centre.mean();
    place.phone = text({"phone", "contact:phone"});
    place.website = text({"website", "contact:website", "url"});
    place.opening_hours = text({"opening_hours"});
    place.wheelchair = text({"wheelchair"});
    place.country = country_code(text({"addr:country"}));
    std::string street =
        join_nonempty({text({"addr:street", "addr:place"}), text({"addr:housenumber"})}, " ");
    std::string town = join_nonempty({text({"addr:postcode"}), text({"addr:city"})}, " ");
    place.address = join_nonempty({street, town}, ", ");
    result_.places.push_back(std::move(place));
  }

  const kb::PlaceTagging& tagging_;
  Imported result_;
  std::vector<Pending> pending_;
  std::vector<osmium::object_id_type> member_ways_;
  bool member_ways_sorted_ = false;
  std::map<osmium::object_id_type, Centre> way_centres_;
  std::map<std::string, std::size_t> countries_;
  std::vector<std::string> keys_;  // every key a kind tests, and "place"
};

ImportProgress progress_of(const osmium::io::Reader& reader, std::uint64_t objects) {
  return {reader.offset(), reader.file_size(), objects};
}

void read_all(const std::string& path, Collector& collector, LocationHandler& locations, WayNodes& way_nodes,
              const ProgressFn& progress, std::uint64_t& objects, osmium::thread::Pool& pool) {
  osmium::io::Reader reader{path, osmium::osm_entity_bits::nwr, osmium::io::read_meta::no, pool};
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (auto& object : buffer.select<osmium::OSMObject>()) {
      ++objects;
      if (object.type() == osmium::item_type::node) {
        locations.node(static_cast<const osmium::Node&>(object));
      } else if (object.type() == osmium::item_type::way) {
        way_nodes.way(static_cast<const osmium::Way&>(object));
        if (!collector.wanted(object.tags())) {  // only matching ways need their nodes' positions
          collector.count_country(object.tags());
          continue;
        }
        locations.way(static_cast<osmium::Way&>(object));
      }
      osmium::apply_item(object, collector);
    }
    if (progress) progress(progress_of(reader, objects));
  }
  reader.close();
}

void read_member_ways(const std::string& path, Collector& collector, LocationHandler& locations,
                      osmium::thread::Pool& pool) {
  osmium::io::Reader reader{path, osmium::osm_entity_bits::way, osmium::io::read_meta::no, pool};
  while (osmium::memory::Buffer buffer = reader.read())
    for (auto& way : buffer.select<osmium::Way>()) {
      if (!collector.is_member_way(way.id())) continue;  // only they need their nodes' positions
      locations.way(way);
      collector.member_way(way);
    }
  reader.close();
}

// The member ways' centres from the node ids kept in the first pass.
void member_centres(Collector& collector, const WayNodes& way_nodes, NodePositions& positions) {
  for (auto id : collector.member_ways()) {
    auto [refs, count] = way_nodes.nodes(id);
    if (count > 1 && refs[0] == refs[count - 1]) --count;  // a closed way repeats its first node
    Centre centre;
    for (std::size_t i = 0; i < count; ++i)
      if (auto at = positions.at(refs[i]); at.valid()) centre.add(at);
    collector.member_centre(id, centre);
  }
}

}  // namespace

Imported import_osm(const std::string& path, const kb::PlaceTagging& tagging, const ProgressFn& progress) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    throw BadInput(path, "no such file (expected an OpenStreetMap extract: .osm.pbf, .osm or .osm.bz2)");
  std::error_code size_error;
  auto file_bytes = std::filesystem::file_size(path, size_error);
  LocationHandler locations{size_error ? 0 : static_cast<std::size_t>(file_bytes)};
  Collector collector{tagging};
  std::uint64_t objects = 0;
  try {
    // Decoding PBF blocks is most of the work and the main thread's share is
    // light: one decoder per core (libosmium's default leaves two cores out).
    osmium::thread::Pool pool{static_cast<int>(std::max(1U, std::thread::hardware_concurrency()))};
    WayNodes way_nodes;
    read_all(path, collector, locations, way_nodes, progress, objects, pool);
    if (collector.needs_member_ways()) {
      if (way_nodes.complete())
        member_centres(collector, way_nodes, locations);
      else
        read_member_ways(path, collector, locations, pool);
    }
  } catch (const BadInput&) {
    throw;
  } catch (const std::exception& e) {
    throw BadInput(path, std::string("cannot read this OpenStreetMap file: ") + e.what() +
                             " (is it complete? A download that stopped early gives this error)");
  }
  if (objects == 0) throw BadInput(path, "no OpenStreetMap objects in this file (is it empty?)");
  Imported result = collector.finish();
  result.objects = objects;
  return result;
}

}  // namespace plantar::places
