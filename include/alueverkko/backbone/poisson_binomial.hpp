#pragma once
// The Poisson-binomial distribution: the number of successes among independent Bernoulli trials
// with probabilities q_1 … q_n. Trials come in groups of equal probability (n_g trials of
// probability q_g), as they do in SDSM, where all columns of a degree class share q.
#include <cstdint>
#include <span>
#include <vector>

namespace alueverkko {

struct TrialGroup {
  double probability = 0;  // q_g in [0, 1]
  std::uint64_t trials = 0;  // n_g
};

// P(X <= k) for k = 0 … max_k, exactly: the binomial of each group (its probabilities from lgamma,
// so no underflow of the leading terms) convolved with the others, truncated at max_k (the terms
// above max_k never influence those below). O(Σ_g max_k · min(max_k, n_g)).
std::vector<double> poisson_binomial_cdf(std::span<const TrialGroup> groups, std::uint32_t max_k);

// The refined normal approximation (Hong 2013, Comput. Stat. Data Anal. 59:41) of P(X <= k):
// G((k + 0.5 − μ)/σ) with G(x) = Φ(x) + γ(1 − x²)φ(x)/6, γ = σ⁻³ Σ q(1−q)(1−2q), clipped to [0, 1].
// With σ = 0 (every q is 0 or 1) the distribution is a point mass at μ and the result exact.
struct RnaMoments {
  double mean = 0, variance = 0, skew_sum = 0;  // μ, σ², Σ q(1−q)(1−2q)
};
RnaMoments rna_moments(std::span<const TrialGroup> groups);
double rna_cdf(const RnaMoments& moments, double k);

// Tails from a CDF: P(X >= k) = 1 − P(X <= k − 1) (1 for k = 0), P(X <= k); clipped to [0, 1].
inline double upper_tail(std::span<const double> cdf, std::uint32_t k) {
  if (k == 0) return 1.0;
  const double p = 1.0 - cdf[k - 1];
  return p < 0 ? 0.0 : (p > 1 ? 1.0 : p);
}
inline double lower_tail(std::span<const double> cdf, std::uint32_t k) {
  const double p = cdf[k];
  return p < 0 ? 0.0 : (p > 1 ? 1.0 : p);
}

}  // namespace alueverkko
