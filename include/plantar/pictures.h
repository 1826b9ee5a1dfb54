// Looking up the techniques' pictures (pictures.toml, kept in the
// KnowledgeBase and checked by the loader with the other knowledge files).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "plantar/kb.h"

namespace plantar::kb {

/// The pictures loaded with `kb` (empty for a knowledge base put together by hand).
inline const std::vector<Picture>& pictures(const KnowledgeBase& kb) { return kb.pictures; }
/// The picture of a technique, or nullptr.
const Picture* picture(const KnowledgeBase& kb, const std::string& technique);
/// Sets the pictures of `kb` (the loader; tests).
inline void set_pictures(KnowledgeBase& kb, std::vector<Picture> pictures) {
  kb.pictures = std::move(pictures);
}

/// The outline of `region` in `view` (its own view's, or its `back` outline
/// for the back of the leg), or nullptr when the view does not show it.
const Polygon* outline_in(const RegionInfo& region, View view);

/// True when `p` lies inside `polygon` (even-odd rule).
bool inside(const Polygon& polygon, Point p);

}  // namespace plantar::kb
