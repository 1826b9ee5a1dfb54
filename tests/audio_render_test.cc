// The audio layer with the real flite voice and the real binary: speech
// levels, the worker processes, and the rendered file decoded with
// libsndfile (its length, speech at every cue, near-silence between cues).
#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "plantar/audio.h"
#include "plantar/planner.h"
#include "test_support.h"

namespace plantar::audio {
namespace {

namespace fs = std::filesystem;

struct Decoded {
  int sample_rate = 0;
  std::vector<float> samples;
};

Decoded decode(const fs::path& path) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  EXPECT_NE(file, nullptr) << sf_strerror(nullptr);
  if (file == nullptr) return {};
  EXPECT_EQ(info.channels, 1);
  Decoded out{info.samplerate, std::vector<float>(static_cast<std::size_t>(info.frames))};
  out.samples.resize(static_cast<std::size_t>(sf_readf_float(file, out.samples.data(), info.frames)));
  sf_close(file);
  return out;
}

double rms(const Decoded& d, int from_ms, int to_ms) {
  auto at = [&](int ms) {
    return std::min(d.samples.size(), static_cast<std::size_t>(std::max(ms, 0)) * d.sample_rate / 1000);
  };
  double sum = 0;
  std::size_t a = at(from_ms), b = at(to_ms);
  for (std::size_t i = a; i < b; ++i) sum += d.samples[i] * d.samples[i];
  return b > a ? std::sqrt(sum / static_cast<double>(b - a)) : 0;
}

session::Timeline sleep_timeline() {
  planner::Request request;
  request.goals = {"sleep"};
  request.minutes = 3;
  return session::timeline(kb::embedded(), planner::plan(kb::embedded(), request), Giver::self);
}

fs::path temp_file(const std::string& name) {
  return fs::temp_directory_path() / ("plantar_audio_" + std::to_string(getpid()) + "_" + name);
}

TEST(Voice, SpeaksNormalizedWithoutClipping) {
  auto voice = flite_voice({});
  Clip clip = voice->speak("Ten seconds left.");
  EXPECT_EQ(clip.sample_rate, sample_rate);
  EXPECT_GT(clip.seconds(), 0.4);
  EXPECT_LT(clip.seconds(), 3.0);
  float peak = 0;
  for (float s : clip.samples) peak = std::max(peak, std::abs(s));
  EXPECT_NEAR(peak, 0.7, 0.01);
  Clip slow = flite_voice({0.6, 0.5})->speak("Ten seconds left.");
  EXPECT_GT(slow.seconds(), clip.seconds() * 1.3);
  float slow_peak = 0;
  for (float s : slow.samples) slow_peak = std::max(slow_peak, std::abs(s));
  EXPECT_NEAR(slow_peak, 0.35, 0.01);
}

// flite adds a little random noise to its voice, so the same text is not
// sample-for-sample equal twice; its length and loudness are.
TEST(Voice, WorkerProcessesGiveTheSameSpeechAsOneVoice) {
  std::vector<std::string> texts{"Three.",           "Two.", "One.", "Now the right foot.", "Three.",
                                 "Ten seconds left."};
  int reported = 0;
  auto clips = speak_all(texts, {}, 3, [&](int done, int total) {
    EXPECT_LE(done, total);
    reported = done;
  });
  ASSERT_EQ(clips.size(), texts.size());
  EXPECT_EQ(reported, 5);  // "Three." is spoken once
  auto voice = flite_voice({});
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Clip alone = voice->speak(texts[i]);
    EXPECT_NEAR(clips[i].seconds(), alone.seconds(), 0.05) << texts[i];
    EXPECT_GT(clips[i].seconds(), 0.2) << texts[i];
  }
  EXPECT_EQ(clips[0].samples, clips[4].samples);  // the same text, spoken once
}

TEST(Chime, IsSoftAndEndsInSilence) {
  Clip chime = chime_clip(2000, true);
  ASSERT_EQ(chime.samples.size(), 32000u);
  float peak = 0;
  for (float s : chime.samples) peak = std::max(peak, std::abs(s));
  EXPECT_NEAR(peak, 0.3, 0.01);
  EXPECT_LT(std::abs(chime.samples.back()), 0.001);
  EXPECT_LT(std::abs(chime.samples.front()), 0.01);  // a soft attack, no click
}

