#include <alueverkko/render/classify.hpp>
#include <alueverkko/render/svg.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace alueverkko::render {
namespace {

// numpy.quantile(sorted, p) with the default "linear" method.
double quantile_linear(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Quantile edges of `sorted` (ascending, not empty) in k classes; the lowest value gets a class of
// its own when it fills whole quantile classes (see classify.hpp).
std::vector<double> quantile_edges(const std::vector<double>& sorted, std::size_t k) {
  if (k == 1 || sorted.front() == sorted.back()) return {sorted.front(), sorted.back()};
  const auto p = [k](std::size_t i) { return static_cast<double>(i) / static_cast<double>(k); };
  if (quantile_linear(sorted, p(1)) == sorted.front()) {
    const std::vector<double> rest(std::upper_bound(sorted.begin(), sorted.end(), sorted.front()), sorted.end());
    std::vector<double> edges{sorted.front()};
    const auto above = quantile_edges(rest, k - 1);
    edges.insert(edges.end(), above.begin(), above.end());
    return edges;
  }
  std::vector<double> edges;
  for (std::size_t i = 0; i <= k; ++i) edges.push_back(quantile_linear(sorted, p(i)));
  return edges;
}

}  // namespace

std::string_view to_string(Classing classing) noexcept {
  switch (classing) {
    case Classing::quantile: return "quantile";
    case Classing::equal_interval: return "equal";
    case Classing::user_breaks: return "breaks";
  }
  return "";
}

std::optional<Classing> parse_classing(std::string_view text) noexcept {
  if (text == "quantile" || text == "quantiles") return Classing::quantile;
  if (text == "equal" || text == "equal_interval") return Classing::equal_interval;
  if (text == "breaks") return Classing::user_breaks;
  return std::nullopt;
}

int class_of(std::span<const double> edges, double value) noexcept {
  if (std::isnan(value) || edges.size() < 2 || value < edges.front() || value > edges.back()) return -1;
  // The last edge <= value; the top edge belongs to the last class.
  const auto it = std::upper_bound(edges.begin(), edges.end(), value);
  const auto index = static_cast<int>(it - edges.begin()) - 1;
  return std::min(index, static_cast<int>(edges.size()) - 2);
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "inf" : "-inf");
  if (value == 0) return "0";
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  return svg_number(value, std::clamp(2 - magnitude, 0, 6));
}

std::string Classification::label(std::size_t cls) const {
  if (cls >= classes()) throw std::out_of_range("class " + std::to_string(cls) + " of " + std::to_string(classes()));
  const double lo = edges[cls], hi = edges[cls + 1];
  const bool last = cls + 1 == classes();
  if (lo == hi) return format_number(lo);  // a user break at the data's maximum: the values = lo
  if (integers) {
    // Whole numbers in [lo, hi), or [lo, hi] for the last class.
    const double first = std::ceil(lo), final = last ? std::floor(hi) : std::ceil(hi) - 1;
    if (first == final) return format_number(first);
    if (first < final) return format_number(first) + "\u2013" + format_number(final);
  }
  return format_number(lo) + " \u2013 " + format_number(hi);
}

Classification classify(std::span<const double> values, Classing classing, std::size_t classes,
                        std::span<const double> breaks) {
  std::vector<double> sorted;
  for (const double v : values) {
    if (std::isinf(v)) throw std::invalid_argument("classify: infinite value");
    if (!std::isnan(v)) sorted.push_back(v);
  }
  std::sort(sorted.begin(), sorted.end());

  std::vector<double> edges;
  if (classing == Classing::user_breaks) {
    if (breaks.empty()) throw std::invalid_argument("classify: user breaks need at least one cut point");
    for (std::size_t i = 0; i < breaks.size(); ++i) {
      if (!std::isfinite(breaks[i])) throw std::invalid_argument("classify: breaks must be finite numbers");
      if (i > 0 && !(breaks[i] > breaks[i - 1]))
        throw std::invalid_argument("classify: breaks must be strictly increasing");
    }
    const double lo = sorted.empty() ? breaks.front() : std::min(sorted.front(), breaks.front());
    const double hi = sorted.empty() ? breaks.back() : std::max(sorted.back(), breaks.back());
    edges.push_back(lo);
    edges.insert(edges.end(), breaks.begin(), breaks.end());
    edges.push_back(hi);
  } else {
    if (classes == 0) throw std::invalid_argument("classify: at least 1 class is needed");
    if (!breaks.empty()) throw std::invalid_argument("classify: breaks are given only with user breaks");
    if (!sorted.empty() && classing == Classing::quantile) {
      edges = quantile_edges(sorted, classes);
    } else if (!sorted.empty()) {
      for (std::size_t i = 0; i <= classes; ++i) {
        const double p = static_cast<double>(i) / static_cast<double>(classes);
        edges.push_back(i == classes ? sorted.back() : sorted.front() + p * (sorted.back() - sorted.front()));
      }
    }
  }
  // Merge coinciding edges (user breaks equal to the data's min or max too), except that the last
  // user break keeps its class "x >= c" when c is the data's maximum: [c, c] holds the values = c.
  const bool top_break_is_max = classing == Classing::user_breaks && edges.size() >= 2 && edges.back() == edges[edges.size() - 2];
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  if (edges.size() == 1 || top_break_is_max) edges.push_back(edges.back());  // [v, v]

  Classification result;
  result.edges = std::move(edges);
  const std::size_t k = result.edges.empty() ? 0 : result.edges.size() - 1;
  result.counts.assign(k, 0);
  result.integers = !sorted.empty();
  result.class_of.reserve(values.size());
  for (const double v : values) {
    const int c = class_of(result.edges, v);
    result.class_of.push_back(c);
    if (c < 0) {
      ++result.no_data;
    } else {
      ++result.counts[static_cast<std::size_t>(c)];
      if (v != std::floor(v)) result.integers = false;
    }
  }
  return result;
}

}  // namespace alueverkko::render
