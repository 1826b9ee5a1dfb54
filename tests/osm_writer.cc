#include "osm_writer.h"

#include <osmium/builder/attr.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/memory/buffer.hpp>

namespace plantar::test {
namespace {

void add_tags(osmium::builder::Builder& parent, const Tags& tags) {
  osmium::builder::TagListBuilder builder{parent};
  for (const auto& [key, value] : tags) builder.add_tag(key, value);
}

}  // namespace

void write_osm(const std::string& path, const OsmData& data) {
  osmium::memory::Buffer buffer{1 << 20, osmium::memory::Buffer::auto_grow::yes};
  for (const auto& n : data.nodes) {
    {
      osmium::builder::NodeBuilder builder{buffer};
      builder.set_id(n.id).set_version(1).set_location(osmium::Location{n.lon, n.lat});
      builder.set_user("");
      add_tags(builder, n.tags);
    }
    buffer.commit();
  }
  for (const auto& w : data.ways) {
    {
      osmium::builder::WayBuilder builder{buffer};
      builder.set_id(w.id).set_version(1);
      builder.set_user("");
      {
        osmium::builder::WayNodeListBuilder nodes{builder};
        for (auto id : w.nodes) nodes.add_node_ref(id);
      }
      add_tags(builder, w.tags);
    }
    buffer.commit();
  }
  for (const auto& r : data.relations) {
    {
      osmium::builder::RelationBuilder builder{buffer};
      builder.set_id(r.id).set_version(1);
      builder.set_user("");
      {
        osmium::builder::RelationMemberListBuilder members{builder};
        for (auto id : r.outer_ways) members.add_member(osmium::item_type::way, id, "outer");
      }
      add_tags(builder, r.tags);
    }
    buffer.commit();
  }
  osmium::io::Header header;
  osmium::io::Writer writer{path, header, osmium::io::overwrite::allow};
  writer(std::move(buffer));
  writer.close();
}

}  // namespace plantar::test
