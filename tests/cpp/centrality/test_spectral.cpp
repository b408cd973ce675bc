// Eigenvector, PageRank, Katz and coreness on small fixtures. Independent oracles: Eigen's
// SelfAdjointEigenSolver (Perron vector), direct linear solves of the PageRank and Katz fixed points,
// hand-computed core numbers; and the values networkx 2.8.8 prints for the same graphs with default
// options (our iteration is networkx's step for step, so those agree to rounding).
#include <alueverkko/centrality/coreness.hpp>
#include <alueverkko/centrality/spectral.hpp>

#include <Eigen/Dense>
#include <Eigen/IterativeLinearSolvers>
#include <Eigen/Sparse>
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <string>
#include <vector>

using namespace alueverkko;
using Catch::Matchers::Contains;

namespace {

WeightedGraph make(std::size_t n, std::vector<WeightedEdge> edges, WeightMeaning meaning = WeightMeaning::affinity) {
  return WeightedGraph::from_edges(n, edges, meaning);
}

// Fixtures.
WeightedGraph star() { return make(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}}); }
WeightedGraph path4() { return make(4, {{0, 1}, {1, 2}, {2, 3}}); }
WeightedGraph triangle_pendant() { return make(4, {{0, 1}, {1, 2}, {0, 2}, {2, 3}}); }
// Triangle 0-1-2, edge 3-4, isolated vertex 5.
WeightedGraph two_components() { return make(6, {{0, 1}, {1, 2}, {0, 2}, {3, 4}}); }
// Path 0-1-2 with a self-loop at 0.
WeightedGraph self_loop() { return make(3, {{0, 1}, {1, 2}, {0, 0}}); }
WeightedGraph weighted() { return make(4, {{0, 1, 2.0}, {1, 2, 1.0}, {0, 2, 0.5}, {2, 3, 3.0}}); }

// Dense adjacency: a self-loop once on the diagonal (networkx's adjacency matrix).
Eigen::MatrixXd adjacency(const WeightedGraph& g, bool weighted) {
  const auto n = static_cast<Eigen::Index>(g.vertex_count());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  for (WeightedGraph::EdgeId e = 0; e < g.edge_count(); ++e) {
    const double w = weighted ? g.edge_weight(e) : 1.0;
    a(g.edge_source(e), g.edge_target(e)) = w;
    a(g.edge_target(e), g.edge_source(e)) = w;
  }
  return a;
}

// PageRank as the solution of (I − d(P^T + p·1_D^T)) x = (1 − d) p.
Eigen::VectorXd pagerank_oracle(const WeightedGraph& g, double d, bool weighted, Eigen::VectorXd p = {}) {
  const Eigen::MatrixXd a = adjacency(g, weighted);
  const auto n = a.rows();
  if (p.size() == 0) p = Eigen::VectorXd::Constant(n, 1.0 / static_cast<double>(n));
  p /= p.sum();
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(n, n);  // column u: where u's mass goes
  for (Eigen::Index u = 0; u < n; ++u) {
    const double s = a.row(u).sum();
    if (s == 0) m.col(u) = p;
    else m.col(u) = a.row(u).transpose() / s;
  }
  const Eigen::MatrixXd system = Eigen::MatrixXd::Identity(n, n) - d * m;
  return system.partialPivLu().solve((1 - d) * p);
}

// Katz: (I − αA) x = β1, scaled to unit norm.
Eigen::VectorXd katz_oracle(const WeightedGraph& g, double alpha, double beta, bool weighted, bool normalized = true) {
  const Eigen::MatrixXd a = adjacency(g, weighted);
  const auto n = a.rows();
  Eigen::VectorXd x = (Eigen::MatrixXd::Identity(n, n) - alpha * a).partialPivLu().solve(Eigen::VectorXd::Constant(n, beta));
  if (normalized) x.normalize();
  return x;
}

