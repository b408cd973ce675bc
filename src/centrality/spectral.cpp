// Eigenvector, PageRank and Katz centrality: power iterations over the CSR arrays of WeightedGraph,
// step for step those of networkx 2.8 (eigenvector_centrality, _pagerank_python / pagerank_scipy,
// katz_centrality), so the same number of iterations ends at the same vector up to floating-point
// summation order.
//
// The graph is undirected and stored symmetrically, so the left product x^T A that networkx
// computes by pushing along edges equals the row-wise pull (A x)_v = Σ_{u ∈ N(v)} w(v,u) x_u, which
// parallelises over v without atomics. A self-loop occupies one CSR slot, so it enters A once, as in
// networkx (G[n] lists n once; to_scipy_sparse_array subtracts the doubled diagonal).
#include <alueverkko/centrality/spectral.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace alueverkko {
namespace {

// Below this many CSR slots a product is cheaper than waking the OpenMP team.
constexpr std::uint64_t kParallelArcs = 1u << 15;

std::string format_number(double x) {
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  return ec == std::errc{} ? std::string(buffer.data(), end) : std::to_string(x);
}

// Checks the weight meaning, returns the metadata value "weights".
std::string weights_reading(const WeightedGraph& graph, bool weighted, const char* measure) {
  if (!weighted) return "unweighted";
  if (graph.weight_meaning() == WeightMeaning::distance)
    throw std::invalid_argument(std::string(measure) +
                                ": the graph's weights are distances, but this measure reads weights as affinities "
                                "(more = stronger tie); pass weighted = false, or build the graph with affinities");
  return "affinity";
}

void check_tolerance(double tolerance, const char* measure) {
  if (!(tolerance >= 0) || !std::isfinite(tolerance))
    throw std::invalid_argument(std::string(measure) + ": tolerance must be finite and >= 0, got " +
                                format_number(tolerance));
}

[[noreturn]] void fail_convergence(const char* measure, std::size_t iterations, double tolerance, std::size_t n) {
  throw ConvergenceError(std::string(measure) + ": power iteration failed to converge within " +
                         std::to_string(iterations) + " iterations (tolerance " + format_number(tolerance) +
                         ", criterion: L1 change < n * tolerance = " + format_number(static_cast<double>(n) * tolerance) +
                         ")");
}

// out = A·in (A the symmetric adjacency matrix, weights or ones; a self-loop once).
void multiply(const WeightedGraph& graph, bool weighted, const std::vector<double>& in, std::vector<double>& out) {
  const auto offsets = graph.offsets();
  const auto targets = graph.targets();
  const auto weights = graph.weights();
  const auto n = static_cast<std::int64_t>(graph.vertex_count());
  const bool parallel = graph.offsets().back() >= kParallelArcs;
  const double* x = in.data();
  double* y = out.data();
  // Four partial sums per row, added pairwise at the end: with one running sum each addition waits
  // for the one before, which bounds a row that fits in cache.
  const auto row_sum = [&](std::uint64_t begin, std::uint64_t end, auto term) {
    double s[4] = {0, 0, 0, 0};
    auto slot = begin;
    for (; slot + 4 <= end; slot += 4)
      for (std::uint64_t k = 0; k < 4; ++k) s[k] += term(slot + k);
    for (std::uint64_t k = 0; slot < end; ++slot, ++k) s[k] += term(slot);
    return (s[0] + s[1]) + (s[2] + s[3]);
  };
#pragma omp parallel for schedule(dynamic, 512) if (parallel)
  for (std::int64_t v = 0; v < n; ++v) {
    const auto begin = offsets[static_cast<std::size_t>(v)], end = offsets[static_cast<std::size_t>(v) + 1];
    y[v] = weighted ? row_sum(begin, end, [&](std::uint64_t slot) { return weights[slot] * x[targets[slot]]; })
                    : row_sum(begin, end, [&](std::uint64_t slot) { return x[targets[slot]]; });
  }
}

// Σ|a − b|, summed in fixed chunks whose partial sums are added in chunk order: the same value for
// any number of threads, so the iteration count (and every score) does not depend on it.
double l1_distance(const std::vector<double>& a, const std::vector<double>& b, bool parallel) {
  constexpr std::size_t chunk = 4096;
  const auto chunks = static_cast<std::int64_t>((a.size() + chunk - 1) / chunk);
  std::vector<double> partial(static_cast<std::size_t>(chunks), 0.0);
#pragma omp parallel for schedule(static) if (parallel)
  for (std::int64_t c = 0; c < chunks; ++c) {
    const std::size_t begin = static_cast<std::size_t>(c) * chunk, end = std::min(a.size(), begin + chunk);
    double sum = 0;
    for (std::size_t i = begin; i < end; ++i) sum += std::abs(a[i] - b[i]);
    partial[static_cast<std::size_t>(c)] = sum;
  }
  double sum = 0;
  for (const double p : partial) sum += p;
  return sum;
}

// Euclidean norm, scaled like math.hypot so that neither tiny nor huge entries under/overflow.
double euclidean_norm(const std::vector<double>& x) {
  double scale = 0;
  for (double v : x) scale = std::max(scale, std::abs(v));
  if (scale == 0 || !std::isfinite(scale)) return scale;
  double sum = 0;
  for (double v : x) {
    const double r = v / scale;
    sum += r * r;
  }
  return scale * std::sqrt(sum);
}

Scores make_scores(const char* measure, std::vector<double> values) {
  Scores s;
  s.measure = measure;
  s.values = std::move(values);
  return s;
}

}  // namespace

