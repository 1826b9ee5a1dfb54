// The sentence cache and the stitched Ogg Opus file, with the real flite
// voice, libopus, the real binary and the opus-tools and sox programs: the
// file decodes, is exactly as long as the timeline, joins without clicks, a
// second render speaks nothing new, and damaged entries are made again.
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "plantar/audio.h"
#include "plantar/errors.h"
#include "plantar/planner.h"
#include "sound_support.h"
#include "test_support.h"

namespace plantar::audio {
namespace {

namespace fs = std::filesystem;

fs::path fresh_folder(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("plantar_cache_" + std::to_string(getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Piece piece_of(int packets, char fill) {
  Piece p;
  for (int i = 0; i < packets; ++i) p.packets.push_back(std::string(40 + i, fill));
  return p;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

TEST(SentenceCache, KeepsWhatItStores) {
  SentenceCache cache({fresh_folder("keeps"), 1 << 20});
  EXPECT_FALSE(cache.get("hello"));
  ASSERT_TRUE(cache.put("hello", piece_of(5, 'a')));
  auto back = cache.get("hello");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->packets, piece_of(5, 'a').packets);
  EXPECT_FALSE(cache.get("hello "));  // another key
  fs::remove_all(cache.settings().folder);
}

TEST(SentenceCache, DamagedOrForeignEntriesAreMisses) {
  SentenceCache cache({fresh_folder("damaged"), 1 << 20});
  ASSERT_TRUE(cache.put("one", piece_of(4, 'x')));
  auto file = cache.file_for("one");
  std::string good = slurp(file);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  spit(file, flipped);
  EXPECT_FALSE(cache.get("one")) << "a flipped byte";
  spit(file, good.substr(0, good.size() - 3));
  EXPECT_FALSE(cache.get("one")) << "truncated";
  spit(file, "");
  EXPECT_FALSE(cache.get("one")) << "empty";
  // An entry for another key in this key's file (a hash clash) is not played.
  ASSERT_TRUE(cache.put("two", piece_of(4, 'y')));
  fs::copy_file(cache.file_for("two"), file, fs::copy_options::overwrite_existing);
  EXPECT_FALSE(cache.get("one"));
  spit(file, good);
  EXPECT_TRUE(cache.get("one"));
  fs::remove_all(cache.settings().folder);
}

TEST(SentenceCache, TrimsTheLeastRecentlyUsedToTheLimit) {
  auto folder = fresh_folder("trim");
  SentenceCache big({folder, 1 << 20});
  auto now = fs::file_time_type::clock::now();
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(big.put("entry " + std::to_string(i), piece_of(50, 'a')));  // about 2.6 kB each
    fs::last_write_time(big.file_for("entry " + std::to_string(i)), now - std::chrono::hours(10 - i));
  }
  EXPECT_EQ(big.trim(), 0);
  // Entry 0 is the oldest, but reading it makes it the most recent.
  ASSERT_TRUE(big.get("entry 0"));
  auto entry_size = fs::file_size(big.file_for("entry 1"));
  SentenceCache small({folder, entry_size * 4});
  EXPECT_EQ(small.trim(), 6);
  for (int i : {1, 2, 3, 4, 5, 6}) EXPECT_FALSE(small.get("entry " + std::to_string(i))) << i;
  for (int i : {0, 7, 8, 9}) EXPECT_TRUE(small.get("entry " + std::to_string(i))) << i;
  fs::remove_all(folder);
}

TEST(SentenceCache, SizeLimitComesFromTheEnvironment) {
  setenv("PLANTAR_AUDIO_CACHE_MB", "3", 1);
  EXPECT_EQ(default_cache().max_bytes, 3u << 20);
  setenv("PLANTAR_AUDIO_CACHE_MB", "lots", 1);
  try {
    default_cache();
    ADD_FAILURE() << "no error for 'lots'";
  } catch (const plantar::BadInput& e) {
    EXPECT_EQ(e.where(), "PLANTAR_AUDIO_CACHE_MB");
  }
  unsetenv("PLANTAR_AUDIO_CACHE_MB");
  setenv("XDG_CACHE_HOME", "/somewhere/cache", 1);
  EXPECT_EQ(default_cache().folder, fs::path("/somewhere/cache/plantar/sentences"));
  unsetenv("XDG_CACHE_HOME");
}

// Runs a command line; returns its exit status and what it printed.
test::RunResult shell(const std::string& command) {
  auto out = fs::temp_directory_path() / ("plantar_shell_" + std::to_string(getpid()));
  int raw = std::system((command + " >" + out.string() + " 2>&1").c_str());
  test::RunResult r{WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), ""};
  fs::remove(out);
  return r;
}

using test::sleep_timeline;

std::vector<float> read_wav(const fs::path& path, int& rate) { return test::read_sound(path, &rate); }

class StitchedFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fresh_folder("stitched");
    setenv("XDG_CACHE_HOME", folder_.c_str(), 1);
  }
  void TearDown() override {
    unsetenv("XDG_CACHE_HOME");
    fs::remove_all(folder_);
  }
  nlohmann::json render(const fs::path& out) {
    auto run =
        test::run_plantar({"audio", "--goal", "sleep", "--minutes", "3", "-o", out.string(), "--json"});
    EXPECT_EQ(run.status, 0) << run.err;
    return run.status == 0 ? nlohmann::json::parse(run.out) : nlohmann::json{};
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder_ / "plantar" / "sentences")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path folder_;
};

TEST_F(StitchedFile, DecodesIsExactlyTheTimelineAndJoinsWithoutClicks) {
  auto ogg = folder_ / "sleep.ogg", wav = folder_ / "sleep.wav";
  auto summary = render(ogg);
  EXPECT_GT(summary["synthesized"].get<int>(), 5);
  EXPECT_EQ(summary["cached"], 0);
  auto info = shell("opusinfo " + ogg.string());
  EXPECT_EQ(info.status, 0) << info.out;
  EXPECT_EQ(info.out.find("WARNING"), std::string::npos) << info.out;
  EXPECT_EQ(info.out.find("ERROR"), std::string::npos) << info.out;
  auto dec = shell("opusdec --quiet --rate 48000 " + ogg.string() + " " + wav.string());
  ASSERT_EQ(dec.status, 0) << dec.out;
  auto stat = shell("sox " + wav.string() + " -n stat");
  EXPECT_EQ(stat.status, 0) << stat.out;
  int rate = 0;
  auto samples = read_wav(wav, rate);
  ASSERT_EQ(rate, 48000);
  auto t = sleep_timeline();
  EXPECT_EQ(samples.size(), static_cast<std::size_t>(t.total_ms) * 48)
      << "the length of the timeline, exactly";
  int joins = 0;
  auto at = [&](int ms) { return std::min(samples.size(), static_cast<std::size_t>(std::max(ms, 0)) * 48); };
  for (const auto& cue : t.cues) {
    // Sound right after the cue...
    double sum = 0;
    for (std::size_t i = at(cue.at_ms); i < at(cue.at_ms + 400); ++i) sum += samples[i] * samples[i];
    EXPECT_GT(std::sqrt(sum / static_cast<double>(at(cue.at_ms + 400) - at(cue.at_ms))), 0.02) << cue.text;
    // ...and where its packets join the silence before (overlapping sounds
    // are one piece, no join), no jump between neighbouring samples.
    float before = 0, jump = 0;
    for (std::size_t i = at(cue.at_ms - 60); i < at(cue.at_ms - 30); ++i)
      before = std::max(before, std::abs(samples[i]));
    if (before > 0.01) continue;
    for (std::size_t i = at(cue.at_ms - 30) + 1; i < at(cue.at_ms + 2); ++i)
      jump = std::max(jump, std::abs(samples[i] - samples[i - 1]));
    EXPECT_LT(jump, 0.01) << "a click at " << cue.at_ms << " ms: " << cue.text;
    ++joins;
  }
  EXPECT_GE(joins, 20);
  float peak = 0;
  for (float s : samples) peak = std::max(peak, std::abs(s));
  EXPECT_GT(peak, 0.4);
  EXPECT_LT(peak, 1.0);
}

TEST_F(StitchedFile, ASecondRenderSpeaksNothingNewAndDamagedEntriesAreMadeAgain) {
  auto ogg = folder_ / "a.ogg";
  auto first = render(ogg);
  auto second = render(ogg);
  EXPECT_EQ(second["synthesized"], 0);
  auto files = entries();
  EXPECT_EQ(second["cached"], files.size()) << "every sentence, both chimes and the overlapping groups";
  EXPECT_GE(files.size(), first["synthesized"].get<std::size_t>() + 2);
  ASSERT_GE(files.size(), 4u);
  std::string bytes = slurp(files[0]);
  bytes[bytes.size() / 2] ^= 0x40;
  spit(files[0], bytes);
  spit(files[1], slurp(files[1]).substr(0, 100));
  auto third = render(ogg);
  EXPECT_EQ(third["cached"], second["cached"].get<int>() - 2);
  EXPECT_LE(third["synthesized"].get<int>(), 6) << "at most the sentences of two overlapping groups";
  EXPECT_EQ(shell("opusinfo " + ogg.string()).status, 0);
  auto fourth = render(ogg);
  EXPECT_EQ(fourth["cached"], second["cached"]) << "the damaged entries were stored again";
  EXPECT_EQ(fourth["synthesized"], 0);
}

}  // namespace
}  // namespace plantar::audio
