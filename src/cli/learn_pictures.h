// plantar learn techniques [ID] --picture FILE | --pictures DIR [--foot right]:
// the technique pictures as files (cmd_learn.cc).
#pragma once

#include <string>

#include "commands.h"

namespace plantar::cli {

struct PictureArgs {
  std::string picture;        // one technique's picture: FILE.svg, FILE.png or - (SVG on stdout)
  std::string pictures;       // every technique's picture and contact-sheet.png into this folder
  std::string foot = "left";  // the right foot is the mirror of the left

  bool wanted() const { return !picture.empty() || !pictures.empty() || foot != "left"; }
};

int run_learn_pictures(const Context& context, const LearnOptions& learn, const PictureArgs& args);

}  // namespace plantar::cli
