#include <alueverkko/core/diagnostics.hpp>

#include <catch2/catch.hpp>

using alueverkko::DataError;
using alueverkko::Diagnostic;

TEST_CASE("Diagnostic::to_string is file:line:column: message", "[diagnostics]") {
  CHECK(Diagnostic{"a.csv", 3, 7, "bad"}.to_string() == "a.csv:3:7: bad");
  CHECK(Diagnostic{"a.csv", 0, 0, "file not found"}.to_string() == "a.csv:0:0: file not found");
}

TEST_CASE("DataError lists every diagnostic, one per line", "[diagnostics]") {
  const DataError error({{"a.csv", 1, 2, "one"}, {"b.csv", 3, 4, "two"}});
  CHECK(std::string(error.what()) == "a.csv:1:2: one\nb.csv:3:4: two\n");
  CHECK(error.diagnostics().size() == 2);
}

TEST_CASE("sort_diagnostics: by file (given order first), line, column; stable", "[diagnostics]") {
  std::vector<Diagnostic> d{{"b", 2, 1, "b2"}, {"a", 5, 1, "a5"}, {"b", 1, 3, "b1c3"},
                            {"c", 1, 1, "c1"}, {"b", 1, 3, "b1c3-second"}, {"a", 0, 0, "a0"}};
  const std::vector<std::string> order{"a"};
  alueverkko::sort_diagnostics(d, order);
  std::vector<std::string> messages;
  for (const auto& x : d) messages.push_back(x.message);
  CHECK(messages == std::vector<std::string>{"a0", "a5", "b1c3", "b1c3-second", "b2", "c1"});
  CHECK_NOTHROW(alueverkko::throw_if_any({}));
  CHECK_THROWS_AS(alueverkko::throw_if_any({{"x", 1, 1, "m"}}), DataError);
}