// The Perron vector of A (connected graph), positive, unit norm.
Eigen::VectorXd perron_oracle(const WeightedGraph& g, bool weighted) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(adjacency(g, weighted));
  Eigen::VectorXd x = solver.eigenvectors().col(solver.eigenvalues().size() - 1).cwiseAbs();
  return x.normalized();
}

void check_close(const std::vector<double>& got, const Eigen::VectorXd& expected, double margin) {
  REQUIRE(got.size() == static_cast<std::size_t>(expected.size()));
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("vertex " << i);
    CHECK(got[i] == Approx(expected(static_cast<Eigen::Index>(i))).margin(margin).epsilon(0));
  }
}

void check_values(const std::vector<double>& got, const std::vector<double>& expected, double margin) {
  check_close(got, Eigen::Map<const Eigen::VectorXd>(expected.data(), static_cast<Eigen::Index>(expected.size())), margin);
}

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

// ------------------------------------------------------------------------------------- eigenvector

TEST_CASE("eigenvector centrality converges to the Perron vector of A", "[centrality]") {
  EigenvectorOptions tight;
  tight.tolerance = 1e-14;
  tight.max_iterations = 10000;
  check_close(eigenvector_centrality(triangle_pendant(), tight).values, perron_oracle(triangle_pendant(), false), 1e-10);
  check_close(eigenvector_centrality(weighted(), tight).values, perron_oracle(weighted(), true), 1e-10);
  // The self-loop adds 1 once to A(0,0).
  check_close(eigenvector_centrality(self_loop(), tight).values, perron_oracle(self_loop(), false), 1e-10);
  // Unweighted reading of a weighted graph = all weights 1.
  tight.weighted = false;
  check_close(eigenvector_centrality(weighted(), tight).values, perron_oracle(weighted(), false), 1e-10);

  // Star K_{1,4}: λ = 2, centre 1/√2, leaves 1/(2√2).
  const auto s = eigenvector_centrality(star(), tight).values;
  CHECK(s[0] == Approx(1 / std::sqrt(2.0)).margin(1e-10));
  for (int leaf = 1; leaf <= 4; ++leaf) CHECK(s[static_cast<std::size_t>(leaf)] == Approx(1 / std::sqrt(8.0)).margin(1e-10));
}

TEST_CASE("eigenvector centrality with default options gives networkx's values", "[centrality]") {
  // networkx 2.8.8 eigenvector_centrality(G) (weight=None), printed with 17 digits.
  check_values(eigenvector_centrality(star()).values,
              {0.70710692902499417, 0.353553316674035, 0.353553316674035, 0.353553316674035, 0.353553316674035}, 1e-12);
  check_values(eigenvector_centrality(path4()).values,
              {0.37174823427120085, 0.60150083151750033, 0.60150083151750044, 0.37174823427120079}, 1e-12);
  check_values(eigenvector_centrality(self_loop()).values, {0.73697510223450735, 0.5910096738672207, 0.3279866827811746},
              1e-12);
  check_values(eigenvector_centrality(weighted()).values,
              {0.31391222872094521, 0.37438182534642278, 0.65689007492441642, 0.5742758840274631}, 1e-12);
  // Disconnected: from the uniform start the triangle (λ+1 = 3) dominates the edge (λ+1 = 2) and the
  // isolated vertex (1); iteration stops with the small remainders networkx also reports.
  const auto r = eigenvector_centrality(two_components());
  check_values(r.values,
              {0.57735026917784904, 0.57735026917784904, 0.57735026917784904, 4.5164047970914948e-06,
               4.5164047970914948e-06, 8.4124594872658976e-15},
              1e-12);
  CHECK(r.values[5] > 0);
  CHECK(*r.find("iterations") == "29");  // networkx needs max_iter >= 29 here
}

// ---------------------------------------------------------------------------------------- pagerank

