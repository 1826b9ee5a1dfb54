// The technique pictures: every technique has one, pictures.toml is checked
// when it loads, and each picture, drawn through librsvg, shows the
// highlight inside the technique's region outlines with a hand or tool on
// it, the right foot mirroring the left. Also the CLI (the API: server_pictures_test.cc).
#include <cairo.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "plantar/errors.h"
#include "plantar/pictures.h"
#include "plantar/render.h"
#include "plantar/technique_picture.h"
#include "test_support.h"

namespace plantar {
namespace {

namespace fs = std::filesystem;
const kb::KnowledgeBase& kb() { return kb::embedded(); }

// ---------------------------------------------------------------- pixels

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint32_t> argb;
  std::uint32_t at(int x, int y) const { return argb[static_cast<std::size_t>(y) * width + x]; }
  bool ink(int x, int y) const { return (at(x, y) >> 24) > 128; }  // mostly opaque
};

// Draws `svg` through librsvg (render::write_image) and reads the PNG back.
Image raster(const std::string& svg) {
  static int n = 0;
  fs::path path = fs::temp_directory_path() /
                  ("plantar_picture_" + std::to_string(getpid()) + "_" + std::to_string(n++) + ".png");
  render::write_image(svg, path.string());
  cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
  fs::remove(path);
  Image image;
  image.width = cairo_image_surface_get_width(s);
  image.height = cairo_image_surface_get_height(s);
  int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      image.argb.push_back(*reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4));
  cairo_surface_destroy(s);
  return image;
}

// The technique's region outlines, straight from regions.toml, placed with the picture's frame.
std::string region_mask(const kb::Technique& t, Foot foot) {
  const auto& picture = *kb::picture(kb(), t.id);
  auto frame = render::picture_frame(picture, foot);
  std::string body;
  for (Region id : t.regions) {
    const kb::Polygon* outline = kb::outline_in(kb().region(id), picture.view);
    if (outline == nullptr) continue;
    body += "<polygon fill=\"#000\" points=\"";
    for (const auto& p : *outline) {
      auto at = frame.at(p);
      body += std::to_string(at.x) + "," + std::to_string(at.y) + " ";
    }
    body += "\"/>";
  }
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"320\" viewBox=\"0 0 320 320\">" +
         body + "</svg>";
}

std::string technique_svg(const std::string& id) {
  return render::technique_picture_svg(kb(), *kb().technique(id));
}

std::string layer(const kb::Technique& t, const std::string& which, Foot foot = Foot::left) {
  return render::technique_picture_svg(kb(), t, {foot, false, which});
}

class EachPicture : public ::testing::TestWithParam<std::string> {
 protected:
  const kb::Technique& technique() const { return *kb().technique(GetParam()); }
};

std::vector<std::string> technique_ids() {
  std::vector<std::string> ids;
  for (const auto& t : kb().techniques) ids.push_back(t.id);
  return ids;
}

TEST_P(EachPicture, HighlightLiesInsideTheTechniquesRegions) {
  for (Foot foot : {Foot::left, Foot::right}) {
    auto target = raster(layer(technique(), "target", foot));
    auto mask = raster(region_mask(technique(), foot));
    int inside = 0, outside = 0;
    for (int y = 0; y < target.height; ++y)
      for (int x = 0; x < target.width; ++x)
        if (target.ink(x, y)) (mask.ink(x, y) ? inside : outside)++;
    EXPECT_GT(inside, 2000) << "the highlight is too small to see";
    EXPECT_LT(outside, inside / 100) << outside << " highlighted pixels outside the regions";
  }
}

