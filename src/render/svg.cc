// Small helpers for writing SVG by hand.
#include "svg.h"

#include <fmt/format.h>

#include <algorithm>

namespace plantar::render::svg {

std::string escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string points(const kb::Polygon& polygon, const Box& box) {
  std::string out;
  for (const auto& p : polygon)
    out += fmt::format("{}{:.1f},{:.1f}", out.empty() ? "" : " ", box.px(p.x), box.py(p.y));
  return out;
}

kb::Point centre(const kb::Polygon& polygon) { return in_box(polygon, 0.5, 0.5); }

kb::Point in_box(const kb::Polygon& polygon, double x, double y) {
  if (polygon.empty()) return {0.5, 0.5};
  auto [minx, maxx] = std::minmax_element(polygon.begin(), polygon.end(),
                                          [](const kb::Point& a, const kb::Point& b) { return a.x < b.x; });
  auto [miny, maxy] = std::minmax_element(polygon.begin(), polygon.end(),
                                          [](const kb::Point& a, const kb::Point& b) { return a.y < b.y; });
  return {minx->x + x * (maxx->x - minx->x), miny->y + y * (maxy->y - miny->y)};
}

std::string text(double x, double y, double size, std::string_view content, std::string_view extra) {
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"{}\" {}>{}</text>\n", x, y, size, extra,
                     escape(content));
}

std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string document(double width, double height, const std::string& body) {
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
      "viewBox=\"0 0 {0:.0f} {1:.0f}\" font-family=\"{2}\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{3}</svg>\n",
      width, height, font, body);
}

}  // namespace plantar::render::svg
