#pragma once
// Plain inputs without the data-set format: a weighted edge list (`source,target[,weight]`) and a
// two-mode membership list (`actor,network[,weight]`), so that any network can be analysed.
//
// Both are CSV files under the general rules of docs/data-format.md (UTF-8 without BOM, ',' as
// separator, '\n' line ends, RFC 4180 quoting, every row with as many fields as the header) and
// are checked as strictly as the data-set loaders check theirs:
//   - The first line is the header, exactly `source,target` or `source,target,weight`
//     (resp. `actor,network` or `actor,network,weight`), in that order.
//   - Names are any non-empty text without leading or trailing spaces (quote them if they contain
//     ',' or '"'); they are compared exactly (case-sensitive).
//   - A weight, when the column is there, must be given on every row: a finite number >= 0
//     (`1`, `0.5`, `2e3`; no spaces, `+`, `inf` or `nan`). Without the column every weight is 1.
// Every problem of the file is reported at once, each as a Diagnostic `file:line:column: message`,
// in one DataError; nothing is returned partially.
#include <alueverkko/graph/two_mode.hpp>
#include <alueverkko/graph/weighted_graph.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace alueverkko {

// An undirected weighted graph. Vertices are the names of the file, numbered (and labelled) in the
// order they first appear (source before target on each row). With `meaning` affinity, an edge
// listed several times (in either direction) is one edge whose weight is the sum of the listed
// weights, as WeightedGraph::from_edges merges parallel edges — the natural reading of affinities
// such as counts of shared projects. With `meaning` distance, summing lengths means nothing, so a
// pair listed twice is an error naming both lines. A row `a,a` is a self-loop.
// Throws DataError (a missing file is "file:0:0: file not found").
WeightedGraph read_edge_list(const std::filesystem::path& path, WeightMeaning meaning);
// The same from the text of such a file; `file` names it in the diagnostics.
WeightedGraph parse_edge_list(std::string_view content, const std::string& file, WeightMeaning meaning);

// A two-mode graph: rows are the actors, columns the networks, each in the order of first
// appearance; one membership per row (status member, role none), with its weight (default 1).
// An (actor, network) pair listed twice is an error naming both lines.
// Throws DataError.
TwoModeGraph read_two_mode_list(const std::filesystem::path& path);
TwoModeGraph parse_two_mode_list(std::string_view content, const std::string& file);

}  // namespace alueverkko
