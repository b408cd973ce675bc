#pragma once
// Colour-blind-safe palettes for choropleths and node colours: viridis (continuous) and ColorBrewer
// sequential schemes (classed).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko::render {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  std::string hex() const;  // "#rrggbb"
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// Viridis at t in [0, 1] (clamped): dark purple at 0, yellow at 1.
Rgb viridis(double t) noexcept;

// `classes` colours of a named palette, light/dark to dark/light as the scheme runs: "viridis"
// (any count >= 1) or a ColorBrewer sequential scheme ("Blues", "YlGnBu", "YlOrRd", "Greens",
// "Purples"; 3..9 classes). std::invalid_argument for an unknown name or count.
std::vector<Rgb> palette(std::string_view name, std::size_t classes);

// The names palette() accepts.
std::vector<std::string> palette_names();

}  // namespace alueverkko::render
