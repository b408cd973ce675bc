// paths::parallel_block_sums: sums that do not depend on the thread count, errors and cancellation.
#include <alueverkko/graph/distance.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

using namespace alueverkko;

namespace {

// Terms whose floating-point sum depends on the order of addition.
double term(std::size_t i) { return std::pow(10.0, static_cast<double>(i % 17) - 8.0) * (i % 3 == 0 ? -1.0 : 1.0) / 3.0; }

struct Sums {
  double block = 0.0;
  std::vector<std::size_t> seen;  // tasks of the current block, in the order run
};

// Σ term(i) through parallel_block_sums, checking that each block's tasks run in order.
double block_sum(std::size_t count, int threads, std::vector<std::size_t>* folded = nullptr) {
  double total = 0.0;
  paths::parallel_block_sums(
      count, threads, [] { return 0; }, [] { return Sums{}; },
      [](int&, Sums& s, std::size_t i) {
        s.block += term(i);
        s.seen.push_back(i);
      },
      [&](Sums& s) {
        for (std::size_t k = 1; k < s.seen.size(); ++k) REQUIRE(s.seen[k] == s.seen[k - 1] + 1);
        if (folded) folded->insert(folded->end(), s.seen.begin(), s.seen.end());
        total += s.block;
        s = Sums{};
      });
  return total;
}

}  // namespace

TEST_CASE("parallel_block_sums: the same sum for any number of threads", "[parallel][determinism]") {
  for (const std::size_t count : {1u, 7u, 256u, 257u, 5000u, 100003u}) {
    CAPTURE(count);
    std::vector<std::size_t> folded;
    const double one = block_sum(count, 1, &folded);
    // Blocks are folded in task order: every task exactly once, 0..count−1.
    REQUIRE(folded.size() == count);
    for (std::size_t i = 0; i < count; ++i) REQUIRE(folded[i] == i);
    for (const int threads : {2, 3, 4, 8}) CHECK(block_sum(count, threads) == one);
  }
  // And it is the sum, to rounding: a plain left-to-right sum of the same terms.
  double plain = 0.0;
  for (std::size_t i = 0; i < 100003; ++i) plain += term(i);
  CHECK(plain == Approx(block_sum(100003, 2)).epsilon(1e-12));
}

TEST_CASE("parallel_block_sums: an exception stops the team and is rethrown", "[parallel]") {
  std::atomic<std::size_t> ran{0};
  const auto run = [&](int threads) {
    paths::parallel_block_sums(
        10000, threads, [] { return 0; }, [] { return 0; },
        [&](int&, int&, std::size_t i) {
          ++ran;
          if (i == 300) throw std::domain_error("task 300");
        },
        [](int&) {});
  };
  CHECK_THROWS_AS(run(2), std::domain_error);
  CHECK(ran < 10000);
  CHECK_THROWS_WITH(run(1), "task 300");
  const auto nothing = [](int&, int&, std::size_t) {};
  CHECK_THROWS_AS(paths::parallel_block_sums(
                      10, 2, []() -> int { throw std::length_error("no workspace"); }, [] { return 0; }, nothing, [](int&) {}),
                  std::length_error);
  CHECK_THROWS_AS(paths::parallel_block_sums(
                      10, 2, [] { return 0; }, []() -> int { throw std::length_error("no sums"); }, nothing, [](int&) {}),
                  std::length_error);
  CHECK_THROWS_AS(paths::parallel_block_sums(
                      10, 2, [] { return 0; }, [] { return 0; }, nothing, [](int&) { throw std::range_error("fold"); }),
                  std::range_error);
}

TEST_CASE("parallel_block_sums: progress counts every task; a stop is Cancelled", "[parallel][progress]") {
  std::vector<std::size_t> seen;
  Progress progress;
  progress.interval = std::chrono::milliseconds(0);
  progress.report = [&](std::size_t done, std::size_t total) {
    CHECK(total == 1000);
    seen.push_back(done);
    return true;
  };
  double total = 0.0;
  paths::parallel_block_sums(
      1000, 2, [] { return 0; }, [] { return 0.0; }, [](int&, double& s, std::size_t i) { s += static_cast<double>(i); },
      [&](double& s) { total += std::exchange(s, 0.0); }, progress);
  CHECK(total == 999.0 * 1000.0 / 2.0);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.back() == 1000);
  for (std::size_t k = 1; k < seen.size(); ++k) CHECK(seen[k] >= seen[k - 1]);

  progress.report = [](std::size_t done, std::size_t) { return done < 100; };
  for (const int threads : {1, 2}) {
    std::atomic<std::size_t> ran{0};
    CHECK_THROWS_AS(paths::parallel_block_sums(
                        100000, threads, [] { return 0; }, [] { return 0; }, [&](int&, int&, std::size_t) { ++ran; },
                        [](int&) {}, progress),
                    Cancelled);
    // With one thread the reporter is the only worker: it stops at the first report past 100. (With
    // two, a descheduled reporter may hear of the end only when the other thread has done it all.)
    if (threads == 1) CHECK(ran == 100);
  }
}

TEST_CASE("parallel_block_sums: a slow block queues the others' sums, boundedly", "[parallel][determinism]") {
  // Task 0 is slow: the other threads finish later blocks first, queue them and then wait.
  const auto slow_first = [](int threads, std::atomic<int>& created) {
    double total = 0.0;
    paths::parallel_block_sums(
        2000, threads, [] { return 0; },
        [&] {
          ++created;
          return 0.0;
        },
        [](int&, double& s, std::size_t i) {
          if (i == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
          s += term(i);
        },
        [&](double& s) { total += std::exchange(s, 0.0); });
    return total;
  };
  std::atomic<int> created{0};
  const double one = slow_first(1, created);
  CHECK(created == 1);
  for (const int threads : {2, 4}) {
    created = 0;
    CHECK(slow_first(threads, created) == one);
    CHECK(created <= 2 * threads + 1);
  }
}
