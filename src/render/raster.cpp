// SVG → PNG/PDF through librsvg (parsing, rendering) and cairo (surfaces, PNG and PDF encoders).
#include <alueverkko/render/raster.hpp>

#include <librsvg/rsvg.h>
#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace alueverkko::render {
namespace {

struct HandleDeleter {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Handle = std::unique_ptr<RsvgHandle, HandleDeleter>;
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

// Takes the GError's message (and frees it).
std::runtime_error rsvg_failure(const std::string& what, GError* error) {
  std::string message = what + ": " + (error && error->message ? error->message : "unknown librsvg error");
  if (error) g_error_free(error);
  return std::runtime_error(message);
}

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string(what) + ": " + cairo_status_to_string(status));
}

// Parsed at 72 dpi, so that sizes in pt (Graphviz's) are read 1:1 as pixels and PDF points.
Handle parse(std::string_view svg) {
  GError* error = nullptr;
  RsvgHandle* handle =
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
  if (!handle) throw rsvg_failure("invalid SVG", error);
  rsvg_handle_set_dpi(handle, 72.0);
  return Handle(handle);
}

// The SVG's size in pixels: width/height if it has them, else its viewBox.
std::pair<double, double> intrinsic_size(RsvgHandle* handle) {
  double width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height)) {
    gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
    RsvgLength w, h;
    RsvgRectangle viewbox;
    rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
    if (has_viewbox) {
      width = viewbox.width;
      height = viewbox.height;
    }
  }
  if (!(width > 0 && height > 0 && std::isfinite(width) && std::isfinite(height)))
    throw std::runtime_error("the SVG has no size: give it width and height or a viewBox");
  return {width, height};
}

void render(RsvgHandle* handle, cairo_surface_t* surface, double width, double height) {
  Context cr(cairo_create(surface));
  check(cairo_status(cr.get()), "cairo context");
  const RsvgRectangle viewport{0, 0, width, height};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(handle, cr.get(), &viewport, &error)) throw rsvg_failure("rendering the SVG", error);
  check(cairo_status(cr.get()), "cairo drawing");
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string svg_to_png(std::string_view svg, int width_px) {
  constexpr int max_side = 32767;  // cairo's limit for image surfaces
  if (width_px <= 0 || width_px > max_side)
    throw std::invalid_argument("PNG width must be 1.." + std::to_string(max_side) + " pixels, got " +
                                std::to_string(width_px));
  const Handle handle = parse(svg);
  const auto [w, h] = intrinsic_size(handle.get());
  const double height = std::max(1.0, std::round(width_px * h / w));
  if (height > max_side)
    throw std::invalid_argument("PNG height would be " + std::to_string(static_cast<long long>(height)) + " pixels (more than " +
                                std::to_string(max_side) + "): give a smaller width");
  const Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width_px, static_cast<int>(height)));
  check(cairo_surface_status(surface.get()), "PNG surface");
  render(handle.get(), surface.get(), width_px, height);
  std::string png;
  check(cairo_surface_write_to_png_stream(surface.get(), append, &png), "PNG encoding");
  return png;
}

std::string svg_to_pdf(std::string_view svg) {
  const Handle handle = parse(svg);
  const auto [w, h] = intrinsic_size(handle.get());
  std::string pdf;
  {
    const Surface surface(cairo_pdf_surface_create_for_stream(append, &pdf, w, h));
    check(cairo_surface_status(surface.get()), "PDF surface");
    render(handle.get(), surface.get(), w, h);
    cairo_surface_finish(surface.get());  // writes the PDF trailer
    check(cairo_surface_status(surface.get()), "PDF encoding");
  }
  return pdf;
}

}  // namespace alueverkko::render
