#include <alueverkko/io/table.hpp>

#include "../core/text.hpp"

#include <charconv>
#include <cmath>
#include <ostream>

namespace alueverkko {

void Table::add_column(std::string name, Column values) {
  const std::size_t n = std::visit([](const auto& v) { return v.size(); }, values);
  if (!columns_.empty() && n != rows_)
    throw std::invalid_argument("column '" + name + "' has " + std::to_string(n) + " rows, table has " +
                                std::to_string(rows_));
  for (const auto& c : columns_)
    if (c.name == name) throw std::invalid_argument("duplicate column '" + name + "'");
  rows_ = n;
  columns_.push_back({std::move(name), std::move(values)});
}

const Table::NamedColumn& Table::column(std::string_view name) const {
  for (const auto& c : columns_)
    if (c.name == name) return c;
  throw std::out_of_range("no column '" + std::string(name) + "'");
}

std::string format_real(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t c = detail::decode_utf8(text, pos);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == '<' || c == '>' || c == '&') {
          // Control characters must be escaped; <, > and & too, so JSON embedded in HTML stays inert.
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xf];
        } else if (c == detail::invalid_code_point) {
          // JSON is UTF-8 (RFC 8259); a byte that is not (a file name given on the command line)
          // becomes U+FFFD, as in xml_escape.
          detail::append_utf8(out, 0xFFFD);
        } else {
          out.append(text.substr(start, pos - start));
        }
    }
  }
  out += '"';
  return out;
}

namespace {

template <class Emit>
void for_each_cell(const Table::Column& column, std::size_t row, Emit&& emit) {
  std::visit([&](const auto& values) { emit(values[row]); }, column);
}

}  // namespace

void write_csv(const Table& table, std::ostream& out) {
  const auto& columns = table.columns();
  for (std::size_t c = 0; c < columns.size(); ++c) out << (c ? "," : "") << csv_field(columns[c].name);
  out << '\n';
  for (std::size_t r = 0; r < table.rows(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c) out << ',';
      for_each_cell(columns[c].values, r, [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) out << csv_field(v);
        else if constexpr (std::is_same_v<T, double>) out << (std::isnan(v) ? "" : format_real(v));
        else out << v;
      });
    }
    out << '\n';
  }
}

void write_json(const Table& table, std::ostream& out) {
  const auto& columns = table.columns();
  out << '[';
  for (std::size_t r = 0; r < table.rows(); ++r) {
    out << (r ? ",\n " : "\n ") << '{';
    for (std::size_t c = 0; c < columns.size(); ++c) {
      out << (c ? ", " : "") << json_string(columns[c].name) << ": ";
      for_each_cell(columns[c].values, r, [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) out << json_string(v);
        else if constexpr (std::is_same_v<T, double>) out << (std::isfinite(v) ? format_real(v) : "null");
        else out << v;
      });
    }
    out << '}';
  }
  out << (table.rows() ? "\n]\n" : "]\n");
}

}  // namespace alueverkko
