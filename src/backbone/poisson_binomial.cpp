#include <alueverkko/backbone/poisson_binomial.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace alueverkko {
namespace {

// P(Binomial(n, q) = k) for k = 0 … min(n, max_k), each from lgamma (no underflowing recursion).
void binomial_pmf(std::uint64_t n, double q, std::uint32_t max_k, std::vector<double>& out) {
  const std::uint64_t top = std::min<std::uint64_t>(n, max_k);
  out.assign(top + 1, 0.0);
  if (q <= 0) {
    out[0] = 1.0;
    return;
  }
  if (q >= 1) {
    if (n <= max_k) out[n] = 1.0;
    return;
  }
  const double log_q = std::log(q), log_1mq = std::log1p(-q);
  const double lg_n = std::lgamma(static_cast<double>(n) + 1);
  for (std::uint64_t k = 0; k <= top; ++k) {
    const auto kd = static_cast<double>(k), nk = static_cast<double>(n - k);
    out[k] = std::exp(lg_n - std::lgamma(kd + 1) - std::lgamma(nk + 1) + kd * log_q + nk * log_1mq);
  }
}

}  // namespace

std::vector<double> poisson_binomial_cdf(std::span<const TrialGroup> groups, std::uint32_t max_k) {
  std::vector<double> pmf(max_k + 1, 0.0), next(max_k + 1), binomial;
  pmf[0] = 1.0;
  std::size_t support = 0;  // pmf is 0 above this index
  for (const TrialGroup& g : groups) {
    if (g.trials == 0 || g.probability <= 0) continue;
    binomial_pmf(g.trials, g.probability, max_k, binomial);
    const std::size_t top = std::min<std::size_t>(max_k, support + binomial.size() - 1);
    std::fill(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(top + 1), 0.0);
    for (std::size_t i = 0; i <= support; ++i) {
      const double a = pmf[i];
      if (a == 0) continue;
      const std::size_t jmax = std::min(binomial.size() - 1, top - i);
      for (std::size_t j = 0; j <= jmax; ++j) next[i + j] += a * binomial[j];
    }
    support = top;
    std::copy(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(top + 1), pmf.begin());
  }
  std::vector<double> cdf(max_k + 1);
  double sum = 0;
  for (std::size_t k = 0; k <= max_k; ++k) cdf[k] = std::min(1.0, sum += pmf[k]);
  return cdf;
}

RnaMoments rna_moments(std::span<const TrialGroup> groups) {
  RnaMoments m;
  for (const TrialGroup& g : groups) {
    const double q = g.probability, n = static_cast<double>(g.trials);
    m.mean += n * q;
    m.variance += n * q * (1 - q);
    m.skew_sum += n * q * (1 - q) * (1 - 2 * q);
  }
  return m;
}

double rna_cdf(const RnaMoments& m, double k) {
  if (!(m.variance > 0)) return k + 1e-9 >= m.mean ? 1.0 : 0.0;
  const double sigma = std::sqrt(m.variance);
  const double gamma = m.skew_sum / (sigma * sigma * sigma);
  const double x = (k + 0.5 - m.mean) / sigma;
  const double phi = std::exp(-0.5 * x * x) / std::sqrt(2 * std::numbers::pi);
  const double Phi = 0.5 * std::erfc(-x / std::numbers::sqrt2);
  return std::clamp(Phi + gamma * (1 - x * x) * phi / 6, 0.0, 1.0);
}

}  // namespace alueverkko
