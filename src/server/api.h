// The JSON API of `plantar serve`, free of HTTP plumbing: a method, a path
// and a body in, a status and a JSON body out. The bodies are the bytes that
// the CLI prints with --json for the same request.
#pragma once

#include <string>

#include "plantar/kb.h"

namespace plantar::server {

struct Reply {
  int status = 200;
  std::string body;
  std::string type = "application/json";
};

/// {"error": message, "field": field} with `status`; field is left out when empty.
Reply error_reply(int status, const std::string& message, const std::string& field = "");

/// True for the paths the API answers (/api/check, /api/plan, /api/learn...).
bool is_api_path(const std::string& path);

/// Answers one API request. 404 for an unknown path or entry, 405 for a
/// known path with the wrong method, 400 naming the field for bad input.
/// A stop verdict is a normal 200 answer.
Reply answer(const kb::KnowledgeBase& kb, const std::string& method, const std::string& path,
             const std::string& body);

}  // namespace plantar::server
