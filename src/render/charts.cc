// The journal's charts: before/after ratings by session for each measure,
// the weekly trend of the change, and a terminal sparkline.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plantar/render.h"
#include "svg.h"

namespace plantar::render {
namespace {

using journal::Session;

constexpr const char* before_colour = "#9aa5b1";
constexpr const char* after_colour = "#1b7f79";
const char* const measure_colours[] = {"#1b7f79", "#e76f51", "#6a4c93"};

std::string word(std::string measure) {
  std::replace(measure.begin(), measure.end(), '_', ' ');
  if (!measure.empty()) measure[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(measure[0])));
  return measure;
}

struct Plot {
  double x, y, w, h;  // the plotting area
  double px(std::size_t i, std::size_t n) const {
    return n <= 1 ? x + w / 2 : x + w * static_cast<double>(i) / static_cast<double>(n - 1);
  }
  double py(double value, double lo, double hi) const { return y + h - (value - lo) / (hi - lo) * h; }
};

std::string grid(const Plot& p, double lo, double hi, double step) {
  std::string out;
  for (double v = lo; v <= hi + 1e-9; v += step) {
    double y = p.py(v, lo, hi);
    out += fmt::format(
        "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\" "
        "stroke-width=\"1\"/>\n",
        p.x, y, p.x + p.w, y, std::abs(v) < 1e-9 ? "#888" : "#e3e3e3");
    out += svg::text(p.x - 6, y + 4, 10, fmt::format("{:g}", v), "text-anchor=\"end\" fill=\"#666\"");
  }
  return out;
}

std::string series(const Plot& p, const std::vector<std::pair<std::size_t, int>>& values, std::size_t n,
                   const char* colour, bool dashed) {
  std::string line, dots;
  for (const auto& [i, v] : values) {
    line += fmt::format("{}{:.1f},{:.1f}", line.empty() ? "" : " ", p.px(i, n), p.py(v, 0, 10));
    dots += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4\" fill=\"{}\"/>\n", p.px(i, n),
                        p.py(v, 0, 10), colour);
  }
  return fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" {}/>\n", line,
                     colour, dashed ? "stroke-dasharray=\"5,4\"" : "") +
         dots;
}

// One measure: before (grey, dashed) and after (teal) for each session.
std::string measure_panel(const std::vector<Session>& sessions, const std::string& measure, double x,
                          double y, double w) {
  std::vector<std::pair<std::size_t, int>> before, after;
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    if (auto it = sessions[i].before.find(measure); it != sessions[i].before.end())
      before.emplace_back(i, it->second);
    if (auto it = sessions[i].after.find(measure); it != sessions[i].after.end())
      after.emplace_back(i, it->second);
  }
  Plot p{x + 34, y + 26, w - 52, 110};
  std::string out =
      svg::text(x, y + 12, 14, word(measure) + " (0 to 10)", "font-weight=\"bold\" fill=\"#222\"");
  out += grid(p, 0, 10, 5);
  out += series(p, before, sessions.size(), before_colour, true);
  out += series(p, after, sessions.size(), after_colour, false);
  std::size_t every = std::max<std::size_t>(1, sessions.size() / 8);
  for (std::size_t i = 0; i < sessions.size(); i += every)
    out += svg::text(p.px(i, sessions.size()), p.y + p.h + 15, 10,
                     fmt::format("{}-{:02}", sessions[i].start.month, sessions[i].start.day),
                     "text-anchor=\"middle\" fill=\"#666\"");
  return out;
}

std::string legend(double x, double y) {
  return fmt::format(
             "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"{3}\" "
             "stroke-width=\"2.5\" stroke-dasharray=\"5,4\"/>\n",
             x, y - 4, x + 24, before_colour) +
         svg::text(x + 30, y, 11, "before the session", "fill=\"#444\"") +
         fmt::format(
             "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{2:.1f}\" y2=\"{1:.1f}\" stroke=\"{3}\" "
             "stroke-width=\"2.5\"/>\n",
             x + 150, y - 4, x + 174, after_colour) +
         svg::text(x + 180, y, 11, "after", "fill=\"#444\"");
}

