#include <alueverkko/backbone/bicm.hpp>
#include <alueverkko/backbone/disparity.hpp>
#include <alueverkko/backbone/poisson_binomial.hpp>
#include <alueverkko/backbone/sdsm.hpp>
#include <alueverkko/centrality/scores.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

using namespace alueverkko;

namespace {

// The two-mode graph of a 0/1 matrix given row by row.
TwoModeGraph from_matrix(const std::vector<std::vector<int>>& m) {
  std::vector<std::string> rows, columns;
  // (labels appended, not "r" + to_string: GCC 12's -Wrestrict false positive)
  for (std::size_t i = 0; i < m.size(); ++i) rows.emplace_back(1, 'r').append(std::to_string(i));
  for (std::size_t k = 0; k < m.at(0).size(); ++k) columns.emplace_back(1, 'c').append(std::to_string(k));
  std::vector<TwoModeEdge> edges;
  for (std::uint32_t i = 0; i < m.size(); ++i)
    for (std::uint32_t k = 0; k < m[i].size(); ++k)
      if (m[i][k]) edges.push_back({i, k});
  return TwoModeGraph::from_edges(rows, columns, edges);
}

double round3(double x) { return std::round(x * 1000) / 1000; }

WeightedGraph::EdgeId edge_of(const WeightedGraph& g, WeightedGraph::Vertex u, WeightedGraph::Vertex v) {
  for (WeightedGraph::EdgeId e = 0; e < g.edge_count(); ++e)
    if (g.edge_source(e) == std::min(u, v) && g.edge_target(e) == std::max(u, v)) return e;
  FAIL("no edge " << u << "-" << v);
  return 0;
}

}  // namespace

TEST_CASE("disparity filter: p-values computed by hand", "[backbone]") {
  // Vertex: degree k (self-loop excluded), strength s
  //   0: k 3, s 4+1+1 = 6      1: k 2, s 4+2 = 6      2: k 2, s 1+2 = 3 (self-loop 5 not counted)
  //   3: k 2, s 1+1 = 2        4: k 1, s 1            5, 6: k 1 (an isolated pair)
  // α_ij = (1 − w/s_i)^(k_i − 1), p = min over the endpoints of degree > 1:
  //   0-1 (w 4): from 0 (1 − 4/6)^2 = 1/9, from 1 (1 − 4/6)^1 = 1/3  → 1/9
  //   0-2 (w 1): from 0 (5/6)^2 = 25/36, from 2 (1 − 1/3) = 2/3       → 2/3
  //   0-3 (w 1): from 0 25/36, from 3 (1 − 1/2) = 1/2                 → 1/2
  //   1-2 (w 2): from 1 (1 − 2/6) = 2/3, from 2 (1 − 2/3) = 1/3       → 1/3
  //   3-4 (w 1): from 3 1/2, 4 has degree 1 (ignored)                  → 1/2
  //   5-6 (w 3): both endpoints of degree 1                            → 1
  //   2-2 (w 5): a self-loop, not tested                               → NaN
  const std::vector<WeightedEdge> edges{{0, 1, 4}, {0, 2, 1}, {0, 3, 1}, {1, 2, 2}, {3, 4, 1}, {5, 6, 3}, {2, 2, 5}};
  const auto g = WeightedGraph::from_edges(7, edges, WeightMeaning::affinity, {"a", "b", "c", "d", "e", "f", "g"});
  const auto p = disparity_p_values(g);
  CHECK(p[edge_of(g, 0, 1)] == Approx(1.0 / 9));
  CHECK(p[edge_of(g, 0, 2)] == Approx(2.0 / 3));
  CHECK(p[edge_of(g, 0, 3)] == Approx(0.5));
  CHECK(p[edge_of(g, 1, 2)] == Approx(1.0 / 3));
  CHECK(p[edge_of(g, 3, 4)] == Approx(0.5));
  CHECK(p[edge_of(g, 5, 6)] == 1.0);
  CHECK(std::isnan(p[edge_of(g, 2, 2)]));

  const auto at = [&](double alpha, Correction c) {
    const auto r = disparity_filter(g, {alpha, c});
    CHECK(r.tests == 6);
    CHECK(r.backbone.vertex_count() == 7);
    CHECK(r.backbone.labels()[6] == "g");
    return r.backbone.edge_count();
  };
  CHECK(at(0.2, Correction::none) == 1);         // 1/9
  CHECK(at(0.4, Correction::none) == 2);         // 1/9, 1/3
  CHECK(at(0.6, Correction::bonferroni) == 0);   // 0.6/6 = 0.1 < 1/9
  CHECK(at(0.7, Correction::bonferroni) == 1);   // 0.7/6 = 0.117 > 1/9
  CHECK(at(0.7, Correction::holm) == 1);         // 1/9 < 0.7/6; then 1/3 > 0.7/5: stop
  CHECK(at(1.0, Correction::holm) == 1);         // 1/9 < 1/6; 1/3 > 1/5: stop
  CHECK_THROWS_AS(disparity_p_values(g.with_weights(std::vector<double>(g.edge_count(), 1.0), WeightMeaning::distance)),
                  std::invalid_argument);
}

