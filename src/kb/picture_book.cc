// Where each knowledge base's pictures are kept: keyed by the storage of its
// techniques, which stays put when the knowledge base is moved (load returns
// it by value). A copy of a knowledge base has no pictures until given some.
#include <algorithm>
#include <map>
#include <mutex>
#include <shared_mutex>

#include "plantar/pictures.h"

namespace plantar::kb {
namespace {

struct Book {
  std::shared_mutex mutex;
  std::map<const Technique*, std::vector<Picture>> by_kb;
};

Book& book() {
  static Book b;
  return b;
}

}  // namespace

const std::vector<Picture>& pictures(const KnowledgeBase& kb) {
  static const std::vector<Picture> none;
  std::shared_lock lock(book().mutex);
  auto it = book().by_kb.find(kb.techniques.data());
  return it == book().by_kb.end() ? none : it->second;  // entries are never erased: safe to hand out
}

const Picture* picture(const KnowledgeBase& kb, const std::string& technique) {
  const auto& all = pictures(kb);
  auto it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return p.technique == technique; });
  return it == all.end() ? nullptr : &*it;
}

void set_pictures(const KnowledgeBase& kb, std::vector<Picture> pictures) {
  std::unique_lock lock(book().mutex);
  book().by_kb[kb.techniques.data()] = std::move(pictures);
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
