#include "xml_columns.hpp"

#include <alueverkko/io/graphml.hpp>
#include <alueverkko/io/xml.hpp>

namespace alueverkko {
namespace {

// <key>s of one table; returns their ids in column order ("" for the columns that are not keys).
std::vector<std::string> write_keys(const GraphTables& tables, const Table& table, const char* domain,
                                    std::initializer_list<std::string_view> skip, std::size_t& next_id,
                                    std::ostream& out) {
  std::vector<std::string> ids;
  for (const auto& column : table.columns()) {
    if (std::find(skip.begin(), skip.end(), column.name) != skip.end()) {
      ids.emplace_back();
      continue;
    }
    ids.push_back(std::to_string(next_id++));
    ids.back().insert(0, 1, 'd');  // not "d" + …: GCC 12 warns falsely there (-Wrestrict, bug 105329)
    out << "  <key id=\"" << ids.back() << "\" for=\"" << domain << "\" attr.name=\"" << xml_escape(column.name)
        << "\" attr.type=\"" << detail::xml_type_name(detail::xml_type(tables, column)) << "\"";
    if (std::string_view(domain) == "edge" && column.name == "weight" && !tables.weight_description.empty())
      out << ">\n    <desc>" << xml_escape(tables.weight_description) << "</desc>\n  </key>\n";
    else
      out << "/>\n";
  }
  return ids;
}

void write_data(const GraphTables& tables, const Table& table, std::size_t row, const std::vector<std::string>& keys,
                std::ostream& out) {
  const auto& columns = table.columns();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (keys[c].empty()) continue;
    if (auto value = detail::xml_value(tables, columns[c], row))
      out << "      <data key=\"" << keys[c] << "\">" << *value << "</data>\n";
  }
}

}  // namespace

void write_graphml(const GraphTables& tables, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  std::size_t next_id = 0;
  const auto node_keys = write_keys(tables, tables.nodes, "node", {"id"}, next_id, out);
  const auto edge_keys = write_keys(tables, tables.edges, "edge", {"source", "target"}, next_id, out);
  out << "  <graph id=\"G\" edgedefault=\"undirected\">\n";
  if (!tables.description.empty()) out << "    <desc>" << xml_escape(tables.description) << "</desc>\n";
  const auto& ids = detail::strings(tables.nodes, "id");
  for (std::size_t r = 0; r < tables.nodes.rows(); ++r) {
    out << "    <node id=\"" << xml_escape(ids[r]) << "\">\n";
    write_data(tables, tables.nodes, r, node_keys, out);
    out << "    </node>\n";
  }
  const auto& sources = detail::strings(tables.edges, "source");
  const auto& targets = detail::strings(tables.edges, "target");
  for (std::size_t r = 0; r < tables.edges.rows(); ++r) {
    out << "    <edge source=\"" << xml_escape(sources[r]) << "\" target=\"" << xml_escape(targets[r]) << "\">\n";
    write_data(tables, tables.edges, r, edge_keys, out);
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace alueverkko
