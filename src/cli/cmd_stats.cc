// plantar stats: per measure, how ratings changed from before to after,
// week by week, with sparklines; streaks; what went with the biggest drops.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "confirm.h"
#include "journal_place.h"
#include "plantar/journal_io.h"
#include "plantar/render.h"
#include "text.h"

namespace plantar::cli {
namespace {

using insights::Summary;

std::string spread(const Summary& s) { return s.sd ? fmt::format(" ± {:.1f}", *s.sd) : ""; }

std::string plural(int n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// The sparkline of one measure's ratings in one phase, oldest first.
std::string line_of(const journal::Journal& store, const std::string& measure, const char* phase) {
  std::vector<double> values;
  for (int value : store.rating_series(phase, measure)) values.push_back(value);
  return render::sparkline(values, 0, 10);
}

void print_measures(std::ostream& out, const journal::Journal& store, const insights::Stats& stats) {
  out << "\nBefore → after each session (0 to 10; a drop means it eased):\n";
  for (const auto& m : stats.measures) {
    if (m.change.count == 0) continue;
    out << fmt::format("  {:<8} {:<12} {:.1f} → {:.1f}   change {:+.1f}{}\n", m.measure,
                       plural(m.change.count, "session"), m.before.mean, m.after.mean, m.change.mean,
                       spread(m.change));
    out << fmt::format("           before {}   after {}\n", line_of(store, m.measure, "before"),
                       line_of(store, m.measure, "after"));
  }
  out << "\nBy week (mean change):\n";
  std::map<std::string, std::string> weeks;
  for (const auto& m : stats.measures)
    for (const auto& w : m.weeks)
      weeks[w.week] += fmt::format("{}{} {:+.1f} ({})", weeks[w.week].empty() ? "" : ", ", m.measure,
                                   w.value.mean, w.value.count);
  for (const auto& [week, text] : weeks) out << "  " << week << "  " << text << "\n";
}

void print_mornings(std::ostream& out, const insights::Stats& stats) {
  bool any = false;
  for (const auto& m : stats.mornings) {
    if (m.value.count == 0) continue;
    if (!any) out << "\nThe next morning (0 to 10):\n";
    any = true;
    out << fmt::format("  {:<10} {}, mean {:.1f}{}\n", m.measure, plural(m.value.count, "morning"),
                       m.value.mean, spread(m.value));
  }
}

void print_associations(std::ostream& out, const char* title,
                        const std::vector<insights::Association>& list) {
  if (list.empty()) return;
  std::string text;
  for (std::size_t i = 0; i < list.size() && i < 4; ++i)
    text += fmt::format("{}{} {:+.1f} ({})", i == 0 ? "" : ", ", list[i].id, list[i].change.mean,
                        plural(list[i].change.count, "session"));
  out << wrap(text, "      ", fmt::format("  {:<11} ", title));
}

void print_stats(std::ostream& out, const journal::Journal& store, const insights::Stats& stats) {
  out << fmt::format("Your journal: {} from {} to {} ({} finished).\n", plural(stats.sessions, "session"),
                     format_date(*stats.first), format_date(*stats.last), stats.finished);
  out << fmt::format("Streak: {} in a row now, longest {}; {} with a session.\n",
                     plural(stats.streaks.current, "day"), plural(stats.streaks.longest, "day"),
                     plural(stats.streaks.days, "day"));
  print_measures(out, store, stats);
  print_mornings(out, stats);
  if (!stats.goals.empty() || !stats.techniques.empty()) {
    out << "\nWhat went with the biggest drops (mean change a session, all measures):\n";
    print_associations(out, "goals:", stats.goals);
    print_associations(out, "techniques:", stats.techniques);
  }
  out << "\n"
      << wrap(
             "This is your own record, with small numbers. It shows what went with what for you, not what "
             "caused "
             "it: a calm evening, the time of day or simply expecting to feel better all count too.",
             "");
}

}  // namespace

int run_stats(const Context& context, const StatsOptions& options) {
  if (!options.chart.empty()) render::check_output_path(options.chart);
  // The store adds the numbers up; only the chart, which draws every session, reads them all.
  auto store = read_journal(context);
  auto stats = insights::from_totals(store ? store->totals() : journal::Totals{}, now_local());
  if (!options.chart.empty()) {
    auto sessions = store ? store->sessions() : std::vector<journal::Session>{};
    if (options.chart == "-") {  // the chart alone, as SVG
      write_output(context, render::stats_chart_svg(sessions, stats), "-");
      return 0;
    }
    render::write_image(render::stats_chart_svg(sessions, stats), options.chart);
    if (!context.quiet) context.err << "Chart written to " << options.chart << ".\n";
  }
  if (context.json) {  // the same as app::stats_json, which /api/stats answers
    context.out << journal_io::to_json(stats).dump(2) << "\n";
    return 0;
  }
  if (stats.sessions == 0) {
    context.out << "No sessions yet. Record one with: plantar log --before stress=7 --after stress=3\n";
    return 0;
  }
  print_stats(context.out, *store, stats);
  return 0;
}

}  // namespace plantar::cli
