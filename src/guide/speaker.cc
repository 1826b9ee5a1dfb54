// Playing cues through the system's audio player, on a worker thread.
#include "speaker.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "plantar/audio.h"

extern char** environ;

namespace plantar::guide {
namespace {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return false;
  std::string dirs = path;
  for (std::size_t start = 0; start <= dirs.size();) {
    auto end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    if (access((dirs.substr(start, end - start) + "/" + program).c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

// A player that can reach a sound device, or "" when there is none.
std::string find_player() {
  std::error_code ignored;
  const char* runtime = std::getenv("XDG_RUNTIME_DIR");
  bool pulse =
      std::getenv("PULSE_SERVER") != nullptr ||
      (runtime != nullptr && std::filesystem::exists(std::string(runtime) + "/pulse/native", ignored));
  if (pulse && on_path("paplay")) return "paplay";
  if (std::filesystem::exists("/dev/snd", ignored) && on_path("aplay")) return "aplay";
  return "";
}

void run_player(const std::string& player, const std::string& file) {
  std::string quiet = "-q";
  std::vector<char*> argv{const_cast<char*>(player.c_str())};
  if (player == "aplay") argv.push_back(quiet.data());
  argv.push_back(const_cast<char*>(file.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, player.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return;
  int status = 0;
  waitpid(pid, &status, 0);
}

}  // namespace

Speaker::Speaker(VoiceMode mode, int chime_ms) : mode_(mode), chime_ms_(chime_ms) {
  if (mode_ == VoiceMode::off) return;
  player_ = find_player();
  if (live()) thread_ = std::thread([this] { work(); });
}

Speaker::~Speaker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Speaker::play(const session::Cue& cue) {
  if (!live() || (mode_ == VoiceMode::chime_only && !cue.chime())) return;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(cue);
  }
  wake_.notify_one();
}

void Speaker::clear() {
  std::lock_guard lock(mutex_);
  queue_.clear();
}

void Speaker::work() {
  std::unique_ptr<audio::Voice> voice;
  std::string file =
      (std::filesystem::temp_directory_path() / ("plantar-cue-" + std::to_string(getpid()) + ".wav"));
  for (;;) {
    session::Cue cue;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) break;
      cue = queue_.front();
      queue_.pop_front();
    }
    try {
      audio::Clip clip;
      if (cue.chime()) {
        clip = audio::chime_clip(chime_ms_, cue.kind == session::CueKind::start_chime);
      } else {
        if (!voice) voice = audio::flite_voice({});
        clip = voice->speak(cue.text);
      }
      audio::write_sound_file(file, audio::Format::wav, clip.samples);
      run_player(player_, file);
    } catch (const std::exception&) {
      // Sound is a help, not a must: the screen carries on without it.
    }
  }
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
}

}  // namespace plantar::guide
