#include "row_reader.hpp"

#include "fields.hpp"
#include "text.hpp"

#include <cstdio>

namespace alueverkko::detail {

namespace {
std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

std::string integer_expectation(std::int64_t min, std::int64_t max) {
  constexpr auto unbounded = std::numeric_limits<std::int64_t>::max();
  if (max == unbounded) {
    if (min == 0) return "a non-negative integer";
    return "an integer >= " + std::to_string(min);
  }
  return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::string number_expectation(double min, double max) {
  if (min == -std::numeric_limits<double>::infinity() && max == std::numeric_limits<double>::infinity())
    return "a finite number";
  if (max == std::numeric_limits<double>::infinity()) {
    if (min == 0) return "a non-negative number";
    return "a number >= " + format_number(min);
  }
  return "a number from " + format_number(min) + " to " + format_number(max);
}
}  // namespace

std::string_view RowReader::text(std::string_view column) const {
  const CsvField* f = field(column);
  return f ? std::string_view(f->value) : std::string_view();
}

void RowReader::error(std::string_view column, std::string message) {
  ++errors_;
  const CsvField* f = field(column);
  if (f) {
    diagnostics_.push_back({table_.file, f->line, f->column, std::move(message)});
  } else {
    diagnostics_.push_back({table_.file, row_.line, 0, std::move(message)});
  }
}

std::optional<std::string> RowReader::required(std::string_view column) {
  const std::string_view value = text(column);
  if (value.empty()) {
    error(column, "missing value for required column " + in_quotes(column));
    return std::nullopt;
  }
  return std::string(value);
}

std::optional<std::int64_t> RowReader::integer(std::string_view column, bool is_required, std::int64_t min,
                                               std::int64_t max) {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (is_required) error(column, "missing value for required column " + in_quotes(column));
    return std::nullopt;
  }
  const auto parsed = parse_integer(value);
  if (!parsed || *parsed < min || *parsed > max) {
    error(column, "invalid " + std::string(column) + " " + in_quotes(value) + ": expected " + integer_expectation(min, max));
    return std::nullopt;
  }
  return parsed;
}

std::optional<double> RowReader::number(std::string_view column, bool is_required, double min, double max) {
  const std::string_view value = text(column);
  if (value.empty()) {
    if (is_required) error(column, "missing value for required column " + in_quotes(column));
    return std::nullopt;
  }
  const auto parsed = parse_number(value);
  if (!parsed || *parsed < min || *parsed > max) {
    error(column, "invalid " + std::string(column) + " " + in_quotes(value) + ": expected " + number_expectation(min, max));
    return std::nullopt;
  }
  return parsed;
}

std::optional<std::size_t> RowReader::choice(std::string_view column, bool is_required,
                                             std::span<const std::string_view> allowed) {
  const std::string_view value = text(column);
  if (value.empty() && is_required) {
    error(column, "missing value for required column " + in_quotes(column));
    return std::nullopt;
  }
  bool may_be_empty = false;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (allowed[i] == value) return i;
    if (allowed[i].empty()) {
      may_be_empty = true;
    } else {
      names.emplace_back(allowed[i]);
    }
  }
  if (value.empty()) return std::nullopt;  // optional and empty, with no explicit "" value
  error(column, "invalid " + std::string(column) + " " + in_quotes(value) + " (allowed: " + join(names) +
                    (may_be_empty ? ", or empty)" : ")"));
  return std::nullopt;
}

}  // namespace alueverkko::detail