TEST_CASE("multiple-testing corrections", "[backbone]") {
  const std::vector<double> p{0.01, 0.04, 0.03, 0.2, std::nan("")};
  CHECK(significant(p, 0.05, Correction::none) == std::vector<std::uint8_t>{1, 1, 1, 0, 0});
  CHECK(significant(p, 0.05, Correction::bonferroni) == std::vector<std::uint8_t>{1, 0, 0, 0, 0});  // 0.0125
  // Holm, m = 4: 0.01 < 0.0125, 0.03 < 0.05/3 = 0.0167? no → stop
  CHECK(significant(p, 0.05, Correction::holm) == std::vector<std::uint8_t>{1, 0, 0, 0, 0});
  CHECK(significant(p, 0.1, Correction::holm) == std::vector<std::uint8_t>{1, 1, 1, 0, 0});  // 0.025, 0.033, 0.05
  CHECK(significant(p, 0.1, Correction::holm, 100) == std::vector<std::uint8_t>{0, 0, 0, 0, 0});
  CHECK_THROWS_AS(significant(p, 0.0, Correction::none), std::invalid_argument);
}

TEST_CASE("BiCM: published probabilities and expected degrees", "[backbone]") {
  // R backbone::bicm(rbind(c(0,0,1), c(0,1,0), c(1,0,1)))
  const auto g = from_matrix({{0, 0, 1}, {0, 1, 0}, {1, 0, 1}});
  const Bicm model = fit_bicm(g);
  const std::vector<double> expected{.216, .216, .568, .216, .216, .568, .568, .568, .863};
  const auto p = model.dense_probabilities();
  for (std::size_t e = 0; e < 9; ++e) CHECK(round3(p[e]) == Approx(expected[e]));
  CHECK(model.row_classes() == 2);  // degrees 1 and 2
  CHECK(model.max_degree_error < 1e-9);

  // Random graphs: the expected degrees equal the observed ones.
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<std::vector<int>> m(12, std::vector<int>(9));
    std::bernoulli_distribution draw(0.3);
    for (auto& row : m)
      for (auto& x : row) x = draw(rng);
    const auto random = from_matrix(m);
    Bicm fit;
    try {
      fit = fit_bicm(random);
    } catch (const ConvergenceError&) {
      continue;  // a degree sequence on the boundary (no finite solution) — rare at this density
    }
    const auto rows = fit.expected_row_degrees();
    for (std::uint32_t i = 0; i < 12; ++i) CHECK(rows[i] == Approx(double(random.row_edges(i).size())).margin(1e-8));
    const auto columns = fit.expected_column_degrees();
    for (std::uint32_t k = 0; k < 9; ++k) CHECK(columns[k] == Approx(double(random.column_edges(k).size())).margin(1e-8));
  }
}

TEST_CASE("BiCM: empty and full rows and columns are solved exactly", "[backbone]") {
  // Row 0 is in every column, row 3 in none, column 3 in no row; row 2's only membership is the
  // full column 0 once row 0 is peeled ... the rest is free.
  const auto g = from_matrix({{1, 1, 1, 0}, {1, 1, 0, 0}, {1, 0, 1, 0}, {0, 0, 0, 0}});
  const Bicm model = fit_bicm(g);
  CHECK(model.max_degree_error < 1e-9);
  CHECK(model.probability(3, 0) == 0.0);
  CHECK(model.probability(0, 3) == 0.0);
}

TEST_CASE("Poisson-binomial: exact CDF against direct convolution; RNA", "[backbone]") {
  const std::vector<TrialGroup> groups{{0.1, 3}, {0.5, 2}, {0.9, 1}, {0.0, 4}, {1.0, 1}};
  // Direct convolution of the 7 trials that can succeed (and the certain one).
  std::vector<double> pmf{1.0};
  for (const auto& g : groups)
    for (std::uint64_t t = 0; t < g.trials; ++t) {
      std::vector<double> next(pmf.size() + 1, 0.0);
      for (std::size_t k = 0; k < pmf.size(); ++k) {
        next[k] += pmf[k] * (1 - g.probability);
        next[k + 1] += pmf[k] * g.probability;
      }
      pmf = next;
    }
  const auto cdf = poisson_binomial_cdf(groups, 10);
  double sum = 0;
  for (std::size_t k = 0; k <= 10; ++k) {
    if (k < pmf.size()) sum += pmf[k];
    CHECK(cdf[k] == Approx(sum).margin(1e-15));
  }
  const auto truncated = poisson_binomial_cdf(groups, 3);
  for (std::size_t k = 0; k <= 3; ++k) CHECK(truncated[k] == Approx(cdf[k]).margin(1e-15));
  // A large binomial whose leading terms underflow: Binomial(20000, 0.5), P(X <= 10000) ≈ 0.5028.
  const std::vector<TrialGroup> big{{0.5, 20000}};
  CHECK(poisson_binomial_cdf(big, 10000)[10000] == Approx(0.502821).epsilon(1e-5));
  const auto moments = rna_moments(big);
  CHECK(rna_cdf(moments, 10000) == Approx(0.502821).epsilon(1e-4));
}