TEST_CASE("pagerank solves the PageRank linear system", "[centrality]") {
  PageRankOptions tight;
  tight.tolerance = 1e-14;
  tight.max_iterations = 1000;
  for (const auto& g : {triangle_pendant(), weighted(), self_loop(), two_components(), star()}) {
    const auto r = pagerank(g, tight);
    check_close(r.values, pagerank_oracle(g, 0.85, true), 1e-12);
    CHECK(sum(r.values) == Approx(1.0).margin(1e-12));
  }
  SECTION("unweighted reading, other damping") {
    tight.weighted = false;
    tight.damping = 0.6;
    check_close(pagerank(weighted(), tight).values, pagerank_oracle(weighted(), 0.6, false), 1e-12);
  }
  SECTION("personalization, also the target of dangling mass") {
    tight.personalization = {1, 0, 0, 3, 0, 2};  // not normalised: divided by its sum
    Eigen::VectorXd p(6);
    p << 1, 0, 0, 3, 0, 2;
    const auto r = pagerank(two_components(), tight);
    check_close(r.values, pagerank_oracle(two_components(), 0.85, true, p), 1e-12);
    CHECK(*r.find("personalization") == "given");
  }
  SECTION("zero weights: a vertex whose edges all weigh 0 is dangling") {
    const auto g = make(4, {{0, 1, 1.0}, {1, 2, 2.0}, {2, 3, 0.0}});
    check_close(pagerank(g, tight).values, pagerank_oracle(g, 0.85, true), 1e-12);
  }
  SECTION("damping 0 gives the personalization") {
    tight.damping = 0;
    check_values(pagerank(star(), tight).values, std::vector<double>(5, 0.2), 1e-15);
  }
}

TEST_CASE("pagerank with default options gives networkx's values", "[centrality]") {
  // networkx 2.8.8 pagerank(G) (weight="weight", alpha=0.85).
  check_values(pagerank(star()).values,
              {0.47567668878363595, 0.13108082780409108, 0.13108082780409108, 0.13108082780409108, 0.13108082780409108},
              1e-12);
  check_values(pagerank(two_components()).values,
              {0.1941747257798401, 0.1941747257798401, 0.1941747257798401, 0.1941747257798401, 0.1941747257798401,
               0.029126371100799138},
              1e-12);
  check_values(pagerank(self_loop()).values, {0.3817175683766465, 0.39879499816016639, 0.21948743346318683}, 1e-12);
  check_values(pagerank(weighted()).values,
              {0.20422935082240923, 0.23898448988787158, 0.33145983135596602, 0.22532632793375298}, 1e-12);
  PageRankOptions personal;
  personal.personalization = {1, 0, 0, 3};
  check_values(pagerank(weighted(), personal).values,
              {0.17258283915739517, 0.18165054229690886, 0.34038340555428631, 0.30538321299140975}, 1e-12);
}

TEST_CASE("pagerank refuses a bad personalization or damping", "[centrality]") {
  PageRankOptions o;
  o.personalization = {1, 2};
  CHECK_THROWS_AS(pagerank(star(), o), std::invalid_argument);
  o.personalization = {0, 0, 0, 0, 0};
  CHECK_THROWS_AS(pagerank(star(), o), std::invalid_argument);
  o.personalization = {1, -1, 0, 0, 0};
  CHECK_THROWS_AS(pagerank(star(), o), std::invalid_argument);
  o.personalization.clear();
  o.damping = 1.5;
  CHECK_THROWS_AS(pagerank(star(), o), std::invalid_argument);
}

// -------------------------------------------------------------------------------------------- katz

