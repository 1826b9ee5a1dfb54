// /api/card, map: not built yet (answers 404 until it is).
#include "routes.h"

namespace plantar::server {

Reply card_api(const Api&, const Request& request) { return not_found(request); }

}  // namespace plantar::server
