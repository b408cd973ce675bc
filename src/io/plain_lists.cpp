// Plain edge lists and two-mode membership lists (alueverkko/io/plain_lists.hpp), read with the
// strict CSV reader and RowReader so that their diagnostics read like the data-set loaders'.
#include <alueverkko/core/csv.hpp>
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/io/plain_lists.hpp>

#include "../core/fields.hpp"
#include "../core/row_reader.hpp"
#include "../core/text.hpp"
#include "plain_list_paths.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
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

// Numbers names in order of first appearance. The names passed in must outlive it: it keeps views
// of them, in an open-addressing table (linear probing, at most half full) of ids, each id with
// its name's hash, so that a probe compares bytes only when the hashes agree.
class Names {
 public:
  explicit Names(std::size_t expected = 0) { rehash(std::bit_ceil(std::max<std::size_t>(16, 2 * expected))); }
  std::uint32_t id(std::string_view name) {
    const std::size_t hash = std::hash<std::string_view>{}(name);
    for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const std::uint32_t id = slots_[slot];
      if (id == empty) {
        const auto added = static_cast<std::uint32_t>(names_.size());
        slots_[slot] = added;
        names_.push_back(name);
        hashes_.push_back(hash);
        if (2 * names_.size() > slots_.size()) rehash(2 * slots_.size());
        return added;
      }
      if (hashes_[id] == hash && names_[id] == name) return id;
    }
  }
  std::vector<std::string> take() const { return {names_.begin(), names_.end()}; }
  std::size_t size() const { return names_.size(); }

 private:
  static constexpr std::uint32_t empty = std::numeric_limits<std::uint32_t>::max();
  void rehash(std::size_t capacity) {
    slots_.assign(capacity, empty);
    mask_ = capacity - 1;
    for (std::uint32_t id = 0; id < names_.size(); ++id) {
      std::size_t slot = hashes_[id] & mask_;
      while (slots_[slot] != empty) slot = (slot + 1) & mask_;
      slots_[slot] = id;
    }
  }
  std::vector<std::uint32_t> slots_;
  std::size_t mask_ = 0;
  std::vector<std::string_view> names_;
  std::vector<std::size_t> hashes_;
};

// The fast path for well-formed lists, nearly every file: read straight from the bytes when the
// file is valid UTF-8 without BOM, quotes or carriage returns, its header is exactly the expected
// one and every line holds the header's fields, names that need no message and, if weighted, a
// number >= 0. `row(first, second, weight)` gets the data rows in order. Returns false at the first
// thing the strict reader would report; the caller then reads the file with it, for the message.
template <class Row>
bool scan_well_formed(std::string_view content, const ListKind& kind, Row row) {
  if (content.empty() || detail::starts_with_bom(content) || content.find_first_of("\"\r") != std::string_view::npos ||
      !detail::is_valid_utf8(content))
    return false;
  const auto line_end = [&](std::size_t from) { return std::min(content.find('\n', from), content.size()); };
  const std::size_t header_end = line_end(0);
  const std::string_view header = content.substr(0, header_end);
  const std::string names = kind.first + "," + kind.second;
  const bool weighted = header == names + ",weight";
  if (!weighted && header != names) return false;
  const auto plain_name = [](std::string_view name) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    return !name.empty() && !is_space(name.front()) && !is_space(name.back());
  };
  for (std::size_t pos = header_end + 1; pos < content.size();) {
    const std::size_t end = line_end(pos);
    const std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    const std::size_t comma = line.find(',');
    if (comma == std::string_view::npos) return false;
    const std::string_view first = line.substr(0, comma);
    std::string_view second = line.substr(comma + 1);
    double weight = 1.0;
    const std::size_t weight_comma = second.find(',');
    if (weighted != (weight_comma != std::string_view::npos)) return false;
    if (weighted) {
      const auto number = detail::parse_number(second.substr(weight_comma + 1));
      if (!number || *number < 0) return false;
      weight = *number;
      second = second.substr(0, weight_comma);
    }
    if (!plain_name(first) || !plain_name(second)) return false;
    row(first, second, weight);
  }
  return true;
}

std::size_t line_count(std::string_view content) { return static_cast<std::size_t>(std::count(content.begin(), content.end(), '\n')); }

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

namespace detail {

// A well-formed edge list without the strict reader (see scan_well_formed). Distances go through
// the strict reader, which names the line of a pair given twice.
std::optional<WeightedGraph> edge_list_well_formed(std::string_view content, WeightMeaning meaning) {
  if (meaning != WeightMeaning::affinity) return std::nullopt;
  const std::size_t lines = line_count(content);
  Names names(lines);
  std::vector<WeightedEdge> edges;
  edges.reserve(lines);
  if (!scan_well_formed(content, edge_list, [&](std::string_view source, std::string_view target, double weight) {
        const std::uint32_t u = names.id(source);
        edges.push_back({u, names.id(target), weight});
      }))
    return std::nullopt;
  const std::size_t n = names.size();
  return WeightedGraph::from_edges(n, edges, meaning, names.take());
}

// A well-formed membership list without the strict reader (see scan_well_formed). A membership
// given twice is left to the strict reader, which names its lines.
std::optional<TwoModeGraph> two_mode_list_well_formed(std::string_view content) {
  const std::size_t lines = line_count(content);
  Names actors(lines / 2), networks(lines / 2);
  std::vector<TwoModeEdge> edges;
  edges.reserve(lines);
  if (!scan_well_formed(content, two_mode_list, [&](std::string_view actor, std::string_view network, double weight) {
        TwoModeEdge e;
        e.row = actors.id(actor);
        e.column = networks.id(network);
        e.weight = weight;
        edges.push_back(e);
      }))
    return std::nullopt;
  try {
    return TwoModeGraph::from_edges(actors.take(), networks.take(), edges);
  } catch (const std::invalid_argument&) {  // the one thing left to find: a membership given twice
    return std::nullopt;
  }
}

WeightedGraph edge_list_strict(std::string_view content, const std::string& file, WeightMeaning meaning) {
  std::vector<Diagnostic> diagnostics;
  auto table = parse_csv(content, file, schema_of(edge_list), diagnostics);
  return edge_list_from(std::move(table), file, meaning, std::move(diagnostics));
}

TwoModeGraph two_mode_list_strict(std::string_view content, const std::string& file) {
  std::vector<Diagnostic> diagnostics;
  auto table = parse_csv(content, file, schema_of(two_mode_list), diagnostics);
  return two_mode_from(std::move(table), file, std::move(diagnostics));
}

}  // namespace detail

WeightedGraph parse_edge_list(std::string_view content, const std::string& file, WeightMeaning meaning) {
  if (auto graph = detail::edge_list_well_formed(content, meaning)) return std::move(*graph);
  return detail::edge_list_strict(content, file, meaning);
}

WeightedGraph read_edge_list(const std::filesystem::path& path, WeightMeaning meaning) {
  const auto content = detail::read_file(path);
  if (!content) throw_if_any({{path.string(), 0, 0, "file not found"}});
  return parse_edge_list(*content, path.string(), meaning);
}

TwoModeGraph parse_two_mode_list(std::string_view content, const std::string& file) {
  if (auto graph = detail::two_mode_list_well_formed(content)) return std::move(*graph);
  return detail::two_mode_list_strict(content, file);
}

TwoModeGraph read_two_mode_list(const std::filesystem::path& path) {
  const auto content = detail::read_file(path);
  if (!content) throw_if_any({{path.string(), 0, 0, "file not found"}});
  return parse_two_mode_list(*content, path.string());
}

}  // namespace alueverkko
