// Plain edge lists and two-mode membership lists (alueverkko/io/plain_lists.hpp), read with the
// strict CSV reader and RowReader so that their diagnostics read like the data-set loaders'.
#include <alueverkko/core/csv.hpp>
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include "../core/row_reader.hpp"
#include "../core/text.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace alueverkko {

using detail::in_quotes;

namespace {

// The two name columns of a list and the optional weight column.
struct ListKind {
  std::string first, second;
};

struct ListRow {
  std::size_t line = 0;  // where the row starts
  // Position of the first name: not on `line` when a quoted field before it spans lines.
  std::size_t name_line = 0, name_column = 0;
  std::string first, second;
  double weight = 1.0;
};

const ListKind edge_list{"source", "target"};
const ListKind two_mode_list{"actor", "network"};

std::optional<std::string> read_name(detail::RowReader& row, std::string_view column) {
  auto name = row.required(column);
  if (!name) return std::nullopt;
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  if (is_space(name->front()) || is_space(name->back())) {
    row.error(column, std::string(column) + " " + in_quotes(*name) +
                          " has leading or trailing spaces (names are compared exactly)");
    return std::nullopt;
  }
  return name;
}

// The header must be exactly `first,second` or `first,second,weight`. Unknown, duplicate and
// missing columns are already reported by parse_csv; this adds the order.
void check_header_order(const CsvTable& table, const ListKind& kind, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> names;
  for (const CsvField& f : table.header) names.push_back(f.value);
  const std::vector<std::string> allowed{kind.first, kind.second, "weight"};
  for (const std::string& name : names)
    if (std::count(names.begin(), names.end(), name) != 1 ||
        std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return;  // reported by parse_csv
  std::vector<std::string> expected{kind.first, kind.second};
  if (names.size() == 3) expected.push_back("weight");
  if (names == expected) return;
  std::size_t at = 0;
  while (names[at] == expected[at]) ++at;
  diagnostics.push_back({table.file, table.header[at].line, table.header[at].column,
                         "header must be exactly '" + kind.first + "," + kind.second + "' or '" + kind.first + "," +
                             kind.second + ",weight' (in this order), got " + in_quotes(detail::join(names, ","))});
}

std::vector<ListRow> read_rows(std::optional<CsvTable> table, const ListKind& kind,
                               std::vector<Diagnostic>& diagnostics) {
  std::vector<ListRow> rows;
  if (!table) return rows;
  check_header_order(*table, kind, diagnostics);
  const bool weighted = table->has_column("weight");
  for (const CsvRow& csv_row : table->rows) {
    if (!csv_row.complete) continue;  // the field count is reported; its values mean nothing
    detail::RowReader row(*table, csv_row, diagnostics);
    auto first = read_name(row, kind.first);
    auto second = read_name(row, kind.second);
    const std::optional<double> weight = weighted ? row.number("weight", true) : std::optional<double>(1.0);
    if (!first || !second || !weight) continue;
    const CsvField& name = *row.field(kind.first);
    rows.push_back({csv_row.line, name.line, name.column, std::move(*first), std::move(*second), *weight});
  }
  return rows;
}

// Numbers names in order of first appearance.
class Names {
 public:
  std::uint32_t id(const std::string& name) {
    const auto [it, inserted] = ids_.try_emplace(name, static_cast<std::uint32_t>(labels_.size()));
    if (inserted) labels_.push_back(name);
    return it->second;
  }
  std::vector<std::string> take() { return std::move(labels_); }
  std::size_t size() const { return labels_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> labels_;
};

WeightedGraph edge_list_from(std::optional<CsvTable> table, const std::string& file, WeightMeaning meaning,
                             std::vector<Diagnostic> diagnostics) {
  const std::vector<ListRow> rows = read_rows(std::move(table), edge_list, diagnostics);
  Names names;
  std::vector<WeightedEdge> edges;
  edges.reserve(rows.size());
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> first_line;  // distances only
  for (const ListRow& r : rows) {
    const std::uint32_t u = names.id(r.first), v = names.id(r.second);
    if (meaning == WeightMeaning::distance) {
      const auto [it, inserted] = first_line.try_emplace({std::min(u, v), std::max(u, v)}, r.line);
      if (!inserted) {
        diagnostics.push_back({file, r.name_line, r.name_column,
                               "duplicate edge " + in_quotes(r.first) + " - " + in_quotes(r.second) +
                                   " (first at line " + std::to_string(it->second) +
                                   "); distances of a pair are not summed: list each pair once"});
        continue;
      }
    }
    edges.push_back({u, v, r.weight});
  }
  throw_if_any(std::move(diagnostics));
  const std::size_t n = names.size();
  return WeightedGraph::from_edges(n, edges, meaning, names.take());
}

TwoModeGraph two_mode_from(std::optional<CsvTable> table, const std::string& file,
                           std::vector<Diagnostic> diagnostics) {
  const std::vector<ListRow> rows = read_rows(std::move(table), two_mode_list, diagnostics);
  Names actors, networks;
  std::vector<TwoModeEdge> edges;
  edges.reserve(rows.size());
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> first_line;
  for (const ListRow& r : rows) {
    const std::uint32_t a = actors.id(r.first), n = networks.id(r.second);
    const auto [it, inserted] = first_line.try_emplace({a, n}, r.line);
    if (!inserted) {
      diagnostics.push_back({file, r.name_line, r.name_column,
                             "duplicate membership of actor " + in_quotes(r.first) + " in network " +
                                 in_quotes(r.second) + " (first at line " + std::to_string(it->second) + ")"});
      continue;
    }
    TwoModeEdge e;
    e.row = a;
    e.column = n;
    e.weight = r.weight;
    edges.push_back(e);
  }
  throw_if_any(std::move(diagnostics));
  return TwoModeGraph::from_edges(actors.take(), networks.take(), edges);
}

CsvSchema schema_of(const ListKind& kind) { return CsvSchema{{kind.first, kind.second}, {"weight"}}; }

}  // namespace

WeightedGraph parse_edge_list(std::string_view content, const std::string& file, WeightMeaning meaning) {
  std::vector<Diagnostic> diagnostics;
  auto table = parse_csv(content, file, schema_of(edge_list), diagnostics);
  return edge_list_from(std::move(table), file, meaning, std::move(diagnostics));
}

WeightedGraph read_edge_list(const std::filesystem::path& path, WeightMeaning meaning) {
  std::vector<Diagnostic> diagnostics;
  auto table = read_csv(path, schema_of(edge_list), diagnostics);
  return edge_list_from(std::move(table), path.string(), meaning, std::move(diagnostics));
}

TwoModeGraph parse_two_mode_list(std::string_view content, const std::string& file) {
  std::vector<Diagnostic> diagnostics;
  auto table = parse_csv(content, file, schema_of(two_mode_list), diagnostics);
  return two_mode_from(std::move(table), file, std::move(diagnostics));
}

TwoModeGraph read_two_mode_list(const std::filesystem::path& path) {
  std::vector<Diagnostic> diagnostics;
  auto table = read_csv(path, schema_of(two_mode_list), diagnostics);
  return two_mode_from(std::move(table), path.string(), std::move(diagnostics));
}

}  // namespace alueverkko
