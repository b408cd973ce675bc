#include <alueverkko/backbone/significance.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace alueverkko {

std::string_view to_string(Correction correction) noexcept {
  switch (correction) {
    case Correction::none: return "none";
    case Correction::holm: return "holm";
    case Correction::bonferroni: return "bonferroni";
  }
  return "";
}

Correction correction_from_string(std::string_view text) {
  for (const auto c : {Correction::none, Correction::holm, Correction::bonferroni})
    if (to_string(c) == text) return c;
  throw std::invalid_argument("correction must be none, holm or bonferroni, got '" + std::string(text) + "'");
}

std::vector<std::uint8_t> significant(std::span<const double> p_values, double alpha, Correction correction,
                                      std::uint64_t tests) {
  if (!(alpha > 0 && alpha <= 1)) throw std::invalid_argument("alpha must be in (0, 1], got " + std::to_string(alpha));
  std::uint64_t listed = 0;
  for (const double p : p_values) listed += !std::isnan(p);
  const std::uint64_t m = std::max(tests, listed);
  std::vector<std::uint8_t> flags(p_values.size(), 0);
  const auto md = static_cast<double>(m);
  switch (correction) {
    case Correction::none:
    case Correction::bonferroni: {
      const double threshold = correction == Correction::none ? alpha : alpha / md;
      for (std::size_t e = 0; e < p_values.size(); ++e) flags[e] = p_values[e] < threshold;
      break;
    }
    case Correction::holm: {
      std::vector<std::size_t> order;
      order.reserve(p_values.size());
      for (std::size_t e = 0; e < p_values.size(); ++e)
        if (!std::isnan(p_values[e])) order.push_back(e);
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
      for (std::size_t r = 0; r < order.size(); ++r) {
        if (!(p_values[order[r]] < alpha / (md - static_cast<double>(r)))) break;
        flags[order[r]] = 1;
      }
      break;
    }
  }
  return flags;
}

}  // namespace alueverkko
