#include <alueverkko/backbone/bicm.hpp>
#include <alueverkko/centrality/scores.hpp>  // ConvergenceError

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

namespace alueverkko {
namespace {

constexpr std::size_t never = std::numeric_limits<std::size_t>::max();

enum class Status : std::uint8_t { free, zero, full };

// Degree classes of one side: class of every vertex, and per class its degree and size.
struct Classes {
  std::vector<std::uint32_t> of;
  std::vector<std::uint32_t> degree, size;
};

Classes classes_of(const std::vector<std::uint32_t>& degrees) {
  std::map<std::uint32_t, std::uint32_t> index;
  for (const auto d : degrees) index.emplace(d, 0);
  Classes c;
  for (auto& [d, id] : index) {
    id = static_cast<std::uint32_t>(c.degree.size());
    c.degree.push_back(d);
    c.size.push_back(0);
  }
  c.of.reserve(degrees.size());
  for (const auto d : degrees) {
    c.of.push_back(index[d]);
    ++c.size[c.of.back()];
  }
  return c;
}

double logistic(double t) { return t >= 0 ? 1.0 / (1.0 + std::exp(-t)) : std::exp(t) / (1.0 + std::exp(t)); }

// Degenerate classes removed one side at a time (see bicm.hpp); `when` is the step of removal.
struct Peeling {
  std::vector<Status> row_status, column_status;
  std::vector<std::size_t> row_when, column_when;
  std::uint64_t full_rows = 0, full_columns = 0;  // rows / columns removed as full
};

Peeling peel(const Classes& rows, const Classes& columns) {
  Peeling p{std::vector<Status>(rows.degree.size(), Status::free), std::vector<Status>(columns.degree.size(), Status::free),
            std::vector<std::size_t>(rows.degree.size(), never), std::vector<std::size_t>(columns.degree.size(), never), 0, 0};
  // One side's step: a free class whose degree among the other side's free vertices is 0 or all.
  const auto step = [](const Classes& side, const Classes& other, std::vector<Status>& status, std::vector<std::size_t>& when,
                       const std::vector<Status>& other_status, std::uint64_t other_full, std::uint64_t& full, std::size_t now) {
    std::uint64_t other_free = 0;
    for (std::size_t b = 0; b < other.size.size(); ++b)
      if (other_status[b] == Status::free) other_free += other.size[b];
    bool changed = false;
    for (std::size_t a = 0; a < side.degree.size(); ++a) {
      if (status[a] != Status::free) continue;
      const std::uint64_t among_free = side.degree[a] - other_full;
      if (among_free == 0 || among_free == other_free) {
        status[a] = among_free == 0 ? Status::zero : Status::full;
        if (status[a] == Status::full) full += side.size[a];
        when[a] = now;
        changed = true;
      }
    }
    return changed;
  };
  for (std::size_t now = 0;; now += 2) {
    const bool r = step(rows, columns, p.row_status, p.row_when, p.column_status, p.full_columns, p.full_rows, now);
    const bool c = step(columns, rows, p.column_status, p.column_when, p.row_status, p.full_rows, p.full_columns, now + 1);
    if (!r && !c) break;
  }
  return p;
}

// Newton's method for the free classes. theta (rows) and eta (columns) are log x and log y.
struct FreeProblem {
  std::vector<std::size_t> rows, columns;  // class ids
  Eigen::VectorXd r, c, target_r, target_c;  // sizes and degrees among the free vertices
};

double log_likelihood(const FreeProblem& f, const Eigen::VectorXd& theta, const Eigen::VectorXd& eta) {
  double value = f.r.dot(f.target_r.cwiseProduct(theta)) + f.c.dot(f.target_c.cwiseProduct(eta));
  for (Eigen::Index a = 0; a < theta.size(); ++a)
    for (Eigen::Index b = 0; b < eta.size(); ++b) {
      const double t = theta[a] + eta[b];
      value -= f.r[a] * f.c[b] * (t > 0 ? t + std::log1p(std::exp(-t)) : std::log1p(std::exp(t)));
    }
  return value;
}

// Expected degree residuals (per vertex: target − expected) and the largest relative one.
double residuals(const FreeProblem& f, const Eigen::VectorXd& theta, const Eigen::VectorXd& eta, Eigen::VectorXd& res_r,
                 Eigen::VectorXd& res_c, Eigen::MatrixXd* weights) {
  res_r = f.target_r;
  res_c = f.target_c;
  for (Eigen::Index a = 0; a < theta.size(); ++a)
    for (Eigen::Index b = 0; b < eta.size(); ++b) {
      const double p = logistic(theta[a] + eta[b]);
      res_r[a] -= f.c[b] * p;
      res_c[b] -= f.r[a] * p;
      if (weights) (*weights)(a, b) = p * (1 - p);
    }
  double worst = 0;
  for (Eigen::Index a = 0; a < theta.size(); ++a) worst = std::max(worst, std::abs(res_r[a]) / std::max(1.0, f.target_r[a]));
  for (Eigen::Index b = 0; b < eta.size(); ++b) worst = std::max(worst, std::abs(res_c[b]) / std::max(1.0, f.target_c[b]));
  return worst;
}

std::size_t solve_free(const FreeProblem& f, const BicmOptions& options, Eigen::VectorXd& theta, Eigen::VectorXd& eta) {
  const auto R = static_cast<Eigen::Index>(f.rows.size()), C = static_cast<Eigen::Index>(f.columns.size());
  const double total = f.r.dot(f.target_r);
  theta = (f.target_r / std::sqrt(total)).array().log().matrix();
  eta = (f.target_c / std::sqrt(total)).array().log().matrix();
  Eigen::VectorXd res_r, res_c, new_r, new_c;
  Eigen::MatrixXd w(R, C);
  double worst = residuals(f, theta, eta, res_r, res_c, &w);
  double value = log_likelihood(f, theta, eta);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    if (worst <= options.tolerance) return iteration;
    // Gradient g and the negated Hessian [[A, B], [Bᵀ, D]] (A, D diagonal) of the log-likelihood.
    const Eigen::VectorXd g_r = f.r.cwiseProduct(res_r), g_c = f.c.cwiseProduct(res_c);
    const Eigen::MatrixXd B = f.r.asDiagonal() * w * f.c.asDiagonal();
    Eigen::VectorXd A = B.rowwise().sum(), D = B.colwise().sum().transpose();
    // Levenberg damping: removes the gauge direction (θ + t, η − t) and keeps the system definite.
    A *= 1 + 1e-10;
    D *= 1 + 1e-10;
    A.array() += 1e-300;
    D.array() += 1e-300;
    Eigen::VectorXd d_r, d_c;
    if (C <= R) {
      const Eigen::MatrixXd AinvB = A.cwiseInverse().asDiagonal() * B;
      Eigen::MatrixXd S = -B.transpose() * AinvB;
      S.diagonal() += D;
      d_c = S.ldlt().solve(g_c - AinvB.transpose() * g_r);
      d_r = A.cwiseInverse().cwiseProduct(g_r - B * d_c);
    } else {
      const Eigen::MatrixXd BDinv = B * D.cwiseInverse().asDiagonal();
      Eigen::MatrixXd S = -BDinv * B.transpose();
      S.diagonal() += A;
      d_r = S.ldlt().solve(g_r - BDinv * g_c);
      d_c = D.cwiseInverse().cwiseProduct(g_c - B.transpose() * d_r);
    }
    const double slope = g_r.dot(d_r) + g_c.dot(d_c);
    double step = 1;
    bool moved = false;
    for (int halvings = 0; halvings < 60; ++halvings, step /= 2) {
      const Eigen::VectorXd t2 = theta + step * d_r, e2 = eta + step * d_c;
      const double v2 = log_likelihood(f, t2, e2);
      const double w2 = residuals(f, t2, e2, new_r, new_c, nullptr);
      if (std::isfinite(v2) && (v2 >= value + 1e-4 * step * slope || w2 < worst)) {
        theta = t2;
        eta = e2;
        value = v2;
        moved = true;
        break;
      }
    }
    worst = residuals(f, theta, eta, res_r, res_c, &w);
    if (!moved) break;
  }
  if (worst <= options.tolerance) return options.max_iterations;
  throw ConvergenceError("BiCM fit did not converge: the largest relative degree error is " + std::to_string(worst) +
                         " (tolerance " + std::to_string(options.tolerance) +
                         "); the degree sequences may admit no finite solution");
}

}  // namespace

