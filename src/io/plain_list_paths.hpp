#pragma once
// The two ways plain_lists.cpp reads a list, apart for the tests and fuzz targets that check they
// agree: the fast path for well-formed files (nullopt when the file needs the strict reader), and
// the strict reader, which reads anything and reports every problem with file:line:column.
#include <alueverkko/graph/two_mode.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace alueverkko::detail {

std::optional<WeightedGraph> edge_list_well_formed(std::string_view content, WeightMeaning meaning);
WeightedGraph edge_list_strict(std::string_view content, const std::string& file, WeightMeaning meaning);

std::optional<TwoModeGraph> two_mode_list_well_formed(std::string_view content);
TwoModeGraph two_mode_list_strict(std::string_view content, const std::string& file);

}  // namespace alueverkko::detail
