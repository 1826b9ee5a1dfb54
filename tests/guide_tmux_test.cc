// The full-screen guide driven in a real terminal (tmux): the countdown
// moves, space pauses it, n skips, q asks first, and the terminal is put
// back after quitting and after Ctrl-C.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace {

namespace fs = std::filesystem;

std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  pclose(pipe);
  return out;
}

// One tmux server of our own, with the guide (or another command) in a
// 100x40 window.
class Tmux {
 public:
  explicit Tmux(const std::string& args, const std::string& command = "guide")
      : socket_("plantar_test_" + std::to_string(getpid()) + "_" + args.substr(0, 1)) {
    dir_ = fs::temp_directory_path() / socket_;
    fs::create_directories(dir_);
    // The shell keeps running after Ctrl-C (its trap), to report and check.
    std::string script =
        "trap : INT; " +
        (command.rfind("env ", 0) == 0 ? command : std::string(PLANTAR_BINARY) + " " + command) + " " + args +
        "; echo EXIT=\\$?; stty -a > " + (dir_ / "stty").string() + "; sleep 60";
    shell("tmux -L " + socket_ + " -f /dev/null new-session -d -x 100 -y 40 \"sh -c '" + script + "'\"");
  }
  ~Tmux() {
    std::string path = shell("tmux -L " + socket_ + " display-message -p '#{socket_path}' 2>/dev/null");
    shell("tmux -L " + socket_ + " kill-server 2>/dev/null");
    if (!path.empty() && path.back() == '\n') path.pop_back();
    if (!path.empty()) fs::remove(path);  // kill-server leaves the socket file behind
    fs::remove_all(dir_);
  }
  std::string screen() const { return shell("tmux -L " + socket_ + " capture-pane -p -t 0"); }
  // The screen with its colours as escape sequences.
  std::string coloured_screen() const { return shell("tmux -L " + socket_ + " capture-pane -p -e -t 0"); }
  void keys(const std::string& keys) const { shell("tmux -L " + socket_ + " send-keys -t 0 " + keys); }
  void resize(int columns, int rows) const {
    shell("tmux -L " + socket_ + " resize-window -t 0 -x " + std::to_string(columns) + " -y " +
          std::to_string(rows));
  }
  // The terminal's settings after the guide ended, as `stty -a` saw them.
  std::string stty() const {
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string text;
    while (!has_text(text = read_stty()) && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return text;
  }

  // Waits up to 20 s for the screen to satisfy `ok`; returns the screen.
  std::string wait_for(const std::function<bool(const std::string&)>& ok) const {
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string text = screen();
    while (!ok(text) && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      text = screen();
    }
    return text;
  }
  std::string wait_for_text(const std::string& needle) const {
    return wait_for([&](const std::string& s) { return s.find(needle) != std::string::npos; });
  }

 private:
  static bool has_text(const std::string& text) { return text.find("speed") != std::string::npos; }
  std::string read_stty() const {
    std::ifstream in(dir_ / "stty");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string socket_;
  fs::path dir_;
};

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The session's elapsed time from the "session  [bar] 0:12/5:28" line.
std::string elapsed(const std::string& screen) {
  std::smatch m;
  static const std::regex line(R"(session\s+\S+\s+(\d+:\d\d)/)");
  return std::regex_search(screen, m, line) ? m[1].str() : "";
}

bool restored(const std::string& stty) {
  return has(stty, " icanon") && has(stty, " echo ") && !has(stty, "-icanon") && !has(stty, "-echo ");
}

TEST(GuideTerminal, CountdownMovesPauseStopsItNextSkipsQuitAsks) {
  Tmux tmux("--no-journal --goal sleep --minutes 5 --no-voice --speed 4");
  auto first = tmux.wait_for_text("GET READY");
  ASSERT_TRUE(has(first, "GET READY")) << first;
  EXPECT_TRUE(has(first, "space pause")) << first;
  std::string start = elapsed(first);
  auto moved =
      tmux.wait_for([&](const std::string& s) { return !elapsed(s).empty() && elapsed(s) != start; });
  EXPECT_NE(elapsed(moved), start) << moved;

  tmux.keys("Space");
  auto paused = tmux.wait_for_text("PAUSED");
  ASSERT_TRUE(has(paused, "PAUSED")) << paused;
  std::string held = elapsed(paused);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // 6 session seconds at --speed 4
  EXPECT_EQ(elapsed(tmux.screen()), held);
  tmux.keys("Space");
  EXPECT_FALSE(has(tmux.wait_for([](const std::string& s) { return !has(s, "PAUSED"); }), "PAUSED"));

  tmux.keys("n");
  auto step1 = tmux.wait_for_text("Step 1 of");
  EXPECT_TRUE(has(step1, "Step 1 of")) << step1;
  EXPECT_TRUE(has(step1, "LEFT foot")) << step1;
  EXPECT_TRUE(has(step1, "WARMING STROKES")) << step1;
  tmux.keys("n");
  auto step2 = tmux.wait_for_text("Step 2 of");
  EXPECT_TRUE(has(step2, "Step 2 of")) << step2;
  tmux.keys("b");
  EXPECT_TRUE(has(tmux.wait_for_text("Step 1 of"), "Step 1 of"));

  tmux.keys("q");
  auto asking = tmux.wait_for_text("Quit the session?");
  ASSERT_TRUE(has(asking, "Quit the session?")) << asking;
  tmux.keys("x");  // no: carry on
  auto carried_on = tmux.wait_for([](const std::string& s) { return !has(s, "Quit the session?"); });
  EXPECT_TRUE(has(carried_on, "plantar guide")) << carried_on;
  tmux.keys("q");
  tmux.wait_for_text("Quit the session?");
  tmux.keys("y");
  auto after = tmux.wait_for_text("EXIT=");
  EXPECT_TRUE(has(after, "Session stopped at")) << after;
  EXPECT_TRUE(has(after, "EXIT=0")) << after;
  EXPECT_FALSE(has(after, "space pause")) << "the guide's screen is gone: " << after;
  EXPECT_TRUE(restored(tmux.stty())) << tmux.stty();
}

TEST(GuideTerminal, CtrlCRestoresTheTerminal) {
  Tmux tmux("--no-journal --goal relax --minutes 3 --no-voice");
  ASSERT_TRUE(has(tmux.wait_for_text("GET READY"), "GET READY"));
  tmux.keys("C-c");
  auto after = tmux.wait_for_text("EXIT=");
  EXPECT_TRUE(has(after, "EXIT=130")) << after;
  EXPECT_FALSE(has(after, "GET READY")) << after;
  EXPECT_TRUE(restored(tmux.stty())) << tmux.stty();
}

// The line that names the foot: beside the countdown on a wide screen,
// alone below the text on a narrow one.
bool foot_label_alone(const std::string& screen) {
  std::istringstream in(screen);
  for (std::string line; std::getline(in, line);)
    if (has(line, "LEFT foot"))
      return line.find_first_not_of(' ') == line.find("LEFT foot") && !has(line, "██");
  return false;
}

TEST(GuideTerminal, RedrawsOnResize) {
  Tmux tmux("--no-journal --goal sleep --minutes 5 --no-voice");
  ASSERT_TRUE(has(tmux.wait_for_text("GET READY"), "GET READY"));
  tmux.keys("n");
  auto wide = tmux.wait_for_text("LEFT foot");
  ASSERT_TRUE(has(wide, "LEFT foot")) << wide;
  EXPECT_FALSE(foot_label_alone(wide)) << wide;
  tmux.resize(60, 45);
  auto narrow = tmux.wait_for(foot_label_alone);
  EXPECT_TRUE(foot_label_alone(narrow)) << narrow;
}

TEST(GuideTerminal, Finishes) {
  Tmux tmux("--no-journal --goal sleep --minutes 3 --no-voice --speed 100");
  auto finished = tmux.wait_for_text("EXIT=");
  EXPECT_TRUE(has(finished, "Session finished")) << finished;
  EXPECT_TRUE(has(finished, "EXIT=0")) << finished;
}

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(GuideTerminal, AsksBeforeAndAfterAndRecordsTheSession) {
  auto db = fs::temp_directory_path() / ("plantar_guide_journal_" + std::to_string(getpid()));
  fs::create_directories(db);
  {
    Tmux tmux("--goal sleep --minutes 3 --no-voice --speed 100 --db " + db.string());
    auto asked = tmux.wait_for_text("Stress, 0 to 10");
    ASSERT_TRUE(has(asked, "how do you feel")) << asked;
    tmux.keys("7 Enter");
    tmux.wait_for_text("Pain, 0 to 10");
    tmux.keys("4 Enter");
    tmux.wait_for_text("Tension, 0 to 10");
    tmux.keys("Enter");
    auto after = tmux.wait_for([](const std::string& s) { return count(s, "Stress, 0 to 10") >= 2; });
    ASSERT_TRUE(has(after, "after the session")) << after;
    tmux.keys("3 Enter");
    tmux.wait_for([](const std::string& s) { return count(s, "Pain, 0 to 10") >= 2; });
    tmux.keys("s Enter");
    auto saved = tmux.wait_for_text("EXIT=");
    EXPECT_TRUE(has(saved, "Saved in your journal")) << saved;
    EXPECT_TRUE(has(saved, "EXIT=0")) << saved;
  }
  auto history = plantar::test::run_plantar({"--db", db.string(), "export", "--format", "json"});
  fs::remove_all(db);
  ASSERT_EQ(history.status, 0) << history.err;
  EXPECT_TRUE(has(history.out, "\"stress\": 7")) << history.out;
  EXPECT_TRUE(has(history.out, "\"stress\": 3")) << history.out;
  EXPECT_TRUE(has(history.out, "\"pain\": 4")) << history.out;
}

// Job control: Ctrl-Z gives the shell a normal terminal back, and `fg`
// brings the guide back in its own mode (keys work without Enter), paused
// where it was stopped.
TEST(GuideTerminal, CtrlZAndFgRestoreAndReenterTheGuide) {
  std::string socket = "plantar_test_" + std::to_string(getpid()) + "_jobs";
  auto dir = fs::temp_directory_path() / socket;
  fs::create_directories(dir);
  auto tmux = [&](const std::string& args) { return shell("tmux -L " + socket + " " + args); };
  auto screen = [&] { return tmux("capture-pane -p -t 0"); };
  auto wait_for = [&](const std::function<bool(const std::string&)>& ok) {
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::string text = screen();
    while (!ok(text) && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      text = screen();
    }
    return text;
  };
  auto wait_text = [&](const std::string& needle) {
    return wait_for([&](const std::string& s) { return has(s, needle); });
  };
  // An interactive shell: it has job control, as a person's shell does.
  tmux("-f /dev/null new-session -d -x 100 -y 40 'env PS1=READY\\$\\  bash --norc --noprofile -i'");
  wait_text("READY$");
  tmux(std::string("send-keys -t 0 '") + PLANTAR_BINARY +
       " guide --no-journal --goal sleep --minutes 5 --no-voice' Enter");
  ASSERT_TRUE(has(wait_text("GET READY"), "GET READY"));
  tmux("send-keys -t 0 C-z");
  auto stopped = wait_text("Stopped");
  EXPECT_TRUE(has(stopped, "Stopped")) << stopped;
  EXPECT_FALSE(has(stopped, "space pause")) << "the guide's screen is gone: " << stopped;
  tmux("send-keys -t 0 'stty -a > " + (dir / "stty").string() + "' Enter");
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  std::ifstream in(dir / "stty");
  std::stringstream stty;
  stty << in.rdbuf();
  EXPECT_TRUE(restored(stty.str())) << stty.str();
  tmux("send-keys -t 0 fg Enter");
  auto back = wait_text("PAUSED");
  EXPECT_TRUE(has(back, "PAUSED")) << "paused where it was stopped: " << back;
  EXPECT_TRUE(has(back, "space pause")) << back;
  tmux("send-keys -t 0 n");  // no Enter: raw mode again
  auto step1 = wait_text("Step 1 of");
  EXPECT_TRUE(has(step1, "Step 1 of")) << step1;
  tmux("send-keys -t 0 q");
  wait_text("Quit the session?");
  tmux("send-keys -t 0 y");
  EXPECT_TRUE(has(wait_text("Session stopped at"), "Session stopped at"));
  std::string path = tmux("display-message -p '#{socket_path}' 2>/dev/null");
  tmux("kill-server 2>/dev/null");
  if (!path.empty() && path.back() == '\n') path.pop_back();
  if (!path.empty()) fs::remove(path);
  fs::remove_all(dir);
}

// Colour only on a terminal and never with NO_COLOR: the stop verdict in red,
// with the same words either way.
TEST(CliTerminal, StopIsRedOnATerminalButNotWithNoColor) {
  {
    Tmux tmux("--condition fever", "check");
    tmux.wait_for_text("EXIT=");
    auto screen = tmux.coloured_screen();
    EXPECT_TRUE(has(screen, "\x1b[1m\x1b[31mSTOP") || has(screen, "\x1b[1;31mSTOP") || has(screen, "31mSTOP"))
        << screen;
  }
  {
    Tmux tmux("--condition fever", "env NO_COLOR=1 " + std::string(PLANTAR_BINARY) + " check");
    tmux.wait_for_text("EXIT=");
    auto screen = tmux.coloured_screen();
    EXPECT_TRUE(has(screen, "STOP: do not massage now")) << screen;
    EXPECT_FALSE(has(screen, "31m")) << screen;
  }
}

// End of input is never consent: Ctrl-D in the middle of the safety
// questions gives no verdict and exit status 2.
TEST(CliTerminal, CtrlDInTheCheckGivesNoVerdict) {
  Tmux tmux("", "check");
  auto asked = tmux.wait_for_text("for none of these: >");
  ASSERT_TRUE(has(asked, "for none of these: >")) << asked;
  // Tick nerve damage (its number as the list shows it), then end the input
  // at its follow-up question.
  auto at = asked.find("Nerve damage");
  ASSERT_NE(at, std::string::npos) << asked;
  auto line = asked.rfind('\n', at);
  std::string number = asked.substr(line + 1, at - line - 1);
  number.erase(0, number.find_first_not_of(' '));
  number.erase(number.find_last_not_of(' ') + 1);
  tmux.keys(number + " Enter");
  auto follow_up = tmux.wait_for_text("Not sure");
  ASSERT_TRUE(has(follow_up, "Not sure")) << follow_up;
  tmux.keys("C-d");
  auto after = tmux.wait_for_text("EXIT=");
  EXPECT_TRUE(has(after, "EXIT=2")) << after;
  EXPECT_TRUE(has(after, "nothing was decided")) << after;
  EXPECT_FALSE(has(after, "GO")) << after;
  EXPECT_FALSE(has(after, "Pressure")) << after;
}

// Ctrl-D in the journal's questions saves nothing.
TEST(CliTerminal, CtrlDInLogSavesNothing) {
  auto db = fs::temp_directory_path() / ("plantar_log_eof_" + std::to_string(getpid()));
  fs::create_directories(db);
  {
    Tmux tmux("--db " + db.string(), "log");
    auto asked = tmux.wait_for_text("before the session");
    ASSERT_TRUE(has(asked, "before the session")) << asked;
    tmux.keys("7 Enter");
    tmux.wait_for([](const std::string& s) { return count(s, "before the session") >= 2; });
    tmux.keys("C-d");
    auto after = tmux.wait_for_text("EXIT=");
    EXPECT_TRUE(has(after, "EXIT=2")) << after;
    EXPECT_TRUE(has(after, "nothing was decided, nothing was saved")) << after;
    EXPECT_FALSE(has(after, "Saved session")) << after;
  }
  auto history = plantar::test::run_plantar({"--db", db.string(), "export", "--format", "json"});
  fs::remove_all(db);
  ASSERT_EQ(history.status, 0) << history.err;
  EXPECT_FALSE(has(history.out, "\"stress\"")) << history.out;
}

// Ctrl-C while an audio file is being made, on a real terminal: the
// command stops and leaves neither the file nor its partial copy behind.
TEST(CliTerminal, CtrlCDuringAudioLeavesNoFile) {
  auto dir = fs::temp_directory_path() / ("plantar_audio_int_" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto file = (dir / "session.flac").string();
  {
    Tmux tmux("", "audio --goal relax --minutes 30 -o " + file);
    // The progress bar shows once the render is under way (speaking or writing).
    auto busy =
        tmux.wait_for([](const std::string& s) { return has(s, "spoken cues") || has(s, "seconds"); });
    ASSERT_TRUE(has(busy, "spoken cues") || has(busy, "seconds")) << busy;
    tmux.keys("C-c");
    auto after = tmux.wait_for_text("EXIT=");
    EXPECT_TRUE(has(after, "EXIT=")) << after;
    EXPECT_FALSE(has(after, "EXIT=0")) << after;
  }
  EXPECT_FALSE(fs::exists(file));
  EXPECT_FALSE(fs::exists(file + ".partial"));
  fs::remove_all(dir);
}

}  // namespace
