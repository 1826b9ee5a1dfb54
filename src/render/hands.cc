// Hands built from capsules (round-capped thick lines): each part is drawn
// outline first, then fill, so a part reads as one shape and the part in
// front (the thumb over the palm) keeps its own outline.
#include "hands.h"

#include <fmt/format.h>

namespace plantar::render::hands {
namespace {

struct Capsule {
  double x1, y1, x2, y2, width;
};
using Part = std::vector<Capsule>;

std::string line(const Capsule& c, double width, const std::string& colour, const char* cls) {
  return fmt::format(
      "<line class=\"{}\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
      "stroke-width=\"{:.1f}\" stroke-linecap=\"round\"/>",
      cls, c.x1, c.y1, c.x2, c.y2, colour, width);
}

std::string part(const Part& capsules, const Paint& paint) {
  std::string out;
  for (const auto& c : capsules) out += line(c, c.width + 2 * paint.line_width, paint.line, "pic-hand-line");
  for (const auto& c : capsules) out += line(c, c.width, paint.fill, "pic-hand");
  return out + "\n";
}

std::string nail(double x, double y, double rx, double ry, const Paint& paint) {
  return fmt::format("<ellipse class=\"pic-nail\" cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" fill=\"{}\"/>\n", x,
                     y, rx, ry, paint.nail);
}

// An open hand, palm at (0, dy): four fingers, the palm, the thumb.
std::string open_hand(double dy, const Paint& paint) {
  std::string out = part({{0, 40 + dy, 0, 95 + dy, 46}}, paint);  // wrist
  const Capsule fingers[] = {
      {-24, -20, -27, -62, 15}, {-8, -24, -9, -76, 15}, {8, -24, 9, -74, 15}, {23, -20, 26, -58, 14}};
  for (auto f : fingers) {
    f.y1 += dy, f.y2 += dy;
    out += part({f}, paint);
  }
  out += part({{0, -8 + dy, 0, 22 + dy, 66}}, paint);
  out += part({{-28, 22 + dy, -52, -8 + dy, 18}}, paint);
  return out;
}

}  // namespace

std::string shape(const std::string& pose, const Paint& paint) {
  if (pose == "thumb") {
    // The hand wraps round the foot; the thumb pad presses, its nail faces us.
    std::string out = part({{22, 74, 30, 104, 74}}, paint);
    for (auto [x, y] : {std::pair{-2.0, 50.0}, {16.0, 42.0}, {34.0, 40.0}, {51.0, 46.0}})
      out += part({{x, y, x, y, 22}}, paint);
    out += part({{0, 0, 6, 54, 24}}, paint);
    return out + nail(0.5, 2, 6.5, 8.5, paint);
  }
  if (pose == "knuckles") {
    // A soft fist from the front: four curled fingers side by side, their
    // middle knuckles on top doing the work, the thumb folded across them.
    std::string out = part({{0, 70, 0, 118, 50}}, paint);  // forearm
    out += part({{-6, 38, 6, 38, 62}}, paint);             // the hand behind the fingers
    for (double x : {-27.0, -9.0, 9.0, 27.0}) out += part({{x, 1, x, 26, 18}}, paint);
    return out + part({{-30, 44, 10, 36, 17}}, paint);  // the folded thumb
  }
  if (pose == "pinch") {
    // Thumb and index finger on either side of a cord (the Achilles), seen
    // from the back of the hand; the other fingers curl in behind.
    std::string out = part({{0, 84, 0, 124, 44}}, paint);  // wrist
    out += part({{-4, 16, -8, 36, 14}}, paint);            // the middle finger, curled
    out += part({{2, 46, 2, 62, 58}}, paint);              // back of the hand
    out += part({{-20, 36, -14, 2, 15}}, paint);           // index finger
    out += part({{26, 44, 14, 2, 18}}, paint);             // thumb
    return out + nail(14.5, 7, 5, 6.5, paint);
  }
  if (pose == "palm") return open_hand(0, paint);
  return open_hand(70, paint);  // fingers: the fingertips at the origin
}

std::vector<kb::Point> working_points(const std::string& pose) {
  if (pose == "thumb") return {{0, 0}};
  if (pose == "knuckles") return {{-18, 0}, {18, 0}};
  if (pose == "palm") return {{0, 4}};
  if (pose == "pinch") return {{-14, 0}, {14, 0}};
  return {{-9, 0}, {9, 2}};
}

}  // namespace plantar::render::hands
