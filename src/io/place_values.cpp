// User values per place (io/place_values.hpp).
#include <alueverkko/io/place_values.hpp>

#include <alueverkko/core/csv.hpp>
#include <alueverkko/geo/geography.hpp>

#include "../core/row_reader.hpp"
#include "../core/text.hpp"

#include <cmath>
#include <limits>
#include <optional>

namespace alueverkko {
namespace {

std::size_t place_index(const Geography& geography, PlaceLevel level, std::string_view code) {
  switch (level) {
    case PlaceLevel::municipality: return geography.municipality_index(code);
    case PlaceLevel::subregion: return geography.subregion_index(code);
    case PlaceLevel::region: return geography.region_index(code);
  }
  return Geography::npos;
}

std::string_view level_name(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::municipality: return "municipality";
    case PlaceLevel::subregion: return "sub-region";
    case PlaceLevel::region: return "region";
  }
  return "place";
}

}  // namespace

std::vector<double> parse_place_values(std::string_view content, const std::string& file, const Geography& geography,
                                       PlaceLevel level, std::string_view value_column) {
  // Spreadsheets write CRLF (as RFC 4180 has it): accepted here, unlike in data-set files.
  std::string text(content);
  for (std::size_t at = text.find("\r\n"); at != std::string::npos; at = text.find("\r\n", at)) text.erase(at, 1);
  content = text;
  std::vector<Diagnostic> diagnostics;
  // Any other column may be present: the schema's optional columns are the file's own.
  CsvSchema schema{{"code", std::string(value_column)}, {}};
  std::vector<Diagnostic> ignored;
  const CsvParse records = parse_csv_records(content, file, ignored);
  if (!records.records.empty())
    for (const CsvField& f : records.records.front().fields)
      if (f.value != "code" && f.value != value_column) schema.optional.push_back(f.value);

  const auto table = parse_csv(content, file, schema, diagnostics);
  std::vector<double> values(place_count(geography, level), std::numeric_limits<double>::quiet_NaN());
  std::vector<std::size_t> first_line(values.size(), 0);
  if (table) {
    for (const CsvRow& row : table->rows) {
      if (!row.complete) continue;
      detail::RowReader reader(*table, row, diagnostics);
      const auto code = reader.required("code");
      const auto value = reader.number(value_column, false, -std::numeric_limits<double>::infinity(),
                                       std::numeric_limits<double>::infinity());
      if (!code) continue;
      const std::size_t i = place_index(geography, level, *code);
      if (i == Geography::npos) {
        reader.error("code", "unknown " + std::string(level_name(level)) + " code " + detail::in_quotes(*code) +
                                 " (geography " + geography.id() + ")");
      } else if (first_line[i] != 0) {
        reader.error("code", "code " + detail::in_quotes(*code) + " repeated (first on line " +
                                 std::to_string(first_line[i]) + ")");
      } else {
        first_line[i] = row.line;
        if (value) values[i] = *value;
      }
    }
  }
  throw_if_any(std::move(diagnostics), std::vector<std::string>{file});
  return values;
}

std::vector<double> read_place_values(const std::filesystem::path& path, const Geography& geography, PlaceLevel level,
                                      std::string_view value_column) {
  const auto content = detail::read_file(path);
  if (!content) throw DataError({{path.string(), 0, 0, "file not found"}});
  return parse_place_values(*content, path.string(), geography, level, value_column);
}

}  // namespace alueverkko
