// /api/ask: the answers of `plantar ask QUESTION --json`, from one search
// index per knowledge base, built on the first question and shared by the
// server's threads (an index is not thread-safe, so asking takes a lock;
// a question takes well under a millisecond).
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>

#include "plantar/ask.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

// The knowledge bases a server answers from live as long as the program
// (the embedded one, or the one loaded at start), so their indexes may too.
ask::Result ask_once(const kb::KnowledgeBase& kb, const std::string& question, int limit) {
  static std::mutex lock;
  static std::map<const kb::KnowledgeBase*, std::unique_ptr<ask::Index>> indexes;
  std::lock_guard<std::mutex> guard(lock);
  auto& index = indexes[&kb];
  if (!index) index = std::make_unique<ask::Index>(kb);
  return index->ask(question, limit);
}

// POST {"question": "...", "limit": 3}: the same as GET ?q=...&limit=3.
std::pair<std::string, int> read_body(const std::string& body) {
  auto json = json_io::parse(body, "body");
  if (!json.is_object()) throw BadInput("body", "expected an object like {\"question\": \"...\"}");
  auto question = json.find("question");
  if (question == json.end() || !question->is_string())
    throw BadInput("question", "expected a question as text, e.g. \"how hard should I press\"");
  int limit = ask::default_limit;
  if (auto found = json.find("limit"); found != json.end()) {
    if (!found->is_number_integer() || *found < 1 || *found > ask::max_limit)
      throw BadInput("limit", "expected a number from 1 to " + std::to_string(ask::max_limit));
    limit = found->get<int>();
  }
  return {question->get<std::string>(), limit};
}

}  // namespace

Reply ask_api(const Api& api, const Request& request) {
  if (request.parts.size() != 1) return not_found(request);
  std::string question, field;
  int limit = ask::default_limit;
  if (request.get()) {
    question = param(request, "q");
    limit = int_param(request, "limit", ask::default_limit, 1, ask::max_limit);
    field = "q";
  } else if (request.method == "POST") {
    std::tie(question, limit) = read_body(request.body);
    field = "question";
  } else {
    return error_reply(405, "use GET or POST for /api/ask");
  }
  if (question.empty()) throw BadInput(field, "expected a question, e.g. \"how hard should I press\"");
  try {
    return {200, json_io::dump(json_io::to_json(ask_once(api.kb, question, limit))), "application/json"};
  } catch (const BadInput& e) {
    throw renamed(e, {{"QUESTION", field}, {"--limit", "limit"}});
  }
}

}  // namespace plantar::server
