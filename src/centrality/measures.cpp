// compute_measures: several named vertex measures as one table (alueverkko/centrality/measures.hpp).
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/centrality/coreness.hpp>
#include <alueverkko/centrality/degree.hpp>
#include <alueverkko/centrality/measures.hpp>
#include <alueverkko/centrality/spectral.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace alueverkko {

namespace {

constexpr std::array<std::string_view, 9> names{"degree",      "strength", "betweenness", "closeness", "harmonic",
                                                "eigenvector", "pagerank", "katz",        "core"};

std::string valid_names() {
  std::string out;
  for (const std::string_view name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

Table::Integers as_integers(const std::vector<double>& values) {
  Table::Integers out;
  out.reserve(values.size());
  for (const double v : values) out.push_back(static_cast<std::int64_t>(std::llround(v)));
  return out;
}

}  // namespace

std::span<const std::string_view> measure_names() noexcept { return names; }

void check_measure_names(std::span<const std::string> measures) {
  if (measures.empty()) throw std::invalid_argument("no measure requested (valid measures: " + valid_names() + ")");
  for (std::size_t i = 0; i < measures.size(); ++i) {
    if (std::find(names.begin(), names.end(), measures[i]) == names.end())
      throw std::invalid_argument("unknown measure '" + measures[i] + "' (valid measures: " + valid_names() + ")");
    if (std::find(measures.begin(), measures.begin() + static_cast<std::ptrdiff_t>(i), measures[i]) !=
        measures.begin() + static_cast<std::ptrdiff_t>(i))
      throw std::invalid_argument("measure '" + measures[i] + "' requested twice");
  }
}

MeasureTable compute_measures(const WeightedGraph& graph, std::span<const std::string> measures,
                              const MeasureSettings& settings) {
  check_measure_names(measures);
  const std::size_t n = graph.vertex_count();

  Table::Strings ids;
  ids.reserve(n);
  const auto labels = graph.labels();
  const bool labelled = std::any_of(labels.begin(), labels.end(), [](const std::string& l) { return !l.empty(); });
  for (std::size_t v = 0; v < n; ++v) ids.push_back(labelled ? labels[v] : std::to_string(v));

  MeasureTable result;
  result.table.add_column("id", std::move(ids));

  // Spectral measures read affinities; on distances they fall back to the unweighted adjacency.
  const bool distances = graph.weight_meaning() == WeightMeaning::distance;
  const bool spectral_weighted = settings.weighted_spectral && !distances;
  const auto note_spectral = [&](Scores& s) {
    if (settings.weighted_spectral && distances)
      for (auto& [key, value] : s.metadata)
        if (key == "weights") value = "unweighted (the graph's weights are distances)";
  };

  for (const std::string& name : measures) {
    Scores s;
    bool integers = false;
    if (name == "degree") {
      s = degree_centrality(graph, settings.normalized);
      integers = !settings.normalized;
    } else if (name == "strength") {
      s = strength(graph);
    } else if (name == "betweenness") {
      BetweennessOptions o;
      o.lengths = settings.lengths;
      o.normalized = settings.normalized;
      o.samples = settings.betweenness_samples;
      o.seed = settings.betweenness_seed;
      o.threads = settings.threads;
      if (settings.progress) o.progress = settings.progress(name);
      s = betweenness(graph, o);
    } else if (name == "closeness" || name == "harmonic") {
      ClosenessOptions o;
      o.lengths = settings.lengths;
      o.wf_improved = settings.wf_improved;
      o.normalized = settings.normalized;
      o.threads = settings.threads;
      if (settings.progress) o.progress = settings.progress(name);
      s = name == "closeness" ? closeness(graph, o) : harmonic_closeness(graph, o);
    } else if (name == "eigenvector") {
      EigenvectorOptions o;
      o.weighted = spectral_weighted;
      s = eigenvector_centrality(graph, o);
      note_spectral(s);
    } else if (name == "pagerank") {
      PageRankOptions o;
      o.weighted = spectral_weighted;
      o.damping = settings.damping;
      s = pagerank(graph, o);
      note_spectral(s);
    } else if (name == "katz") {
      KatzOptions o;
      o.weighted = spectral_weighted;
      o.alpha = settings.katz_alpha;
      s = katz_centrality(graph, o);
      note_spectral(s);
    } else {  // core (names are checked above)
      s = coreness(graph);
      integers = true;
    }
    if (s.values.size() != n)
      throw std::logic_error(name + ": " + std::to_string(s.values.size()) + " values for " + std::to_string(n) +
                             " vertices");
    if (integers) result.table.add_column(name, as_integers(s.values));
    else result.table.add_column(name, std::move(s.values));
    result.metadata.push_back({name, std::move(s.metadata)});
  }
  return result;
}

}  // namespace alueverkko
