// The techniques' pictures (pictures.toml): what each picture shows, in the
// regions' unit coordinates (the left foot; the right mirrors x). The loader
// checks them with the other knowledge files; they are kept beside the
// KnowledgeBase, found through it, so the many users of kb.h stay as they are.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"

namespace plantar::kb {

struct PictureHand {
  std::string pose;   // thumb, knuckles, palm or fingers
  Point at;           // where the working part touches
  double turn = 0;    // degrees clockwise; 0 = fingers up, wrist below
  bool flip = false;  // the other hand (mirrored)
};

struct PictureTool {
  std::string id;  // a tool of the technique: tennis_ball or towel
  Point at;
};

struct Picture {
  std::string technique;
  View view = View::sole;
  std::string frame = "foot";  // side view: foot (ankle down) or leg (knee down)
  std::string motion;          // press, circle, glide, walk, roll, stretch, pump or knead
  double seconds = 3;          // the loop's length in the web app, 2 to 4
  double radius = 0.05;        // circle: the loop's radius, as a share of the picture's width
  Polygon path;                // the way the working part moves (circle: its centre if no hand)
  std::vector<PictureHand> hands;
  std::vector<PictureTool> tools;
  Origin origin;
};

/// The pictures loaded with `kb` (empty for a knowledge base put together by hand).
const std::vector<Picture>& pictures(const KnowledgeBase& kb);
/// The picture of a technique, or nullptr.
const Picture* picture(const KnowledgeBase& kb, const std::string& technique);
/// Sets the pictures of `kb` (the loader; tests).
void set_pictures(const KnowledgeBase& kb, std::vector<Picture> pictures);

/// True when `p` lies inside `polygon` (even-odd rule).
bool inside(const Polygon& polygon, Point p);

}  // namespace plantar::kb
