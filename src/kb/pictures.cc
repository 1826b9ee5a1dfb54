// pictures.toml: what each technique's picture shows (docs/data-format.md).
// Checked when it loads: the technique and tools exist, each hand and tool
// touches one of the technique's regions in the chosen view (the back of the
// leg uses the regions' `back` outlines), and the movement has the points it needs.
#include "pictures.h"

#include <algorithm>
#include <array>
#include <set>

#include "toml_reader.h"

namespace plantar::kb {
namespace {

constexpr std::array poses{"thumb", "knuckles", "palm", "fingers", "pinch"};
constexpr std::array motions{"press", "circle", "glide", "walk", "roll", "stretch", "pump", "knead"};
constexpr std::array drawn_tools{"tennis_ball", "towel"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& words, const std::string& word) {
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return word == w; });
}

template <std::size_t N>
std::string listed(const std::array<const char*, N>& words) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i)
    out += (i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(words[i]);
  return out;
}

// The technique's region outlines that the view shows.
std::vector<const Polygon*> shown_regions(const KnowledgeBase& kb, const Technique& t, View view) {
  std::vector<const Polygon*> out;
  for (Region id : t.regions)
    for (const auto& region : kb.regions)
      if (const Polygon* outline = outline_in(region, view); region.id == id && outline != nullptr)
        out.push_back(outline);
  return out;
}

bool touches(const std::vector<const Polygon*>& outlines, Point p) {
  return std::any_of(outlines.begin(), outlines.end(), [&](const Polygon* o) { return inside(*o, p); });
}

// The view and, within it, the frame: how much of the leg shows.
void read_view(TableReader& r, Picture& p) {
  auto view = r.string("view");
  if (view != "sole" && view != "side" && view != "back")
    r.fail("view", "expected \"sole\", \"side\" or \"back\"");
  p.view = view == "sole" ? View::sole : view == "side" ? View::side : View::back;
  p.frame = r.optional_string("frame", p.view == View::back ? "leg" : "foot");
  if (p.frame != "foot" && p.frame != "leg" && p.frame != "lean")
    r.fail("frame", "expected \"foot\", \"leg\" or \"lean\"");
  if (p.view == View::sole && p.frame != "foot") r.fail("frame", "the sole view has only the foot frame");
  if (p.view == View::back && p.frame == "lean") r.fail("frame", "the back view has the foot and leg frames");
}

// Each `{ ... }` of a list of inline tables, read by `read`.
template <typename Read>
void each_table(TableReader& r, std::string_view key, Read read) {
  const toml::array* list = r.array(key);
  if (list == nullptr) return;
  for (const auto& node : *list) {
    const auto* table = node.as_table();
    if (table == nullptr) r.fail(key, "expected a list of { ... } tables");
    TableReader inner(*table, r.file(), "picture." + std::string(key));
    read(inner);
    inner.reject_unknown_keys();
  }
}

void read_body(TableReader& r, const KnowledgeBase& kb, const Technique& t, Picture& p) {
  auto regions = shown_regions(kb, t, p.view);
  if (regions.empty()) r.fail("view", "this view shows none of the technique's regions");
  each_table(r, "hands", [&](TableReader& h) {
    PictureHand hand{h.string("pose"), h.point("at"), h.number("turn", -360, 360, 0),
                     h.boolean("flip", false)};
    if (!one_of(poses, hand.pose))
      h.fail("pose", "unknown pose '" + hand.pose + "' (expected " + listed(poses) + ")");
    if (!touches(regions, hand.at))
      h.fail("at", "the hand must touch one of the technique's regions in this view");
    p.hands.push_back(hand);
  });
  if (p.hands.size() > 2) r.fail("hands", "expected at most two hands");
  each_table(r, "tools", [&](TableReader& h) {
    PictureTool tool{h.string("id"), h.point("at")};
    if (!one_of(drawn_tools, tool.id))
      h.fail("id", "no drawing for tool '" + tool.id + "' (expected " + listed(drawn_tools) + ")");
    if (std::find(t.tools.begin(), t.tools.end(), tool.id) == t.tools.end())
      h.fail("id", "technique '" + t.id + "' does not use tool '" + tool.id + "'");
    if (!touches(regions, tool.at))
      h.fail("at", "the tool must touch one of the technique's regions in this view");
    p.tools.push_back(tool);
  });
  for (const auto& id : t.tools)
    if (one_of(drawn_tools, id) &&
        std::none_of(p.tools.begin(), p.tools.end(), [&](auto& x) { return x.id == id; }))
      r.fail("tools", "technique '" + t.id + "' needs tool '" + id + "': draw it");
}

void read_motion(TableReader& r, Picture& p) {
  p.motion = r.string("motion");
  if (!one_of(motions, p.motion))
    r.fail("motion", "unknown motion '" + p.motion + "' (expected " + listed(motions) + ")");
  p.seconds = r.number("seconds", 2, 4, 3);
  p.radius = r.number("radius", 0.02, 0.2, 0.05);
  p.path = r.points("path", 0);
  bool along = p.motion != "press" && p.motion != "circle";
  if (along && p.path.size() < 2) r.fail("path", "a " + p.motion + " needs a path of at least 2 points");
  if (p.motion == "circle" && p.hands.empty() && p.path.size() != 1)
    r.fail("path", "a circle without hands needs its centre as the path's one point");
  if (p.hands.empty() && p.tools.empty() && p.motion != "circle" && !along)
    r.fail("hands", "a press needs a hand or a tool");
}

}  // namespace

void parse_pictures(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  std::set<std::string> seen;
  std::vector<Picture> pictures;
  for_each_entry(root, file, "picture", [&](TableReader& r) {
    Picture p;
    p.origin = r.origin();
    p.technique = r.string("technique");
    const Technique* t = kb.technique(p.technique);
    if (t == nullptr) r.fail("technique", "no technique '" + p.technique + "' in techniques.toml");
    if (!seen.insert(p.technique).second) r.fail("technique", "a second picture for '" + p.technique + "'");
    read_view(r, p);
    read_body(r, kb, *t, p);
    read_motion(r, p);
    pictures.push_back(std::move(p));
  });
  set_pictures(kb, std::move(pictures));
}

}  // namespace plantar::kb
