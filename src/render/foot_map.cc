// The foot map: the inner side of each leg and both soles, drawn from the
// regions' outlines (left foot; the right foot mirrored), with the
// reflexology zones on request and sore spots as a heat overlay.
#include <fmt/format.h>

#include <algorithm>

#include "plantar/render.h"
#include "svg.h"

namespace plantar::render {
namespace {

using svg::Box;

constexpr double natural_width = 840;
constexpr double panel_top = 28;
constexpr double panel_height = 380;

// The four panels, left to right: left leg, left sole, right sole, right leg.
struct Panel {
  std::string label;
  kb::View view;
  Foot foot;
  Box box;
};

std::vector<Panel> panels() {
  return {{"Left leg, inner side", kb::View::side, Foot::left, {10, panel_top, 190, panel_height, false}},
          {"Left sole", kb::View::sole, Foot::left, {225, panel_top, 190, panel_height, false}},
          {"Right sole", kb::View::sole, Foot::right, {425, panel_top, 190, panel_height, true}},
          {"Right leg, inner side", kb::View::side, Foot::right, {640, panel_top, 190, panel_height, true}}};
}

const char* const zone_colours[] = {"#8ecae6", "#ffb703", "#90be6d", "#cdb4db", "#f4a261",
                                    "#a8dadc", "#e9c46a", "#b5e48c", "#ffafcc", "#bde0fe"};

std::string regions(const kb::KnowledgeBase& kb, const Panel& panel, bool labels) {
  std::string out;
  for (const auto& region : kb.regions) {
    if (region.view != panel.view) continue;
    out += fmt::format(
        "<polygon points=\"{}\" fill=\"{}\" stroke=\"#9c6b4e\" stroke-width=\"1.2\" "
        "stroke-linejoin=\"round\"/>\n",
        svg::points(region.outline, panel.box), region.leg ? "#eccfb9" : "#f6e0cf");
  }
  if (!labels) return out;
  for (const auto& region : kb.regions) {
    if (region.view != panel.view || region.id == Region::inner_edge || region.id == Region::outer_edge ||
        region.id == Region::achilles)
      continue;
    auto c = svg::centre(region.outline);
    out += svg::text(panel.box.px(c.x), panel.box.py(c.y) + 4, 11, region.name,
                     "text-anchor=\"middle\" fill=\"#8a6a55\"");
  }
  return out;
}

std::string zones(const kb::KnowledgeBase& kb, const Panel& panel) {
  std::string out;
  for (std::size_t i = 0; i < kb.atlas.zones.size(); ++i) {
    const auto& zone = kb.atlas.zones[i];
    if (kb.region(zone.region).view != panel.view) continue;
    if (std::find(zone.feet.begin(), zone.feet.end(), panel.foot) == zone.feet.end()) continue;
    out += fmt::format(
        "<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"0.55\" stroke=\"#555\" "
        "stroke-width=\"0.6\"/>\n",
        svg::points(zone.outline, panel.box), zone_colours[i % std::size(zone_colours)]);
    auto c = svg::centre(zone.outline);
    out += svg::text(panel.box.px(c.x), panel.box.py(c.y) + 3.5, 10, std::to_string(i + 1),
                     "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#222\"");
  }
  return out;
}

std::string heat(const kb::KnowledgeBase& kb, const Panel& panel,
                 const std::vector<journal::SoreSpot>& spots) {
  std::string out;
  for (const auto& spot : spots) {
    const auto& region = kb.region(spot.region);
    if (spot.foot != panel.foot || region.view != panel.view) continue;
    auto p = svg::in_box(region.outline, spot.x, spot.y);
    double x = panel.box.px(p.x), y = panel.box.py(p.y);
    double r = 14 + spot.intensity * 2.2;
    out += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"url(#heat)\" opacity=\"{:.2f}\"/>\n", x, y,
        r, 0.35 + spot.intensity * 0.065);
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"8\" fill=\"#b3001b\"/>\n", x, y);
    out += svg::text(x, y + 3.5, 10, std::to_string(spot.intensity),
                     "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#ffffff\"");
  }
  return out;
}

std::string zone_legend(const kb::KnowledgeBase& kb, double top, double& height) {
  std::string out = svg::text(10, top + 14, 13, "Reflexology zones: a tradition, not anatomy",
                              "font-weight=\"bold\" fill=\"#333\"");
  double y = top + 32;
  for (const auto& line : svg::wrap(kb.atlas.note, 130)) {
    out += svg::text(10, y, 10.5, line, "fill=\"#555\"");
    y += 14;
  }
  y += 4;
  const std::size_t per_row = 4;
  for (std::size_t i = 0; i < kb.atlas.zones.size(); ++i) {
    double x = 10 + static_cast<double>(i % per_row) * 207;
    double row_y = y + static_cast<double>(i / per_row) * 17;
    out += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#555\" "
        "stroke-width=\"0.6\"/>\n",
        x, row_y - 10, zone_colours[i % std::size(zone_colours)]);
    out +=
        svg::text(x + 17, row_y, 10.5, fmt::format("{} {}", i + 1, kb.atlas.zones[i].name), "fill=\"#333\"");
  }
  height = y + static_cast<double>((kb.atlas.zones.size() + per_row - 1) / per_row) * 17 - top;
  return out;
}

std::string heat_gradient() {
  return "<defs><radialGradient id=\"heat\"><stop offset=\"0\" stop-color=\"#e63946\" stop-opacity=\"0.95\"/>"
         "<stop offset=\"0.55\" stop-color=\"#f77f00\" stop-opacity=\"0.45\"/>"
         "<stop offset=\"1\" stop-color=\"#fcbf49\" stop-opacity=\"0\"/></radialGradient></defs>\n";
}

}  // namespace

std::string foot_map_group(const kb::KnowledgeBase& kb, const MapOptions& options, double x, double y,
                           double width, double& height) {
  double scale = width / natural_width;
  std::string body = heat_gradient();
  for (const auto& panel : panels()) {
    body += svg::text(panel.box.x + panel.box.w / 2, 16, 13, panel.label,
                      "text-anchor=\"middle\" font-weight=\"bold\" fill=\"#333\"");
    body += regions(kb, panel, !options.zones);
    if (options.zones) body += zones(kb, panel);
    body += heat(kb, panel, options.sore);
  }
  double natural_height = panel_top + panel_height + 8;
  if (options.zones) {
    double legend = 0;
    body += zone_legend(kb, natural_height, legend);
    natural_height += legend + 8;
  }
  height = natural_height * scale;
  return fmt::format("<g transform=\"translate({:.1f},{:.1f}) scale({:.4f})\">\n{}</g>\n", x, y, scale, body);
}

std::string foot_map_svg(const kb::KnowledgeBase& kb, const MapOptions& options) {
  double height = 0;
  std::string group = foot_map_group(kb, options, 20, 20, natural_width, height);
  std::string caption;
  if (!options.sore.empty())
    caption = svg::text(30, height + 40, 12, "Red: sore spots, with how sore out of 10.", "fill=\"#555\"");
  return svg::document(natural_width + 40, height + (caption.empty() ? 30 : 55), group + caption);
}

}  // namespace plantar::render
