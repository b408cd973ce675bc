#pragma once
// A column-oriented result table: every result the library reports (per place, per actor, per network)
// is one, so that the command line writes it as CSV/JSON and Python hands its columns to pandas
// without copying element by element.
#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace alueverkko {

class Table {
 public:
  using Strings = std::vector<std::string>;
  using Integers = std::vector<std::int64_t>;
  using Reals = std::vector<double>;
  using Column = std::variant<Strings, Integers, Reals>;

  struct NamedColumn {
    std::string name;
    Column values;
  };

  // Appends a column; every column must have the same number of rows.
  void add_column(std::string name, Column values);

  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
  [[nodiscard]] const std::vector<NamedColumn>& columns() const noexcept { return columns_; }
  [[nodiscard]] const NamedColumn& column(std::string_view name) const;

 private:
  std::vector<NamedColumn> columns_;
  std::size_t rows_ = 0;
};

// RFC 4180 CSV with a header; reals in the shortest form that reads back to the same double.
void write_csv(const Table& table, std::ostream& out);
// An array of objects, one per row, keys in column order; NaN and infinities become null.
void write_json(const Table& table, std::ostream& out);

// Text helpers shared by the writers.
std::string csv_field(std::string_view text);
// A JSON string: quotes, backslashes and control characters escaped, and <, > and & as \u00XX so
// that JSON embedded in HTML stays inert; bytes that are not UTF-8 become U+FFFD.
std::string json_string(std::string_view text);
std::string format_real(double value);

}  // namespace alueverkko
