// The web guide's and the journal's API against a real server with a
// temporary --db folder: the timeline and journal JSON are the CLI's bytes,
// the audio is Ogg Opus as long as the timeline and seekable with Range
// requests, and bad sessions are refused with the journal left as it was.
#include <gtest/gtest.h>
#include <sndfile.h>

#include <cmath>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>

#include "journal_test_support.h"
#include "server_test_support.h"
#include "sound_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::LiveServer;
using test::run_plantar;
using test::TempDir;

std::string routine_json(int minutes) {
  return run_plantar({"plan", "--goal", "sleep", "--minutes", std::to_string(minutes), "--json"}).out;
}

std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir.file(name), std::ios::binary) << text;
  return dir.file(name);
}

// POSTs with time for a render (several seconds with the sanitizers).
httplib::Result post_slow(LiveServer& live, const std::string& path, const std::string& body) {
  auto client = live.client();
  client.set_read_timeout(300, 0);
  return client.Post(path.c_str(), {{"X-Plantar-Token", live.server().csrf_token()}}, body,
                     "application/json");
}

// The duration of an audio file's bytes, decoded by libsndfile.
double decoded_seconds(const TempDir& dir, const std::string& bytes) {
  std::string path = write_file(dir, "decoded.ogg", bytes);
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (file == nullptr) return -1;
  sf_close(file);
  return static_cast<double>(info.frames) / info.samplerate;
}

TEST(SessionApi, TimelineIsTheCliJson) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  std::string routine = routine_json(5);
  auto res = live.post("/api/timeline", routine);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  std::string file = write_file(dir, "routine.json", routine);
  EXPECT_EQ(res->body, run_plantar({"guide", "--routine", file, "--json"}).out);
  EXPECT_EQ(nlohmann::json::parse(res->body)["total_ms"].get<int>() > 5 * 60 * 1000, true);
}

TEST(SessionApi, TimelineRefusesABadRoutine) {
  LiveServer live;
  auto res = live.post("/api/timeline", R"({"steps": [{"technique": "no_such_thing"}]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(nlohmann::json::parse(res->body)["field"], "steps[0].technique");
  res = live.post("/api/audio", "{\"steps\": 1}");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(nlohmann::json::parse(res->body)["field"], "steps");
  EXPECT_EQ(live.client().Get("/api/timeline")->status, 405);
}

TEST(SessionApi, AudioIsOggAsLongAsTheTimelineAndSeekable) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  std::string routine = routine_json(3);
  auto timeline = nlohmann::json::parse(live.post("/api/timeline", routine)->body);
  // Two requests at once for the same routine: one render, both answered.
  auto first = std::async(std::launch::async, [&] { return post_slow(live, "/api/audio", routine); });
  auto second = std::async(std::launch::async, [&] { return post_slow(live, "/api/audio", routine); });
  auto a = first.get(), b = second.get();
  ASSERT_TRUE(a && b) << httplib::to_string(a.error()) << " / " << httplib::to_string(b.error());
  ASSERT_EQ(a->status, 200) << a->body;
  ASSERT_EQ(b->status, 200) << b->body;
  auto made = nlohmann::json::parse(a->body), again = nlohmann::json::parse(b->body);
  EXPECT_EQ(made["url"], again["url"]);
  EXPECT_NE(made["rendered"], again["rendered"]);  // exactly one of them rendered
  EXPECT_NEAR(made["seconds"].get<double>(), timeline["total_ms"].get<int>() / 1000.0, 0.001);

  std::string url = made["url"];
  auto whole = live.client().Get(url.c_str());
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->status, 200);
  EXPECT_EQ(whole->get_header_value("Content-Type"), "audio/ogg");
  ASSERT_GT(whole->body.size(), 1000u);
  EXPECT_EQ(whole->body.substr(0, 4), "OggS");
  EXPECT_NEAR(decoded_seconds(dir, whole->body), timeline["total_ms"].get<int>() / 1000.0, 0.1);

  auto part = live.client().Get(url.c_str(), {{"Range", "bytes=100-199"}});
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body, whole->body.substr(100, 100));
  EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 100-199/" + std::to_string(whole->body.size()));
  auto tail = live.client().Get(url.c_str(), {{"Range", "bytes=-10"}});
  ASSERT_TRUE(tail);
  EXPECT_EQ(tail->status, 206);
  EXPECT_EQ(tail->body, whole->body.substr(whole->body.size() - 10));

  EXPECT_EQ(live.client().Get("/api/audio/0123456789abcdef.ogg")->status, 404);
  EXPECT_EQ(live.client().Get("/api/audio/..%2fjournal.db")->status, 404);
}

// The samples of an Ogg Opus file's bytes, decoded by libsndfile (at 16 kHz,
// the rate its header says the sound was made at).
std::vector<float> decoded(const TempDir& dir, const std::string& name, const std::string& bytes) {
  std::string path = write_file(dir, name, bytes);
  return test::read_sound(path);
}

