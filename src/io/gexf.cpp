#include "xml_columns.hpp"

#include <alueverkko/io/gexf.hpp>
#include <alueverkko/io/xml.hpp>
#include <alueverkko/version.hpp>

namespace alueverkko {
namespace {

// <attributes class=…>; returns the attribute ids in column order ("" for built-in columns).
std::vector<std::string> write_attributes(const GraphTables& tables, const Table& table, const char* domain,
                                          std::initializer_list<std::string_view> built_in, std::ostream& out) {
  std::vector<std::string> ids;
  out << "    <attributes class=\"" << domain << "\" mode=\"static\">\n";
  std::size_t next = 0;
  for (const auto& column : table.columns()) {
    if (std::find(built_in.begin(), built_in.end(), column.name) != built_in.end()) {
      ids.emplace_back();
      continue;
    }
    ids.push_back(std::to_string(next++));
    out << "      <attribute id=\"" << ids.back() << "\" title=\"" << xml_escape(column.name) << "\" type=\""
        << detail::xml_type_name(detail::xml_type(tables, column)) << "\"/>\n";
  }
  out << "    </attributes>\n";
  return ids;
}

void write_attvalues(const GraphTables& tables, const Table& table, std::size_t row, const std::vector<std::string>& ids,
                     std::ostream& out) {
  const auto& columns = table.columns();
  bool open = false;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (ids[c].empty()) continue;
    const auto value = detail::xml_value(tables, columns[c], row);
    if (!value) continue;
    if (!open) out << "        <attvalues>\n";
    open = true;
    out << "          <attvalue for=\"" << ids[c] << "\" value=\"" << *value << "\"/>\n";
  }
  if (open) out << "        </attvalues>\n";
}

}  // namespace

void write_gexf(const GraphTables& tables, std::ostream& out, const GexfOptions& options) {
  if (!options.positions.empty() && options.positions.size() != tables.nodes.rows())
    throw std::invalid_argument("write_gexf: " + std::to_string(options.positions.size()) + " positions for " +
                                std::to_string(tables.nodes.rows()) + " nodes");
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" "
         "version=\"1.2\">\n"
         "  <meta>\n"
         "    <creator>alueverkko "
      << version << "</creator>\n";
  if (!tables.description.empty()) out << "    <description>" << xml_escape(tables.description) << "</description>\n";
  out << "  </meta>\n"
         "  <graph mode=\"static\" defaultedgetype=\"undirected\">\n";
  const auto node_ids = write_attributes(tables, tables.nodes, "node", {"id", "label"}, out);
  const auto edge_ids = write_attributes(tables, tables.edges, "edge", {"source", "target", "weight"}, out);

  const auto& ids = detail::strings(tables.nodes, "id");
  const auto& labels = detail::strings(tables.nodes, "label");
  out << "    <nodes>\n";
  for (std::size_t r = 0; r < tables.nodes.rows(); ++r) {
    out << "      <node id=\"" << xml_escape(ids[r]) << "\" label=\"" << xml_escape(labels[r]) << "\">\n";
    write_attvalues(tables, tables.nodes, r, node_ids, out);
    if (!options.positions.empty())
      out << "        <viz:position x=\"" << format_real(options.positions[r].x) << "\" y=\""
          << format_real(options.positions[r].y) << "\" z=\"0\"/>\n";
    out << "      </node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  const auto& sources = detail::strings(tables.edges, "source");
  const auto& targets = detail::strings(tables.edges, "target");
  const auto* weights = std::get_if<Table::Reals>(&tables.edges.column("weight").values);
  if (!weights) throw std::invalid_argument("write_gexf: the edge column 'weight' must hold reals");
  for (std::size_t r = 0; r < tables.edges.rows(); ++r) {
    out << "      <edge id=\"" << r << "\" source=\"" << xml_escape(sources[r]) << "\" target=\""
        << xml_escape(targets[r]) << "\" weight=\"" << format_real((*weights)[r]) << "\">\n";
    write_attvalues(tables, tables.edges, r, edge_ids, out);
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace alueverkko