TEST_CASE("katz centrality solves (I - alpha A) x = beta 1", "[centrality]") {
  KatzOptions tight;
  tight.tolerance = 1e-13;
  for (const auto& g : {triangle_pendant(), weighted(), self_loop(), two_components(), star()})
    check_close(katz_centrality(g, tight).values, katz_oracle(g, 0.1, 1.0, true), 1e-12);
  SECTION("not normalized") {
    tight.normalized = false;
    tight.alpha = 0.2;
    tight.beta = 2.0;
    const auto r = katz_centrality(triangle_pendant(), tight);
    check_close(r.values, katz_oracle(triangle_pendant(), 0.2, 2.0, true, false), 1e-12);
    CHECK(*r.find("normalization") == "none");
  }
  SECTION("unweighted reading") {
    tight.weighted = false;
    check_close(katz_centrality(weighted(), tight).values, katz_oracle(weighted(), 0.1, 1.0, false), 1e-12);
  }
  SECTION("beta 0: the zero vector, left unscaled") {
    tight.beta = 0;
    check_values(katz_centrality(star(), tight).values, std::vector<double>(5, 0.0), 0);
  }
}

TEST_CASE("katz centrality with default options gives networkx's values", "[centrality]") {
  // networkx 2.8.8 katz_centrality(G) (alpha=0.1, beta=1, weight=None for the unweighted fixtures).
  check_values(katz_centrality(path4()).values,
              {0.47565150131853784, 0.52321663705717636, 0.52321663705717636, 0.47565150131853784}, 1e-12);
  check_values(katz_centrality(two_components()).values,
              {0.43767773920945835, 0.43767773920945835, 0.43767773920945835, 0.38904691909679612, 0.38904691909679612,
               0.35014222722213073},
              1e-12);
  check_values(katz_centrality(self_loop()).values, {0.59848049695414862, 0.59303977010509734, 0.53863245895434897},
              1e-12);
  check_values(katz_centrality(weighted()).values,  // weight="weight"
              {0.45798353216100107, 0.48111596214670349, 0.55517859714332074, 0.50055493256081252}, 1e-12);
}

// ------------------------------------------------------------------------------- shared behaviour

TEST_CASE("spectral measures on a graph large enough to run in parallel", "[centrality]") {
  // 3000 vertices, ~24000 edges (48000 CSR slots, above the parallel threshold), random weights.
  constexpr std::size_t n = 3000;
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::uint32_t> vertex(0, n - 1);
  std::uniform_real_distribution<double> weight(0.5, 2.0);
  std::vector<WeightedEdge> edges;
  for (int i = 0; i < 24000; ++i) edges.push_back({vertex(rng), vertex(rng), weight(rng)});
  const auto g = make(n, edges);
  REQUIRE(g.offsets().back() > (1u << 15));

  Eigen::SparseMatrix<double> a(n, n);
  std::vector<Eigen::Triplet<double>> entries;
  for (WeightedGraph::Vertex v = 0; v < n; ++v)
    for (std::size_t k = 0; k < g.degree(v); ++k) entries.emplace_back(v, g.neighbors(v)[k], g.neighbor_weights(v)[k]);
  a.setFromTriplets(entries.begin(), entries.end());

  SECTION("katz") {
    KatzOptions o;
    o.alpha = 0.01;
    o.tolerance = 1e-15;
    Eigen::SparseMatrix<double> system = -o.alpha * a;
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i) system.coeffRef(i, i) += 1.0;
    Eigen::ConjugateGradient<Eigen::SparseMatrix<double>, Eigen::Lower | Eigen::Upper> cg;
    cg.setTolerance(1e-14);
    cg.compute(system);
    const Eigen::VectorXd x = cg.solve(Eigen::VectorXd::Ones(n)).normalized();
    check_close(katz_centrality(g, o).values, x, 1e-12);
  }
  SECTION("pagerank") {
    PageRankOptions o;
    o.tolerance = 1e-15;
    o.max_iterations = 1000;
    // (I − d(P^T + p·1_D^T)) x = (1 − d) p with uniform p.
    Eigen::VectorXd strength = a * Eigen::VectorXd::Ones(n);
    Eigen::SparseMatrix<double> pt = a;  // symmetric: column u of A scaled by 1/s_u is column u of P^T
    for (int u = 0; u < pt.outerSize(); ++u)
      for (Eigen::SparseMatrix<double>::InnerIterator it(pt, u); it; ++it) it.valueRef() /= strength(u);
    Eigen::SparseMatrix<double> system = -0.85 * pt;
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i) system.coeffRef(i, i) += 1.0;
    const Eigen::VectorXd p = Eigen::VectorXd::Constant(n, 1.0 / n);
    // Dangling vertices (isolated) send their mass by p: a rank-one term, handled by Sherman–Morrison.
    Eigen::VectorXd dangling = Eigen::VectorXd::Zero(n);
    for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(n); ++i) dangling(i) = strength(i) == 0 ? 1.0 : 0.0;
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
    lu.compute(system);
    const Eigen::VectorXd y = lu.solve((1 - 0.85) * p), z = lu.solve(0.85 * p);
    const Eigen::VectorXd x = y + z * (dangling.dot(y) / (1 - dangling.dot(z)));
    const auto r = pagerank(g, o);
    check_close(r.values, x, 1e-12);
    CHECK(sum(r.values) == Approx(1.0).margin(1e-12));
  }
  SECTION("eigenvector") {
    // The Perron vector of the giant component dominates; check the eigen-equation A x = λ x there.
    EigenvectorOptions o;
    o.tolerance = 1e-13;
    o.max_iterations = 100000;
    const auto r = eigenvector_centrality(g, o);
    const Eigen::Map<const Eigen::VectorXd> x(r.values.data(), static_cast<Eigen::Index>(n));
    const Eigen::VectorXd ax = a * x;
    const double lambda = x.dot(ax);
    CHECK((ax - lambda * x).norm() < 1e-6 * lambda);
    CHECK(x.norm() == Approx(1.0).margin(1e-12));
  }
}

