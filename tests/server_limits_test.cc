// The findings of the attack on `plantar serve` (issue 14), each against a
// real server on 127.0.0.1: bodies past the limit chunked or not, encoded
// bodies, header floods, deep JSON, integer overflow, slow clients, Range
// abuse, other local users and invalid UTF-8. Bounded in count and time.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "journal_test_support.h"
#include "server_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::LiveServer;

// A raw TCP connection to the server, from `source` (any 127.x address).
class Raw {
 public:
  explicit Raw(int port, const char* source = "127.0.0.1", int timeout_ms = 5000) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from);
    timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
  }
  ~Raw() { close(fd_); }
  Raw(const Raw&) = delete;
  Raw& operator=(const Raw&) = delete;

  bool connected() const { return connected_; }
  /// False once the server stopped reading (it answered and closed).
  bool send(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) return false;
      done += static_cast<std::size_t>(n);
    }
    return true;
  }
  /// What the server sent until it closed or went quiet.
  std::string receive() {
    std::string out;
    char buffer[65536];
    for (;;) {
      ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      out.append(buffer, static_cast<std::size_t>(n));
      if (out.size() > 64 * 1024 * 1024) break;
    }
    return out;
  }
  /// True when the server ended the connection (an end or a reset, after
  /// any answer); false when it stayed open until the receive timeout.
  bool closed_by_server() {
    char buffer[4096];
    for (;;) {
      ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n == 0) return true;
      if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
    }
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(answer.substr(9, 3));
}

std::string head(const std::string& method, const std::string& path, const LiveServer& live,
                 const std::string& extra = "") {
  return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + live.cookie() +
         "\r\nX-Plantar-Token: " + const_cast<LiveServer&>(live).server().csrf_token() +
         "\r\nContent-Type: application/json\r\n" + extra;
}

std::string chunk(const std::string& data) {
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", data.size());
  return size + data + "\r\n";
}

// Resident memory of this process (the server runs in it), in MB.
long rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  return 0;
}

// Finding 1: a chunked body is counted as it arrives; past 64 KiB it is 413.
TEST(ServerLimits, ChunkedBodyOverTheLimitIs413) {
  LiveServer live;
  Raw raw(live.port());
  ASSERT_TRUE(raw.connected());
  std::string request = head("POST", "/api/plan", live, "Transfer-Encoding: chunked\r\n\r\n");
  std::string piece(8 * 1024, ' ');
  for (int i = 0; i < 12; ++i) request += chunk(piece);  // 96 KiB of spaces
  request += "0\r\n\r\n";
  raw.send(request);
  std::string answer = raw.receive();
  EXPECT_EQ(status_of(answer), 413) << answer.substr(0, 200);
  EXPECT_NE(answer.find("too large"), std::string::npos);
}

