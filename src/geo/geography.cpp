#include <alueverkko/geo/geography.hpp>

#include <algorithm>
#include <numeric>

namespace alueverkko {

char SizeClassBins::classify(std::int64_t population) const noexcept {
  if (population >= a_min) return 'A';
  if (population >= b_min) return 'B';
  if (population >= c_min) return 'C';
  if (population >= d_min) return 'D';
  return 'E';
}

namespace {
template <typename T>
std::size_t index_by_code(const std::vector<T>& sorted, std::string_view code) noexcept {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), code,
                                   [](const T& item, std::string_view c) { return item.code < c; });
  if (it == sorted.end() || it->code != code) return Geography::npos;
  return static_cast<std::size_t>(it - sorted.begin());
}
}  // namespace

Geography::Geography(GeographyData data) : data_(std::move(data)) {
  // Sort municipalities by code and permute the population series rows with them.
  const std::size_t n = data_.municipalities.size();
  const std::size_t years = data_.population_years.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return data_.municipalities[a].code < data_.municipalities[b].code;
  });
  std::vector<Municipality> municipalities;
  std::vector<std::int64_t> series;
  municipalities.reserve(n);
  const bool has_series = data_.population_series.size() == n * years;
  for (std::size_t i : order) {
    municipalities.push_back(std::move(data_.municipalities[i]));
    if (has_series)
      series.insert(series.end(), data_.population_series.begin() + static_cast<std::ptrdiff_t>(i * years),
                    data_.population_series.begin() + static_cast<std::ptrdiff_t>((i + 1) * years));
  }
  data_.municipalities = std::move(municipalities);
  data_.population_series = std::move(series);
  const auto by_code = [](const auto& a, const auto& b) { return a.code < b.code; };
  std::stable_sort(data_.subregions.begin(), data_.subregions.end(), by_code);
  std::stable_sort(data_.regions.begin(), data_.regions.end(), by_code);
}

std::size_t Geography::municipality_index(std::string_view code) const noexcept {
  return index_by_code(data_.municipalities, code);
}
std::size_t Geography::subregion_index(std::string_view code) const noexcept {
  return index_by_code(data_.subregions, code);
}
std::size_t Geography::region_index(std::string_view code) const noexcept {
  return index_by_code(data_.regions, code);
}

const Municipality* Geography::find_municipality(std::string_view code) const noexcept {
  const std::size_t i = municipality_index(code);
  return i == npos ? nullptr : &data_.municipalities[i];
}
const Subregion* Geography::find_subregion(std::string_view code) const noexcept {
  const std::size_t i = subregion_index(code);
  return i == npos ? nullptr : &data_.subregions[i];
}
const Region* Geography::find_region(std::string_view code) const noexcept {
  const std::size_t i = region_index(code);
  return i == npos ? nullptr : &data_.regions[i];
}

std::vector<std::size_t> Geography::municipalities_in_subregion(std::string_view subregion_code) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < data_.municipalities.size(); ++i)
    if (data_.municipalities[i].subregion_code == subregion_code) out.push_back(i);
  return out;
}

std::vector<std::size_t> Geography::municipalities_in_region(std::string_view region_code) const {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < data_.municipalities.size(); ++i)
    if (data_.municipalities[i].region_code == region_code) out.push_back(i);
  return out;
}

std::size_t Geography::year_index(int year) const noexcept {
  const auto& years = data_.population_years;
  const auto it = std::find(years.begin(), years.end(), year);
  return it == years.end() ? npos : static_cast<std::size_t>(it - years.begin());
}

std::optional<std::int64_t> Geography::population(std::size_t municipality_index, int year) const {
  const std::size_t y = year_index(year);
  const std::size_t years = data_.population_years.size();
  if (y == npos || municipality_index >= data_.municipalities.size() ||
      data_.population_series.size() != data_.municipalities.size() * years)
    return std::nullopt;
  return data_.population_series[municipality_index * years + y];
}

std::optional<std::int64_t> Geography::population(std::string_view municipality_code, int year) const {
  const std::size_t i = municipality_index(municipality_code);
  if (i == npos) return std::nullopt;
  return population(i, year);
}

std::optional<std::int64_t> Geography::population_total(int year) const {
  if (year_index(year) == npos) return std::nullopt;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < data_.municipalities.size(); ++i) {
    const auto p = population(i, year);
    if (!p || __builtin_add_overflow(total, *p, &total)) return std::nullopt;
  }
  return total;
}

}  // namespace alueverkko