Scores eigenvector_centrality(const WeightedGraph& graph, const EigenvectorOptions& options) {
  constexpr const char* measure = "eigenvector centrality";
  const std::string weights = weights_reading(graph, options.weighted, measure);
  check_tolerance(options.tolerance, measure);
  const std::size_t n = graph.vertex_count();

  auto finish = [&](std::vector<double> values, std::size_t iterations) {
    Scores s = make_scores("eigenvector", std::move(values));
    s.metadata = {{"weights", weights},
                  {"normalization", "unit Euclidean norm"},
                  {"iterations", std::to_string(iterations)},
                  {"max_iterations", std::to_string(options.max_iterations)},
                  {"tolerance", format_number(options.tolerance)}};
    return s;
  };
  if (n == 0) return finish({}, 0);  // networkx raises NetworkXPointlessConcept for the null graph

  const bool parallel = graph.offsets().back() >= kParallelArcs;
  // networkx: nstart = all ones, divided by its sum.
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), last(n), product(n);
  for (std::size_t iteration = 1; iteration <= options.max_iterations; ++iteration) {
    std::swap(x, last);
    multiply(graph, options.weighted, last, product);  // x ← (A + I)·xlast
    for (std::size_t v = 0; v < n; ++v) x[v] = last[v] + product[v];
    double norm = euclidean_norm(x);
    if (norm == 0) norm = 1;  // networkx: `math.hypot(*x.values()) or 1`
    for (double& v : x) v /= norm;
    if (l1_distance(x, last, parallel) < static_cast<double>(n) * options.tolerance) return finish(std::move(x), iteration);
  }
  fail_convergence(measure, options.max_iterations, options.tolerance, n);
}

