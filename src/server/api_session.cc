// /api/timeline and /api/audio: a routine's guided session for the web guide.
// The timeline is the JSON of `plantar guide --routine FILE --json`; the
// audio is the spoken session as Ogg Opus, rendered once per timeline into
// a small on-disk cache and then served by its hash, so an <audio> element
// can fetch it (and seek in it with Range requests).
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "audio_warmup.h"
#include "plantar/audio.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/planner.h"
#include "plantar/version.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

namespace fs = std::filesystem;
using json_io::Json;

constexpr std::size_t max_cached_files = 12;  // about 1 MB each for 5 minutes
constexpr const char* audio_suffix = ".ogg";

// One render at a time: flite runs in forked workers that use both cores, and
// a second request for the same routine must find the file the first made.
std::mutex render_mutex;

struct Session {
  planner::Routine routine;
  session::Timeline timeline;
};

Session read_session(const Api& api, const std::string& body) {
  Session s;
  s.routine = json_io::read_routine(api.kb, json_io::parse(body, "body"));
  s.timeline = session::timeline(api.kb, s.routine, json_io::giver_of(api.kb, s.routine));
  return s;
}

// FNV-1a, 64 bits: a stable name for a timeline's audio (not a security hash;
// the cache holds only what this server rendered).
std::string hash_hex(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  std::ostringstream out;
  out << std::hex;
  out.width(16);
  out.fill('0');
  out << h;
  return out.str();
}

// Beside the journal when there is one, else a private folder in /tmp.
fs::path cache_folder(const Api& api) {
  fs::path folder = api.journal.empty()
                        ? fs::temp_directory_path() / ("plantar-audio-" + std::to_string(getuid()))
                        : fs::path(api.journal).parent_path() / "audio-cache";
  std::error_code error;
  fs::create_directories(folder, error);
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
  if (!fs::is_directory(folder) || fs::is_symlink(folder))
    throw Failure("cannot use the audio cache folder " + folder.string());
  return folder;
}

// Keeps the cache bounded: the oldest files go first.
void trim_cache(const fs::path& folder) {
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error))
    if (entry.is_regular_file() && entry.path().extension() == audio_suffix)
      files.emplace_back(entry.last_write_time(), entry.path());
  if (files.size() <= max_cached_files) return;
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i + max_cached_files < files.size(); ++i) fs::remove(files[i].second, error);
}

extern "C" char** environ;

constexpr auto render_time_limit = std::chrono::minutes(10);

// How the session is voiced: the speaking rate and the sound under it.
struct Voicing {
  double rate = 1.0;
  audio::Background background;
};

// The `plantar audio` flags for `v`.
std::vector<std::string> voicing_flags(const Voicing& v) {
  std::vector<std::string> out;
  if (v.rate != 1.0) out.insert(out.end(), {"--rate", std::to_string(v.rate)});
  if (v.background.bed != audio::Bed::none)
    out.insert(out.end(), {"--background", std::string(audio::name(v.background.bed)), "--background-volume",
                           std::to_string(v.background.volume)});
  return out;
}

// A `plantar audio` process rendering one file.
struct Child {
  pid_t pid = -1;
  fs::path file, routine, log;
};

// Starts a fresh `plantar audio` process. flite runs in forked worker
// processes, and forking the server, whose other threads may hold a lock at
// that moment (the allocator's, under the sanitizers), can leave a worker
// waiting on it forever; a new program starts with one thread. With
// `first_part`, it writes the session's opening there first. Throws Failure.
Child spawn_render(const Api& api, const std::string& routine_json, const fs::path& file,
                   const Voicing& voicing, const fs::path& first_part = {}) {
  Child child{-1, file, file.string() + ".routine.json", file.string() + ".log"};
  std::ofstream(child.routine, std::ios::binary) << routine_json;
  std::vector<std::string> args = {api.program, "audio",      "--routine", child.routine.string(),
                                   "-o",        file.string()};
  if (!api.data.empty()) args.insert(args.begin() + 1, {"--data", api.data});
  for (auto& flag : voicing_flags(voicing)) args.push_back(flag);
  if (!first_part.empty()) args.insert(args.end(), {"--first-part", first_part.string()});
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, child.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  int error = posix_spawn(&child.pid, api.program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) {
    std::error_code ignored;
    fs::remove(child.routine, ignored);
    fs::remove(child.log, ignored);
    throw Failure(std::string("the session audio could not be rendered: ") + std::strerror(error));
  }
  return child;
}