TEST(AudioFile, WavHasTheTimelinesLengthSpeechAtCuesAndSilenceBetween) {
  auto path = temp_file("sleep.wav");
  auto run = test::run_plantar({"audio", "--goal", "sleep", "--minutes", "3", "-o", path.string(), "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  auto summary = nlohmann::json::parse(run.out);
  auto t = sleep_timeline();
  EXPECT_EQ(summary["format"], "wav");
  EXPECT_EQ(summary["cues"], t.cues.size());
  EXPECT_EQ(summary["bytes"], fs::file_size(path));
  Decoded d = decode(path);
  ASSERT_EQ(d.sample_rate, sample_rate);
  EXPECT_NEAR(static_cast<double>(d.samples.size()) / d.sample_rate, t.total_ms / 1000.0, 0.5);
  EXPECT_NEAR(summary["seconds"].get<double>(), t.total_ms / 1000.0, 0.5);
  float peak = 0;
  for (float s : d.samples) peak = std::max(peak, std::abs(s));
  EXPECT_LT(peak, 0.99);
  for (const auto& cue : t.cues) EXPECT_GT(rms(d, cue.at_ms, cue.at_ms + 400), 0.02) << cue.text;
  // Before each cue that follows a long enough pause, the track is quiet.
  int quiet_checked = 0;
  for (std::size_t i = 1; i < t.cues.size(); ++i) {
    const auto& before = t.cues[i - 1];
    int sounding = before.chime() ? kb::embedded().cues.chime_seconds * 1000
                                  : session::speaking_ms(kb::embedded().cues, before.text);
    if (t.cues[i].at_ms - (before.at_ms + sounding) < 1500) continue;
    EXPECT_LT(rms(d, t.cues[i].at_ms - 1000, t.cues[i].at_ms - 50), 0.002) << "before: " << t.cues[i].text;
    ++quiet_checked;
  }
  EXPECT_GE(quiet_checked, 5);
  fs::remove(path);
}

TEST(AudioFile, OggOpusDecodesToTheSameLength) {
  auto path = temp_file("sleep.ogg");
  auto run = test::run_plantar({"audio", "--goal", "sleep", "--minutes", "3", "-o", path.string()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("Ogg Opus"), std::string::npos) << run.err;  // a confirmation: stderr
  Decoded d = decode(path);
  ASSERT_GT(d.sample_rate, 0);
  auto t = sleep_timeline();
  EXPECT_NEAR(static_cast<double>(d.samples.size()) / d.sample_rate, t.total_ms / 1000.0, 0.5);
  EXPECT_GT(rms(d, t.cues.front().at_ms, t.cues.front().at_ms + 1000), 0.02);
  fs::remove(path);
}

TEST(AudioFile, FailuresLeaveNothingBehind) {
  auto missing_dir = temp_file("no_such_dir") / "x.ogg";
  auto run = test::run_plantar({"audio", "--goal", "sleep", "--minutes", "3", "-o", missing_dir.string()});
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(missing_dir.parent_path()));
  auto mp3 = temp_file("x.mp3");
  run = test::run_plantar({"audio", "--goal", "sleep", "-o", mp3.string()});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find(".wav, .flac, .ogg or .opus"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(mp3));
}

TEST(AudioFile, FollowsARoutineSavedByPlan) {
  auto plan =
      test::run_plantar({"plan", "--goal", "sleep", "--minutes", "3", "--giver", "partner", "--json"});
  ASSERT_EQ(plan.status, 0);
  auto path = temp_file("routine.flac");
  auto run = test::run_plantar({"audio", "--routine", "-", "-o", path.string(), "--json"}, plan.out);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["format"], "flac");
  EXPECT_GT(fs::file_size(path), 10'000u);
  fs::remove(path);
}

}  // namespace
}  // namespace plantar::audio
