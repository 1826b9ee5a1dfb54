// GET /api/pictures/ID.svg (left foot) and /api/pictures/right/ID.svg: a
// technique's picture with its loop, as `plantar learn techniques ID
// --picture -` draws it plus the web app's animation. A pure function of the
// knowledge base, so the server remembers it (is_pure); the web app asks
// with ?v=VERSION so that a new version's pictures have new addresses.
#include "plantar/errors.h"
#include "plantar/technique_picture.h"
#include "routes.h"

namespace plantar::server {

Reply pictures_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;  // {"pictures", ["right",] "ID.svg"}
  if (!request.get()) return error_reply(405, "use GET for /api/pictures");
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
  render::PictureOptions options{right ? Foot::right : Foot::left, true};
  Reply reply{200, render::technique_picture_svg(api.kb, *technique, options), "image/svg+xml"};
  // Knowledge, not a person's data: the phone may keep it for a day.
  reply.cache_control = "public, max-age=86400";
  return reply;
}

}  // namespace plantar::server
