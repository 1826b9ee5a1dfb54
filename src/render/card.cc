// The therapist card: one A4 page (SVG, made into a PDF) or one HTML page
// with the cautions, the sore spots on the foot map and as a list, goals,
// the home routine and the recent trend.
#include <fmt/format.h>

#include <algorithm>

#include "plantar/render.h"
#include "plantar/technique_picture.h"
#include "svg.h"

namespace plantar::render {
namespace {

constexpr double page_width = 595, page_height = 842, margin = 36;
constexpr double content_width = page_width - 2 * margin;
constexpr double bottom = page_height - 48;
constexpr const char* accent = "#1b7f79";

std::string heading_of(const std::string& section) {
  if (section == "cautions") return "Health cautions";
  if (section == "sore") return "Sore spots";
  if (section == "goals") return "Goals";
  if (section == "routine") return "Home routine";
  return "Recent trend";
}

// Writes the SVG page top to bottom; lines that would not fit are counted.
class Page {
 public:
  std::string body;
  double y = 0;
  int dropped = 0;

  void heading(const std::string& text) {
    y += 10;
    body += svg::text(margin, y + 12, 13, text, fmt::format("font-weight=\"bold\" fill=\"{}\"", accent));
    body += fmt::format(
        "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"{3}\" "
        "stroke-width=\"0.8\"/>\n",
        margin, y + 17, page_width - margin, accent);
    y += 24;
  }
  void lines(const std::vector<std::string>& items, bool bullets, double size = 9.5, double left = margin,
             double width = content_width) {
    auto chars = static_cast<std::size_t>(width / (size * 0.5)) - 3;
    for (const auto& item : items) {
      bool first = true;
      for (const auto& line : svg::wrap(item, chars)) {
        if (y + size + 3 > bottom) {
          ++dropped;
          return;
        }
        if (bullets && first) body += svg::text(left + 2, y + size, size, "•", "fill=\"#444\"");
        body += svg::text(left + (bullets ? 12 : 0), y + size, size, line, "fill=\"#222\"");
        y += size + 3.5;
        first = false;
      }
    }
  }
  // Long lists in two columns, filled top to bottom.
  void columns(const std::vector<std::string>& items, double size) {
    if (items.size() <= 6) return lines(items, false, size);
    auto half = static_cast<std::ptrdiff_t>((items.size() + 1) / 2);
    double top = y, gap = 14, width = (content_width - gap) / 2;
    lines({items.begin(), items.begin() + half}, false, size, margin, width);
    double left_end = y;
    y = top;
    lines({items.begin() + half, items.end()}, false, size, margin + width + gap, width);
    y = std::max(y, left_end);
  }
};

void sore_section(const kb::KnowledgeBase& kb, const Card& card, Page& page) {
  if (card.spots.empty()) {
    page.lines({"No sore spots recorded."}, false);
    return;
  }
  double height = 0;
  MapOptions options;
  options.sore = card.spots;
  double width = content_width * 0.72;
  page.body += foot_map_group(kb, options, margin + (content_width - width) / 2, page.y, width, height);
  page.y += height + 4;
  page.lines(card.sore_lines, true);
}

void trend_section(const Card& card, Page& page) { page.lines(card.trend, true); }

// The routine with a small picture beside each step, in three columns
// filled top to bottom; the lines after the steps (the pressure scale) run
// across the page below them.
void routine_section(const kb::KnowledgeBase& kb, const Card& card, Page& page) {
  if (card.routine_pictures.empty()) return page.columns(card.routine, 8.5);
  constexpr double picture = 26, gap = 10, size = 8;
  constexpr std::size_t columns = 3;
  const double width = (content_width - gap * (columns - 1)) / columns;
  const std::size_t steps = std::min(card.routine.size(), card.routine_pictures.size());
  const std::size_t per_column = (steps + columns - 1) / columns;
  const double top = page.y;
  double lowest = top;
  for (std::size_t i = 0; i < steps; ++i) {
    if (i % per_column == 0) page.y = top;
    double left = margin + static_cast<double>(i / per_column) * (width + gap), row = page.y;
    if (row + picture > bottom) {
      ++page.dropped;
      continue;
    }
    const auto& step = card.routine_pictures[i];
    const kb::Technique* t = kb.technique(step.technique);
    if (t != nullptr && kb::picture(kb, t->id) != nullptr)
      page.body += technique_picture_group(kb, *t, left, row, picture, step.foot);
    page.y = row + 2;
    page.lines({card.routine[i]}, false, size, left + picture + 5, width - picture - 5);
    page.y = std::max(page.y, row + picture + 3);
    lowest = std::max(lowest, page.y);
  }
  page.y = lowest + 2;
  page.lines({card.routine.begin() + static_cast<std::ptrdiff_t>(steps), card.routine.end()}, false, 8.5);
}

}  // namespace

std::string card_svg(const kb::KnowledgeBase& kb, const Card& card) {
  Page page;
  page.body +=
      fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"6\" fill=\"{}\"/>\n", page_width, accent);
  page.body += svg::text(margin, 48, 22, card.title, "font-weight=\"bold\" fill=\"#111\"");
  std::string who = card.name.empty() ? card.date : card.name + " · " + card.date;
  page.body += svg::text(page_width - margin, 48, 11, who, "text-anchor=\"end\" fill=\"#444\"");
  page.body +=
      svg::text(margin, 66, 10.5, "For my massage therapist or reflexologist: please read before we start.",
                "fill=\"#555\"");
  page.y = 74;
  for (const auto& section : card.sections) {
    page.heading(heading_of(section));
    if (section == "cautions") {
      if (!card.verdict.empty()) page.lines({card.verdict}, false, 10.5);
      page.lines(card.cautions, true);
    } else if (section == "sore") {
      sore_section(kb, card, page);
    } else if (section == "goals") {
      page.lines(card.goals, true);
    } else if (section == "routine") {
      routine_section(kb, card, page);
    } else if (section == "trend") {
      trend_section(card, page);
    }
  }
  std::string footer = card.footer;
  if (page.dropped > 0)
    footer = fmt::format("Some lines did not fit; the HTML card has them all. {}", footer);
  page.body += svg::text(margin, page_height - 24, 8.5, footer, "fill=\"#777\"");
  return svg::document(page_width, page_height, page.body);
}

