// Finding a technique's picture, and the point-in-outline test the pictures use.
#include <algorithm>

#include "plantar/pictures.h"

namespace plantar::kb {

const Picture* picture(const KnowledgeBase& kb, const std::string& technique) {
  const auto& all = pictures(kb);
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.technique == technique; });
  return it == all.end() ? nullptr : &*it;
}

const Polygon* outline_in(const RegionInfo& region, View view) {
  if (region.view == view) return &region.outline;
  if (view == View::back && !region.back.empty()) return &region.back;
  return nullptr;
}

bool inside(const Polygon& polygon, Point p) {
  bool in = false;
  for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
    const Point &a = polygon[i], &b = polygon[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

}  // namespace plantar::kb
