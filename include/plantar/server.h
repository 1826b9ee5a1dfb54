// The web server behind `plantar serve`: the JSON API (the same shapes as the
// CLI's --json), the embedded web app, the secret of local mode and, in LAN
// mode, pairing. libmicrohttpd stays inside src/server/server.cc; this header
// only names what callers need.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "plantar/kb.h"

namespace plantar::server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;   // 0: any free port
  bool lan = false;  // require pairing; meant for host 0.0.0.0
  bool auth = true;  // local mode: /api needs the cookie got with the secret printed at launch
  std::size_t max_body = 64 * 1024;  // decoded request body, chunked or not (413 past it)
  int threads = 0;                   // event loops (epoll), each serving many connections; 0: one a core
  int workers = 8;                   // threads for answers that wait (journal, places, audio, PostgreSQL)
  int per_client = 128;              // open connections from one IP address
  int max_connections = 4096;        // open connections in all
  int idle_seconds = 30;             // a connection silent this long is closed (and the longest answer)
  std::string journal;               // the journal's file (journal.db); made on first write
  std::string places;                // places.db, from `plantar places import`
  std::string program;       // the plantar executable, run to render session audio; "": render in-process
  std::string data;          // --data DIR the knowledge came from, passed on to that program ("": built in)
  bool warm_audio = false;   // render the built-in routines' audio in the background (plantar serve)
  std::string store;         // hosted mode: a PostgreSQL URI (accounts, sessions, shares; any host)
  bool https_proxy = false;  // hosted mode behind a proxy that ends TLS: Secure cookies, X-Real-IP
  /// Called (on a server thread) after a device paired, with the next code.
  std::function<void(const std::string& next_code)> on_paired;
};

/// One HTTP server. Construct, bind(), then run() (blocking) on some thread;
/// stop() from another thread ends run(). The knowledge base must outlive it.
class Server {
 public:
  Server(const kb::KnowledgeBase& kb, Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the socket; returns the port (the chosen one when port is 0).
  /// Throws Failure when the address cannot be bound.
  int bind();
  /// Serves until stop(). Returns false if serving failed.
  bool run();
  /// Ends run(); safe to call from any thread, also before run() started.
  void stop();
  /// True while run() is accepting connections.
  bool running() const;

  /// The one-time pairing code of LAN mode ("" otherwise); a new one is made
  /// each time a client pairs.
  std::string pairing_code() const;
  /// Local mode: the path with the secret ("/?token=..."), whose first visit
  /// sets the session cookie; "" in LAN mode or without auth.
  std::string sign_in_path() const;
  /// The CSRF token that state-changing requests send as X-Plantar-Token.
  const std::string& csrf_token() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `text` as a QR code drawn with UTF-8 half blocks (two rows a line, with a
/// quiet zone; light cells drawn, so it reads on dark terminals). Empty if
/// it cannot be made.
std::string qr_text(const std::string& text);

}  // namespace plantar::server
