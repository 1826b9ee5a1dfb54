// The technique pictures (STYLE.md, "Pictures"): one view, flat shapes, one
// outline weight; the foot and the hands in two different neutrals; the
// target regions with a soft fill, a hatch and a dashed edge (readable
// without colour); pressure rings on the working part; one arrow per
// movement. The left foot is drawn; the right is the same drawing mirrored.
// With `animate`, a second copy of the moving parts carries SVG animation
// (SMIL) and the web app's stylesheet shows it unless the reader asked for
// reduced motion; without CSS, the still picture with key frames shows.
#include "plantar/technique_picture.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "hands.h"
#include "plantar/errors.h"
#include "plantar/pictures.h"
#include "svg.h"

namespace plantar::render {
namespace {

struct Colours {
  const char* background = "#ffffff";
  const char* foot = "#f4e7da";
  const char* line = "#4a3c33";
  const char* inner_line = "#d8c2ae";
  const char* hand = "#9d8e82";
  const char* nail = "#c7bbb0";
  const char* target = "#f0a35e";
  const char* hatch = "#a4501d";
  const char* motion = "#1c5aa6";
  const char* ball = "#cddc39";
  const char* towel = "#5b9bd5";
  const char* wall = "#d5dbe1";
};
constexpr Colours colours;
constexpr double line_width = 2;

// The whole foot in each view, around the regions of regions.toml (their
// outer edges, with the sole and heel under the side view's regions).
const kb::Polygon sole_outline{
    {0.17, 0.21}, {0.16, 0.16}, {0.23, 0.13}, {0.30, 0.15}, {0.35, 0.10}, {0.41, 0.12}, {0.47, 0.07},
    {0.53, 0.10}, {0.59, 0.04}, {0.66, 0.10}, {0.73, 0.02}, {0.82, 0.04}, {0.86, 0.13}, {0.84, 0.20},
    {0.86, 0.27}, {0.84, 0.35}, {0.80, 0.45}, {0.78, 0.55}, {0.77, 0.65}, {0.76, 0.75}, {0.75, 0.84},
    {0.73, 0.90}, {0.66, 0.95}, {0.57, 0.98}, {0.47, 0.98}, {0.38, 0.95}, {0.31, 0.90}, {0.27, 0.84},
    {0.26, 0.75}, {0.25, 0.65}, {0.23, 0.55}, {0.20, 0.45}, {0.17, 0.35}, {0.15, 0.28}};
const kb::Polygon side_outline{
    {0.50, 0.03},  {0.86, 0.03},  {0.92, 0.14}, {0.93, 0.24}, {0.89, 0.38}, {0.84, 0.50},  {0.80, 0.62},
    {0.79, 0.70},  {0.81, 0.78},  {0.86, 0.86}, {0.87, 0.91}, {0.83, 0.96}, {0.74, 0.975}, {0.30, 0.975},
    {0.10, 0.975}, {0.04, 0.965}, {0.03, 0.95}, {0.06, 0.91}, {0.18, 0.88}, {0.32, 0.84},  {0.45, 0.79},
    {0.56, 0.74},  {0.57, 0.64},  {0.55, 0.50}, {0.52, 0.30}, {0.50, 0.15}};
// The left leg from behind, knee down: the calf bulges higher on the outer
// side (left), the inner ankle bone sits higher than the outer one, the heel
// is rounded and the front of the foot shows a little on each side.
const kb::Polygon back_outline{
    {0.29, 0.03},  {0.71, 0.03},  {0.73, 0.09},  {0.75, 0.17},  {0.755, 0.26}, {0.735, 0.36}, {0.68, 0.47},
    {0.635, 0.57}, {0.62, 0.65},  {0.625, 0.71}, {0.66, 0.76},  {0.645, 0.81}, {0.635, 0.86}, {0.665, 0.91},
    {0.67, 0.95},  {0.64, 0.975}, {0.56, 0.985}, {0.44, 0.985}, {0.36, 0.975}, {0.33, 0.955}, {0.34, 0.91},
    {0.37, 0.87},  {0.35, 0.83},  {0.345, 0.79}, {0.375, 0.74}, {0.385, 0.66}, {0.37, 0.57},  {0.33, 0.47},
    {0.28, 0.36},  {0.25, 0.26},  {0.245, 0.18}, {0.26, 0.10}};

// The side view's leg going on above the knee (frame "lean": the straight
// leg and the body line), its thigh wider than the knee and out of the picture.
const kb::Polygon lean_outline = [] {
  kb::Polygon out{{0.495, -0.05}, {0.47, -0.40}, {0.43, -1.40}, {1.06, -1.40}, {0.98, -0.40}, {0.89, -0.02}};
  out.insert(out.end(), side_outline.begin() + 2, side_outline.end());
  return out;
}();

const kb::Polygon& outline_of(const kb::Picture& p) {
  if (p.view == kb::View::side && p.frame == "lean") return lean_outline;
  return p.view == kb::View::sole ? sole_outline : p.view == kb::View::side ? side_outline : back_outline;
}

using Point = kb::Point;  // in pixels

const kb::Picture& picture_of(const kb::KnowledgeBase& kb, const kb::Technique& t) {
  const kb::Picture* p = kb::picture(kb, t.id);
  if (p == nullptr) throw BadInput("ID", "technique '" + t.id + "' has no picture (add it to pictures.toml)");
  return *p;
}

// The foot's length in pixels: hands and tools are sized from it.
double foot_length(const kb::Picture& p, const PictureFrame& f) {
  if (p.view == kb::View::sole) return 0.96 * f.h;
  return p.view == kb::View::back ? 0.42 * f.h : 0.84 * f.w;  // back: as long as the side leg's foot
}

struct Drawing {
  const kb::KnowledgeBase& kb;
  const kb::Technique& technique;
  const kb::Picture& picture;
  PictureFrame frame;  // always the left foot's: the right mirrors the whole drawing
  std::string key;     // unique per picture, for ids
  double scale = 1;    // of the hands (drawn for a foot 288 long)

