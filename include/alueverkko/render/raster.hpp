#pragma once
// SVG documents (maps, drawings) to PNG and PDF, in process, with librsvg and cairo.
#include <string>
#include <string_view>

namespace alueverkko::render {

// PNG of the SVG scaled to `width_px` pixels wide (height by the SVG's aspect ratio), on the SVG's
// own background (transparent where it has none). Throws std::runtime_error naming what failed.
std::string svg_to_png(std::string_view svg, int width_px);
// PDF of the SVG at its own size (1 SVG user unit = 1 pt unless the SVG says otherwise).
std::string svg_to_pdf(std::string_view svg);

}  // namespace alueverkko::render
