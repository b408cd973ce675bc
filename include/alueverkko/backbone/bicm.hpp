#pragma once
// The bipartite configuration model (BiCM; Saracco, Di Clemente, Gabrielli & Squartini 2015,
// Sci. Rep. 5:10595): the maximum-entropy random two-mode graph whose expected row and column
// degrees equal the observed ones. Membership (i, k) is independent with probability
//   p_ik = x_i y_k / (1 + x_i y_k).
// Rows with the same degree share x, columns with the same degree share y (degree classes), so the
// fit solves one equation per class:  d_a = Σ_b c_b p_ab  and  e_b = Σ_a r_a p_ab  (r_a rows of
// degree d_a, c_b columns of degree e_b).
//
// Fit: Newton's method on the concave log-likelihood in log x, log y (the Hessian's row×row and
// column×column blocks are diagonal, so each step solves a Schur complement of the smaller side),
// started from the Chung–Lu guess, with backtracking. Converged when every class's expected degree
// is within `tolerance` · max(1, degree) of the observed degree (default 1e-10).
// Degenerate classes are solved exactly first: a row with no memberships has p = 0, a row in every
// column p = 1 (x = ∞), likewise for columns, repeated while removing them creates new ones (a row
// whose memberships are exactly the full columns has p = 0 with the others). If the remaining
// degree sequences admit no finite solution (they lie on the boundary of the feasible set, e.g. a
// nested 2×2 pattern) the fit does not converge: ConvergenceError.
#include <alueverkko/graph/two_mode.hpp>

#include <cstdint>
#include <vector>

namespace alueverkko {

struct BicmOptions {
  double tolerance = 1e-10;
  std::size_t max_iterations = 500;
};

struct Bicm {
  // Degree classes: every row has a class (row_class[i]); class_x[a] = x of the class (0 for rows
  // without memberships, +∞ for rows in every column), row_class_degree[a] its degree,
  // row_class_size[a] its number of rows. The same for columns.
  std::vector<std::uint32_t> row_class, column_class;
  std::vector<double> class_x, class_y;
  std::vector<std::uint32_t> row_class_degree, column_class_degree;
  std::vector<std::uint32_t> row_class_size, column_class_size;
  // class_probability[a * column classes + b] = p of a row of class a and a column of class b.
  std::vector<double> class_probability;
  std::size_t iterations = 0;
  double max_degree_error = 0;  // max |expected − observed| degree over all rows and columns

  [[nodiscard]] std::size_t row_classes() const noexcept { return class_x.size(); }
  [[nodiscard]] std::size_t column_classes() const noexcept { return class_y.size(); }
  [[nodiscard]] double probability(std::uint32_t row, std::uint32_t column) const noexcept {
    return class_probability[row_class[row] * column_classes() + column_class[column]];
  }
  // x per row and y per column (expanded from the classes).
  [[nodiscard]] std::vector<double> row_x() const;
  [[nodiscard]] std::vector<double> column_y() const;
  [[nodiscard]] std::vector<double> expected_row_degrees() const;
  [[nodiscard]] std::vector<double> expected_column_degrees() const;
  // The rows × columns matrix of probabilities, row-major (for small graphs and checks).
  [[nodiscard]] std::vector<double> dense_probabilities() const;
};

// Membership weights are ignored (a membership is present or not).
Bicm fit_bicm(const TwoModeGraph& graph, const BicmOptions& options = {});

}  // namespace alueverkko
