// plantar card: a one-page card for a massage therapist (PDF, HTML, SVG or
// PNG). Its content comes from the application layer (plantar/app_card.h),
// which the server's /api/card shares.
#include <filesystem>
#include <ostream>

#include "commands.h"
#include "confirm.h"
#include "input.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::cli {

int run_card(const Context& context, const CardOptions& options) {
  if (options.output.empty()) throw BadInput("-o", "say where to write the card: -o card.pdf or card.html");
  // "-" prints the HTML page.
  std::string ext =
      options.output == "-" ? ".html" : std::filesystem::path(options.output).extension().string();
  if (ext != ".pdf" && ext != ".html" && ext != ".svg" && ext != ".png")
    throw BadInput("-o",
                   "expected a file name ending in .pdf, .html, .svg or .png (or - to print the HTML), "
                   "got '" +
                       options.output + "'");
  render::check_output_path(options.output);
  std::string plan_json = options.input.empty() ? "" : read_input(options.input);
  auto content = app::card_content(context.kb, options, plan_json, read_journal(context).get());
  std::string bytes = ext == ".html"
                          ? render::card_html(context.kb, content.card)
                          : render::image_bytes(render::card_svg(context.kb, content.card), options.output);
  int status = content.verdict == Verdict::stop ? 3 : 0;
  if (!write_output(context, bytes, options.output)) return status;
  confirm_written(context, options.output, "Card written to " + options.output + ".",
                  {{"verdict", std::string(name(content.verdict))}});
  return status;
}

}  // namespace plantar::cli
