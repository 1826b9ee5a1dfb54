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

/// /api/pictures/ID.svg, answered through knowledge_api (pure, so remembered).
Reply pictures_api(const Api& api, const Request& request);

}  // namespace plantar::server
