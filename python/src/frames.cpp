// Support for alueverkko.from_pandas (tables in memory) and to_networkx/from_networkx (two-mode edges
// with their status and role).
#include "bindings.hpp"
#include "numpy_view.hpp"

#include <alueverkko/core/csv.hpp>
#include <alueverkko/data/dataset.hpp>
#include <alueverkko/graph/two_mode.hpp>

#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <iterator>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

using Indices = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>;
using Weights = py::array_t<double, py::array::c_style | py::array::forcecast>;

// Where each (line, column) of a diagnostic falls in CSV `text`: (record, field), record 0 being the
// header, -1 for "the whole file" (line 0) and field -1 for "the whole line" (column 0).
std::vector<std::pair<long, long>> csv_cells(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& positions) {
  std::vector<Diagnostic> ignored;  // the text has been parsed (and its problems reported) already
  const CsvParse parsed = parse_csv_records(text, "", ignored);
  struct Start {
    std::size_t line, column;
    long record, field;
  };
  std::vector<Start> starts;  // in text order
  for (std::size_t r = 0; r < parsed.records.size(); ++r) {
    const CsvRecord& record = parsed.records[r];
    starts.push_back({record.line, 0, static_cast<long>(r), -1});
    for (std::size_t f = 0; f < record.fields.size(); ++f)
      starts.push_back({record.fields[f].line, record.fields[f].column, static_cast<long>(r), static_cast<long>(f)});
  }
  std::vector<std::pair<long, long>> cells;
  for (const auto& [line, column] : positions) {
    const auto after = std::upper_bound(starts.begin(), starts.end(), std::make_pair(line, column),
                                        [](const auto& p, const Start& s) { return p < std::make_pair(s.line, s.column); });
    if (line == 0 || after == starts.begin()) {
      cells.emplace_back(-1, -1);
      continue;
    }
    const Start& at = *std::prev(after);
    cells.emplace_back(at.record, column == 0 ? -1 : at.field);
  }
  return cells;
}

template <typename Enum>
std::vector<Enum> parse_each(const std::optional<std::vector<std::string>>& texts, std::size_t n, Enum fallback,
                             std::optional<Enum> (*parse)(std::string_view) noexcept, std::span<const Enum> all,
                             const char* what) {
  if (!texts) return std::vector<Enum>(n, fallback);
  if (texts->size() != n) throw py::value_error(std::string(what) + " must have one value per membership");
  std::vector<Enum> values(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto value = parse((*texts)[i]);
    if (!value) {
      std::string allowed;
      for (Enum e : all) {
        if (!allowed.empty()) allowed += ", ";
        allowed += to_string(e);
      }
      throw py::value_error(std::string(what) + " of membership " + std::to_string(i) + ": unknown value '" +
                            (*texts)[i] + "' (expected one of " + allowed + ")");
    }
    values[i] = *value;
  }
  return values;
}

TwoModeGraph two_mode_from_arrays(std::vector<std::string> row_labels, std::vector<std::string> column_labels,
                                  Indices rows, Indices columns, std::optional<Weights> weights,
                                  std::optional<std::vector<std::string>> status,
                                  std::optional<std::vector<std::string>> role) {
  const auto n = static_cast<std::size_t>(rows.size());
  if (static_cast<std::size_t>(columns.size()) != n || (weights && static_cast<std::size_t>(weights->size()) != n))
    throw py::value_error("rows, columns and weights must have the same length");
  const auto statuses = parse_each(status, n, MembershipStatus::member, parse_membership_status,
                                   all_membership_statuses(), "status");
  const auto roles = parse_each(role, n, MembershipRole::none, parse_membership_role, all_membership_roles(), "role");
  const auto r = rows.unchecked<1>();
  const auto c = columns.unchecked<1>();
  std::vector<TwoModeEdge> edges(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto k = static_cast<py::ssize_t>(i);
    if (r(k) < 0 || c(k) < 0) throw py::value_error("row and column indices must be >= 0");
    edges[i] = {static_cast<std::uint32_t>(r(k)), static_cast<std::uint32_t>(c(k)), weights ? weights->at(k) : 1.0,
                statuses[i], roles[i]};
  }
  py::gil_scoped_release release;
  return TwoModeGraph::from_edges(std::move(row_labels), std::move(column_labels), edges);
}

py::tuple two_mode_edge_arrays(const TwoModeGraph& g) {
  const auto edges = g.edges();
  std::vector<std::uint32_t> rows(edges.size()), columns(edges.size());
  std::vector<double> weights(edges.size());
  py::list status(edges.size()), role(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    rows[i] = edges[i].row;
    columns[i] = edges[i].column;
    weights[i] = edges[i].weight;
    status[i] = py::str(std::string(to_string(edges[i].status)));
    role[i] = py::str(std::string(to_string(edges[i].role)));
  }
  return py::make_tuple(take_vector(std::move(rows)), take_vector(std::move(columns)), take_vector(std::move(weights)),
                        status, role);
}

}  // namespace

void bind_frames(py::module_& m) {
  m.def(
      "parse_dataset",
      [](std::string memberships, std::string actors, std::string networks, const Geography& geography,
         std::optional<std::string> aliases, std::string name) {
        DatasetTexts texts;
        texts.metadata.name = std::move(name);
        texts.memberships = {"memberships", std::move(memberships)};
        texts.actors = {"actors", std::move(actors)};
        texts.networks = {"networks", std::move(networks)};
        if (aliases) texts.aliases = CsvText{"aliases", std::move(*aliases)};
        py::gil_scoped_release release;
        return parse_dataset(std::move(texts), geography);
      },
      py::arg("memberships"), py::arg("actors"), py::arg("networks"), py::arg("geography"),
      py::arg("aliases") = py::none(), py::arg("name") = "dataframe",
      "A data set from the CSV texts of its tables (columns as in docs/data-format.md), checked like "
      "load_dataset; diagnostics name the tables 'memberships', 'actors', 'networks', 'aliases'. The "
      "tables' source fields are not checked against a list of source documents.");
  m.def("csv_cells", &csv_cells, py::arg("text"), py::arg("positions"),
        "For (line, column) positions in CSV text, the (record, field) they fall in: record 0 is the header, "
        "-1 the whole text (line 0); field -1 the whole line (column 0).");
  m.def("two_mode_edge_arrays", &two_mode_edge_arrays, py::arg("graph"),
        "(rows, columns, weights, status, role) of a TwoModeGraph's memberships, indexed by edge id; status and "
        "role are lists of their CSV spellings ('' for no role).");
  m.def("two_mode_from_arrays", &two_mode_from_arrays, py::arg("row_labels"), py::arg("column_labels"), py::arg("rows"),
        py::arg("columns"), py::arg("weights") = py::none(), py::arg("status") = py::none(), py::arg("role") = py::none(),
        "TwoModeGraph.from_edges with each membership's status and role (CSV spellings; default member and no role).");
}

}  // namespace alueverkko::python