TEST(SessionApi, AColdAudioAnswersFirstWithTheOpeningThenTheWholeFile) {
  TempDir dir;
  setenv("XDG_CACHE_HOME", dir.file("cache").c_str(), 1);  // nothing spoken yet
  LiveServer live(false, {}, dir.path.string());
  unsetenv("XDG_CACHE_HOME");
  std::string routine = routine_json(5);
  auto timeline = nlohmann::json::parse(live.post("/api/timeline", routine)->body);
  auto early = post_slow(live, "/api/audio?first=1", routine);
  ASSERT_TRUE(early);
  ASSERT_EQ(early->status, 200) << early->body;
  auto opening = nlohmann::json::parse(early->body);
  EXPECT_EQ(opening["ready"], false);
  EXPECT_EQ(opening["rendered"], true);
  double first_seconds = opening["first"]["seconds"];
  EXPECT_GE(first_seconds, 5.0);
  EXPECT_LT(first_seconds, 60.0);
  std::string first_url = opening["first"]["url"];
  auto first = live.client().Get(first_url.c_str());
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  // The whole file: asking again waits for it.
  auto whole_answer = post_slow(live, "/api/audio", routine);
  ASSERT_TRUE(whole_answer);
  ASSERT_EQ(whole_answer->status, 200) << whole_answer->body;
  auto made = nlohmann::json::parse(whole_answer->body);
  EXPECT_EQ(made["ready"], true);
  EXPECT_EQ(made["url"], opening["url"]);
  std::string url = made["url"];
  auto whole = live.client().Get(url.c_str());
  ASSERT_TRUE(whole);
  auto a = decoded(dir, "first.ogg", first->body), b = decoded(dir, "whole.ogg", whole->body);
  ASSERT_EQ(a.size(), static_cast<std::size_t>(std::lround(first_seconds * 16000)));
  EXPECT_EQ(b.size(), static_cast<std::size_t>(timeline["total_ms"].get<int>()) * 16);
  // The opening is the whole file's start, sample for sample, and ends quietly.
  ASSERT_GT(b.size(), a.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  float tail = 0;
  for (std::size_t i = a.size() - 16 * 300; i < a.size(); ++i) tail = std::max(tail, std::abs(a[i]));
  EXPECT_LT(tail, 0.01) << "the opening ends in a quiet moment";
  // Once made, the answer is the whole file at once.
  auto again = nlohmann::json::parse(post_slow(live, "/api/audio?first=1", routine)->body);
  EXPECT_EQ(again["ready"], true);
  EXPECT_EQ(again["rendered"], false);
  EXPECT_FALSE(again.contains("first"));
  EXPECT_EQ(live.post("/api/audio?first=maybe", routine)->status, 400);
  auto bad = live.post("/api/audio?background=rain", routine);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad->body)["field"], "background");
  bad = live.post("/api/audio?background=brown&background_volume=3", routine);
  EXPECT_EQ(nlohmann::json::parse(bad->body)["field"], "background_volume");
}

TEST(JournalApi, EmptyJournalAnswersWithoutMakingTheFile) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  auto history = live.client().Get("/api/journal");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->status, 200);
  EXPECT_EQ(history->body, run_plantar({"history", "--json", "--db", dir.path.string()}).out);
  auto stats = live.client().Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_EQ(nlohmann::json::parse(stats->body)["sessions"], 0);
  EXPECT_FALSE(std::filesystem::exists(dir.file("journal.db")));
}

TEST(JournalApi, PostedSessionsAreTheCliHistory) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  std::string routine = routine_json(5);
  std::string session = R"({"start": "2026-11-20T21:30:00", "before": {"stress": 7, "pain": 4},
    "after": {"stress": 3, "pain": 2}, "sore": [{"foot": "left", "region": "heel", "x": 0.4, "y": 0.6,
    "intensity": 6}], "note": "calmer", "routine": )" +
                        routine + "}";
  auto res = live.post("/api/journal", session);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 201) << res->body;
  auto stored = nlohmann::json::parse(res->body);
  EXPECT_EQ(stored["id"], 1);
  EXPECT_EQ(stored["goals"], nlohmann::json::array({"sleep"}));
  EXPECT_EQ(stored["minutes"], 5);
  EXPECT_FALSE(stored["techniques"].empty());
  ASSERT_EQ(live.post("/api/journal", R"({"after": {"tension": 2}, "minutes": 10})")->status, 201);

  std::string db = dir.path.string();
  EXPECT_EQ(live.client().Get("/api/journal")->body, run_plantar({"history", "--json", "--db", db}).out);
  EXPECT_EQ(live.client().Get("/api/journal?last=1")->body,
            run_plantar({"history", "--json", "--last", "1", "--db", db}).out);
  EXPECT_EQ(live.client().Get("/api/stats")->body, run_plantar({"stats", "--json", "--db", db}).out);
  auto history = nlohmann::json::parse(live.client().Get("/api/journal")->body);
  ASSERT_EQ(history["sessions"].size(), 2u);
  EXPECT_EQ(history["sessions"][0]["sore"][0]["region"], "heel");
  EXPECT_EQ(live.client().Get("/api/journal?last=0")->status, 400);
}

TEST(JournalApi, BadSessionsAreRefusedNamingTheFieldAndNothingIsWritten) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  ASSERT_EQ(live.post("/api/journal", R"({"after": {"stress": 3}})")->status, 201);
  std::string before = test::file_bytes(dir.file("journal.db"));
  std::string history = live.client().Get("/api/journal")->body;
  struct Case {
    std::string body, field;
  };
  for (const auto& [body, field] : std::vector<Case>{
           {R"({"after": {"stress": 11}})", "after.stress"},
           {R"({"before": {"mood": 3}})", "before"},
           {R"({"sore": [{"foot": "left", "region": "heel", "intensity": 12}]})", "sore[0].intensity"},
           {R"({"goals": ["flying"]})", "goals"},
           {R"({"start": "yesterday"})", "start"},
           {R"({"note": 5})", "note"},
           {R"([1, 2])", "body"},
           {R"({"after": )", "body"},
       }) {
    auto res = live.post("/api/journal", body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << body;
    EXPECT_EQ(nlohmann::json::parse(res->body)["field"], field) << body << "\n" << res->body;
  }
  auto no_token = live.client().Post("/api/journal", R"({"after": {"stress": 1}})", "application/json");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 403);
  EXPECT_EQ(live.client().Get("/api/journal")->body, history);
  EXPECT_EQ(test::file_bytes(dir.file("journal.db")), before);
}

}  // namespace
}  // namespace plantar
