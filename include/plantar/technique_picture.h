// A technique's picture, drawn from its description in pictures.toml: the
// foot from one view with the technique's regions highlighted, the hands
// with their working part, a tool, and the movement. One renderer for the
// CLI, the server, the card and PNG export. Pure: text in, text out.
#pragma once

#include <string>
#include <utility>

#include "plantar/kb.h"
#include "plantar/pictures.h"
#include "plantar/vocabulary.h"

namespace plantar::render {

inline constexpr double picture_size = 320;  // the picture is a square this wide

struct PictureOptions {
  PictureOptions(Foot foot = Foot::left, bool animate = false, std::string layer = "")
      : foot(foot), animate(animate), layer(std::move(layer)) {}

  Foot foot = Foot::left;  // the right foot is the mirror of the left
  bool animate = false;    // add the web app's loop (SVG animation, shown through CSS classes)
  /// Tests: draw one layer alone, in black on nothing: "target" (the
  /// highlighted regions), "hands" (hands and tools) or "" for everything.
  std::string layer;
};

/// Where the view's unit square lies in the picture (pixels of the 320 square).
struct PictureFrame {
  double x = 0, y = 0, w = 1, h = 1;
  bool mirror = false;
  /// The lean frame (a stretch at a wall): the leg above the ankle turned by
  /// `bend` degrees (negative: the knee goes toward the toes) about `pivot`
  /// (unit coordinates); the foot stays flat, the turn fades in between.
  double bend = 0;
  kb::Point pivot{};
  /// Where the unit point `u` of the view lands, in pixels.
  kb::Point at(kb::Point u) const;
};
PictureFrame picture_frame(const kb::Picture& picture, Foot foot);

/// The picture of `technique` as a whole SVG document (320 x 320) with a
/// <title> and <desc>. Throws BadInput if the technique has no picture.
std::string technique_picture_svg(const kb::KnowledgeBase& kb, const kb::Technique& technique,
                                  const PictureOptions& options = {});
/// The same picture as a group at (x, y), `width` wide (for the card and the contact sheet).
std::string technique_picture_group(const kb::KnowledgeBase& kb, const kb::Technique& technique, double x,
                                    double y, double width, Foot foot = Foot::left);
/// What the picture shows, in words (its <desc>).
std::string technique_picture_description(const kb::KnowledgeBase& kb, const kb::Technique& technique,
                                          Foot foot = Foot::left);
/// Every technique's picture in a labelled grid, as an SVG document.
std::string contact_sheet_svg(const kb::KnowledgeBase& kb);

}  // namespace plantar::render
