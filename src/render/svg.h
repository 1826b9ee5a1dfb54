// Small helpers for writing SVG by hand: escaping, polygons in a box, text
// and line wrapping.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plantar/kb.h"

namespace plantar::render::svg {

inline constexpr const char* font = "DejaVu Sans, sans-serif";

/// Escapes &, <, >, " for text and attributes.
std::string escape(std::string_view text);

/// A box on the page that a unit square (0..1, 0..1) is drawn into; mirror
/// flips x (the right foot).
struct Box {
  double x = 0, y = 0, w = 1, h = 1;
  bool mirror = false;
  double px(double ux) const { return x + (mirror ? 1 - ux : ux) * w; }
  double py(double uy) const { return y + uy * h; }
};

/// `points="..."` of a polygon drawn in `box`.
std::string points(const kb::Polygon& polygon, const Box& box);
/// The centre of a polygon's bounding box, in unit coordinates.
kb::Point centre(const kb::Polygon& polygon);
/// A point given in the polygon's normalized bounding box, in unit coordinates.
kb::Point in_box(const kb::Polygon& polygon, double x, double y);

/// `<text>` at (x, y); `extra` goes into the tag (anchor, weight, fill).
std::string text(double x, double y, double size, std::string_view content, std::string_view extra = "");
/// Splits `text` into lines of at most `width` characters, at spaces.
std::vector<std::string> wrap(const std::string& text, std::size_t width);
/// An SVG document of the given size around `body`, white background.
std::string document(double width, double height, const std::string& body);

}  // namespace plantar::render::svg
