#pragma once
// Typed table cells as XML attribute text, shared by the GraphML and GEXF writers.
#include <alueverkko/io/graph_tables.hpp>
#include <alueverkko/io/xml.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string>

namespace alueverkko::detail {

enum class XmlType { string, integer, real, boolean };

// The type's name in GraphML's attr.type and GEXF's <attribute type>: both use these.
inline const char* xml_type_name(XmlType type) {
  switch (type) {
    case XmlType::string: return "string";
    case XmlType::integer: return "long";
    case XmlType::real: return "double";
    case XmlType::boolean: return "boolean";
  }
  return "string";
}

inline XmlType xml_type(const GraphTables& tables, const Table::NamedColumn& column) {
  if (std::holds_alternative<Table::Strings>(column.values)) return XmlType::string;
  if (std::holds_alternative<Table::Reals>(column.values)) return XmlType::real;
  const auto& booleans = tables.boolean_columns;
  return std::find(booleans.begin(), booleans.end(), column.name) != booleans.end() ? XmlType::boolean
                                                                                     : XmlType::integer;
}

// The escaped text of a cell, or nullopt for a missing value (empty string, NaN).
inline std::optional<std::string> xml_value(const GraphTables& tables, const Table::NamedColumn& column,
                                            std::size_t row) {
  if (const auto* s = std::get_if<Table::Strings>(&column.values)) {
    if ((*s)[row].empty()) return std::nullopt;
    return xml_escape((*s)[row]);
  }
  if (const auto* r = std::get_if<Table::Reals>(&column.values)) {
    if (std::isnan((*r)[row])) return std::nullopt;
    return format_real((*r)[row]);
  }
  const std::int64_t value = std::get<Table::Integers>(column.values)[row];
  if (xml_type(tables, column) == XmlType::boolean) return value ? "true" : "false";
  return std::to_string(value);
}

inline const Table::Strings& strings(const Table& table, std::string_view name) {
  const auto* values = std::get_if<Table::Strings>(&table.column(name).values);
  if (!values) throw std::invalid_argument("graph tables: column '" + std::string(name) + "' must hold strings");
  return *values;
}

}  // namespace alueverkko::detail