TEST_P(EachPicture, AHandOrToolTouchesTheHighlight) {
  const auto& p = *kb::picture(kb(), GetParam());
  if (p.hands.empty() && p.tools.empty()) {  // the foot moves on its own: the arrow says how
    EXPECT_GE(p.path.size(), 1u);
    return;
  }
  auto target = raster(layer(technique(), "target"));
  auto hands = raster(layer(technique(), "hands"));
  int overlap = 0;
  for (int y = 0; y < target.height; ++y)
    for (int x = 0; x < target.width; ++x) overlap += target.ink(x, y) && hands.ink(x, y);
  EXPECT_GT(overlap, 400) << "no hand or tool on the highlighted region";
}

TEST_P(EachPicture, RightFootMirrorsTheLeft) {
  auto left = raster(render::technique_picture_svg(kb(), technique(), {Foot::left}));
  auto right = raster(render::technique_picture_svg(kb(), technique(), {Foot::right}));
  ASSERT_EQ(left.width, right.width);
  int differ = 0, drawn = 0;
  auto channel_gap = [](std::uint32_t a, std::uint32_t b) {
    int gap = 0;
    for (int shift : {0, 8, 16})
      gap = std::max(gap, std::abs(int((a >> shift) & 255) - int((b >> shift) & 255)));
    return gap;
  };
  for (int y = 0; y < left.height; ++y)
    for (int x = 0; x < left.width; ++x) {
      auto a = left.at(x, y), b = right.at(left.width - 1 - x, y);
      drawn += (a & 0xffffff) != 0xffffff;
      differ += channel_gap(a, b) > 60;
    }
  EXPECT_LT(differ, drawn / 200) << differ << " pixels differ from the mirror image";
  // And the picture is not symmetric itself, or the test could not fail.
  int self = 0;
  for (int y = 0; y < left.height; ++y)
    for (int x = 0; x < left.width; ++x)
      self += channel_gap(left.at(x, y), left.at(left.width - 1 - x, y)) > 60;
  EXPECT_GT(self, differ * 10);
}

INSTANTIATE_TEST_SUITE_P(Pictures, EachPicture, ::testing::ValuesIn(technique_ids()),
                         [](const auto& info) { return info.param; });

// ---------------------------------------------------------------- data

TEST(Pictures, EveryTechniqueHasAPicture) {
  for (const auto& t : kb().techniques)
    EXPECT_NE(kb::picture(kb(), t.id), nullptr) << t.id << " has no picture";
}

TEST(Pictures, ATechniqueWithoutAPictureCannotBeDrawn) {
  kb::KnowledgeBase copy = kb();
  auto some = kb::pictures(kb());
  std::string id = some.front().technique;
  some.erase(some.begin());
  kb::set_pictures(copy, some);
  const auto& t = *copy.technique(id);
  EXPECT_NO_THROW(render::technique_picture_svg(copy, *copy.technique(some.front().technique)));
  EXPECT_THROW(render::technique_picture_svg(copy, t), BadInput);
}

// Loads the knowledge files with `file`'s `from` replaced by `to`.
std::string load_error(const std::string& from, const std::string& to,
                       const std::string& file = "pictures.toml") {
  auto files = test::data_files();
  for (auto& f : files)
    if (f.name == file) {
      auto at = f.text.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      f.text.replace(at, from.size(), to);
    }
  try {
    kb::load(files);
  } catch (const BadInput& e) {
    return e.where() + ": " + e.what();
  }
  return "";
}

