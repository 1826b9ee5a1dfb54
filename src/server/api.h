// The JSON API of `plantar serve`, free of HTTP plumbing: a method, a path
// and a body in, a status and a JSON body out. The bodies are the bytes that
// the CLI prints with --json for the same request.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "plantar/kb.h"

namespace plantar::store_pg {
class AccountJournal;
}

namespace plantar::server {

struct Reply {
  Reply(int status = 200, std::string body = "", std::string type = "application/json")
      : status(status), body(std::move(body)), type(std::move(type)) {}

  int status = 200;
  std::string body;
  std::string type = "application/json";
  std::string download;  // a file name: the browser saves the body under it (Content-Disposition)
  std::string cache_control = "no-store";  // personal answers are never kept
  std::string set_cookie;                  // hosted mode: a Set-Cookie header (sign-in session)
};

/// What the API answers from: the knowledge base and the databases' files
/// (the journal and places.db; neither needs to exist yet).
struct Api {
  const kb::KnowledgeBase& kb;
  std::string journal;       // journal.db
  std::string places;        // places.db
  std::string program = "";  // the plantar executable for audio renders ("": in-process)
  std::string data = "";     // its --data DIR, so it speaks the same knowledge ("": built in)
  /// Hosted mode: the journal of the signed-in person (or of a therapist's
  /// client, read-only routes only), set per request by hosted.cc; the
  /// journal areas then answer from it instead of the file.
  std::shared_ptr<store_pg::AccountJournal> person = nullptr;
  std::string idempotency_key = "";  // hosted mode: the request's Idempotency-Key header
};

/// One request as the API areas see it: path parts after "api"
/// ("/api/learn/goals" is {"learn", "goals"}) and the query parameters.
struct Request {
  std::string method;
  std::vector<std::string> parts;
  std::string body;
  std::map<std::string, std::string> query;

  bool get() const { return method == "GET" || method == "HEAD"; }
};

/// {"error": message, "field": field} with `status`; field is left out when empty.
Reply error_reply(int status, const std::string& message, const std::string& field = "");

/// True for the paths the API answers (/api/check, /api/plan, /api/learn...).
bool is_api_path(const std::string& path);
/// The non-empty parts of a path between slashes: "/api/journal/3" gives api, journal, 3.
std::vector<std::string> split_path(const std::string& path);

/// True when the answer depends only on the request and the knowledge base
/// (check, plan, learn), so it may be remembered and sent again.
bool is_pure(const std::string& path);

/// Answers one API request. 404 for an unknown path or entry, 405 for a
/// known path with the wrong method, 400 naming the field for bad input.
/// A stop verdict is a normal 200 answer.
Reply answer(const Api& api, const std::string& method, const std::string& path, const std::string& body,
             const std::map<std::string, std::string>& query = {});

}  // namespace plantar::server
