// Pictures: one SVG drawing code for the foot map (both soles and side
// views, the reflexology zones on request, sore spots as a heat overlay),
// the journal's charts and the therapist card; PNG and PDF are made from
// the same SVG through librsvg and cairo. Drawing is pure (text in, text
// out); only write_image touches files.
#pragma once

#include <string>
#include <vector>

#include "plantar/insights.h"
#include "plantar/journal.h"
#include "plantar/kb.h"

namespace plantar::render {

struct MapOptions {
  bool zones = false;                   // the reflexology layer, labelled as a tradition
  std::vector<journal::SoreSpot> sore;  // drawn as a heat overlay
};

/// The foot map drawn at (x, y), `width` wide, as an SVG group; `height`
/// receives the height used (it grows with the zones' legend).
std::string foot_map_group(const kb::KnowledgeBase& kb, const MapOptions& options, double x, double y,
                           double width, double& height);
/// The foot map as a whole SVG document.
std::string foot_map_svg(const kb::KnowledgeBase& kb, const MapOptions& options);

/// Before/after ratings over time and the weekly trend, as an SVG document.
std::string stats_chart_svg(const std::vector<journal::Session>& sessions, const insights::Stats& stats);
/// The before/after panels only, as a group `width` wide; `height` receives
/// the height used (for the card).
std::string trend_group(const std::vector<journal::Session>& sessions, double x, double y, double width,
                        double& height);

/// A terminal sparkline of values between lo and hi ("▁▃▅▇").
std::string sparkline(const std::vector<double>& values, double lo, double hi);

/// What the therapist card shows; empty parts are left out.
struct Card {
  std::string title = "Foot care card";
  std::string name, date;
  std::vector<std::string> sections;  // which parts, in order: see card_sections
  std::string verdict;                // "Go", "Go with care", ...
  std::vector<std::string> cautions;  // one line each, plain words
  std::vector<journal::SoreSpot> spots;
  std::vector<std::string> sore_lines;  // "Left arch: the arch in the middle... (6 of 10)"
  std::vector<std::string> goals;
  std::vector<std::string> routine;  // one line a step
  struct StepPicture {
    std::string technique;  // "": a line that is no step
    Foot foot = Foot::left;
  };
  std::vector<StepPicture> routine_pictures;  // drawn beside the routine's lines (same order), if given
  std::vector<std::string> trend;             // one line a measure
  std::vector<journal::Session> sessions;
  std::string footer;
};
inline const std::vector<std::string> card_sections{"cautions", "sore", "goals", "routine", "trend"};

/// The card as one A4 page of SVG (595 x 842 units: points in the PDF).
std::string card_svg(const kb::KnowledgeBase& kb, const Card& card);
/// The card as a self-contained HTML page (the map inline as SVG).
std::string card_html(const kb::KnowledgeBase& kb, const Card& card);

/// Writes `svg` to `path` as SVG, PNG or PDF, chosen by the extension
/// (.svg, .png, .pdf), through a temporary file renamed into place.
/// Throws BadInput for another extension and Failure if it cannot write.
void write_image(const std::string& svg, const std::string& path);
/// The PDF of `svg`, in memory (for the web app's downloads). Throws Failure.
std::string pdf_bytes(const std::string& svg);
/// Writes text to `path` through a temporary file renamed into place.
void write_text_file(const std::string& text, const std::string& path);
/// The bytes of `svg` as SVG, PNG or PDF, chosen by the extension of `path`
/// (which need not exist). Throws BadInput naming -o for another extension.
std::string image_bytes(const std::string& svg, const std::string& path);

/// Writes `bytes` to `path`: a regular or new file through a temporary file
/// renamed into place, a device or pipe (/dev/stdout, /dev/full) directly.
/// Throws Failure naming `path` and the reason.
void write_file(const std::string& bytes, const std::string& path);
/// Throws Failure naming `path` when it cannot be written (missing folder, no
/// permission, a folder): called before long work. "-" (standard output) passes.
void check_output_path(const std::string& path);
/// The temporary file beside `path` that write_file renames into place.
std::string temporary_name(const std::string& path);

}  // namespace plantar::render
