#pragma once
// Strict reader for the CSV files of docs/data-format.md: UTF-8 without BOM, ',' separator, '\n'
// line ends, RFC 4180 quoting, a header line with fixed column names. Every problem is reported
// as a Diagnostic; parsing goes on after a problem whenever the rest of the file still makes sense.
#include <alueverkko/core/diagnostics.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko {

// A field after unquoting, with the position of its first character (the opening quote if quoted).
struct CsvField {
  std::string value;
  std::size_t line = 0;
  std::size_t column = 0;
};

// One record; a quoted field may span lines, so `line` is where the record starts.
struct CsvRecord {
  std::size_t line = 0;
  std::vector<CsvField> fields;
};

// A table held in memory: the text of its CSV file and the name its diagnostics use.
struct CsvText {
  std::string file;
  std::string content;
};

// Structural parse only: records (header included) and encoding/quoting diagnostics. With
// `report_quoting` false, quoting problems are not reported (used when the separator is wrong, which
// makes them meaningless).
struct CsvParse {
  std::vector<CsvRecord> records;
  bool truncated = false;  // an unterminated quote ended parsing; records before it are kept
};
CsvParse parse_csv_records(std::string_view content, const std::string& file,
                           std::vector<Diagnostic>& diagnostics, bool report_quoting = true);

// The columns a file may have. Required columns first: they are listed in that order in messages.
struct CsvSchema {
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

// A data row of a table. `complete` is false when the field count differs from the header's
// (already reported); such a row is kept so that its id still counts as defined (no cascades of
// "unknown id" errors) but its values should not be validated.
struct CsvRow {
  std::size_t line = 0;
  std::vector<CsvField> fields;
  bool complete = true;
};

class CsvTable {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::string file;
  std::vector<CsvField> header;
  std::vector<CsvRow> rows;
  bool truncated = false;  // an unterminated quote hid the rest of the file: rows are missing

  // Index of the column (its first occurrence) or npos.
  std::size_t column(std::string_view name) const;
  bool has_column(std::string_view name) const { return column(name) != npos; }
  // The field of `row` in column `name`, or nullptr if the column is absent or the row too short.
  const CsvField* field(const CsvRow& row, std::string_view name) const;
};

// Parses `content` and checks the header against `schema`. Reports missing/empty files, a ';'
// separator, a missing header, unknown, duplicate and missing required columns, and rows with the
// wrong number of fields. Returns nullopt when the table cannot be used at all (nothing to read,
// no header, or a required column missing); otherwise the rows that could be read.
std::optional<CsvTable> parse_csv(std::string_view content, const std::string& file,
                                  const CsvSchema& schema, std::vector<Diagnostic>& diagnostics);

// Reads `path` and parses it; diagnostics name the file `path.string()`. A missing file is
// reported as "file:0:0: file not found".
std::optional<CsvTable> read_csv(const std::filesystem::path& path, const CsvSchema& schema,
                                 std::vector<Diagnostic>& diagnostics);

}  // namespace alueverkko
