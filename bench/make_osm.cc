// Writes a synthetic OpenStreetMap extract for the import benchmark: N nodes
// on a grid over a country-sized area, ways of 8 nodes, a few multipolygons,
// and a small share of objects tagged like the places plantar keeps.
// Usage: make_osm FILE.osm.pbf [NODES]
#include <cstdlib>
#include <iostream>
#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_output.hpp>
#include <random>
#include <string>

namespace {

using Tags = std::vector<std::pair<const char*, const char*>>;

const std::vector<Tags> node_tags{
    {{"shop", "massage"}, {"name", "Massage"}, {"opening_hours", "Mo-Fr 09:00-18:00"}},
    {{"healthcare", "podiatrist"}, {"name", "Podology"}},
    {{"healthcare", "alternative"}, {"healthcare:speciality", "reflexology"}, {"name", "Reflex"}},
    {{"amenity", "cafe"}, {"name", "Cafe"}, {"opening_hours", "Mo-Su 08:00-18:00"}},
    {{"shop", "bakery"}, {"name", "Bakery"}},
    {{"highway", "bus_stop"}, {"name", "Stop"}},
    {{"place", "village"}, {"name", "Village"}},
};

void tags(osmium::builder::Builder& parent, const Tags& list) {
  osmium::builder::TagListBuilder builder{parent};
  for (const auto& [k, v] : list) builder.add_tag(k, v);
}

void flush(osmium::io::Writer& writer, osmium::memory::Buffer& buffer) {
  if (buffer.committed() > 8 * 1024 * 1024) {
    writer(std::move(buffer));
    buffer = osmium::memory::Buffer{16 * 1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: make_osm FILE.osm.pbf [NODES]\n";
    return 2;
  }
  const long nodes = argc > 2 ? std::atol(argv[2]) : 5'000'000;
  const long ways = nodes / 10, relations = ways / 400;
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> lat(47.3, 55.0), lon(5.9, 15.0);
  std::uniform_int_distribution<int> pick(0, 999);
  osmium::io::Header header;
  osmium::io::Writer writer{argv[1], header, osmium::io::overwrite::allow};
  osmium::memory::Buffer buffer{16 * 1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  for (long id = 1; id <= nodes; ++id) {
    {
      osmium::builder::NodeBuilder b{buffer};
      b.set_id(id).set_version(1).set_location(osmium::Location{lon(rng), lat(rng)});
      b.set_user("");
      int p = pick(rng);
      if (p < 20) tags(b, node_tags[static_cast<std::size_t>(p) % node_tags.size()]);
    }
    buffer.commit();
    flush(writer, buffer);
  }
  for (long id = 1; id <= ways; ++id) {
    {
      osmium::builder::WayBuilder b{buffer};
      b.set_id(id).set_version(1);
      b.set_user("");
      {
        osmium::builder::WayNodeListBuilder refs{b};
        long first = (id - 1) * 8 % nodes + 1;
        for (long i = 0; i < 8; ++i) refs.add_node_ref(1 + (first - 1 + i) % nodes);
        refs.add_node_ref(first);
      }
      int p = pick(rng);
      if (p < 10)
        tags(b, {{"leisure", "sauna"}, {"name", "Sauna"}});
      else if (p < 600)
        tags(b, {{"building", "yes"}});
    }
    buffer.commit();
    flush(writer, buffer);
  }
  for (long id = 1; id <= relations; ++id) {
    {
      osmium::builder::RelationBuilder b{buffer};
      b.set_id(id).set_version(1);
      b.set_user("");
      {
        osmium::builder::RelationMemberListBuilder members{b};
        members.add_member(osmium::item_type::way, id * 2, "outer");
        members.add_member(osmium::item_type::way, id * 2 + 1, "outer");
      }
      if (id % 10 == 0)
        tags(b, {{"type", "multipolygon"}, {"leisure", "spa"}, {"name", "Spa"}});
      else
        tags(b, {{"type", "multipolygon"}, {"landuse", "grass"}});
    }
    buffer.commit();
    flush(writer, buffer);
  }
  writer(std::move(buffer));
  writer.close();
  std::cout << "wrote " << nodes << " nodes, " << ways << " ways, " << relations << " relations to "
            << argv[1] << "\n";
  return 0;
}