TEST_CASE("SDSM: published p-values (exact and RNA), diagonal included", "[backbone]") {
  // R backbone::sdsm(rbind(c(1,0,1,1), c(0,1,0,0), c(1,0,0,1))) p-values of the row projection.
  const auto g = from_matrix({{1, 0, 1, 1}, {0, 1, 0, 0}, {1, 0, 0, 1}});
  const auto rna = sdsm_matrices(g, SdsmApproximation::rna);
  const std::vector<double> rna_upper{.432, .977, .549, .977, .304, .972, .549, .972, .329};
  const std::vector<double> rna_lower{.909, .354, .844, .354, .954, .476, .844, .476, .942};
  const auto exact = sdsm_matrices(g, SdsmApproximation::exact);
  const std::vector<double> exact_upper{.427, 1, .555, 1, .306, 1, .555, 1, .333};
  const std::vector<double> exact_lower{.914, .365, .856, .365, .969, .487, .856, .487, .955};
  for (std::size_t e = 0; e < 9; ++e) {
    INFO("entry " << e);
    CHECK(round3(rna.upper[e]) == Approx(rna_upper[e]));
    CHECK(round3(rna.lower[e]) == Approx(rna_lower[e]));
    CHECK(round3(exact.upper[e]) == Approx(exact_upper[e]));
    CHECK(round3(exact.lower[e]) == Approx(exact_lower[e]));
  }
  CHECK(exact.count == std::vector<std::uint32_t>{3, 0, 2, 0, 1, 0, 2, 0, 2});
}

TEST_CASE("SDSM: sparse pairs agree with the dense matrices; tails, corrections, all pairs", "[backbone]") {
  std::mt19937 rng(3);
  std::bernoulli_distribution draw(0.25);
  std::vector<std::vector<int>> m(30, std::vector<int>(20));
  for (auto& row : m)
    for (auto& x : row) x = draw(rng);
  const auto g = from_matrix(m);
  const auto dense = sdsm_matrices(g);
  SdsmOptions options;
  options.alpha = 0.2;
  const auto sparse = sdsm(g, options);
  CHECK(sparse.tests == 30 * 29 / 2);
  std::size_t cooccurring = 0;
  for (std::size_t i = 0; i < 30; ++i)
    for (std::size_t j = i + 1; j < 30; ++j) cooccurring += dense.count[i * 30 + j] > 0;
  REQUIRE(sparse.pairs.i.size() == cooccurring);
  std::size_t positive = 0;
  for (std::size_t e = 0; e < sparse.pairs.i.size(); ++e) {
    const std::size_t at = sparse.pairs.i[e] * 30 + sparse.pairs.j[e];
    CHECK(sparse.pairs.i[e] < sparse.pairs.j[e]);
    CHECK(sparse.pairs.count[e] == dense.count[at]);
    CHECK(sparse.pairs.upper[e] == Approx(dense.upper[at]).margin(1e-14));
    CHECK(sparse.pairs.lower[e] == Approx(dense.lower[at]).margin(1e-14));
    CHECK(sparse.pairs.sign[e] == (dense.upper[at] < 0.2 ? 1 : 0));
    positive += sparse.pairs.sign[e] == 1;
  }
  CHECK(sparse.positive.edge_count() == positive);
  CHECK(sparse.negative.edge_count() == 0);

  options.all_pairs = true;
  options.tail = SdsmTail::both;
  const auto signed_ = sdsm(g, options);
  REQUIRE(signed_.pairs.i.size() == 30 * 29 / 2);
  for (std::size_t e = 0; e < signed_.pairs.i.size(); ++e) {
    const std::size_t at = signed_.pairs.i[e] * 30 + signed_.pairs.j[e];
    CHECK(signed_.pairs.lower[e] == Approx(dense.lower[at]).margin(1e-14));
    const int sign = dense.upper[at] < 0.1 ? 1 : (dense.lower[at] < 0.1 ? -1 : 0);
    CHECK(signed_.pairs.sign[e] == sign);
  }
  options.max_pairs = 10;
  CHECK_THROWS_AS(sdsm(g, options), std::invalid_argument);
  CHECK_THROWS_AS(sdsm_matrices(g, SdsmApproximation::exact, {}, 10), std::invalid_argument);
}
