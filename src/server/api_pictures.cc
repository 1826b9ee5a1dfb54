// GET /api/pictures/ID.svg (left foot) and /api/pictures/right/ID.svg: a
// technique's picture with its loop, as `plantar learn techniques ID
// --picture -` draws it plus the web app's animation. A pure function of the
// knowledge base, so the server remembers it (is_pure).
//
// Cached "immutable by version": GET /api/pictures lists each picture's
// address with ?v= a hash of what it draws (both feet), so the address
// changes exactly when the picture does (new data, --data DIR, a new
// renderer). A request with that version may be kept for a year; one with a
// missing or old version gets the picture that is drawn now, kept by no one,
// so a stale picture is never pinned.
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/technique_picture.h"
#include "routes.h"

namespace plantar::server {
namespace {

constexpr const char* for_good = "public, max-age=31536000, immutable";
constexpr const char* ask_again = "no-cache";

std::string fnv1a_hex(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::string svg(const Api& api, const kb::Technique& t, Foot foot) {
  return render::technique_picture_svg(api.kb, t, {foot, true});
}

// The picture's version: a hash of both feet's drawings.
std::string version(const Api& api, const kb::Technique& t) {
  return fnv1a_hex(svg(api, t, Foot::left) + svg(api, t, Foot::right));
}

std::string address(const kb::Technique& t, Foot foot, const std::string& v) {
  return "/api/pictures/" + std::string(foot == Foot::right ? "right/" : "") + t.id + ".svg?v=" + v;
}

// GET /api/pictures: {"pictures": [{"technique", "left", "right"}]}, the
// versioned addresses. Asked once per visit, so never kept.
Reply index(const Api& api) {
  json_io::Json list = json_io::Json::array();
  for (const auto& t : api.kb.techniques) {
    if (kb::picture(api.kb, t.id) == nullptr) continue;
    auto v = version(api, t);
    list.push_back(
        {{"technique", t.id}, {"left", address(t, Foot::left, v)}, {"right", address(t, Foot::right, v)}});
  }
  Reply reply{200, json_io::dump(json_io::Json{{"pictures", list}})};
  reply.cache_control = ask_again;
  return reply;
}

}  // namespace

Reply pictures_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;  // {"pictures", ["right",] "ID.svg"}
  if (!request.get()) return error_reply(405, "use GET for /api/pictures");
  if (parts.size() == 1) return index(api);
  bool right = parts.size() == 3 && parts[1] == "right";
  if (parts.size() != 2 && !right) return not_found(request);
  const std::string& file = parts.back();
  const std::string ext = ".svg";
  if (file.size() <= ext.size() || file.compare(file.size() - ext.size(), ext.size(), ext) != 0)
    return error_reply(404, "no such picture: ask for /api/pictures/ID.svg", "id");
  std::string id = file.substr(0, file.size() - ext.size());
  const kb::Technique* technique = api.kb.technique(id);
  if (technique == nullptr || kb::picture(api.kb, id) == nullptr)
    return error_reply(404, "no picture for technique '" + id + "'", "id");
  auto left_svg = svg(api, *technique, Foot::left), right_svg = svg(api, *technique, Foot::right);
  Reply reply{200, right ? right_svg : left_svg, "image/svg+xml"};
  auto asked = request.query.find("v");
  bool current = asked != request.query.end() && asked->second == fnv1a_hex(left_svg + right_svg);
  reply.cache_control = current ? for_good : ask_again;
  return reply;
}

}  // namespace plantar::server
