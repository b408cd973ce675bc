#include <alueverkko/backbone/poisson_binomial.hpp>
#include <alueverkko/backbone/sdsm.hpp>
#include <alueverkko/graph/projection.hpp>

#include <omp.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace alueverkko {

std::string_view to_string(SdsmTail tail) noexcept {
  switch (tail) {
    case SdsmTail::upper: return "upper";
    case SdsmTail::lower: return "lower";
    case SdsmTail::both: return "both";
  }
  return "";
}

std::string_view to_string(SdsmApproximation approximation) noexcept {
  return approximation == SdsmApproximation::exact ? "exact" : "rna";
}

SdsmTail sdsm_tail_from_string(std::string_view text) {
  for (const auto t : {SdsmTail::upper, SdsmTail::lower, SdsmTail::both})
    if (to_string(t) == text) return t;
  throw std::invalid_argument("tail must be upper, lower or both, got '" + std::string(text) + "'");
}

SdsmApproximation sdsm_approximation_from_string(std::string_view text) {
  for (const auto a : {SdsmApproximation::exact, SdsmApproximation::rna})
    if (to_string(a) == text) return a;
  throw std::invalid_argument("approximation must be exact or rna, got '" + std::string(text) + "'");
}

namespace {

// The distributions of X_ij per pair of row degree classes {a, b}, each computed once up to the
// largest count asked for.
class PairClasses {
 public:
  explicit PairClasses(const Bicm& model) : model_(model) {}

  std::uint32_t need(std::uint32_t row_i, std::uint32_t row_j, std::uint32_t count) {
    std::uint32_t a = model_.row_class[row_i], b = model_.row_class[row_j];
    if (a > b) std::swap(a, b);
    const auto [it, added] = index_.try_emplace((std::uint64_t{a} << 32) | b, static_cast<std::uint32_t>(a_.size()));
    if (added) {
      a_.push_back(a);
      b_.push_back(b);
      max_k_.push_back(count);
    } else {
      max_k_[it->second] = std::max(max_k_[it->second], count);
    }
    return it->second;
  }

  // One task of `progress` per distribution; throws Cancelled (after the team) if it asks to stop.
  void compute(SdsmApproximation approximation, int threads, const Progress& progress = {}) {
    const std::size_t n = a_.size(), columns = model_.column_classes();
    moments_.resize(n);
    cdf_.resize(approximation == SdsmApproximation::exact ? n : 0);
    approximation_ = approximation;
    ProgressTracker tracker(progress, n);
#pragma omp parallel num_threads(threads)
    {
      std::vector<TrialGroup> groups(columns);
      const bool reporter = omp_get_thread_num() == 0;
#pragma omp for schedule(dynamic, 1)
      for (std::size_t c = 0; c < n; ++c) {
        if (tracker.stopped()) continue;  // an OpenMP loop cannot be left early
        const double* pa = &model_.class_probability[a_[c] * columns];
        const double* pb = &model_.class_probability[b_[c] * columns];
        for (std::size_t k = 0; k < columns; ++k) groups[k] = {pa[k] * pb[k], model_.column_class_size[k]};
        moments_[c] = rna_moments(groups);
        if (approximation == SdsmApproximation::exact) cdf_[c] = poisson_binomial_cdf(groups, max_k_[c]);
        tracker.task_done(reporter);
      }
    }
    tracker.finish();
  }

  [[nodiscard]] double mean(std::uint32_t c) const { return moments_[c].mean; }
  [[nodiscard]] double upper(std::uint32_t c, std::uint32_t k) const {
    if (approximation_ == SdsmApproximation::exact) return upper_tail(cdf_[c], k);
    // Also for k = 0 (then a little below 1), as R's backbone::sdsm computes it.
    return 1.0 - rna_cdf(moments_[c], static_cast<double>(k) - 1);
  }
  [[nodiscard]] double lower(std::uint32_t c, std::uint32_t k) const {
    if (approximation_ == SdsmApproximation::exact) return lower_tail(cdf_[c], k);
    return rna_cdf(moments_[c], static_cast<double>(k));
  }

 private:
  const Bicm& model_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::uint32_t> a_, b_, max_k_;
  std::vector<RnaMoments> moments_;
  std::vector<std::vector<double>> cdf_;
  SdsmApproximation approximation_ = SdsmApproximation::exact;
};

int thread_count(int threads) { return threads > 0 ? threads : omp_get_max_threads(); }

WeightedGraph signed_graph(const TwoModeGraph& graph, const SdsmPairs& pairs, std::int8_t sign) {
  std::vector<WeightedEdge> edges;
  for (std::size_t e = 0; e < pairs.i.size(); ++e)
    if (pairs.sign[e] == sign) edges.push_back({pairs.i[e], pairs.j[e], static_cast<double>(pairs.count[e])});
  const auto labels = graph.row_labels();
  return WeightedGraph::from_edges(graph.row_count(), edges, WeightMeaning::affinity,
                                   std::vector<std::string>(labels.begin(), labels.end()));
}

}  // namespace

