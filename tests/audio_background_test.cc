// The background bed under the voice: generated the same every time, at
// its volume, fading in and out, without clicks; and mixed into real files
// (WAV through libsndfile, Ogg Opus stitched then encoded again) that keep
// the timeline's length, where the quiet parts are no longer digital silence
// but stay well below the voice.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "plantar/audio.h"
#include "plantar/planner.h"
#include "sound_support.h"
#include "test_support.h"

namespace plantar::audio {
namespace {

namespace fs = std::filesystem;

double rms(const std::vector<float>& s, std::size_t from, std::size_t to) {
  double sum = 0;
  for (std::size_t i = from; i < to; ++i) sum += static_cast<double>(s[i]) * s[i];
  return to > from ? std::sqrt(sum / static_cast<double>(to - from)) : 0;
}

float biggest_step(const std::vector<float>& s, std::size_t from, std::size_t to) {
  float step = 0;
  for (std::size_t i = std::max<std::size_t>(from, 1); i < to; ++i)
    step = std::max(step, std::abs(s[i] - s[i - 1]));
  return step;
}

TEST(Background, NamesAndNone) {
  EXPECT_EQ(bed_named("brown"), Bed::brown);
  EXPECT_EQ(bed_named("tone"), Bed::tone);
  EXPECT_EQ(bed_named("none"), Bed::none);
  EXPECT_FALSE(bed_named("rain"));
  EXPECT_EQ(name(Bed::tone), "tone");
  auto quiet = background_bed({Bed::none, 0.5}, 1000);
  EXPECT_EQ(quiet, std::vector<float>(1000, 0.0f));
}

TEST(Background, IsSoftSteadyAndTheSameEveryTime) {
  const std::size_t n = 30 * sample_rate;
  for (Bed bed : {Bed::brown, Bed::tone}) {
    auto a = background_bed({bed, 0.2}, n);
    ASSERT_EQ(a.size(), n);
    EXPECT_EQ(a, background_bed({bed, 0.2}, n)) << name(bed);
    EXPECT_EQ(a.front(), 0.0f) << "fades in: " << name(bed);
    EXPECT_NEAR(a.back(), 0.0f, 1e-6) << "fades out: " << name(bed);
    double middle = rms(a, 5 * sample_rate, 25 * sample_rate);
    EXPECT_GT(middle, 0.015) << name(bed);
    EXPECT_LT(middle, 0.03) << name(bed);
    EXPECT_LT(rms(a, 0, sample_rate / 2), middle / 2) << "still fading in: " << name(bed);
    EXPECT_LT(biggest_step(a, 0, n), 0.02) << "no clicks: " << name(bed);
    auto louder = background_bed({bed, 0.8}, n);
    EXPECT_NEAR(rms(louder, 5 * sample_rate, 25 * sample_rate), middle * 4, middle * 0.5) << name(bed);
  }
}

using test::sleep_timeline;

std::vector<float> read_sound(const fs::path& path, int& rate) { return test::read_sound(path, &rate); }

class BedInFile : public ::testing::TestWithParam<std::string> {};

// Renders the 3-minute sleep routine to `out` (with extra flags) and decodes it at 16 kHz.
std::vector<float> render_and_decode(const fs::path& dir, const std::string& name, const std::string& ext,
                                     std::vector<std::string> flags) {
  auto out = dir / (name + "." + ext), wav = dir / (name + ".decoded.wav");
  std::vector<std::string> args{"audio", "--goal", "sleep", "--minutes", "3", "-o", out.string(), "--json"};
  args.insert(args.end(), flags.begin(), flags.end());
  auto run = test::run_plantar(args);
  EXPECT_EQ(run.status, 0) << run.err;
  if (ext == "ogg") {
    EXPECT_EQ(std::system(("opusinfo " + out.string() + " >/dev/null && opusdec --quiet --rate 16000 " +
                           out.string() + " " + wav.string())
                              .c_str()),
              0);
    out = wav;
  }
  int rate = 0;
  auto s = read_sound(out, rate);
  EXPECT_EQ(rate, 16000);
  return s;
}

TEST_P(BedInFile, QuietPartsCarryTheBedWellBelowTheVoice) {
  auto dir = fs::temp_directory_path() / ("plantar_bed_" + std::to_string(getpid()) + "_" + GetParam());
  fs::create_directories(dir);
  setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
  auto plain = render_and_decode(dir, "plain", GetParam(), {});
  auto bed =
      render_and_decode(dir, "bed", GetParam(), {"--background", "brown", "--background-volume", "0.2"});
  unsetenv("XDG_CACHE_HOME");
  auto t = sleep_timeline();
  ASSERT_EQ(plain.size(), static_cast<std::size_t>(t.total_ms) * 16);
  EXPECT_EQ(bed.size(), plain.size()) << "the length of the timeline, exactly";
  // Half-second windows: digital silence without the bed, speech where it is loud.
  const std::size_t w = 8000;
  int quiet = 0;
  double loudest_quiet = 0, speech = 0;
  std::vector<double> spoken;
  for (std::size_t at = 2 * 16000; at + w < plain.size() - 2 * 16000; at += w) {
    float peak = 0;
    for (std::size_t i = at; i < at + w; ++i) peak = std::max(peak, std::abs(plain[i]));
    if (rms(plain, at, at + w) > 0.05) spoken.push_back(rms(plain, at, at + w));
    if (peak > 0.0005) continue;
    ++quiet;
    double level = rms(bed, at, at + w);
    EXPECT_GT(level, 0.005) << "digital silence at " << at / 16 << " ms";
    EXPECT_LT(biggest_step(bed, at, at + w), 0.03) << "a click at " << at / 16 << " ms";
    loudest_quiet = std::max(loudest_quiet, level);
  }
  ASSERT_GE(quiet, 20);
  ASSERT_GE(spoken.size(), 10u);
  std::sort(spoken.begin(), spoken.end());
  speech = spoken[spoken.size() / 2];
  EXPECT_LT(loudest_quiet, speech / 4) << "the bed stays well below the voice (" << speech << ")";
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Formats, BedInFile, ::testing::Values("wav", "ogg"));

TEST(Background, BadFlagsAreRefused) {
  auto run = test::run_plantar({"audio", "--goal", "sleep", "--background", "rain", "-o", "x.wav"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--background"), std::string::npos) << run.err;
  run = test::run_plantar(
      {"audio", "--goal", "sleep", "--background", "brown", "--background-volume", "2", "-o", "x.wav"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--background-volume"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists("x.wav"));
}

}  // namespace
}  // namespace plantar::audio
