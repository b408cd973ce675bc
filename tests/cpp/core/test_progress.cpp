// Progress and cancellation (core/progress.hpp) through the path measures' parallel loop and SDSM:
// what the callback sees, that it changes no result, that false stops with Cancelled, and the
// interval between reports.
#include <alueverkko/backbone/sdsm.hpp>
#include <alueverkko/centrality/betweenness.hpp>
#include <alueverkko/centrality/closeness.hpp>
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/distance.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace alueverkko;

namespace {

WeightedGraph random_graph(std::size_t n, std::size_t edges, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_int_distribution<std::uint32_t> vertex(0, static_cast<std::uint32_t>(n - 1));
  std::uniform_real_distribution<double> weight(0.5, 2.0);
  std::vector<WeightedEdge> list;
  while (list.size() < edges) {
    const auto a = vertex(random), b = vertex(random);
    if (a != b) list.push_back({a, b, weight(random)});
  }
  return WeightedGraph::from_edges(n, list, WeightMeaning::distance);
}

// Every report, in order.
struct Recorder {
  std::vector<std::size_t> done, total;
  std::thread::id thread;
  bool one_thread = true;
  Progress progress(std::chrono::milliseconds interval = std::chrono::milliseconds(0)) {
    Progress p;
    p.interval = interval;
    p.report = [this](std::size_t d, std::size_t t) {
      if (done.empty()) thread = std::this_thread::get_id();
      one_thread = one_thread && thread == std::this_thread::get_id();
      done.push_back(d);
      total.push_back(t);
      return true;
    };
    return p;
  }
};

void check_reports(const Recorder& r, std::size_t total) {
  REQUIRE_FALSE(r.done.empty());
  CHECK(r.done.back() == total);
  for (const auto t : r.total) CHECK(t == total);
  for (std::size_t i = 1; i < r.done.size(); ++i) CHECK(r.done[i - 1] <= r.done[i]);
  CHECK(r.one_thread);
  CHECK(r.thread == std::this_thread::get_id());  // the calling thread, which may hold a lock
}

}  // namespace

TEST_CASE("Progress: the callback sees done rise to total; results are unchanged", "[progress]") {
  const auto g = random_graph(300, 900, 5);
  for (const int threads : {1, 2}) {
    INFO("threads " << threads);
    BetweennessOptions plain;
    plain.threads = threads;
    plain.lengths = {true, DistanceConversion::none};
    BetweennessOptions watched = plain;
    Recorder r;
    watched.progress = r.progress();
    const auto expected = betweenness(g, plain);
    const auto seen = betweenness(g, watched);
    CHECK(seen.values == expected.values);  // the same thread count: the same sums in the same order
    check_reports(r, 300);
    CHECK(r.done.size() > 1);  // interval 0: reports as tasks finish, not only at the end

    Recorder e;
    watched.progress = e.progress();
    CHECK(edge_betweenness(g, watched).values == edge_betweenness(g, plain).values);
    check_reports(e, 300);

    ClosenessOptions c_plain;
    c_plain.threads = threads;
    ClosenessOptions c_watched = c_plain;
    Recorder c, h;
    c_watched.progress = c.progress();
    CHECK(closeness(g, c_watched).values == closeness(g, c_plain).values);
    check_reports(c, 300);
    c_watched.progress = h.progress();
    CHECK(harmonic_closeness(g, c_watched).values == harmonic_closeness(g, c_plain).values);
    check_reports(h, 300);
  }
}

TEST_CASE("Progress: sampled betweenness counts its sources", "[progress]") {
  const auto g = random_graph(200, 600, 6);
  BetweennessOptions o;
  o.samples = 40;
  o.seed = 3;
  const auto expected = betweenness(g, o);
  Recorder r;
  o.progress = r.progress();
  CHECK(betweenness(g, o).values == expected.values);
  check_reports(r, 40);
}

TEST_CASE("Progress: returning false throws Cancelled and stops early", "[progress]") {
  const auto g = random_graph(400, 1200, 7);
  for (const int threads : {1, 2}) {
    INFO("threads " << threads);
    std::size_t stops = 0, last_done = 0;
    BetweennessOptions o;
    o.threads = threads;
    o.progress.interval = std::chrono::milliseconds(0);
    o.progress.report = [&](std::size_t done, std::size_t) {
      last_done = done;
      stops += done >= 10;
      return done < 10;
    };
    CHECK_THROWS_AS(betweenness(g, o), Cancelled);
    CHECK(stops == 1);  // no report after the one that said stop
    CHECK(last_done < 400);

    ClosenessOptions c;
    c.threads = threads;
    c.progress = o.progress;
    stops = 0;
    CHECK_THROWS_AS(closeness(g, c), Cancelled);
    CHECK(stops == 1);
    CHECK(last_done < 400);
  }
}

