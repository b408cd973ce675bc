#include <alueverkko/io/table.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>

using alueverkko::Table;

namespace {

Table sample() {
  Table t;
  t.add_column("id", Table::Strings{"a", "b,\"c\"", "<x>&\n"});
  t.add_column("count", Table::Integers{1, -2, 3000000000});
  t.add_column("value", Table::Reals{0.1, std::nan(""), 1.0 / 3.0});
  return t;
}

}  // namespace

TEST_CASE("table rejects columns of unequal length and duplicate names", "[io][table]") {
  Table t;
  t.add_column("a", Table::Integers{1, 2});
  CHECK_THROWS_AS(t.add_column("b", Table::Reals{1.0}), std::invalid_argument);
  CHECK_THROWS_AS(t.add_column("a", Table::Integers{3, 4}), std::invalid_argument);
  CHECK(t.rows() == 2);
  CHECK_THROWS_AS(t.column("missing"), std::out_of_range);
}

TEST_CASE("CSV quotes per RFC 4180 and writes reals that read back exactly", "[io][table]") {
  std::ostringstream out;
  write_csv(sample(), out);
  CHECK(out.str() ==
        "id,count,value\n"
        "a,1,0.1\n"
        "\"b,\"\"c\"\"\",-2,\n"
        "\"<x>&\n\",3000000000,0.3333333333333333\n");
  CHECK(std::stod(alueverkko::format_real(1.0 / 3.0)) == 1.0 / 3.0);
}

TEST_CASE("JSON escapes quotes, control characters and HTML-significant characters", "[io][table]") {
  std::ostringstream out;
  write_json(sample(), out);
  CHECK(out.str() ==
        "[\n"
        " {\"id\": \"a\", \"count\": 1, \"value\": 0.1},\n"
        " {\"id\": \"b,\\\"c\\\"\", \"count\": -2, \"value\": null},\n"
        " {\"id\": \"\\u003cx\\u003e\\u0026\\n\", \"count\": 3000000000, \"value\": 0.3333333333333333}\n"
        "]\n");
  CHECK(alueverkko::json_string(std::string("\x01\t", 2)) == "\"\\u0001\\t\"");
  CHECK(alueverkko::format_real(std::numeric_limits<double>::infinity()) == "inf");
}

TEST_CASE("an empty table is a header line and an empty array", "[io][table]") {
  Table t;
  t.add_column("x", Table::Integers{});
  std::ostringstream csv, json;
  write_csv(t, csv);
  write_json(t, json);
  CHECK(csv.str() == "x\n");
  CHECK(json.str() == "[]\n");
}
