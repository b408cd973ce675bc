#pragma once
// The stochastic degree sequence model (SDSM; Neal, Domagalski & Sagan 2021, Sci. Rep. 11:23929)
// backbone of a two-mode graph's row projection. Under the BiCM (bicm.hpp) the number of columns
// rows i and j share is X_ij = Σ_k B(p_ik p_jk): Poisson-binomial. For the observed count c_ij:
//   upper-tail p = P(X_ij >= c_ij)   (i and j co-occur more than expected: a positive tie)
//   lower-tail p = P(X_ij <= c_ij)   (less than expected: a negative tie)
// The distribution depends only on the degree classes of i and j, so it is computed once per pair
// of row classes (the CDF up to the largest count seen for that pair of classes), exactly by
// convolution over the column classes (default) or by the refined normal approximation (RNA).
//
// Which pairs are tested:
//   - by default only the pairs that co-occur (c_ij >= 1), found through the projection. For the
//     upper tail (the positive backbone) that is complete: a pair that never co-occurs has upper p 1.
//   - with `all_pairs` also every pair that never co-occurs (c_ij = 0: upper p 1, lower p
//     P(X_ij = 0)), needed for a complete negative backbone. Their number is n(n−1)/2 minus the
//     co-occurring pairs, so it is refused (std::invalid_argument) above `max_pairs` pairs.
// With the RNA, P(X >= 0) is approximated too (a little below 1), as R's backbone::sdsm does; the
// exact upper tail of a count 0 is 1.
// Multiple testing: m = n(n−1)/2, all unordered pairs of distinct rows, tested or not (an untested
// pair's upper p is 1). `tail` upper keeps the significant upper p-values (sign +1), lower the
// significant lower p-values (sign −1), both a signed backbone with each tail at alpha/2, each tail
// corrected separately with the same m.
// Progress: one task per distribution (pair of row degree classes), the costly part with exact
// p-values (core/progress.hpp); a callback that returns false makes sdsm throw Cancelled.
#include <alueverkko/backbone/bicm.hpp>
#include <alueverkko/backbone/significance.hpp>
#include <alueverkko/core/progress.hpp>
#include <alueverkko/graph/two_mode.hpp>
#include <alueverkko/graph/weighted_graph.hpp>
#include <alueverkko/io/table.hpp>

#include <cstdint>
#include <vector>

namespace alueverkko {

enum class SdsmTail { upper, lower, both };
enum class SdsmApproximation { exact, rna };
std::string_view to_string(SdsmTail tail) noexcept;
std::string_view to_string(SdsmApproximation approximation) noexcept;
SdsmTail sdsm_tail_from_string(std::string_view text);                    // std::invalid_argument
SdsmApproximation sdsm_approximation_from_string(std::string_view text);  // std::invalid_argument

struct SdsmOptions {
  double alpha = 0.05;
  Correction correction = Correction::none;
  SdsmTail tail = SdsmTail::upper;
  SdsmApproximation approximation = SdsmApproximation::exact;
  bool all_pairs = false;
  std::uint64_t max_pairs = 50'000'000;  // limit of all_pairs
  BicmOptions bicm;
  int threads = 0;  // 0 = OpenMP's default
  Progress progress{};  // tasks: the distributions
};

// One entry per tested pair i < j (rows of the two-mode graph), ordered by i, then j.
struct SdsmPairs {
  std::vector<std::uint32_t> i, j;
  std::vector<std::uint32_t> count;  // c_ij, shared columns
  std::vector<double> expected;      // E[X_ij] = Σ_k p_ik p_jk
  std::vector<double> upper, lower;  // p-values
  std::vector<std::int8_t> sign;     // +1 kept as positive, −1 kept as negative, 0 not kept
};

struct SdsmResult {
  SdsmPairs pairs;
  std::uint64_t tests = 0;   // m
  Bicm model;
  // The kept ties as graphs over the rows (labels = row labels): positive ties weighted by c_ij;
  // negative ties weighted by c_ij too (often 0: weights are >= 0, the sign is the graph's).
  WeightedGraph positive, negative;
};

SdsmResult sdsm(const TwoModeGraph& graph, const SdsmOptions& options = {});

// One row per tested pair (per kept pair when `kept_only`): source, target (row labels), weight
// (shared columns), expected, p_upper, p_lower, sign. For the command line and pandas.
Table sdsm_table(const TwoModeGraph& graph, const SdsmResult& result, bool kept_only);

// The full n × n matrices of upper- and lower-tail p-values (row-major, the diagonal included:
// X_ii counts i's own columns, with probabilities p_ik²) for small graphs and checks; refused
// (std::invalid_argument) above `max_rows` rows.
struct SdsmMatrices {
  std::size_t rows = 0;
  std::vector<double> upper, lower;
  std::vector<std::uint32_t> count;
};
SdsmMatrices sdsm_matrices(const TwoModeGraph& graph, SdsmApproximation approximation = SdsmApproximation::exact,
                           const BicmOptions& bicm = {}, std::size_t max_rows = 2000);

}  // namespace alueverkko