TEST_CASE("Progress: false in the last report still cancels; exceptions pass through", "[progress]") {
  const auto g = random_graph(50, 120, 8);
  BetweennessOptions o;
  o.progress.interval = std::chrono::hours(1);  // only the final report
  std::vector<std::size_t> seen;
  o.progress.report = [&](std::size_t done, std::size_t) {
    seen.push_back(done);
    return false;
  };
  CHECK_THROWS_AS(betweenness(g, o), Cancelled);
  CHECK(seen == std::vector<std::size_t>{50});

  o.progress.report = [](std::size_t, std::size_t) -> bool { throw std::domain_error("from the callback"); };
  CHECK_THROWS_AS(betweenness(g, o), std::domain_error);
}

TEST_CASE("Progress: the interval between reports is respected", "[progress]") {
  // Each task sleeps 2 ms; with a 20 ms interval about one report per 10 tasks.
  constexpr std::size_t tasks = 100;
  const auto interval = std::chrono::milliseconds(20);
  std::vector<std::chrono::steady_clock::time_point> times;
  Progress progress;
  progress.interval = interval;
  progress.report = [&](std::size_t, std::size_t) {
    times.push_back(std::chrono::steady_clock::now());
    return true;
  };
  const auto start = std::chrono::steady_clock::now();
  std::size_t ran = 0;  // one thread
  paths::parallel_states(
      tasks, 1, [] { return 0; },
      [&](int&, std::size_t) {
        ++ran;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      },
      progress);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(ran == tasks);
  REQUIRE(times.size() >= 2);
  // Every report but the last (always made) comes at least an interval after the previous one.
  CHECK(times.front() - start >= interval);
  for (std::size_t i = 1; i + 1 < times.size(); ++i) CHECK(times[i] - times[i - 1] >= interval - std::chrono::milliseconds(1));
  CHECK(times.size() <= static_cast<std::size_t>(elapsed / interval) + 1);
  CHECK(times.size() >= 3);  // >= 200 ms of work: reports came while it ran
}

TEST_CASE("Progress: the caller keeps reporting while the other threads finish", "[progress]") {
  // Thread 1's tasks are slow, thread 0's fast: reports must go on after thread 0 is done.
  std::vector<std::size_t> seen;
  Progress progress;
  progress.interval = std::chrono::milliseconds(5);
  progress.report = [&](std::size_t done, std::size_t) {
    seen.push_back(done);
    return true;
  };
  paths::parallel_states(
      8, 2, [] { return 0; },
      [](int&, std::size_t i) {
        if (i % 2 == 1) std::this_thread::sleep_for(std::chrono::milliseconds(30));
      },
      progress);
  REQUIRE(seen.size() >= 3);
  CHECK(seen.back() == 8);
  CHECK(std::count_if(seen.begin(), seen.end(), [](std::size_t d) { return d >= 4 && d < 8; }) >= 1);
}

TEST_CASE("Progress: SDSM counts its distributions and can be cancelled", "[progress]") {
  std::mt19937 random(4);
  std::bernoulli_distribution member(0.3);
  std::vector<std::string> rows, columns;
  for (int i = 0; i < 40; ++i) rows.emplace_back(1, 'r').append(std::to_string(i));
  for (int k = 0; k < 25; ++k) columns.emplace_back(1, 'c').append(std::to_string(k));
  std::vector<TwoModeEdge> edges;
  for (std::uint32_t i = 0; i < 40; ++i)
    for (std::uint32_t k = 0; k < 25; ++k)
      if (member(random)) edges.push_back({i, k});
  const auto g = TwoModeGraph::from_edges(rows, columns, edges);

  SdsmOptions o;
  o.threads = 2;
  const auto expected = sdsm(g, o);
  Recorder r;
  o.progress = r.progress();
  const auto seen = sdsm(g, o);
  CHECK(seen.pairs.upper == expected.pairs.upper);
  CHECK(seen.pairs.sign == expected.pairs.sign);
  REQUIRE_FALSE(r.total.empty());
  check_reports(r, r.total.front());
  CHECK(r.total.front() > 1);

  o.progress.report = [](std::size_t done, std::size_t) { return done < 1; };
  CHECK_THROWS_AS(sdsm(g, o), Cancelled);
}