std::vector<double> Bicm::row_x() const {
  std::vector<double> out(row_class.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = class_x[row_class[i]];
  return out;
}

std::vector<double> Bicm::column_y() const {
  std::vector<double> out(column_class.size());
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = class_y[column_class[k]];
  return out;
}

std::vector<double> Bicm::expected_row_degrees() const {
  std::vector<double> per_class(row_classes(), 0.0);
  for (std::size_t a = 0; a < row_classes(); ++a)
    for (std::size_t b = 0; b < column_classes(); ++b)
      per_class[a] += column_class_size[b] * class_probability[a * column_classes() + b];
  std::vector<double> out(row_class.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = per_class[row_class[i]];
  return out;
}

std::vector<double> Bicm::expected_column_degrees() const {
  std::vector<double> per_class(column_classes(), 0.0);
  for (std::size_t a = 0; a < row_classes(); ++a)
    for (std::size_t b = 0; b < column_classes(); ++b)
      per_class[b] += row_class_size[a] * class_probability[a * column_classes() + b];
  std::vector<double> out(column_class.size());
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = per_class[column_class[k]];
  return out;
}

std::vector<double> Bicm::dense_probabilities() const {
  std::vector<double> out(row_class.size() * column_class.size());
  for (std::size_t i = 0; i < row_class.size(); ++i)
    for (std::size_t k = 0; k < column_class.size(); ++k)
      out[i * column_class.size() + k] = probability(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k));
  return out;
}

Bicm fit_bicm(const TwoModeGraph& graph, const BicmOptions& options) {
  std::vector<std::uint32_t> row_degree(graph.row_count()), column_degree(graph.column_count());
  for (std::uint32_t i = 0; i < row_degree.size(); ++i) row_degree[i] = static_cast<std::uint32_t>(graph.row_edges(i).size());
  for (std::uint32_t k = 0; k < column_degree.size(); ++k)
    column_degree[k] = static_cast<std::uint32_t>(graph.column_edges(k).size());
  Classes rows = classes_of(row_degree), columns = classes_of(column_degree);
  const Peeling peeled = peel(rows, columns);

  FreeProblem f;
  for (std::size_t a = 0; a < rows.degree.size(); ++a)
    if (peeled.row_status[a] == Status::free) f.rows.push_back(a);
  for (std::size_t b = 0; b < columns.degree.size(); ++b)
    if (peeled.column_status[b] == Status::free) f.columns.push_back(b);
  const auto R = static_cast<Eigen::Index>(f.rows.size()), C = static_cast<Eigen::Index>(f.columns.size());
  f.r.resize(R);
  f.target_r.resize(R);
  f.c.resize(C);
  f.target_c.resize(C);
  for (Eigen::Index a = 0; a < R; ++a) {
    f.r[a] = rows.size[f.rows[a]];
    f.target_r[a] = static_cast<double>(rows.degree[f.rows[a]] - peeled.full_columns);
  }
  for (Eigen::Index b = 0; b < C; ++b) {
    f.c[b] = columns.size[f.columns[b]];
    f.target_c[b] = static_cast<double>(columns.degree[f.columns[b]] - peeled.full_rows);
  }

  Bicm model;
  Eigen::VectorXd theta, eta;
  if (R > 0 && C > 0) model.iterations = solve_free(f, options, theta, eta);

  constexpr double inf = std::numeric_limits<double>::infinity();
  model.class_x.assign(rows.degree.size(), 0.0);
  model.class_y.assign(columns.degree.size(), 0.0);
  std::vector<double> free_theta(rows.degree.size(), 0.0), free_eta(columns.degree.size(), 0.0);
  for (std::size_t a = 0; a < rows.degree.size(); ++a)
    if (peeled.row_status[a] == Status::full) model.class_x[a] = inf;
  for (Eigen::Index a = 0; a < R; ++a) {
    free_theta[f.rows[a]] = theta[a];
    model.class_x[f.rows[a]] = std::exp(theta[a]);
  }
  for (std::size_t b = 0; b < columns.degree.size(); ++b)
    if (peeled.column_status[b] == Status::full) model.class_y[b] = inf;
  for (Eigen::Index b = 0; b < C; ++b) {
    free_eta[f.columns[b]] = eta[b];
    model.class_y[f.columns[b]] = std::exp(eta[b]);
  }
  // p of a pair of classes: decided by whichever was removed first (a removed class's memberships
  // among the vertices still free at its removal are all or none), logistic if both are free.
  model.class_probability.assign(rows.degree.size() * columns.degree.size(), 0.0);
  for (std::size_t a = 0; a < rows.degree.size(); ++a)
    for (std::size_t b = 0; b < columns.degree.size(); ++b) {
      double& p = model.class_probability[a * columns.degree.size() + b];
      if (peeled.row_when[a] == never && peeled.column_when[b] == never)
        p = logistic(free_theta[a] + free_eta[b]);
      else if (peeled.row_when[a] < peeled.column_when[b])
        p = peeled.row_status[a] == Status::full ? 1.0 : 0.0;
      else
        p = peeled.column_status[b] == Status::full ? 1.0 : 0.0;
    }
  model.row_class = std::move(rows.of);
  model.column_class = std::move(columns.of);
  model.row_class_degree = std::move(rows.degree);
  model.column_class_degree = std::move(columns.degree);
  model.row_class_size = std::move(rows.size);
  model.column_class_size = std::move(columns.size);
  const auto expected_r = model.expected_row_degrees();
  const auto expected_c = model.expected_column_degrees();
  for (std::size_t i = 0; i < expected_r.size(); ++i)
    model.max_degree_error = std::max(model.max_degree_error, std::abs(expected_r[i] - row_degree[i]));
  for (std::size_t k = 0; k < expected_c.size(); ++k)
    model.max_degree_error = std::max(model.max_degree_error, std::abs(expected_c[k] - column_degree[k]));
  return model;
}

}  // namespace alueverkko
