// The areas of the API, one file each; api.cc sends each request to the area
// named by its first path part after /api.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api.h"
#include "plantar/journal.h"

namespace plantar::server {

/// 404 naming the request's path.
Reply not_found(const Request& request);

Reply session_api(const Api& api, const Request& request);     // /api/timeline, /api/audio
Reply journal_api(const Api& api, const Request& request);     // /api/journal, /api/stats
Reply card_api(const Api& api, const Request& request);        // /api/card, /api/map
Reply ask_api(const Api& api, const Request& request);         // /api/ask
Reply places_api(const Api& api, const Request& request);      // /api/places
Reply places_get_api(const Api& api, const Request& request);  // /api/places/get, /api/places/regions

/// Hosted mode: /api/journal and /api/stats from the signed-in person's
/// journal (api.person), in the same shapes (api_person_journal.cc).
Reply person_journal_api(const Api& api, const Request& request);
/// The session of a POST or PUT to /api/journal: the JSON of one session as
/// `plantar history --json` prints it, where "start" defaults to now and a
/// "routine" fills in the goals, techniques and minutes. Throws BadInput
/// naming the field.
journal::Session read_session(const kb::KnowledgeBase& kb, const std::string& text);
/// The ID of /api/journal/ID: digits only, 1 to 18 of them (no overflow).
std::optional<std::int64_t> session_id(const std::string& part);

/// /api/pictures/ID.svg, answered through knowledge_api (pure, so remembered).
Reply pictures_api(const Api& api, const Request& request);

}  // namespace plantar::server