TEST(Pictures, LoaderNamesTheBadField) {
  EXPECT_NE(load_error("technique = \"ankle_circles\"", "technique = \"ankle_circle\"")
                .find("no technique 'ankle_circle'"),
            std::string::npos);
  EXPECT_NE(load_error("{ pose = \"thumb\", at = [0.41, 0.83]", "{ pose = \"elbow\", at = [0.41, 0.83]")
                .find("unknown pose 'elbow'"),
            std::string::npos);
  // A thumb on the toes is not on the heel.
  EXPECT_NE(
      load_error("at = [0.41, 0.83]", "at = [0.41, 0.12]").find("must touch one of the technique's regions"),
      std::string::npos);
  EXPECT_NE(load_error("seconds = 2\n\n[[picture]]\ntechnique = \"ball_of_foot_work\"",
                       "seconds = 9\n\n[[picture]]\ntechnique = \"ball_of_foot_work\"")
                .find("picture.seconds"),
            std::string::npos);
  EXPECT_NE(
      load_error("tools = [{ id = \"tennis_ball\", at = [0.5, 0.82] }]", "").find("needs tool 'tennis_ball'"),
      std::string::npos);
  EXPECT_NE(load_error("motion = \"roll\"", "motion = \"wiggle\"").find("unknown motion 'wiggle'"),
            std::string::npos);
  EXPECT_NE(load_error("technique = \"ankle_circles\"\nview = \"side\"",
                       "technique = \"ankle_circles\"\nview = \"sole\"")
                .find("shows none of the technique's regions"),
            std::string::npos);
  EXPECT_NE(load_error("technique = \"toe_spread\"", "technique = \"toe_stretch\"").find("a second picture"),
            std::string::npos);
  EXPECT_NE(load_error("seconds = 3\n", "seconds = 3\ncolour = \"red\"\n").find("unknown key 'colour'"),
            std::string::npos);
}

// The back of the leg: drawn from the leg regions' `back` outlines, checked like the others.
TEST(Pictures, LoaderChecksTheBackView) {
  EXPECT_NE(
      load_error("technique = \"calf_knead\"\nview = \"back\"", "technique = \"calf_knead\"\nview = \"top\"")
          .find("picture.view: expected \"sole\", \"side\" or \"back\""),
      std::string::npos);
  // The calf seen from behind lies in the middle of the leg, not at its inner side.
  EXPECT_NE(
      load_error("{ pose = \"palm\", at = [0.33, 0.28], turn = 90 }", "{ pose = \"palm\", at = [0.9, 0.28] }")
          .find("must touch one of the technique's regions"),
      std::string::npos);
  EXPECT_NE(load_error("technique = \"calf_knead\"\nview = \"back\"",
                       "technique = \"calf_knead\"\nview = \"back\"\nframe = \"lean\"")
                .find("picture.frame"),
            std::string::npos);
  // Without the calf's back outline, the back view shows none of its regions.
  auto calf_back = "back = [\n  [0.29, 0.03]";
  EXPECT_NE(
      load_error(calf_back, "old_back = [\n  [0.29, 0.03]", "regions.toml").find("unknown key 'old_back'"),
      std::string::npos);
  auto regions = test::data_files();
  for (auto& f : regions)
    if (f.name == "regions.toml") {
      auto at = f.text.find(calf_back);
      ASSERT_NE(at, std::string::npos);
      f.text.erase(at, f.text.find("]\n]\n", at) + 4 - at);
    }
  try {
    kb::load(regions);
    ADD_FAILURE() << "loaded a back view without the calf's back outline";
  } catch (const BadInput& e) {
    EXPECT_NE(std::string(e.what()).find("this view shows none of the technique's regions"),
              std::string::npos)
        << e.what();
  }
  // Only the leg regions have a back view.
  EXPECT_NE(load_error("id = \"heel\"", "id = \"heel\"\nback = [[0.4, 0.9], [0.6, 0.9], [0.5, 0.98]]",
                       "regions.toml")
                .find("only the leg regions"),
            std::string::npos);
  EXPECT_NE(load_error(calf_back, "back = [[0.2, 0.1], [0.3, 0.1]]\nold = [\n  [0.29, 0.03]", "regions.toml")
                .find("region.back: expected at least 3"),
            std::string::npos);
}