SdsmResult sdsm(const TwoModeGraph& graph, const SdsmOptions& options) {
  if (!(options.alpha > 0 && options.alpha <= 1))
    throw std::invalid_argument("alpha must be in (0, 1], got " + std::to_string(options.alpha));
  const std::uint64_t n = graph.row_count();
  const std::uint64_t all = n * (n - (n > 0)) / 2;
  if (options.all_pairs && all > options.max_pairs)
    throw std::invalid_argument("all pairs: " + std::to_string(n) + " rows make " + std::to_string(all) +
                                " pairs, more than the limit " + std::to_string(options.max_pairs) +
                                "; test only the co-occurring pairs");
  const int threads = thread_count(options.threads);
  SdsmResult result;
  result.model = fit_bicm(graph, options.bicm);
  result.tests = all;

  ProjectionOptions projection;
  projection.onto = ProjectionSide::rows;
  projection.weighting = ProjectionWeighting::count;
  projection.threads = threads;
  const WeightedGraph cooccurring = project(graph, projection);

  // The pairs to test, in order (i, then j), and their distributions' classes.
  PairClasses classes(result.model);
  SdsmPairs& pairs = result.pairs;
  std::vector<std::uint32_t> pair_class;
  const auto add = [&](std::uint32_t i, std::uint32_t j, std::uint32_t count) {
    pairs.i.push_back(i);
    pairs.j.push_back(j);
    pairs.count.push_back(count);
    pair_class.push_back(classes.need(i, j, count));
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto targets = cooccurring.neighbors(i);
    const auto weights = cooccurring.neighbor_weights(i);
    std::size_t a = std::upper_bound(targets.begin(), targets.end(), i) - targets.begin();
    if (!options.all_pairs) {
      for (; a < targets.size(); ++a) add(i, targets[a], static_cast<std::uint32_t>(weights[a] + 0.5));
      continue;
    }
    for (std::uint32_t j = i + 1; j < n; ++j) {
      if (a < targets.size() && targets[a] == j) {
        add(i, j, static_cast<std::uint32_t>(weights[a] + 0.5));
        ++a;
      } else {
        add(i, j, 0);
      }
    }
  }
  classes.compute(options.approximation, threads, options.progress);

  const std::size_t m = pairs.i.size();
  pairs.expected.resize(m);
  pairs.upper.resize(m);
  pairs.lower.resize(m);
  pairs.sign.assign(m, 0);
#pragma omp parallel for schedule(static) num_threads(threads)
  for (std::size_t e = 0; e < m; ++e) {
    pairs.expected[e] = classes.mean(pair_class[e]);
    pairs.upper[e] = classes.upper(pair_class[e], pairs.count[e]);
    pairs.lower[e] = classes.lower(pair_class[e], pairs.count[e]);
  }
  const double alpha = options.tail == SdsmTail::both ? options.alpha / 2 : options.alpha;
  if (options.tail != SdsmTail::lower) {
    const auto keep = significant(pairs.upper, alpha, options.correction, all);
    for (std::size_t e = 0; e < m; ++e)
      if (keep[e]) pairs.sign[e] = 1;
  }
  if (options.tail != SdsmTail::upper) {
    const auto keep = significant(pairs.lower, alpha, options.correction, all);
    for (std::size_t e = 0; e < m; ++e)
      if (keep[e]) pairs.sign[e] = -1;
  }
  result.positive = signed_graph(graph, pairs, 1);
  result.negative = signed_graph(graph, pairs, -1);
  return result;
}

Table sdsm_table(const TwoModeGraph& graph, const SdsmResult& result, bool kept_only) {
  const SdsmPairs& pairs = result.pairs;
  const auto labels = graph.row_labels();
  Table::Strings source, target;
  Table::Reals weight, expected, upper, lower;
  Table::Integers sign;
  for (std::size_t e = 0; e < pairs.i.size(); ++e) {
    if (kept_only && !pairs.sign[e]) continue;
    source.push_back(labels[pairs.i[e]]);
    target.push_back(labels[pairs.j[e]]);
    weight.push_back(pairs.count[e]);
    expected.push_back(pairs.expected[e]);
    upper.push_back(pairs.upper[e]);
    lower.push_back(pairs.lower[e]);
    sign.push_back(pairs.sign[e]);
  }
  Table table;
  table.add_column("source", std::move(source));
  table.add_column("target", std::move(target));
  table.add_column("weight", std::move(weight));
  table.add_column("expected", std::move(expected));
  table.add_column("p_upper", std::move(upper));
  table.add_column("p_lower", std::move(lower));
  table.add_column("sign", std::move(sign));
  return table;
}

SdsmMatrices sdsm_matrices(const TwoModeGraph& graph, SdsmApproximation approximation, const BicmOptions& bicm,
                           std::size_t max_rows) {
  const std::size_t n = graph.row_count();
  if (n > max_rows)
    throw std::invalid_argument("sdsm_matrices is for small graphs: " + std::to_string(n) + " rows, limit " +
                                std::to_string(max_rows) + " (use sdsm for the co-occurring pairs)");
  SdsmMatrices out;
  out.rows = n;
  out.count.assign(n * n, 0);
  for (std::uint32_t k = 0; k < graph.column_count(); ++k) {
    const auto members = graph.column_edges(k);
    for (const auto e1 : members)
      for (const auto e2 : members) ++out.count[graph.edges()[e1].row * n + graph.edges()[e2].row];
  }
  const Bicm model = fit_bicm(graph, bicm);
  PairClasses classes(model);
  std::vector<std::uint32_t> pair_class(n * n);
  for (std::uint32_t i = 0; i < n; ++i)
    for (std::uint32_t j = 0; j < n; ++j) pair_class[i * n + j] = classes.need(i, j, out.count[i * n + j]);
  classes.compute(approximation, 1);
  out.upper.resize(n * n);
  out.lower.resize(n * n);
  for (std::size_t e = 0; e < n * n; ++e) {
    out.upper[e] = classes.upper(pair_class[e], out.count[e]);
    out.lower[e] = classes.lower(pair_class[e], out.count[e]);
  }
  return out;
}

}  // namespace alueverkko
