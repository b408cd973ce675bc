// Label placement for maps: greedy by priority with box collision tests.
#include <alueverkko/render/map.hpp>

#include <algorithm>
#include <numeric>

namespace alueverkko::render {
namespace {

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::vector<PlacedLabel> place_labels(std::span<const LabelCandidate> candidates, std::span<const LabelBox> obstacles,
                                      const LabelBox& frame, double font_size) {
  std::vector<std::size_t> order(candidates.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return candidates[a].priority > candidates[b].priority; });

  const double ascent = 0.8 * font_size, descent = 0.25 * font_size, gap = 0.3 * font_size;
  std::vector<PlacedLabel> placed;
  for (const std::size_t i : order) {
    const LabelCandidate& c = candidates[i];
    const double w = 0.6 * font_size * static_cast<double>(code_points(c.text));
    const double d = c.clearance + gap;
    // Baseline positions: centred on an anchor without a marker (it stays over its own area), then
    // right, left, above, below the anchor.
    const PlacedLabel centred{
        i, c.x, c.y + 0.35 * font_size, "middle", {c.x - w / 2, c.y - 0.45 * font_size, c.x + w / 2, c.y + 0.6 * font_size}};
    const PlacedLabel options[] = {
        centred,
        {i, c.x + d, c.y + 0.35 * font_size, "start", {c.x + d, c.y - 0.45 * font_size, c.x + d + w, c.y + 0.6 * font_size}},
        {i, c.x - d, c.y + 0.35 * font_size, "end", {c.x - d - w, c.y - 0.45 * font_size, c.x - d, c.y + 0.6 * font_size}},
        {i, c.x, c.y - d - descent, "middle", {c.x - w / 2, c.y - d - descent - ascent, c.x + w / 2, c.y - d}},
        {i, c.x, c.y + d + ascent, "middle", {c.x - w / 2, c.y + d, c.x + w / 2, c.y + d + ascent + descent}},
    };
    for (const PlacedLabel& option : options) {
      if (&option == &options[0] && c.clearance > 0) continue;
      const LabelBox& b = option.box;
      if (b.x0 < frame.x0 || b.y0 < frame.y0 || b.x1 > frame.x1 || b.y1 > frame.y1) continue;
      const auto hits = [&](const LabelBox& other) { return b.overlaps(other); };
      if (std::any_of(obstacles.begin(), obstacles.end(), hits)) continue;
      if (std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return hits(p.box); })) continue;
      placed.push_back(option);
      break;
    }
  }
  return placed;
}

}  // namespace alueverkko::render
