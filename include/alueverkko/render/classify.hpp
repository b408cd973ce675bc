#pragma once
// Classing a choropleth's values: class breaks by quantiles, equal intervals or user breaks, the
// class of each value, and legend labels. NaN is "no data": it has no class and no influence on
// the breaks.
//
// Interval closure (as numpy.histogram): with edges e_0 < e_1 < … < e_k, class i holds
// e_i <= x < e_{i+1}, and the last class is closed on both sides, e_{k-1} <= x <= e_k.
//   quantile  e_i = the i/k quantile of the values, numpy.quantile's default ("linear", Hyndman &
//             Fan type 7: h = (n − 1)·p, x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋) on the sorted values).
//             If e_1 equals the smallest value v (v fills whole classes, e.g. most places have 0
//             networks), v gets a class of its own, [v, next value), and the values above v are
//             split into the other k − 1 classes the same way, recursively.
//   equal     e_i = min + i·(max − min)/k.
//   breaks    the user's cut points c_1 < … < c_m give m + 1 classes: x < c_1, c_1 <= x < c_2, …,
//             x >= c_m (e_0 = min(values, c_1), e_k = max(values, c_m)).
// Other coinciding edges are merged, so a classification can have fewer classes than asked for;
// all values equal give one class [v, v].
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko::render {

enum class Classing { quantile, equal_interval, user_breaks };
std::string_view to_string(Classing classing) noexcept;           // "quantile", "equal", "breaks"
std::optional<Classing> parse_classing(std::string_view text) noexcept;  // also "equal_interval"

struct Classification {
  std::vector<double> edges;        // k + 1 increasing class edges (k >= 1; [v, v] if all equal), empty if no data
  std::vector<int> class_of;        // per value: 0..k−1, or −1 for NaN (no data)
  std::vector<std::size_t> counts;  // per class
  std::size_t no_data = 0;          // NaN values
  bool integers = false;            // every value is a whole number (labels then read "3–5")

  [[nodiscard]] std::size_t classes() const noexcept { return counts.size(); }
  // "a – b" for real values (closure as above); "3–5" or "3" for whole numbers.
  [[nodiscard]] std::string label(std::size_t cls) const;
};

// `classes` >= 1 (quantile, equal); `breaks` strictly increasing and finite (user_breaks only).
// std::invalid_argument for a bad count or bad breaks. Infinite values are std::invalid_argument too.
Classification classify(std::span<const double> values, Classing classing, std::size_t classes,
                        std::span<const double> breaks = {});

// The value's class under `edges` (the closure above), or −1 if NaN or outside [e_0, e_k].
int class_of(std::span<const double> edges, double value) noexcept;

// Numbers for labels: up to 3 significant decimals, no trailing zeros ("0.25", "12", "1.5").
std::string format_number(double value);

}  // namespace alueverkko::render
