// Bindings of metrics/brokerage.hpp, diversity.hpp and regional_centrality.hpp (docs/brokerage.md):
// graph-level functions (brokerage_roles, ei_index, bridging_centrality on any WeightedGraph with
// group labels), data-set reports (brokerage_table, ei_table, network_diversity,
// regional_centrality; each a Table, filters as keyword arguments) and the diversity indices.
#include "bindings.hpp"
#include "arguments.hpp"

#include <alueverkko/data/dataset.hpp>
#include <alueverkko/geo/geography.hpp>
#include <alueverkko/metrics/brokerage.hpp>
#include <alueverkko/metrics/diversity.hpp>
#include <alueverkko/metrics/regional_centrality.hpp>

#include <pybind11/stl.h>

namespace py = pybind11;

namespace alueverkko::python {
namespace {

GroupBy group_of(const std::string& text) {
  if (const auto g = parse_group_by(text)) return *g;
  throw py::value_error("unknown group '" + text + "' (expected region, subregion or kind)");
}

Ungrouped ungrouped_of(const std::string& text) {
  if (const auto u = parse_ungrouped(text)) return *u;
  throw py::value_error("unknown ungrouped policy '" + text + "' (expected exclude or own-group)");
}

ProjectionOptions projection_of(const std::string& weighting) {
  ProjectionOptions o;
  if (weighting == "count") o.weighting = ProjectionWeighting::count;
  else if (weighting == "newman") o.weighting = ProjectionWeighting::newman;
  else if (weighting == "jaccard") o.weighting = ProjectionWeighting::jaccard;
  else if (weighting == "overlap") o.weighting = ProjectionWeighting::overlap;
  else throw py::value_error("unknown weighting '" + weighting + "' (expected count, newman, jaccard or overlap)");
  return o;
}

// std::invalid_argument → ValueError for the option checks.
template <class F>
auto value_errors(F&& f) {
  try {
    return f();
  } catch (const std::invalid_argument& e) {
    throw py::value_error(e.what());
  }
}

BrokerageOptions brokerage_options(const std::string& level, const std::string& group, const std::string& ungrouped,
                                   const std::string& weighting, const py::kwargs& filters) {
  BrokerageOptions o;
  o.level = level_of(level);
  o.group = group_of(group);
  o.ungrouped = ungrouped_of(ungrouped);
  o.projection = projection_of(weighting);
  o.filter = filter_of(filters);
  value_errors([&] {
    check_brokerage_options(o);
    return 0;
  });
  return o;
}

}  // namespace

void bind_brokerage(py::module_& m) {
  m.def(
      "brokerage_roles",
      [](const WeightedGraph& g, const std::vector<std::string>& groups, bool expected) {
        return value_errors([&] {
          py::gil_scoped_release release;
          return brokerage_roles(g, groups, expected);
        });
      },
      py::arg("graph"), py::arg("groups"), py::kw_only(), py::arg("expected") = false,
      "Gould-Fernandez roles of every vertex on open triads a-b-c (Table: id, group, open_triads, coordinator, "
      "itinerant, gatekeeper_representative, liaison; with expected=True also <role>_expected and <role>_ratio). "
      "groups: one label per vertex, '' = left out.");
  m.def(
      "ei_index",
      [](const WeightedGraph& g, const std::vector<std::string>& groups, bool weighted,
         const std::optional<std::vector<std::string>>& categories, const std::string& category_scope) {
        const std::vector<std::string> cats = categories.value_or(std::vector<std::string>{});
        return value_errors([&] {
          py::gil_scoped_release release;
          return ei_index(g, groups, weighted, cats, category_scope);
        });
      },
      py::arg("graph"), py::arg("groups"), py::kw_only(), py::arg("weighted") = false, py::arg("categories") = py::none(),
      py::arg("category_scope") = "category",
      "Krackhardt-Stern E-I index (Table: scope, id, vertices, internal, external, ei) of the graph, each group "
      "and each category.");
  m.def(
      "bridging_centrality",
      [](const WeightedGraph& g, const std::vector<std::string>& groups, bool weighted) {
        return value_errors([&] {
          py::gil_scoped_release release;
          return bridging_centrality(g, groups, weighted);
        });
      },
      py::arg("graph"), py::arg("groups"), py::kw_only(), py::arg("weighted") = true,
      "Bridging centrality of each group (Table: group, links, internal, external, partners, intensity, outward, "
      "diversification, bridging_paths, bridging).");
  m.def(
      "actor_groups",
      [](const Dataset& d, const Geography& geo, const std::string& group, const std::string& ungrouped) {
        return actor_groups(d, geo, group_of(group), ungrouped_of(ungrouped));
      },
      py::arg("dataset"), py::arg("geography"), py::arg("group") = "region", py::arg("ungrouped") = "exclude",
      "One group label per actor (data-set order): region/sub-region code, 'foreign', actor kind; '' or 'none' for "
      "actors without a place.");
  m.def(
      "brokerage_table",
      [](const Dataset& d, const Geography& geo, const std::string& level, const std::string& group,
         const std::string& ungrouped, bool expected, const py::kwargs& filters) {
        BrokerageOptions o = brokerage_options(level, group, ungrouped, "count", filters);
        o.expected = expected;
        py::gil_scoped_release release;
        return brokerage_table(d, geo, o);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "municipality", py::arg("group") = "region",
      py::arg("ungrouped") = "exclude", py::arg("expected") = false,
      "Brokerage roles on the projection onto `level` (Table: id, name, kind, group, open_triads, the four roles, "
      "degree, betweenness[, expected and ratios]); filters as in select_memberships.");
  m.def(
      "ei_table",
      [](const Dataset& d, const Geography& geo, const std::string& level, const std::string& group,
         const std::string& ungrouped, bool weighted, const std::string& weighting, const py::kwargs& filters) {
        BrokerageOptions o = brokerage_options(level, group, ungrouped, weighting, filters);
        o.weighted = weighted;
        py::gil_scoped_release release;
        return ei_table(d, geo, o);
      },
      py::arg("dataset"), py::arg("geography"), py::arg("level") = "municipality", py::arg("group") = "region",
      py::arg("ungrouped") = "exclude", py::arg("weighted") = false, py::arg("weighting") = "count",
      "E-I index of the projection onto `level`: the graph, each group and (level actor) each actor kind.");
  m.def(
      "network_diversity",
      [](const Dataset& d, const Geography& geo, const std::string& group, const std::string& ungrouped,
         const py::kwargs& filters) {
        const DiversityOptions o{group_of(group), ungrouped_of(ungrouped), filter_of(filters)};
        return value_errors([&] {
          py::gil_scoped_release release;
          return network_diversity(d, geo, o);
        });
      },
      py::arg("dataset"), py::arg("geography"), py::arg("group") = "region", py::arg("ungrouped") = "exclude",
      "Per network: Blau index, Shannon entropy and evenness of its members' kinds and regions (or sub-regions).");
  m.def(
      "regional_centrality",
      [](const Dataset& d, const Geography& geo, const std::string& by, const std::vector<std::string>& measures,
         const std::string& weighting, bool normalized, bool weighted_bridging, const py::kwargs& filters) {
        RegionalCentralityOptions o;
        o.by = group_of(by);
        o.measures = measures;
        o.projection = projection_of(weighting);
        o.settings.normalized = normalized;
        o.weighted_bridging = weighted_bridging;
        o.filter = filter_of(filters);
        return value_errors([&] {
          py::gil_scoped_release release;
          return regional_centrality(d, geo, o);
        });
      },
      py::arg("dataset"), py::arg("geography"), py::arg("by") = "region",
      py::arg("measures") = std::vector<std::string>{"degree", "strength", "betweenness"},
      py::arg("weighting") = "count", py::arg("normalized") = true, py::arg("weighted_bridging") = false,
      "Per region (or sub-region): organisation-level measures summed and averaged (org_sum_*, org_mean_*), the "
      "measures on the region projection (place_*) and bridging centrality.");
  m.def(
      "blau_index", [](const std::vector<double>& counts) { return value_errors([&] { return blau_index(counts); }); },
      py::arg("counts"), "1 - sum p_k^2 of the shares of the counts.");
  m.def(
      "shannon_entropy",
      [](const std::vector<double>& counts, bool normalized) {
        return value_errors([&] { return normalized ? shannon_evenness(counts) : shannon_entropy(counts); });
      },
      py::arg("counts"), py::kw_only(), py::arg("normalized") = false,
      "-sum p_k ln p_k (nats); normalized: divided by ln K (K categories present; NaN when K < 2).");
}

}  // namespace alueverkko::python
