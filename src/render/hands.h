// The hand poses of the technique pictures, drawn in their own coordinates:
// the working part at the origin, fingers up, the wrist below, sized for a
// foot 288 units long. Private to the renderer.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"

namespace plantar::render::hands {

/// Fill and outline colours (one outline weight for the whole picture).
struct Paint {
  std::string fill, line, nail;
  double line_width = 2;
};

/// The hand in `pose` (thumb, knuckles, palm, fingers, pinch) as SVG markup.
std::string shape(const std::string& pose, const Paint& paint);
/// The working parts of `pose` (thumb pad, knuckles, palm, fingertips, thumb and
/// index tips), where pressure rings go.
std::vector<kb::Point> working_points(const std::string& pose);

}  // namespace plantar::render::hands