TEST_CASE("spectral measures of the empty graph are empty", "[centrality]") {
  const WeightedGraph empty = make(0, {});
  CHECK(eigenvector_centrality(empty).values.empty());
  CHECK(pagerank(empty).values.empty());
  CHECK(katz_centrality(empty).values.empty());
  CHECK(coreness(empty).values.empty());
  // Isolated vertices only.
  const WeightedGraph isolated = make(3, {});
  check_values(pagerank(isolated).values, std::vector<double>(3, 1.0 / 3), 1e-15);
  check_values(eigenvector_centrality(isolated).values, std::vector<double>(3, 1 / std::sqrt(3.0)), 1e-15);
  check_values(katz_centrality(isolated).values, std::vector<double>(3, 1 / std::sqrt(3.0)), 1e-15);
}

TEST_CASE("spectral measures throw ConvergenceError when the iterations run out", "[centrality]") {
  EigenvectorOptions e;
  e.max_iterations = 1;
  CHECK_THROWS_AS(eigenvector_centrality(star(), e), ConvergenceError);
  CHECK_THROWS_WITH(eigenvector_centrality(star(), e),
                    Contains("eigenvector centrality") && Contains("1 iterations") && Contains("tolerance 1e-06"));
  PageRankOptions p;
  p.max_iterations = 1;
  CHECK_THROWS_WITH(pagerank(star(), p), Contains("pagerank") && Contains("1 iterations") && Contains("1e-06"));
  p.max_iterations = 0;
  CHECK_THROWS_AS(pagerank(star(), p), ConvergenceError);
  KatzOptions k;
  k.max_iterations = 1;
  CHECK_THROWS_WITH(katz_centrality(star(), k), Contains("katz centrality") && Contains("1 iterations"));
  // alpha above 1/λ_max (= 1/2 for the star): the series diverges and never converges.
  k.max_iterations = 1000;
  k.alpha = 0.9;
  CHECK_THROWS_AS(katz_centrality(star(), k), ConvergenceError);
}

