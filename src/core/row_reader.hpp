#pragma once
// Private: typed, reporting access to the fields of one CSV row, shared by the loaders so that
// every file words its problems the same way.
#include <alueverkko/core/csv.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko::detail {

class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRow& row, std::vector<Diagnostic>& diagnostics)
      : table_(table), row_(row), diagnostics_(diagnostics) {}

  std::size_t line() const noexcept { return row_.line; }
  const CsvField* field(std::string_view column) const { return table_.field(row_, column); }
  // The value, or "" if the column is absent.
  std::string_view text(std::string_view column) const;
  bool present(std::string_view column) const { return !text(column).empty(); }

  // Reports at the field of `column` (or the whole line if the column is absent).
  void error(std::string_view column, std::string message);
  bool has_errors() const noexcept { return errors_ > 0; }

  // Non-empty value of a required column; reports "missing value" otherwise.
  std::optional<std::string> required(std::string_view column);
  // Integer in [min, max]; empty gives nullopt, reported only if `required`.
  std::optional<std::int64_t> integer(std::string_view column, bool required, std::int64_t min = 0,
                                      std::int64_t max = std::numeric_limits<std::int64_t>::max());
  // Finite number in [min, max].
  std::optional<double> number(std::string_view column, bool required, double min = 0,
                               double max = std::numeric_limits<double>::infinity());

  // One of `allowed` (an empty name means "may be empty"); returns its index.
  std::optional<std::size_t> choice(std::string_view column, bool required, std::span<const std::string_view> allowed);

  template <typename Enum, typename Parse>
  std::optional<Enum> enumerated(std::string_view column, bool required, std::span<const Enum> all, Parse parse) {
    std::vector<std::string_view> names;
    for (Enum value : all) names.push_back(to_string(value));
    const auto index = choice(column, required, names);
    if (!index) return std::nullopt;
    return parse(names[*index]);
  }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t errors_ = 0;
};

}  // namespace alueverkko::detail