TEST(Pictures, BackAndLeanPicturesSayWhatTheyShow) {
  EXPECT_NE(
      technique_svg("achilles_squeeze").find("The left leg, seen from behind. Shaded: the achilles tendon."),
      std::string::npos);
  EXPECT_NE(technique_svg("calf_stretch").find("seen from the inner side, leaning toward a wall"),
            std::string::npos);
  EXPECT_NE(technique_svg("calf_stretch").find("class=\"pic-wall\""), std::string::npos);
  EXPECT_EQ(technique_svg("calf_knead").find("class=\"pic-wall\""), std::string::npos);
}

TEST(Pictures, SvgCarriesTitleDescriptionAndTheLoop) {
  const auto& t = *kb().technique("thumb_heel_press");
  auto still = render::technique_picture_svg(kb(), t);
  EXPECT_NE(still.find("<title>Thumb press into the heel</title>"), std::string::npos);
  EXPECT_NE(still.find("<desc>The left foot, seen from below (the sole). Shaded: the heel. Both thumbs: "
                       "press and hold.</desc>"),
            std::string::npos);
  EXPECT_EQ(still.find("<animate"), std::string::npos);
  auto moving = render::technique_picture_svg(kb(), t, {Foot::left, true});
  EXPECT_NE(moving.find("class=\"pic-anim\" display=\"none\""), std::string::npos);
  EXPECT_NE(moving.find("<animate attributeName=\"r\""), std::string::npos);
  auto glide = render::technique_picture_svg(kb(), *kb().technique("knuckle_arch_press"), {Foot::left, true});
  EXPECT_NE(glide.find("<animateMotion dur=\"3s\""), std::string::npos);
  EXPECT_NE(glide.find("class=\"pic-ghost\""), std::string::npos);  // the key frame at the end
  EXPECT_EQ(glide.find("style="), std::string::npos);               // the CSP forbids inline style
}

// ---------------------------------------------------------------- CLI

TEST(Pictures, CliWritesEveryPictureAndTheContactSheet) {
  fs::path dir = fs::temp_directory_path() / ("plantar_pictures_" + std::to_string(getpid()));
  fs::remove_all(dir);
  auto result = test::run_plantar({"learn", "techniques", "--pictures", dir.string()});
  ASSERT_EQ(result.status, 0) << result.err;
  for (const auto& t : kb().techniques) {
    EXPECT_TRUE(fs::exists(dir / (t.id + ".svg"))) << t.id;
    EXPECT_GT(fs::file_size(dir / (t.id + ".png")), 5000u) << t.id;
  }
  auto sheet = raster(render::contact_sheet_svg(kb()));
  EXPECT_GT(fs::file_size(dir / "contact-sheet.png"), 50000u);
  EXPECT_EQ(sheet.width, 2 * 890);
  auto one = test::run_plantar(
      {"learn", "techniques", "arch_knead", "--picture", (dir / "one.png").string(), "--foot", "right"});
  EXPECT_EQ(one.status, 0) << one.err;
  EXPECT_TRUE(fs::exists(dir / "one.png"));
  fs::remove_all(dir);
}

TEST(Pictures, CardDrawsAPictureBesideEachStep) {
  fs::path dir = fs::temp_directory_path() / ("plantar_card_pictures_" + std::to_string(getpid()));
  fs::create_directories(dir);
  for (const char* ext : {"svg", "html"}) {
    std::string file = (dir / (std::string("card.") + ext)).string();
    auto run = test::run_plantar({"card", "--goal", "sleep", "--minutes", "5", "-o", file});
    ASSERT_EQ(run.status, 0) << run.err;
    std::ifstream in(file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto plan = test::run_plantar({"plan", "--goal", "sleep", "--minutes", "5", "--json"});
    std::size_t steps = 0, pictures = 0;
    for (std::size_t at = 0; (at = plan.out.find("\"technique\"", at)) != std::string::npos; ++at) ++steps;
    for (std::size_t at = 0; (at = text.find("class=\"pic-foot\"", at)) != std::string::npos; ++at)
      ++pictures;
    EXPECT_GT(steps, 2u);
    EXPECT_EQ(pictures, steps) << ext;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace plantar
