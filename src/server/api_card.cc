// /api/card and /api/map: the therapist card (PDF, SVG or HTML) and the foot
// map (SVG) that `plantar card` and `plantar map` make, from the journal.
#include <nlohmann/json.hpp>
#include <sstream>

#include "plantar/app_card.h"
#include "plantar/app_journal.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/pg_store.h"
#include "plantar/render.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

// The journal; none when there is no journal yet (reading never creates it).
// In hosted mode, the signed-in person's (or a therapist's client's) journal.
std::shared_ptr<journal::Journal> store(const Api& api) {
  if (api.person) return api.person;
  if (api.journal.empty()) return nullptr;  // no --db: no journal
  return app::read_journal(api.journal);
}

// The card as text, section by section (the preview's text alternative).
json_io::Json card_json(const render::Card& card) {
  json_io::Json parts = json_io::Json::object();
  for (const auto& section : card.sections) {
    if (section == "cautions") parts[section] = card.cautions;
    if (section == "sore") parts[section] = card.sore_lines;
    if (section == "goals") parts[section] = card.goals;
    if (section == "routine") parts[section] = card.routine;
    if (section == "trend") parts[section] = card.trend;
  }
  return {{"title", card.title},     {"name", card.name}, {"date", card.date},
          {"verdict", card.verdict}, {"sections", parts}, {"footer", card.footer}};
}

// GET /api/card?format=json|pdf|svg|html&sections=a,b&name=&goals=a,b&days=N&plan={...}:
// `plantar card` with -o card.FORMAT, --sections, --name, --goal, --days and
// --input. JSON (the CLI has none): the sections one may choose and the card as text.
Reply card(const Api& api, const Request& request) {
  std::string format = param(request, "format", "json");
  if (format != "json" && format != "pdf" && format != "svg" && format != "html")
    throw BadInput("format", "expected json, pdf, svg or html, got '" + format + "'");
  app::CardOptions options;
  options.sections = param(request, "sections");
  options.name = param(request, "name");
  options.goals = list_param(request, "goals");
  options.days = int_param(request, "days", options.days, 1, 3650);
  options.input = "plan";
  app::CardContent content;
  try {
    content = app::card_content(api.kb, options, param(request, "plan"), store(api).get());
  } catch (const BadInput& e) {
    // Everything but the sections comes from the plan request ("plan:1:7",
    // "goals[0]") or the goals parameter.
    if (e.where() == "--sections") throw renamed(e, {{"--sections", "sections"}});
    throw BadInput(request.query.count("plan") ? "plan" : "goals", e.what());
  }
  if (format == "json") {
    json_io::Json out = {{"sections", render::card_sections}, {"card", card_json(content.card)}};
    return {200, json_io::dump(out), "application/json"};
  }
  if (format == "html") return {200, render::card_html(api.kb, content.card), "text/html; charset=utf-8"};
  std::string svg = render::card_svg(api.kb, content.card);
  if (format == "svg") return {200, svg, "image/svg+xml"};
  Reply pdf{200, render::pdf_bytes(svg), "application/pdf"};
  pdf.download = "plantar-card-" + content.card.date + ".pdf";
  return pdf;
}

// GET /api/map?zones=1&sore=left:heel=6;right:arch@0.3,0.7=4&days=N: `plantar map -o -` with
// --zones, --sore and --days; the journal's recent sore spots are drawn too.
Reply map(const Api& api, const Request& request) {
  render::MapOptions options;
  options.zones = flag_param(request, "zones");
  int days = int_param(request, "days", 30, 1, 3650);
  for (const auto& spot : list_param(request, "sore", ';'))
    options.sore.push_back(journal::parse_sore_spot(spot, "sore"));
  if (auto journal = store(api))
    for (const auto& spot : insights::recent_sore_spots(*journal, app::now_local(), days))
      options.sore.push_back(spot);
  return {200, render::foot_map_svg(api.kb, options), "image/svg+xml"};
}

}  // namespace

Reply card_api(const Api& api, const Request& request) {
  if (request.parts.size() != 1) return not_found(request);
  if (!request.get()) return error_reply(405, "use GET for /api/" + request.parts[0]);
  return request.parts[0] == "card" ? card(api, request) : map(api, request);
}

}  // namespace plantar::server