TEST_CASE("spectral measures refuse weights that are distances", "[centrality]") {
  const auto distances = make(3, {{0, 1, 2.0}, {1, 2, 1.0}}, WeightMeaning::distance);
  CHECK_THROWS_AS(eigenvector_centrality(distances), std::invalid_argument);
  CHECK_THROWS_AS(pagerank(distances), std::invalid_argument);
  CHECK_THROWS_AS(katz_centrality(distances), std::invalid_argument);
  CHECK_THROWS_WITH(pagerank(distances), Contains("affinities"));
  // Unweighted, the meaning does not matter.
  EigenvectorOptions e;
  e.weighted = false;
  PageRankOptions p;
  p.weighted = false;
  KatzOptions k;
  k.weighted = false;
  p.tolerance = k.tolerance = 1e-13;
  p.max_iterations = 1000;
  check_values(eigenvector_centrality(distances, e).values, eigenvector_centrality(make(3, {{0, 1}, {1, 2}})).values, 0);
  check_close(pagerank(distances, p).values, pagerank_oracle(distances, 0.85, false), 1e-11);
  check_close(katz_centrality(distances, k).values, katz_oracle(distances, 0.1, 1.0, false), 1e-11);
}

TEST_CASE("spectral measures record how they were computed", "[centrality]") {
  const auto e = eigenvector_centrality(star());
  CHECK(e.measure == "eigenvector");
  CHECK(*e.find("weights") == "affinity");
  CHECK(*e.find("normalization") == "unit Euclidean norm");
  CHECK(*e.find("tolerance") == "1e-06");
  CHECK(std::stoi(*e.find("iterations")) > 1);

  PageRankOptions po;
  po.weighted = false;
  const auto p = pagerank(star(), po);
  CHECK(p.measure == "pagerank");
  CHECK(*p.find("weights") == "unweighted");
  CHECK(*p.find("normalization") == "sums to 1");
  CHECK(*p.find("damping") == "0.85");
  CHECK(*p.find("personalization") == "uniform");
  CHECK(*p.find("tolerance") == "1e-06");
  REQUIRE(p.find("iterations") != nullptr);

  const auto k = katz_centrality(star());
  CHECK(k.measure == "katz");
  CHECK(*k.find("weights") == "affinity");
  CHECK(*k.find("normalization") == "unit Euclidean norm");
  CHECK(*k.find("alpha") == "0.1");
  CHECK(*k.find("beta") == "1");
  REQUIRE(k.find("iterations") != nullptr);
}

// ---------------------------------------------------------------------------------------- coreness

TEST_CASE("coreness: core numbers by Batagelj-Zaversnik", "[centrality]") {
  // K4 on 0..3; 4 joined to 0, 1 and 5; 5 a pendant with a self-loop (ignored); 6 isolated.
  // 4 has degree 3 but only 2 neighbours in the 2-core: networkx core_number = 3,3,3,3,2,1,0.
  const auto g = make(7, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}, {4, 0}, {4, 1}, {4, 5}, {5, 5}});
  const auto r = coreness(g);
  CHECK(r.measure == "coreness");
  check_values(r.values, {3, 3, 3, 3, 2, 1, 0}, 0);
  CHECK(*r.find("weights") == "unweighted");

  check_values(coreness(star()).values, {1, 1, 1, 1, 1}, 0);
  check_values(coreness(triangle_pendant()).values, {2, 2, 2, 1}, 0);
  check_values(coreness(two_components()).values, {2, 2, 2, 1, 1, 0}, 0);
  check_values(coreness(self_loop()).values, {1, 1, 1}, 0);
  // Weights do not matter.
  check_values(coreness(weighted()).values, {2, 2, 2, 1}, 0);

  // K5 minus one edge: the 3-core is everything (the two non-adjacent vertices have degree 3).
  check_values(coreness(make(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {2, 3}, {2, 4}})).values,
              {3, 3, 3, 3, 3}, 0);
}