TEST(ServerLimits, ChunkedBodyUnderTheLimitIsServed) {
  LiveServer live;
  Raw raw(live.port());
  std::string request =
      head("POST", "/api/plan", live, "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
  request += chunk(R"({"goals": ["sleep"],)") + chunk(R"( "minutes": 5})") + "0\r\n\r\n";
  raw.send(request);
  EXPECT_EQ(status_of(raw.receive()), 200);
}

// Finding 1: unpaired clients of a LAN server are refused from their headers;
// four endless chunked bodies neither get read whole nor grow the memory.
TEST(ServerLimits, UnpairedChunkedFloodsAreRefusedWithoutReading) {
  LiveServer live(true);
  long before = rss_mb();
  std::string piece(64 * 1024, 'a');
  for (int i = 0; i < 4; ++i) {
    Raw raw(live.port());
    raw.send(head("POST", "/api/journal", live, "Transfer-Encoding: chunked\r\n\r\n"));
    int sent = 0;
    while (sent < 512 && raw.send(chunk(piece))) ++sent;  // up to 32 MB each
    EXPECT_LT(sent, 512) << "the server kept reading an unpaired body";
    std::string answer = raw.receive();
    if (!answer.empty()) EXPECT_EQ(status_of(answer), 401);
  }
  EXPECT_LT(rss_mb() - before, 50);
}

// Finding 1: no request Content-Encoding (a small gzip body grew to 50 MB).
TEST(ServerLimits, EncodedBodyIs415) {
  LiveServer live;
  auto res = live.client().Post(
      "/api/journal", {{"X-Plantar-Token", live.server().csrf_token()}, {"Content-Encoding", "gzip"}},
      std::string("\x1f\x8b\x08\x00", 4), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  EXPECT_NE(res->body.find("Content-Encoding"), std::string::npos);
}

// Finding 1: header lines are capped (300,000 were accepted before pairing).
TEST(ServerLimits, HeaderFloodIs431) {
  LiveServer live(true);
  Raw raw(live.port());
  std::string request = "GET /api/learn HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 300; ++i) request += "X-Filler-" + std::to_string(i) + ": a\r\n";
  raw.send(request + "\r\n");
  int status = status_of(raw.receive());
  EXPECT_EQ(status, 431);

  Raw big(live.port());
  std::string huge = "GET /api/learn HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int i = 0; i < 20000 && big.send(huge); ++i)
    huge = "X-Filler-" + std::to_string(i) + ": aaaaaaaaaa\r\n";
  std::string answer = big.receive();
  EXPECT_TRUE(answer.empty() || status_of(answer) == 431 || status_of(answer) == 413)
      << answer.substr(0, 100);
}

// Finding 2: deep JSON is a 400 naming the depth, in every reader.
TEST(ServerLimits, DeepJsonIs400) {
  test::TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  std::string deep = R"({"routine":)" + std::string(5000, '[') + std::string(5000, ']') + "}";
  for (std::string path : {"/api/journal", "/api/plan", "/api/check", "/api/timeline"}) {
    auto res = live.post(path, deep);
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_NE(res->body.find("deeper than 64"), std::string::npos) << path << ": " << res->body;
  }
  std::string fine = R"({"goals": ["sleep"], "tools": )" + std::string(40, '[') + std::string(40, ']') + "}";
  EXPECT_EQ(live.post("/api/plan", fine)->status, 400) << "within the depth: the usual field error";
}

TEST(ServerLimits, DeepJsonImportIsRefused) {
  test::TempDir dir;
  std::string file = dir.file("deep.json");
  std::ofstream(file) << R"({"format": "plantar-journal", "sessions": )" << std::string(50000, '[')
                      << std::string(50000, ']') << "}";
  auto imported = test::run_plantar({"--db", dir.path.string(), "import", file});
  EXPECT_EQ(imported.status, 2) << imported.err;
  EXPECT_NE(imported.err.find("deeper than 64"), std::string::npos) << imported.err;
  auto checked = test::run_plantar({"check", "--input", file});
  EXPECT_EQ(checked.status, 2) << checked.err;
  EXPECT_NE(checked.err.find("deeper than 64"), std::string::npos) << checked.err;
}

// Finding 3: integers are range-checked before any arithmetic.
TEST(ServerLimits, HugeTotalSecondsIs400) {
  test::TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  for (std::string seconds : {"2147483647", "4294967326", "-5", "18446744073709551615"}) {
    auto res = live.post(
        "/api/journal",
        R"({"routine":{"steps":[{"technique":"thumb_heel_press"}],"total_seconds":)" + seconds + "}}");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << seconds << ": " << res->body;
    EXPECT_EQ(nlohmann::json::parse(res->body)["field"], "routine.total_seconds") << seconds;
  }
  auto ratings = live.post("/api/journal", R"({"after": {"stress": 4294967299}})");
  EXPECT_EQ(ratings->status, 400) << ratings->body;
  auto fine = live.post("/api/journal",
                        R"({"routine":{"steps":[{"technique":"thumb_heel_press"}],"total_seconds":600}})");
  EXPECT_EQ(fine->status, 201) << fine->body;
  EXPECT_EQ(nlohmann::json::parse(fine->body)["minutes"], 10);
}

// Finding 4: slow clients hold sockets, not threads; they are cut when idle
// and capped per address.
TEST(ServerLimits, SlowClientsDoNotStarveOthers) {
  server::Options options;
  options.idle_seconds = 2;
  options.per_client = 32;
  LiveServer live(false, {}, "", options);
  std::vector<std::unique_ptr<Raw>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<Raw>(live.port(), "127.0.0.2", 6000));
    slow.back()->send("GET /api/learn HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  }
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    auto res = live.client().Get("/api/learn/goals");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  // Past 32 connections from 127.0.0.2, the server closes at once; the rest
  // are closed when idle for 2 s.
  int closed = 0;
  for (auto& raw : slow) closed += raw->closed_by_server() ? 1 : 0;
  EXPECT_EQ(closed, 64) << "every slow connection ends, by the cap or the idle timeout";
}

// Finding 5: one range per request; many parts are 416, not a huge answer.
TEST(ServerLimits, RangeAbuseIs416) {
  LiveServer live;
  std::string many = "bytes=0-";
  for (int i = 0; i < 1500; ++i) many += ",0-";
  auto res = live.client().Get("/", {{"Range", many}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 416);
  EXPECT_LT(res->body.size(), 1000u);
  auto part = live.client().Get("/", {{"Range", "bytes=0-9"}});
  EXPECT_EQ(part->status, 206);
  EXPECT_EQ(part->body.size(), 10u);
  EXPECT_EQ(live.client().Get("/", {{"Range", "bytes=99999999-"}})->status, 416);
}

// Finding 6: another user of this computer gets nothing without the cookie
// that the secret address gives.
TEST(ServerLimits, OtherLocalUsersGetNothing) {
  test::TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  ASSERT_FALSE(live.cookie().empty());
  for (std::string path : {"/api/session", "/api/journal", "/api/stats", "/api/learn"}) {
    auto res = live.stranger().Get(path.c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << path;
    EXPECT_EQ(res->body.find(live.server().csrf_token()), std::string::npos);
  }
  auto post = live.stranger().Post("/api/journal", {{"X-Plantar-Token", live.server().csrf_token()}},
                                   R"({"note": "x"})", "application/json");
  EXPECT_EQ(post->status, 401);
  EXPECT_EQ(live.stranger().Get("/?token=0123")->status, 401);
  EXPECT_EQ(live.stranger().Get("/")->status, 200) << "the app's own files hold no data";

  auto signed_in = live.stranger().Get(live.server().sign_in_path().c_str());
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in->status, 303);
  EXPECT_EQ(signed_in->get_header_value("Location"), "/");
  std::string cookie = signed_in->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(live.client().Get("/api/session")->status, 200);
}

TEST(ServerLimits, NoAuthServesEveryLocalClient) {
  server::Options options;
  options.auth = false;
  LiveServer live(false, {}, "", options);
  EXPECT_TRUE(live.cookie().empty());
  EXPECT_EQ(live.stranger().Get("/api/session")->status, 200);
}

// Finding 9: invalid UTF-8 anywhere in a request is 400, never 500.
TEST(ServerLimits, InvalidUtf8Is400) {
  test::TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  for (std::string path : {"/%ff%fe", "/api/card?name=%ff", "/api/journal?last=%ff", "/api/ask?q=%c0%af",
                           "/api/learn/%ed%a0%80", "/api/places/near?at=%ff"}) {
    auto res = live.client().Get(path.c_str());
    ASSERT_TRUE(res) << path;
    EXPECT_EQ(res->status, 400) << path << ": " << res->body;
    EXPECT_NE(res->body.find("UTF-8"), std::string::npos) << path;
  }
  auto res = live.post("/api/journal", "{\"note\": \"\xff\xfe\"}");
  EXPECT_EQ(res->status, 400) << res->body;
}

// Finding 10: what plantar writes is for its user alone.
unsigned mode_of(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 0777;
}

TEST(FilePermissions, JournalExportsAndCardsAre0600InA0700Folder) {
  test::TempDir dir;
  std::string data = dir.file("data");
  ASSERT_EQ(test::run_plantar({"--db", data, "log", "--after", "stress=3", "--note", "x"}).status, 0);
  EXPECT_EQ(mode_of(data), 0700u);
  EXPECT_EQ(mode_of(data + "/journal.db"), 0600u);
  ASSERT_EQ(test::run_plantar({"--db", data, "export", "--format", "csv", "-o", dir.file("out.csv")}).status,
            0);
  EXPECT_EQ(mode_of(dir.file("out.csv")), 0600u);
  auto card = test::run_plantar({"--db", data, "card", "-o", dir.file("card.html")});
  ASSERT_EQ(card.status, 0) << card.err;
  EXPECT_EQ(mode_of(dir.file("card.html")), 0600u);
}

}  // namespace
}  // namespace plantar