// Waits for the child (killing it past the time limit) and tidies up after
// it. Throws Failure, with its messages, if the file was not made.
void finish_render(Child& child) {
  int status = -1;
  auto deadline = std::chrono::steady_clock::now() + render_time_limit;
  while (waitpid(child.pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child.pid, SIGKILL);
      waitpid(child.pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::ostringstream message;
  message << std::ifstream(child.log).rdbuf();
  std::error_code ignored;
  fs::remove(child.routine, ignored);
  fs::remove(child.log, ignored);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !fs::exists(child.file))
    throw Failure("the session audio could not be rendered: " + message.str());
}

// True once `first` exists or the child has ended (then it is reaped: pid -1).
bool first_part_or_end(Child& child, const fs::path& first) {
  auto deadline = std::chrono::steady_clock::now() + render_time_limit;
  while (!fs::exists(first)) {
    int status = 0;
    if (waitpid(child.pid, &status, WNOHANG) == child.pid) {
      child.pid = -1;
      return false;
    }
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// A render still running after its first part was served (under render_mutex).
std::optional<Child> unfinished;

// Waits for the unfinished render, if any; a failure is said to whoever asks
// for that file (it is not there), not to this request.
void finish_unfinished() {
  if (!unfinished) return;
  Child child = *unfinished;
  unfinished.reset();
  try {
    finish_render(child);
  } catch (const Failure&) {
  }
}

int workers() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

Reply timeline(const Api& api, const Request& request) {
  return {200, json_io::dump(json_io::to_json(read_session(api, request.body).timeline)), "application/json"};
}

// The first part's file of the audio `id`.
std::string first_part_id(const std::string& id) { return hash_hex(id + "\nfirst part"); }

// Renders (unless cached) the audio of a routine (its JSON, as /api/plan
// answers it) and says where to fetch it. With `early`, a render that has to
// be made answers as soon as the session's opening is ready: "ready" is
// false, "first" says where that opening is and how long it is, and asking
// again without `early` waits for the whole file.
Json audio_for(const Api& api, const std::string& routine_json, const Voicing& voicing = {},
               bool early = false) {
  Session s = read_session(api, routine_json);
  int chime_ms = api.kb.cues.chime_seconds * 1000;
  std::string id =
      hash_hex(json_io::dump(json_io::to_json(s.timeline)) + "\nchime " + std::to_string(chime_ms) +
               "\nrate " + std::to_string(audio::sample_rate) + "\nplantar " + version +
               (voicing.rate == 1.0 ? std::string() : "\nspeaking rate " + std::to_string(voicing.rate)) +
               (voicing.background.bed == audio::Bed::none
                    ? std::string()
                    : "\nbackground " + std::string(audio::name(voicing.background.bed)) + " " +
                          std::to_string(voicing.background.volume)));
  fs::path folder = cache_folder(api);
  fs::path file = folder / (id + audio_suffix), first = folder / (first_part_id(id) + audio_suffix);
  Json out = {{"id", id},
              {"url", "/api/audio/" + id + audio_suffix},
              {"seconds", s.timeline.total_ms / 1000.0},
              {"rendered", false},
              {"ready", true}};
  auto started = std::chrono::steady_clock::now();
  {
    std::lock_guard<std::mutex> lock(render_mutex);
    finish_unfinished();
    if (!fs::exists(file)) {
      out["rendered"] = true;
      if (api.program.empty()) {
        audio::render(s.timeline, chime_ms, file.string(), {voicing.rate, 1.0}, workers(), {}, {},
                      {"", voicing.background});
      } else if (!early) {
        Child child = spawn_render(api, routine_json, file, voicing);
        finish_render(child);
      } else {
        std::error_code ignored;
        fs::remove(first, ignored);
        Child child = spawn_render(api, routine_json, file, voicing, first);
        if (first_part_or_end(child, first)) {
          unfinished = child;
          out["ready"] = false;
          out["first"] = {{"url", "/api/audio/" + first.filename().string()},
                          {"seconds", audio::ogg_opus_seconds(first.string())}};
        } else if (child.pid != -1 || !fs::exists(file)) {
          finish_render(child);  // past the time limit, or failed: its message
        }
      }
      trim_cache(folder);
    }
  }
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  out["render_seconds"] = took.count();
  return out;
}

// The speaking rate people can choose in the guide: 0.8 (slower) to 1.2.
constexpr double slowest = 0.8, fastest = 1.2;

Reply make_audio(const Api& api, const Request& request) {
  Voicing v;
  v.rate = number_param(request, "rate", 1.0);
  if (!(v.rate >= slowest && v.rate <= fastest))
    throw BadInput("rate", "expected a speaking rate from 0.8 to 1.2");
  v.rate = std::round(v.rate * 20) / 20;  // steps of 0.05, so the cache is shared
  auto bed = audio::bed_named(param(request, "background", "none"));
  if (!bed) throw BadInput("background", "expected brown, tone or none");
  v.background.bed = *bed;
  v.background.volume = number_param(request, "background_volume", 0.2);
  if (!(v.background.volume >= 0 && v.background.volume <= 1))
    throw BadInput("background_volume", "expected a volume from 0 to 1");
  v.background.volume = std::round(v.background.volume * 20) / 20;  // steps of 0.05, as the rate
  return {200, json_io::dump(audio_for(api, request.body, v, flag_param(request, "first"))),
          "application/json"};
}

// The routines people start from: Home's bedtime routine, and each goal's
// routine at the Plan screen's default of 10 minutes.
std::vector<planner::Request> built_in_routines(const kb::KnowledgeBase& kb) {
  planner::Request bedtime;
  bedtime.goals = {"sleep"};
  bedtime.minutes = 5;
  std::vector<planner::Request> out{bedtime};
  for (const auto& goal : kb.goals) {
    planner::Request r;
    r.goals = {goal.id};
    out.push_back(r);
  }
  return out;
}

bool is_audio_name(const std::string& name) {
  constexpr std::size_t hex = 16;
  if (name.size() != hex + 4 || name.compare(hex, 4, audio_suffix) != 0) return false;
  return std::all_of(name.begin(), name.begin() + hex,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Reply audio_file(const Api& api, const std::string& name) {
  if (!is_audio_name(name)) return error_reply(404, "no such audio: " + name, "id");
  std::ifstream in(cache_folder(api) / name, std::ios::binary);
  if (!in)
    return error_reply(404, "no such audio (it may have left the cache): POST the routine again", "id");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return {200, bytes.str(), "audio/ogg"};
}

}  // namespace

AudioWarmup::AudioWarmup(const Api& api) {
  thread_ = std::thread([this, api] {
    for (const auto& request : built_in_routines(api.kb)) {
      if (stop_) break;
      try {
        audio_for(api, json_io::dump(json_io::to_json(planner::plan(api.kb, request))));
      } catch (const std::exception&) {
        // A routine that cannot be rendered now is rendered when asked for, with its error.
      }
    }
    done_ = true;
  });
}

AudioWarmup::~AudioWarmup() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

Reply session_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;
  if (parts.size() == 1) {
    if (request.method != "POST") return error_reply(405, "use POST for /api/" + parts[0]);
    return parts[0] == "timeline" ? timeline(api, request) : make_audio(api, request);
  }
  if (parts.size() == 2 && parts[0] == "audio") {
    if (!request.get()) return error_reply(405, "use GET for /api/audio/ID.ogg");
    return audio_file(api, parts[1]);
  }
  return not_found(request);
}

}  // namespace plantar::server
