#pragma once
// Multiple-testing decisions shared by the backbones: which p-values are significant at level alpha,
// with no correction, Bonferroni's, or Holm's step-down procedure.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace alueverkko {

enum class Correction { none, holm, bonferroni };
std::string_view to_string(Correction correction) noexcept;
// "none", "holm" or "bonferroni"; std::invalid_argument otherwise.
Correction correction_from_string(std::string_view text);

// One flag per p-value: 1 if significant. `tests` = m, the number of hypotheses tested; at least
// (and by default) the number of p-values that are not NaN. When m is larger, the hypotheses not
// listed count as p = 1
// (e.g. the pairs that never co-occur in the upper tail of SDSM): they take part in m only.
//   none        p < alpha
//   bonferroni  p < alpha / m
//   holm        sort ascending p_(1) <= ... ; reject p_(r) while p_(r) < alpha / (m − r + 1),
//               and stop at the first that is not (equal p-values are decided alike: once one of
//               them fails, none of the later ones is significant)
// NaN p-values are never significant. Requires 0 < alpha <= 1 (std::invalid_argument).
std::vector<std::uint8_t> significant(std::span<const double> p_values, double alpha, Correction correction,
                                      std::uint64_t tests = 0);

}  // namespace alueverkko
