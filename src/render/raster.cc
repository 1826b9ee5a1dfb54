// SVG to PNG and PDF through librsvg and cairo, in memory; output_file.cc
// writes the bytes.
#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "plantar/errors.h"
#include "plantar/render.h"

namespace plantar::render {
namespace {

namespace fs = std::filesystem;

constexpr double png_scale = 2;  // crisp on high-density screens

std::string extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

struct HandleDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;

Handle load(const std::string& svg, double& width, double& height) {
  GError* error = nullptr;
  Handle handle(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    std::string message = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw Failure("internal: the drawing is not valid SVG: " + message);
  }
  gboolean ok = rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height);
  if (!ok) throw Failure("internal: the drawing has no size");
  return handle;
}

void render(RsvgHandle* handle, cairo_surface_t* surface, double width, double height, double scale) {
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  RsvgRectangle viewport{0, 0, width, height};
  GError* error = nullptr;
  gboolean ok = rsvg_handle_render_document(handle, cr, &viewport, &error);
  cairo_destroy(cr);
  if (!ok) {
    std::string message = error != nullptr ? error->message : "unknown error";
    if (error != nullptr) g_error_free(error);
    throw Failure("cannot draw the picture: " + message);
  }
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string png_bytes(const std::string& svg) {
  double width = 0, height = 0;
  auto handle = load(svg, width, height);
  cairo_surface_t* surface =
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(std::ceil(width * png_scale)),
                                 static_cast<int>(std::ceil(height * png_scale)));
  try {
    render(handle.get(), surface, width, height, png_scale);
  } catch (...) {
    cairo_surface_destroy(surface);
    throw;
  }
  std::string png;
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, append, &png);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Failure(std::string("cannot make the PNG: ") + cairo_status_to_string(status));
  return png;
}

}  // namespace

std::string pdf_bytes(const std::string& svg) {
  double width = 0, height = 0;
  auto handle = load(svg, width, height);
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, width, height);
  try {
    render(handle.get(), surface, width, height, 1);
  } catch (...) {
    cairo_surface_destroy(surface);
    throw;
  }
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    throw Failure(std::string("cannot make the PDF: ") + cairo_status_to_string(status));
  return pdf;
}

std::string image_bytes(const std::string& svg, const std::string& path) {
  std::string ext = extension(path);
  if (ext == ".svg") return svg;
  if (ext == ".png") return png_bytes(svg);
  if (ext == ".pdf") return pdf_bytes(svg);
  throw BadInput("-o", fmt::format("expected a file name ending in .svg, .png or .pdf, got '{}'", path));
}

void write_image(const std::string& svg, const std::string& path) {
  write_file(image_bytes(svg, path), path);
}

}  // namespace plantar::render