Scores pagerank(const WeightedGraph& graph, const PageRankOptions& options) {
  constexpr const char* measure = "pagerank";
  const std::string weights = weights_reading(graph, options.weighted, measure);
  check_tolerance(options.tolerance, measure);
  if (!(options.damping >= 0 && options.damping <= 1))
    throw std::invalid_argument("pagerank: damping must lie in [0, 1], got " + format_number(options.damping));
  const std::size_t n = graph.vertex_count();

  // Personalization p, normalised to sum 1; it is also where dangling vertices send their mass.
  std::vector<double> p;
  if (options.personalization.empty()) {
    p.assign(n, n == 0 ? 0.0 : 1.0 / static_cast<double>(n));
  } else {
    if (options.personalization.size() != n)
      throw std::invalid_argument("pagerank: personalization has " + std::to_string(options.personalization.size()) +
                                  " values for " + std::to_string(n) + " vertices");
    double total = 0;
    for (double v : options.personalization) {
      if (!std::isfinite(v) || v < 0)
        throw std::invalid_argument("pagerank: personalization values must be finite and >= 0, got " + format_number(v));
      total += v;
    }
    if (total == 0) throw std::invalid_argument("pagerank: personalization values are all 0");
    p = options.personalization;
    for (double& v : p) v /= total;
  }

  auto finish = [&](std::vector<double> values, std::size_t iterations) {
    Scores s = make_scores("pagerank", std::move(values));
    s.metadata = {{"weights", weights},
                  {"normalization", "sums to 1"},
                  {"damping", format_number(options.damping)},
                  {"personalization", options.personalization.empty() ? "uniform" : "given"},
                  {"dangling", "distributed by personalization"},
                  {"iterations", std::to_string(iterations)},
                  {"max_iterations", std::to_string(options.max_iterations)},
                  {"tolerance", format_number(options.tolerance)}};
    return s;
  };
  if (n == 0) return finish({}, 0);  // networkx returns {}

  // Out-strength (a self-loop once, as in the directed copy networkx builds); 0 = dangling, which
  // includes vertices whose every edge has weight 0 (networkx: out_degree(weight) == 0).
  const auto offsets = graph.offsets();
  const auto edge_weights = graph.weights();
  std::vector<double> inverse_strength(n, 0.0);
  std::vector<std::size_t> dangling;
  for (std::size_t v = 0; v < n; ++v) {
    double strength = 0;
    if (options.weighted) {
      for (auto slot = offsets[v]; slot < offsets[v + 1]; ++slot) strength += edge_weights[slot];
    } else {
      strength = static_cast<double>(offsets[v + 1] - offsets[v]);
    }
    if (strength == 0) dangling.push_back(v);
    else inverse_strength[v] = 1.0 / strength;
  }

  const double d = options.damping;
  const bool parallel = graph.offsets().back() >= kParallelArcs;
  std::vector<double> x(n, 1.0 / static_cast<double>(n)), last(n), scaled(n), product(n);
  for (std::size_t iteration = 1; iteration <= options.max_iterations; ++iteration) {
    std::swap(x, last);
    double dangling_mass = 0;
    for (std::size_t v : dangling) dangling_mass += last[v];
    const double dangle = d * dangling_mass;
    for (std::size_t v = 0; v < n; ++v) scaled[v] = last[v] * inverse_strength[v];  // xlast_u / s_u
    multiply(graph, options.weighted, scaled, product);                            // Σ_u w(u,v) xlast_u / s_u
    for (std::size_t v = 0; v < n; ++v) x[v] = d * product[v] + dangle * p[v] + (1.0 - d) * p[v];
    if (l1_distance(x, last, parallel) < static_cast<double>(n) * options.tolerance) return finish(std::move(x), iteration);
  }
  fail_convergence(measure, options.max_iterations, options.tolerance, n);
}

Scores katz_centrality(const WeightedGraph& graph, const KatzOptions& options) {
  constexpr const char* measure = "katz centrality";
  const std::string weights = weights_reading(graph, options.weighted, measure);
  check_tolerance(options.tolerance, measure);
  if (!std::isfinite(options.alpha) || !std::isfinite(options.beta))
    throw std::invalid_argument("katz centrality: alpha and beta must be finite");
  const std::size_t n = graph.vertex_count();

  auto finish = [&](std::vector<double> values, std::size_t iterations) {
    Scores s = make_scores("katz", std::move(values));
    s.metadata = {{"weights", weights},
                  {"normalization", options.normalized ? "unit Euclidean norm" : "none"},
                  {"alpha", format_number(options.alpha)},
                  {"beta", format_number(options.beta)},
                  {"iterations", std::to_string(iterations)},
                  {"max_iterations", std::to_string(options.max_iterations)},
                  {"tolerance", format_number(options.tolerance)}};
    return s;
  };
  if (n == 0) return finish({}, 0);  // networkx returns {}

  const bool parallel = graph.offsets().back() >= kParallelArcs;
  std::vector<double> x(n, 0.0), last(n), product(n);  // networkx starts from zeros
  for (std::size_t iteration = 1; iteration <= options.max_iterations; ++iteration) {
    std::swap(x, last);
    multiply(graph, options.weighted, last, product);
    for (std::size_t v = 0; v < n; ++v) x[v] = options.alpha * product[v] + options.beta;
    if (l1_distance(x, last, parallel) < static_cast<double>(n) * options.tolerance) {
      if (options.normalized) {
        const double norm = euclidean_norm(x);
        const double scale = norm == 0 ? 1.0 : 1.0 / norm;  // networkx: ZeroDivisionError → 1
        for (double& v : x) v *= scale;
      }
      return finish(std::move(x), iteration);
    }
  }
  fail_convergence(measure, options.max_iterations, options.tolerance, n);
}

}  // namespace alueverkko
