// libFuzzer target: the bytes are one HTTP connection's worth of requests,
// sent over 127.0.0.1 to a real plantar::server::Server in this process. They
// go through libmicrohttpd's request parser, server.cc's limits (header
// count and size, Content-Encoding, body size counted as it arrives, UTF-8,
// Host, session and CSRF checks, Range) and its dispatcher, into the
// knowledge API (check, plan) and the app's files. "TOKEN" in the input is
// replaced by the server's CSRF token, so the fuzzer reaches the API.
// A crash, a sanitizer report or a 500 from our dispatcher (__builtin_trap)
// is a bug.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "plantar/kb.h"
#include "plantar/server.h"

namespace {

using namespace plantar;

struct Running {
  kb::KnowledgeBase kb = kb::load(kb::embedded_files());
  std::unique_ptr<server::Server> server;
  int port = 0;
  std::thread thread;

  Running() {
    server::Options options;
    options.port = 0;
    options.threads = 2;
    options.auth = false;  // the fuzzer cannot guess a session cookie
    server = std::make_unique<server::Server>(kb, options);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    thread.detach();  // serves until the process ends
  }
};

Running& running() {
  static auto* live = new Running;  // never destroyed: libFuzzer exits with it running
  return *live;
}

std::string exchange(int port, const std::string& bytes) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{0, 30000};  // 30 ms of silence after an answer ends the exchange
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<std::uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    shutdown(fd, SHUT_WR);  // the end of the input (a keep-alive connection may stay open)
    char buffer[16384];
    for (int quiet = 0; quiet < 10;) {  // up to 300 ms for the first bytes
      ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n == 0) break;
      if (n > 0) {
        answer.append(buffer, static_cast<std::size_t>(n));
        quiet = 9;  // after an answer, one quiet spell ends it
      } else {
        ++quiet;
      }
    }
  }
  close(fd);
  return answer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Running& live = running();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  for (std::size_t at; (at = bytes.find("TOKEN")) != std::string::npos;)
    bytes.replace(at, 5, live.server->csrf_token());
  std::string answer = exchange(live.port, bytes);
  // A 500 from our dispatcher (it carries our security headers) is an
  // unexpected error. libmicrohttpd's own answers to broken requests (400,
  // 413, 431, 505...) are not ours to judge.
  for (std::size_t at = 0; (at = answer.find("HTTP/1.1 500", at)) != std::string::npos; ++at) {
    std::size_t end = answer.find("\r\n\r\n", at);
    if (answer.substr(at, end - at).find("Content-Security-Policy") == std::string::npos) continue;
    std::fprintf(stderr, "fuzz_http_request: a 500 answer: %.300s\n", answer.c_str() + at);
    __builtin_trap();
  }
  return 0;
}
