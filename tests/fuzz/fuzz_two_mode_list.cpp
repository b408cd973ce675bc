// Fuzz target: parse_two_mode_list, a plain membership list `actor,network[,weight]`. What the
// fast path for well-formed files accepts, the strict reader reads to the same graph.
// Input: the text of the file.
#include "../../src/io/plain_list_paths.hpp"
#include "fuzz_support.hpp"

#include <alueverkko/io/plain_lists.hpp>

#include <algorithm>
#include <cmath>
#include <set>

using namespace alueverkko;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  try {
    const TwoModeGraph graph = parse_two_mode_list(text, "memberships.csv");
    // Rows and columns are the distinct names; every membership is in range, once, weighted >= 0.
    fuzz::require(std::set<std::string>(graph.row_labels().begin(), graph.row_labels().end()).size() ==
                  graph.row_count());
    fuzz::require(std::set<std::string>(graph.column_labels().begin(), graph.column_labels().end()).size() ==
                  graph.column_count());
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (const TwoModeEdge& e : graph.edges()) {
      fuzz::require(e.row < graph.row_count() && e.column < graph.column_count());
      fuzz::require(pairs.emplace(e.row, e.column).second);
      fuzz::require(std::isfinite(e.weight) && e.weight >= 0);
    }
    if (detail::two_mode_list_well_formed(text)) {
      const TwoModeGraph strict = detail::two_mode_list_strict(text, "memberships.csv");
      fuzz::require(std::ranges::equal(strict.row_labels(), graph.row_labels()) &&
                    std::ranges::equal(strict.column_labels(), graph.column_labels()));
      fuzz::require(strict.edge_count() == graph.edge_count());
      for (std::size_t i = 0; i < graph.edge_count(); ++i) {
        const TwoModeEdge &a = strict.edges()[i], &b = graph.edges()[i];
        fuzz::require(a.row == b.row && a.column == b.column && a.weight == b.weight);
      }
    }
  } catch (const DataError& error) {
    fuzz::check_diagnostics(error, {{"memberships.csv", text}});
  }
  return 0;
}