  Point at(kb::Point p) const { return frame.at(p); }
};

std::string points(const Drawing& d, const kb::Polygon& polygon) {
  std::string out;
  for (const auto& p : polygon) {
    auto at = d.at(p);
    out += fmt::format("{}{:.1f},{:.1f}", out.empty() ? "" : " ", at.x, at.y);
  }
  return out;
}

// A closed outline through the points as smooth curves (Catmull-Rom), so
// the toes read as toes and not as a saw.
std::string smooth_outline(const Drawing& d, const kb::Polygon& polygon) {
  const std::size_t n = polygon.size();
  auto at = [&](std::size_t i) { return d.at(polygon[i % n]); };
  auto start = at(0);
  std::string out = fmt::format("M{:.1f},{:.1f}", start.x, start.y);
  for (std::size_t i = 0; i < n; ++i) {
    auto p0 = at(i + n - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    out +=
        fmt::format(" C{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}", p1.x + (p2.x - p0.x) / 6,
                    p1.y + (p2.y - p0.y) / 6, p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6, p2.x, p2.y);
  }
  return out + " Z";
}

// The technique's regions that the view shows, with their outlines there.
struct Shown {
  const kb::RegionInfo* region;
  const kb::Polygon* outline;
};
std::vector<Shown> targets(const Drawing& d) {
  std::vector<Shown> out;
  for (Region id : d.technique.regions) {
    const auto& region = d.kb.region(id);
    if (const auto* outline = kb::outline_in(region, d.picture.view)) out.push_back({&region, outline});
  }
  return out;
}

std::string defs(const Drawing& d) {
  return fmt::format(
      "<defs><pattern id=\"hatch-{0}\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><line class=\"pic-hatch\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" "
      "stroke=\"{1}\" stroke-width=\"1.6\"/></pattern>"
      "<clipPath id=\"clip-{0}\"><rect width=\"{2}\" height=\"{2}\" rx=\"12\"/></clipPath></defs>\n",
      d.key, colours.hatch, picture_size);
}

std::string foot(const Drawing& d) {
  std::string out = fmt::format("<path class=\"pic-foot\" d=\"{}\" fill=\"{}\"/>\n",
                                smooth_outline(d, outline_of(d.picture)), colours.foot);
  for (const auto& region : d.kb.regions)
    if (const auto* outline = kb::outline_in(region, d.picture.view))
      out += fmt::format(
          "<polygon class=\"pic-region\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\" "
          "stroke-linejoin=\"round\"/>\n",
          points(d, *outline), colours.inner_line);
  return out;
}

std::string foot_outline(const Drawing& d) {
  std::string out = fmt::format(
      "<path class=\"pic-line\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" "
      "stroke-linejoin=\"round\"/>\n",
      smooth_outline(d, outline_of(d.picture)), colours.line, line_width);
  if (d.picture.view == kb::View::side) {  // the big toe: its nail and where it joins the foot
    auto nail_from = d.at({0.045, 0.928}), nail_to = d.at({0.10, 0.915}), crease = d.at({0.165, 0.895}),
         crease_end = d.at({0.155, 0.945});
    out += fmt::format(
        "<path class=\"pic-detail\" d=\"M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f} M{:.1f},{:.1f} "
        "Q{:.1f},{:.1f} "
        "{:.1f},{:.1f}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>\n",
        nail_from.x, nail_from.y, (nail_from.x + nail_to.x) / 2, nail_to.y + 0.012 * d.frame.h, nail_to.x,
        nail_to.y, crease.x, crease.y, crease.x - 0.02 * d.frame.w, (crease.y + crease_end.y) / 2,
        crease_end.x, crease_end.y, colours.line);
  }
  if (d.picture.view == kb::View::side) {  // the inner ankle bone, so the side view reads as a foot
    auto c = d.at({0.66, 0.74});
    out += fmt::format(
        "<ellipse class=\"pic-detail\" cx=\"{:.1f}\" cy=\"{:.1f}\" rx=\"{:.1f}\" ry=\"{:.1f}\" fill=\"none\" "
        "stroke=\"{}\" stroke-width=\"1.5\"/>\n",
        c.x, c.y, 0.035 * d.frame.w, 0.022 * d.frame.h, colours.line);
  }
  return out;
}

// ---------------------------------------------------------------- the lean

// A stretch at a wall (frame "lean"): the wall ahead of the toes and the
// floor; the straight leg goes on above the knee toward the wall (the body
// line, lean_outline), so the pose reads without words. Drawn for the left
// leg, like everything (the right mirrors the drawing).
constexpr double wall = 34;  // its face, in pixels from the left

// A round-capped thick line with the picture's outline: a part of the body.
std::string limb(Point a, Point b, double width, const char* fill) {
  auto line = [&](double w, const char* colour, const char* cls) {
    return fmt::format(
        "<line class=\"{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"{:.1f}\" stroke-linecap=\"round\"/>\n",
        cls, a.x, a.y, b.x, b.y, colour, w);
  };
  return line(width + 2 * line_width, colours.line, "pic-hand-line") + line(width, fill, "pic-hand");
}

// An arm reaching down from the shoulder (above the picture), the hand flat on the wall.
std::string arm_on_wall() {
  return limb({165, -30}, {wall + 16, 62}, 20, colours.hand) +
         limb({wall + 9, 66}, {wall + 9, 22}, 15, colours.hand) +  // the flat hand, seen edge-on
         limb({wall + 14, 54}, {wall + 25, 40}, 9, colours.hand);  // its thumb
}

std::string wall_and_floor(const Drawing& d) {
  if (d.picture.frame != "lean") return "";
  double floor = d.at({0.5, 0.975}).y;
  return fmt::format(
             "<rect class=\"pic-wall\" x=\"0\" y=\"0\" width=\"{3}\" height=\"{1:.1f}\" fill=\"{2}\"/>\n"
             "<line class=\"pic-line\" x1=\"{3:.1f}\" y1=\"0\" x2=\"{3:.1f}\" y2=\"{1:.1f}\" stroke=\"{4}\" "
             "stroke-width=\"{5}\"/>\n"
             "<line class=\"pic-line\" x1=\"0\" y1=\"{1:.1f}\" x2=\"{6}\" y2=\"{1:.1f}\" stroke=\"{4}\" "
             "stroke-width=\"{5}\" stroke-linecap=\"round\"/>\n",
             0, floor, colours.wall, wall, colours.line, line_width, picture_size) +
         arm_on_wall();
}

std::string target(const Drawing& d, bool mask) {
  std::string out;
  for (const auto& shown : targets(d)) {
    auto pts = points(d, *shown.outline);
    if (mask) {
      out += fmt::format("<polygon points=\"{}\" fill=\"#000\"/>\n", pts);
      continue;
    }
    out += fmt::format("<polygon class=\"pic-target\" points=\"{}\" fill=\"{}\" fill-opacity=\"0.6\"/>\n",
                       pts, colours.target);
    out += fmt::format("<polygon points=\"{}\" fill=\"url(#hatch-{})\"/>\n", pts, d.key);
    out += fmt::format(
        "<polygon class=\"pic-target-edge\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\" "
        "stroke-dasharray=\"5 3\" stroke-linejoin=\"round\"/>\n",
        pts, colours.hatch);
  }
  return out;
}

// A hand's transform: at its point, turned, flipped for the other hand.
std::string hand_transform(const Drawing& d, const kb::PictureHand& hand) {
  auto p = d.at(hand.at);
  return fmt::format("translate({:.1f},{:.1f}) rotate({:.0f}) scale({:.3f},{:.3f})", p.x, p.y, hand.turn,
                     hand.flip ? -d.scale : d.scale, d.scale);
}

Point working_point(const Drawing& d, const kb::PictureHand& hand, kb::Point local) {
  double x = (hand.flip ? -local.x : local.x) * d.scale, y = local.y * d.scale;
  double a = hand.turn * M_PI / 180;
  auto p = d.at(hand.at);
  return {p.x + x * std::cos(a) - y * std::sin(a), p.y + x * std::sin(a) + y * std::cos(a)};
}

std::string tool(const Drawing& d, const kb::PictureTool& t, bool mask) {
  auto p = d.at(t.at);
  double length = foot_length(d.picture, d.frame);
  if (t.id == "tennis_ball") {
    double r = 0.115 * length;
    std::string out = fmt::format(
        "<circle class=\"pic-tool\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" stroke=\"{}\" "
        "stroke-width=\"{}\"/>\n",
        p.x, p.y, r, mask ? "#000" : colours.ball, mask ? "#000" : colours.line, line_width);
    if (!mask)
      for (int side : {-1, 1})
        out += fmt::format(
            "<path d=\"M{:.1f},{:.1f} Q{:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"none\" stroke=\"#ffffff\" "
            "stroke-width=\"2.5\"/>\n",
            p.x + side * 0.55 * r, p.y - 0.83 * r, p.x + side * 0.1 * r, p.y, p.x + side * 0.55 * r,
            p.y + 0.83 * r);
    return out;
  }
  double w = 0.12 * length;  // a towel: a band across the foot
  return fmt::format(
      "<rect class=\"pic-tool\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"4\" "
      "fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
      p.x - 1.6 * w, p.y - w / 2, 3.2 * w, w, mask ? "#000" : colours.towel, mask ? "#000" : colours.line,
      line_width);
}

std::string hands_and_tools(const Drawing& d, bool mask) {
  std::string out;
  for (const auto& t : d.picture.tools) out += tool(d, t, mask);
  hands::Paint paint{mask ? "#000" : colours.hand, mask ? "#000" : colours.line, mask ? "#000" : colours.nail,
                     line_width / d.scale};
  for (const auto& hand : d.picture.hands)
    out += fmt::format("<g transform=\"{}\">\n{}</g>\n", hand_transform(d, hand),
                       hands::shape(hand.pose, paint));
  return out;
}

// Where the pressure goes: the hands' working parts, else the tools.
std::vector<Point> pressure_points(const Drawing& d) {
  std::vector<Point> out;
  for (const auto& hand : d.picture.hands)
    for (auto local : hands::working_points(hand.pose)) out.push_back(working_point(d, hand, local));
  if (out.empty())
    for (const auto& t : d.picture.tools) out.push_back(d.at(t.at));
  return out;
}

// A ring; `animation` (SMIL elements) goes inside it.
std::string ring(Point c, double r, double opacity, const std::string& animation = "") {
  return fmt::format(
      "<circle class=\"pic-ring\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"none\" stroke=\"{}\" "
      "stroke-width=\"2\" stroke-opacity=\"{:.2f}\"{}\n",
      c.x, c.y, r, colours.motion, opacity, animation.empty() ? "/>" : ">" + animation + "</circle>");
}

// Press: three concentric rings; otherwise one ring (light) or two (firmer).
std::string rings(const Drawing& d) {
  std::string out;
  bool press = d.picture.motion == "press";
  int count = press ? 3 : d.technique.pressure.preferred >= 3 ? 2 : 1;
  for (auto c : pressure_points(d))
    for (int i = 0; i < count; ++i) out += ring(c, (press ? 13 : 9) + i * 7.0, 1.0 - i * 0.25);
  return out;
}

std::vector<Point> path_points(const Drawing& d) {
  std::vector<Point> out;
  for (const auto& p : d.picture.path) out.push_back(d.at(p));
  return out;
}

// A smooth path through the points (quadratic curves through the midpoints).
std::string smooth(const std::vector<Point>& pts, double dx = 0, double dy = 0) {
  std::string out = fmt::format("M{:.1f},{:.1f}", pts[0].x + dx, pts[0].y + dy);
  for (std::size_t i = 1; i + 1 < pts.size(); ++i)
    out += fmt::format(" Q{:.1f},{:.1f} {:.1f},{:.1f}", pts[i].x + dx, pts[i].y + dy,
                       (pts[i].x + pts[i + 1].x) / 2 + dx, (pts[i].y + pts[i + 1].y) / 2 + dy);
  return out + fmt::format(" L{:.1f},{:.1f}", pts.back().x + dx, pts.back().y + dy);
}

std::string head(Point tip, Point from) {
  double dx = tip.x - from.x, dy = tip.y - from.y, n = std::hypot(dx, dy);
  if (n == 0) return "";
  dx /= n, dy /= n;
  double l = 15, w = 8;
  return fmt::format(
      "<polygon class=\"pic-arrow-head\" points=\"{:.1f},{:.1f} {:.1f},{:.1f} {:.1f},{:.1f}\" fill=\"{}\" "
      "stroke=\"#ffffff\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/>\n",
      tip.x + dx * 3, tip.y + dy * 3, tip.x - dx * l - dy * w, tip.y - dy * l + dx * w,
      tip.x - dx * l + dy * w, tip.y - dy * l - dx * w, colours.motion);
}

std::string stroke(const std::string& path_d) {
  return fmt::format(
      "<path class=\"pic-halo\" d=\"{0}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"7\" "
      "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n"
      "<path class=\"pic-arrow\" d=\"{0}\" fill=\"none\" stroke=\"{1}\" stroke-width=\"3.5\" "
      "stroke-linecap=\"round\" stroke-linejoin=\"round\"/>\n",
      path_d, colours.motion);
}

std::vector<Point> circle_centres(const Drawing& d) {
  std::vector<Point> out;
  for (const auto& hand : d.picture.hands) out.push_back(d.at(hand.at));
  if (out.empty())
    for (const auto& p : d.picture.path) out.push_back(d.at(p));
  return out;
}

double loop_radius(const Drawing& d) { return d.picture.radius * picture_size; }

// Circles: a three-quarter loop round each centre, clockwise from the top.
std::string loops(const Drawing& d) {
  std::string out;
  double r = loop_radius(d);
  for (auto c : circle_centres(d)) {
    out += stroke(
        fmt::format("M{:.1f},{:.1f} A{:.1f},{:.1f} 0 1 1 {:.1f},{:.1f}", c.x, c.y - r, r, r, c.x - r, c.y));
    out += head({c.x - r, c.y - 2}, {c.x - r + 1.5, c.y + 10});
  }
  return out;
}

std::string arrows(const Drawing& d) {
  const auto& motion = d.picture.motion;
  if (motion == "press") return "";
  if (motion == "circle") return loops(d);
  auto pts = path_points(d);
  std::string out = stroke(smooth(pts));
  out += head(pts.back(), pts[pts.size() - 2]);
  if (motion == "roll" || motion == "pump") out += head(pts.front(), pts[1]);
  return out;
}

// The path's end as a key frame: the hands (or tool) again, faint and dashed.
std::string ghost(const Drawing& d) {
  const auto& motion = d.picture.motion;
  if (motion == "press" || motion == "circle" || d.picture.path.size() < 2 ||
      (d.picture.hands.empty() && d.picture.tools.empty()))
    return "";
  auto pts = path_points(d);
  return fmt::format(
      "<g class=\"pic-ghost\" opacity=\"0.35\" transform=\"translate({:.1f},{:.1f})\">\n{}</g>\n",
      pts.back().x - pts[0].x, pts.back().y - pts[0].y, hands_and_tools(d, false));
}

// ---------------------------------------------------------------- the loop

std::string timing(const kb::Picture& p) {
  if (p.motion == "walk")
    return "calcMode=\"linear\" keyPoints=\"0;0.25;0.25;0.5;0.5;0.75;0.75;1;1\" "
           "keyTimes=\"0;0.12;0.22;0.34;0.44;0.56;0.66;0.78;1\"";
  if (p.motion == "roll" || p.motion == "pump")
    return "calcMode=\"linear\" keyPoints=\"0;1;0\" keyTimes=\"0;0.5;1\"";
  if (p.motion == "stretch") return "calcMode=\"linear\" keyPoints=\"0;1;1;0\" keyTimes=\"0;0.3;0.75;1\"";
  return "calcMode=\"linear\" keyPoints=\"0;1;1\" keyTimes=\"0;0.8;1\"";  // glide, knead
}

std::string movement(const Drawing& d, const std::string& relative_path) {
  return fmt::format("<animateMotion dur=\"{:g}s\" repeatCount=\"indefinite\" path=\"{}\" {}/>\n",
                     d.picture.seconds, relative_path, timing(d.picture));
}

std::string pulse(const Drawing& d) {
  std::string out;
  auto animation = fmt::format(
      "<animate attributeName=\"r\" values=\"8;30\" dur=\"{0:g}s\" repeatCount=\"indefinite\"/>"
      "<animate attributeName=\"stroke-opacity\" values=\"1;0\" dur=\"{0:g}s\" repeatCount=\"indefinite\"/>",
      d.picture.seconds / 2);
  for (auto c : pressure_points(d)) out += ring(c, 10, 1, animation);
  return out;
}

std::string animated(const Drawing& d) {
  const auto& p = d.picture;
  std::string moving = hands_and_tools(d, false);
  std::string out = "<g class=\"pic-anim\" display=\"none\">\n";
  if (p.motion == "press") return out + moving + pulse(d) + "</g>\n";
  if (p.motion == "circle") {
    double r = loop_radius(d) * 0.45;
    auto circle =
        fmt::format("M0,0 a{0:.1f},{0:.1f} 0 1,1 0,{1:.1f} a{0:.1f},{0:.1f} 0 1,1 0,-{1:.1f}", r, 2 * r);
    if (p.hands.empty() && p.tools.empty()) {
      for (auto c : circle_centres(d))
        out += fmt::format(
            "<g transform=\"translate({:.1f},{:.1f})\"><circle class=\"pic-tracer\" r=\"7\" fill=\"{}\">"
            "<animateMotion dur=\"{:g}s\" repeatCount=\"indefinite\" path=\"M0,-{:.1f} a{:.1f},{:.1f} 0 1,1 "
            "0,{:.1f} "
            "a{:.1f},{:.1f} 0 1,1 0,-{:.1f}\"/></circle></g>\n",
            c.x, c.y, colours.motion, p.seconds, loop_radius(d), loop_radius(d), loop_radius(d),
            2 * loop_radius(d), loop_radius(d), loop_radius(d), 2 * loop_radius(d));
      return out + "</g>\n";
    }
    return out + "<g>" + moving +
           fmt::format("<animateMotion dur=\"{:g}s\" repeatCount=\"indefinite\" path=\"{}\"/>", p.seconds,
                       circle) +
           "</g>\n</g>\n";
  }
  auto pts = path_points(d);
  if (p.hands.empty() && p.tools.empty()) {  // pump, stretch without hands: a dot runs along the arrow
    out += fmt::format("<circle class=\"pic-tracer\" r=\"7\" fill=\"{}\">{}</circle>\n", colours.motion,
                       movement(d, smooth(pts)));
    return out + "</g>\n";
  }
  out += "<g>" + moving + movement(d, smooth(pts, -pts[0].x, -pts[0].y)) + "</g>\n";
  if (p.motion == "knead") out += pulse(d);
  return out + "</g>\n";
}

Drawing drawing(const kb::KnowledgeBase& kb, const kb::Technique& t) {
  const auto& p = picture_of(kb, t);
  Drawing d{kb, t, p, picture_frame(p, Foot::left), t.id, 1};
  d.scale = foot_length(p, d.frame) / 288 * 1.2;
  return d;
}

std::string body(const Drawing& d, const PictureOptions& options) {
  if (options.layer == "target") return target(d, true);
  if (options.layer == "hands") return hands_and_tools(d, true);
  std::string out = fmt::format("<g clip-path=\"url(#clip-{})\">\n", d.key);
  out += fmt::format("<rect class=\"pic-bg\" width=\"{0}\" height=\"{0}\" rx=\"12\" fill=\"{1}\"/>\n",
                     picture_size, colours.background);
  out += wall_and_floor(d) + foot(d) + target(d, false) + foot_outline(d);
  out += "<g class=\"pic-still\">\n" + ghost(d) + hands_and_tools(d, false) + rings(d) + "</g>\n";
  if (options.animate) out += animated(d);
  return defs(d) + out + arrows(d) + "</g>\n";
}

std::string mirrored(const std::string& content, Foot foot) {
  if (foot == Foot::left) return content;
  return fmt::format("<g transform=\"matrix(-1 0 0 1 {} 0)\">\n{}</g>\n", picture_size, content);
}

std::string hands_words(const kb::Picture& p) {
  if (p.hands.empty()) return p.tools.empty() ? "No hands" : "A tennis ball under the foot";
  const auto& pose = p.hands[0].pose;
  bool two = p.hands.size() > 1;
  if (pose == "thumb") return two ? "Both thumbs" : "One thumb";
  if (pose == "knuckles") return "The knuckles of a soft fist";
  if (pose == "palm") return two ? "Both flat hands" : "A flat hand";
  if (pose == "pinch") return "A thumb and finger on each side";
  return two ? "The fingers of both hands" : "The fingers";
}

std::string motion_words(const kb::Picture& p) {
  if (p.hands.empty() && p.tools.empty()) {  // the foot and leg move on their own
    if (p.motion == "circle") return "circle the foot at the ankle";
    if (p.motion == "stretch") return "lean the leg the way the arrow points and hold";
    return "move the foot to and fro along the arrow";
  }
  if (p.motion == "press") return "press and hold";
  if (p.motion == "circle") return "make small circles";
  if (p.motion == "walk") return "move in small steps the way the arrow points";
  if (p.motion == "roll") return "roll to and fro along the arrow";
  if (p.motion == "stretch") return "pull gently the way the arrow points, hold, then let go";
  if (p.motion == "pump") return "move to and fro along the arrow";
  if (p.motion == "knead") return "squeeze and let go while moving the way the arrow points";
  return "glide the way the arrow points";
}

}  // namespace

kb::Point PictureFrame::at(kb::Point u) const {
  double px = x + u.x * w, py = y + u.y * h;
  if (bend != 0) {
    // All of the turn above the calf's lower end, none below the ankle bone.
    double share = std::clamp((pivot.y + 0.04 - u.y) / 0.16, 0.0, 1.0);
    double a = bend * share * M_PI / 180, cx = x + pivot.x * w, cy = y + pivot.y * h;
    double dx = px - cx, dy = py - cy;
    px = cx + dx * std::cos(a) - dy * std::sin(a);
    py = cy + dx * std::sin(a) + dy * std::cos(a);
  }
  return {mirror ? picture_size - px : px, py};
}

PictureFrame picture_frame(const kb::Picture& picture, Foot foot) {
  PictureFrame f;
  if (picture.view == kb::View::back && picture.frame == "foot")  // from mid-calf down, bigger
    f = {20, 10 - 0.45 * 560, 280, 560};
  else if (picture.view == kb::View::sole || picture.view == kb::View::back)
    f = {85, 10, 150, 300};
  else if (picture.frame == "leg")
    f = {88, 10, 150, 300};
  else if (picture.frame == "lean")  // smaller, so the wall and the body line fit
    f = {112, 82, 118, 230, false, -22, {0.66, 0.74}};
  else
    f = {31, 10 - 0.47 * 580, 290, 580};
  f.mirror = foot == Foot::right;
  return f;
}

std::string technique_picture_description(const kb::KnowledgeBase& kb, const kb::Technique& technique,
                                          Foot foot) {
  const auto& p = picture_of(kb, technique);
  Drawing d{kb, technique, p, {}, technique.id, 1};
  std::string where;
  auto shown = targets(d);
  for (std::size_t i = 0; i < shown.size(); ++i)
    where += (i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ") + shown[i].region->name;
  for (auto& c : where) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const char* seen = p.view == kb::View::sole   ? "below (the sole)"
                     : p.view == kb::View::back ? "behind"
                     : p.frame == "lean"        ? "the inner side, leaning toward a wall"
                                                : "the inner side";
  return fmt::format("The {} {}, seen from {}. Shaded: the {}. {}: {}.",
                     foot == Foot::left ? "left" : "right",
                     p.view != kb::View::back && p.frame == "foot" ? "foot" : "leg", seen, where,
                     hands_words(p), motion_words(p));
}

std::string technique_picture_svg(const kb::KnowledgeBase& kb, const kb::Technique& technique,
                                  const PictureOptions& options) {
  Drawing d = drawing(kb, technique);
  if (options.foot == Foot::right) d.key += "-r";
  std::string content = mirrored(body(d, options), options.foot);
  if (!options.layer.empty())
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
        "height=\"{0}\" viewBox=\"0 0 {0} {0}\">\n{1}</svg>\n",
        picture_size, content);
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pic\" "
      "role=\"img\" width=\"{0}\" height=\"{0}\" viewBox=\"0 0 {0} "
      "{0}\">\n<title>{1}</title>\n<desc>{2}</desc>\n"
      "{3}</svg>\n",
      picture_size, svg::escape(technique.name),
      svg::escape(technique_picture_description(kb, technique, options.foot)), content);
}

std::string technique_picture_group(const kb::KnowledgeBase& kb, const kb::Technique& technique, double x,
                                    double y, double width, Foot foot) {
  Drawing d = drawing(kb, technique);
  if (foot == Foot::right) d.key += "-r";
  return fmt::format("<g transform=\"translate({:.1f},{:.1f}) scale({:.4f})\">\n{}</g>\n", x, y,
                     width / picture_size, mirrored(body(d, {}), foot));
}

std::string contact_sheet_svg(const kb::KnowledgeBase& kb) {
  constexpr int columns = 4;
  constexpr double cell = 220, picture = 200, label = 40;
  std::string out;
  for (std::size_t i = 0; i < kb.techniques.size(); ++i) {
    const auto& t = kb.techniques[i];
    double x = 10 + static_cast<double>(i % columns) * cell,
           y = 10 + static_cast<double>(i / columns) * (cell + label);
    out += technique_picture_group(kb, t, x, y, picture);
    out += svg::text(x + picture / 2, y + picture + 18, 13, t.name, "text-anchor=\"middle\" fill=\"#222\"");
    out += svg::text(x + picture / 2, y + picture + 34, 10.5, t.id, "text-anchor=\"middle\" fill=\"#666\"");
  }
  auto rows = static_cast<double>((kb.techniques.size() + columns - 1) / columns);
  return svg::document(columns * cell + 10, rows * (cell + label) + 10, out);
}

}  // namespace plantar::render
