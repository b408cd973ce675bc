#pragma once
// A self-contained HTML report of a data set for policy staff (docs/report.md): key figures, the
// coverage and collaboration maps, gaps by region and size class, a centrality top list, the
// eligibility of the proposals, the overlap of the networks as a heatmap and the list of networks
// with their sources. Every number comes from the library's own measures (metrics/coverage.hpp,
// metrics/eligibility.hpp, metrics/overlap.hpp, centrality/measures.hpp, render/map.hpp), so the
// report shows what the other commands print.
//
// The page works offline: CSS and SVG inline, no script, no external URL, the system font stack.
// Every table shown is also written as CSV (the same rows, raw numbers), every figure as SVG and PNG.
#include <alueverkko/graph/membership_filter.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace alueverkko {

class Dataset;
class Geography;

struct ReportOptions {
  MembershipFilter filter;          // which memberships count (the eligibility section ignores it)
  std::optional<int> year;          // population year (31.12.); nullopt: the geography's reference year
  std::size_t top = 15;             // rows of the top lists (centrality, largest gaps, overlapping pairs)
  std::size_t map_edges = 30;       // region pairs drawn on the collaboration map, heaviest first
  double map_width = 1000;          // SVG width of the maps
  int png_width = 1600;             // PNG width of the maps and the heatmap
  // The call's rules.json; nullopt: call_rules_2021 where find_call_rules looks. None found: the
  // report says "no call rules" and leaves eligibility out.
  std::optional<std::filesystem::path> rules;
};

// The headline figures (key figure cards, the CLI's summary lines).
struct ReportFigures {
  std::size_t networks = 0;       // networks with at least one selected membership
  std::size_t actors = 0;         // actors with at least one selected membership
  std::size_t municipalities = 0, municipalities_covered = 0;  // coverage_table, country row
  std::int64_t population = 0, population_covered = 0;
  double population_share = 0;
  std::size_t regions = 0, regions_reached = 0;
  int population_year = 0;
};

struct Report {
  std::filesystem::path index;              // <out_dir>/index.html
  ReportFigures figures;
  std::vector<std::filesystem::path> files; // every file written, relative to out_dir
  std::vector<std::string> notes;           // sections left out and why ("no call rules: …")
};

// Writes the report into `out_dir`: index.html, tables/*.csv, maps/*.svg and *.png. Everything is
// written into a temporary directory beside out_dir and renamed at the end, so a failure leaves
// nothing behind; an earlier report in out_dir (a directory with index.html) is replaced, any other
// existing file or non-empty directory is refused (std::runtime_error) before anything is computed.
// std::invalid_argument for bad options (top 0, widths <= 0, a year outside the population series);
// DataError for bad call rules.
Report write_report(const Dataset& dataset, const Geography& geography, const std::filesystem::path& out_dir,
                    const ReportOptions& options = {});

}  // namespace alueverkko