// Mean change (after - before) by ISO week, one bar per measure.
std::string weekly_panel(const insights::Stats& stats, double x, double y, double w) {
  std::vector<std::string> weeks;
  for (const auto& m : stats.measures)
    for (const auto& point : m.weeks) weeks.push_back(point.week);
  std::sort(weeks.begin(), weeks.end());
  weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
  std::string out = svg::text(x, y + 12, 14, "Change from before to after, by week (below 0: it went down)",
                              "font-weight=\"bold\" fill=\"#222\"");
  Plot p{x + 34, y + 26, w - 52, 120};
  out += grid(p, -6, 2, 2);
  double slot = weeks.empty() ? p.w : p.w / static_cast<double>(weeks.size());
  double bar = std::min(28.0, slot / 4);
  for (std::size_t wi = 0; wi < weeks.size(); ++wi) {
    double centre = p.x + slot * (static_cast<double>(wi) + 0.5);
    for (std::size_t mi = 0; mi < stats.measures.size(); ++mi) {
      for (const auto& point : stats.measures[mi].weeks) {
        if (point.week != weeks[wi]) continue;
        double v = std::clamp(point.value.mean, -6.0, 2.0);
        double bx = centre + (static_cast<double>(mi) - 1.5) * bar;
        double top = std::min(p.py(v, -6, 2), p.py(0, -6, 2)),
               height = std::abs(p.py(v, -6, 2) - p.py(0, -6, 2));
        out +=
            fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>\n",
                        bx, top, bar - 2, std::max(height, 1.0), measure_colours[mi % 3]);
      }
    }
    out += svg::text(centre, p.y + p.h + 15, 10, weeks[wi], "text-anchor=\"middle\" fill=\"#666\"");
  }
  double lx = x + 34;
  for (std::size_t mi = 0; mi < stats.measures.size(); ++mi) {
    out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", lx,
                       p.y + p.h + 26, measure_colours[mi % 3]);
    out += svg::text(lx + 17, p.y + p.h + 36, 11, word(stats.measures[mi].measure), "fill=\"#444\"");
    lx += 100;
  }
  return out;
}

}  // namespace

std::string trend_group(const std::vector<Session>& sessions, double x, double y, double width,
                        double& height) {
  std::string out = legend(x + 34, y + 12);
  double top = y + 24;
  for (const auto& measure : journal::session_measures) {
    bool any = std::any_of(sessions.begin(), sessions.end(), [&](const Session& s) {
      return s.before.count(measure) + s.after.count(measure) > 0;
    });
    if (!any) continue;
    out += measure_panel(sessions, measure, x, top, width);
    top += 168;
  }
  height = top - y;
  return out;
}

std::string stats_chart_svg(const std::vector<Session>& sessions, const insights::Stats& stats) {
  const double width = 760;
  std::string body = svg::text(24, 34, 20, "How your sessions went", "font-weight=\"bold\" fill=\"#111\"");
  body += svg::text(
      24, 54, 12,
      fmt::format("{} sessions. A personal record with small numbers: it shows what went with what, "
                  "not proof.",
                  stats.sessions),
      "fill=\"#555\"");
  double height = 0;
  body += trend_group(sessions, 24, 70, width - 48, height);
  double y = 70 + height + 10;
  body += weekly_panel(stats, 24, y, width - 48);
  return svg::document(width, y + 200, body);
}

std::string sparkline(const std::vector<double>& values, double lo, double hi) {
  static const char* const bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (double v : values) {
    double t = hi > lo ? (std::clamp(v, lo, hi) - lo) / (hi - lo) : 0;
    out += bars[static_cast<int>(std::lround(t * 7))];
  }
  return out;
}

}  // namespace plantar::render
