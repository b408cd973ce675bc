#pragma once
// A user's own per-place values (a CSV exported from a spreadsheet, pandas or QGIS) aligned to the
// places of a geography, for maps of any value: a column `code` (municipality "091", sub-region
// "011" or region "01" codes of the level) and one numeric value column; other columns are ignored.
// An empty value is "no data"; a place the file does not list is "no data" too. Line ends may be
// \n or \r\n (spreadsheets); otherwise the CSV rules of docs/data-format.md apply.
#include <alueverkko/io/geography_tables.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

// One value per place of `level` in the geography's order (sorted by code), NaN for no data.
// Throws DataError (file:line:column, all problems at once) for a missing column, an unknown or
// repeated code, or a value that is not a finite number.
std::vector<double> parse_place_values(std::string_view content, const std::string& file, const Geography& geography,
                                       PlaceLevel level, std::string_view value_column = "value");
std::vector<double> read_place_values(const std::filesystem::path& path, const Geography& geography,
                                      PlaceLevel level, std::string_view value_column = "value");

}  // namespace alueverkko