namespace {

std::string html_list(const std::vector<std::string>& items) {
  std::string out = "<ul>\n";
  for (const auto& item : items) out += "<li>" + svg::escape(item) + "</li>\n";
  return out + "</ul>\n";
}

std::string html_section(const kb::KnowledgeBase& kb, const Card& card, const std::string& section) {
  std::string out = "<section>\n<h2>" + heading_of(section) + "</h2>\n";
  if (section == "cautions") {
    if (!card.verdict.empty()) out += "<p class=\"verdict\">" + svg::escape(card.verdict) + "</p>\n";
    out += html_list(card.cautions);
  } else if (section == "sore") {
    if (card.spots.empty()) return out + "<p>No sore spots recorded.</p>\n</section>\n";
    MapOptions options;
    options.sore = card.spots;
    std::string map = foot_map_svg(kb, options);
    out += "<figure>" + map.substr(map.find("<svg")) + "</figure>\n" + html_list(card.sore_lines);
  } else if (section == "goals") {
    out += html_list(card.goals);
  } else if (section == "routine") {
    out += "<ol class=\"routine\">\n";
    for (std::size_t i = 0; i < card.routine.size(); ++i) {
      std::string picture;
      if (i < card.routine_pictures.size())
        if (const kb::Technique* t = kb.technique(card.routine_pictures[i].technique);
            t != nullptr && kb::picture(kb, t->id) != nullptr) {
          std::string svg = technique_picture_svg(kb, *t, {card.routine_pictures[i].foot});
          picture = svg.substr(svg.find("<svg"));
        }
      out += "<li>" + picture + svg::escape(card.routine[i]) + "</li>\n";
    }
    out += "</ol>\n";
  } else {
    out += html_list(card.trend);
  }
  return out + "</section>\n";
}

}  // namespace

std::string card_html(const kb::KnowledgeBase& kb, const Card& card) {
  std::string who = card.name.empty() ? card.date : card.name + " · " + card.date;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>\nbody{{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:46rem;margin:1.5rem auto;"
      "padding:0 1rem;color:#222;line-height:1.45}}\nheader{{border-top:6px solid "
      "{2};padding-top:.5rem;display:flex;"
      "justify-content:space-between;align-items:baseline;flex-wrap:wrap}}\nh1{{margin:.2rem 0}}\n"
      "h2{{color:{2};border-bottom:1px solid {2};font-size:1.1rem;margin-top:1.4rem}}\n"
      ".verdict{{font-weight:bold}}\nfigure{{margin:0}}\nfigure svg{{width:100%;height:auto}}\n"
      ".routine li{{display:flex;gap:.6rem;align-items:center;margin:.2rem 0}}\n"
      ".routine svg{{width:56px;height:56px;flex:none}}\n"
      "footer{{color:#777;font-size:.8rem;margin-top:2rem}}\n@page{{size:A4;margin:14mm}}\n</style>\n</"
      "head>\n"
      "<body>\n<header><h1>{0}</h1><span>{1}</span></header>\n"
      "<p>For my massage therapist or reflexologist: please read before we start.</p>\n",
      svg::escape(card.title), svg::escape(who), accent);
  for (const auto& section : card.sections) out += html_section(kb, card, section);
  return out + "<footer>" + svg::escape(card.footer) + "</footer>\n</body>\n</html>\n";
}

}  // namespace plantar::render
