// Classing (render/classify.hpp) on hand-computed cases: numpy.quantile's linear method, equal
// intervals, user breaks, the closure [e_i, e_i+1) with the last class closed, merged edges, NaN.
#include <alueverkko/render/classify.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace alueverkko::render;

namespace {
const double no_value = std::numeric_limits<double>::quiet_NaN();
}

TEST_CASE("quantile breaks follow numpy.quantile (linear)", "[classify]") {
  // Sorted 1 2 3 4 10 (n = 5): p = 0.25 → h = 1 → 2; p = 0.5 → 3; p = 0.75 → 4; ends 1 and 10.
  const std::vector<double> values{10, 1, no_value, 3, 2, 4};
  const auto c = classify(values, Classing::quantile, 4);
  CHECK(c.edges == std::vector<double>{1, 2, 3, 4, 10});
  // [1,2) {1}, [2,3) {2}, [3,4) {3}, [4,10] {4, 10}.
  CHECK(c.counts == std::vector<std::size_t>{1, 1, 1, 2});
  CHECK(c.class_of == std::vector<int>{3, 0, -1, 2, 1, 3});
  CHECK(c.no_data == 1);
  CHECK(c.integers);
  CHECK(c.label(0) == "1");
  CHECK(c.label(3) == "4\u201310");
  // Between data points: 1 2 3 4 at p = 1/3: h = 1 → 2; p = 2/3: h = 2 → 3... n = 4 → h = 1, 2.
  const std::vector<double> four{1, 2, 4, 8};
  // p = 1/3: h = 1 → 2; p = 2/3: h = 2 → 4 (exact); use k = 2: p = 0.5, h = 1.5 → 2 + 0.5·2 = 3.
  CHECK(classify(four, Classing::quantile, 2).edges == std::vector<double>{1, 3, 8});
}

TEST_CASE("quantile classes: a value filling whole classes gets its own, other ties merge", "[classify]") {
  // Many zeros: 0 0 0 0 0 0 1 2 5 9 (n = 10), k = 5: p = 0.2 → h = 1.8 → 0 = the minimum, so 0 is
  // a class and 1 2 5 9 are split in 4: p = 0.25 → h = 0.75 → 1.75; 0.5 → h = 1.5 → 3.5;
  // 0.75 → h = 2.25 → 5 + 0.25·4 = 6.
  const std::vector<double> values{0, 0, 0, 0, 0, 0, 1, 2, 5, 9};
  const auto c = classify(values, Classing::quantile, 5);
  CHECK(c.edges == std::vector<double>{0, 1, 1.75, 3.5, 6, 9});
  CHECK(c.counts == std::vector<std::size_t>{6, 1, 1, 1, 1});
  CHECK(c.label(0) == "0");
  CHECK(c.label(3) == "4–5");
  CHECK(c.label(4) == "6–9");
  // Ties in the middle merge: 1 2 2 2 2 3, k = 3: p = 1/3 → h = 5/3 → 2; p = 2/3 → h = 10/3 → 2.
  const std::vector<double> middle{1, 2, 2, 2, 2, 3};
  const auto m = classify(middle, Classing::quantile, 3);
  CHECK(m.edges == std::vector<double>{1, 2, 3});
  CHECK(m.counts == std::vector<std::size_t>{1, 5});
}

TEST_CASE("equal intervals", "[classify]") {
  // 0 .. 1 in 4: edges 0, 0.25, 0.5, 0.75, 1; 0.5 opens class 2; 1 is in the last (closed) class.
  const std::vector<double> values{0, 0.1, 0.25, 0.5, 0.74, 1};
  const auto c = classify(values, Classing::equal_interval, 4);
  CHECK(c.edges == std::vector<double>{0, 0.25, 0.5, 0.75, 1});
  CHECK(c.counts == std::vector<std::size_t>{2, 1, 2, 1});
  CHECK_FALSE(c.integers);
  CHECK(c.label(1) == "0.25 \u2013 0.5");
  // All equal: one class.
  const std::vector<double> same{3, 3, no_value};
  const auto one = classify(same, Classing::equal_interval, 5);
  CHECK(one.classes() == 1);
  CHECK(one.counts == std::vector<std::size_t>{2});
  CHECK(one.label(0) == "3");
}

TEST_CASE("user breaks", "[classify]") {
  // Cuts 1, 5: x < 1, 1 <= x < 5, x >= 5; edges from the data's range.
  const std::vector<double> values{0, 0.5, 1, 4.9, 5, 12};
  const std::vector<double> cuts{1, 5};
  const auto c = classify(values, Classing::user_breaks, 0, cuts);
  CHECK(c.edges == std::vector<double>{0, 1, 5, 12});
  CHECK(c.counts == std::vector<std::size_t>{2, 2, 2});
  // A cut at the data's minimum merges with it: no empty first class.
  const std::vector<double> at_min{0, 5};
  CHECK(classify(values, Classing::user_breaks, 0, at_min).edges == std::vector<double>{0, 5, 12});
  // A cut at the data's maximum keeps its class x >= 12 (= [12, 12]): 0, 1, 2 with cuts 1, 2 is
  // three classes, not two.
  const std::vector<double> at_max{1, 12};
  const auto top = classify(values, Classing::user_breaks, 0, at_max);
  CHECK(top.edges == std::vector<double>{0, 1, 12, 12});
  CHECK(top.counts == std::vector<std::size_t>{2, 3, 1});
  CHECK(top.label(2) == "12");
  const std::vector<double> small{0, 1, 2, 2, 1}, cuts12{1, 2};
  CHECK(classify(small, Classing::user_breaks, 0, cuts12).counts == std::vector<std::size_t>{1, 2, 2});
  const std::vector<double> bad{5, 1};
  CHECK_THROWS_WITH(classify(values, Classing::user_breaks, 0, bad), Catch::Contains("strictly increasing"));
  CHECK_THROWS_AS(classify(values, Classing::user_breaks, 0, {}), std::invalid_argument);
  CHECK_THROWS_AS(classify(values, Classing::quantile, 0), std::invalid_argument);
  const std::vector<double> inf{1, std::numeric_limits<double>::infinity()};
  CHECK_THROWS_AS(classify(inf, Classing::quantile, 3), std::invalid_argument);
}

TEST_CASE("no data at all, class_of, names, numbers", "[classify]") {
  const std::vector<double> none{no_value, no_value};
  const auto c = classify(none, Classing::quantile, 5);
  CHECK(c.classes() == 0);
  CHECK(c.no_data == 2);
  const std::vector<double> edges{0, 1, 2};
  CHECK(class_of(edges, 0) == 0);
  CHECK(class_of(edges, 1) == 1);
  CHECK(class_of(edges, 2) == 1);
  CHECK(class_of(edges, 2.5) == -1);
  CHECK(class_of(edges, no_value) == -1);
  CHECK(parse_classing("equal") == Classing::equal_interval);
  CHECK(parse_classing("quantile") == Classing::quantile);
  CHECK_FALSE(parse_classing("jenks").has_value());
  CHECK(to_string(Classing::user_breaks) == "breaks");
  CHECK(format_number(0.012345) == "0.0123");
  CHECK(format_number(12.345) == "12.3");
  CHECK(format_number(1234.6) == "1235");
  CHECK(format_number(-2.5) == "-2.5");
  CHECK(format_number(0) == "0");
}
