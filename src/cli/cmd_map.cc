// plantar map: the foot map as SVG, PNG or PDF, with sore spots and, on
// request, the reflexology zones (a tradition, not anatomy).
#include <ostream>

#include "commands.h"
#include "confirm.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::cli {

int run_map(const Context& context, const MapOptions& options) {
  if (options.output.empty())
    throw BadInput("-o", "say where to write the map: -o map.svg, map.png or map.pdf");
  if (options.days < 1) throw BadInput("--days", "expected 1 or more");
  render::check_output_path(options.output);
  render::MapOptions map;
  map.zones = options.zones;
  for (const auto& spot : options.sore) map.sore.push_back(journal::parse_sore_spot(spot, "--sore"));
  if (auto store = read_journal(context))
    for (const auto& spot : insights::recent_sore_spots(*store, now_local(), options.days))
      map.sore.push_back(spot);
  std::string svg = render::foot_map_svg(context.kb, map);
  if (!write_output(context, render::image_bytes(svg, options.output == "-" ? "map.svg" : options.output),
                    options.output))
    return 0;
  confirm_written(context, options.output,
                  "Foot map written to " + options.output + " (" + std::to_string(map.sore.size()) +
                      " sore spots" + (map.zones ? ", reflexology zones" : "") + ").",
                  {{"sore_spots", map.sore.size()}, {"zones", map.zones}});
  return 0;
}

}  // namespace plantar::cli
