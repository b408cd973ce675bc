#include <alueverkko/core/csv.hpp>

#include "text.hpp"

#include <algorithm>
#include <cstdio>

namespace alueverkko {

using detail::in_quotes;

namespace {


// A cursor over the content that keeps the 1-based line and character column of the next byte.
class Cursor {
 public:
  explicit Cursor(std::string_view text, std::size_t start) : text_(text), pos_(start) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool has(std::size_t ahead) const { return pos_ + ahead < text_.size(); }
  void advance() {
    if (text_[pos_] == '\n') {
      ++line_, column_ = 1;
    } else if (pos_ >= character_end_) {
      // Columns count characters as line_column_at() does: a valid UTF-8 sequence is one, and so
      // is every byte that is not part of one (a stray continuation byte too).
      character_end_ = pos_;
      detail::decode_utf8(text_, character_end_);
      ++column_;
    }
    ++pos_;
  }
  std::size_t line() const { return line_; }
  std::size_t column() const { return column_; }

 private:
  std::string_view text_;
  std::size_t pos_;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  std::size_t character_end_ = 0;  // end of the character whose bytes are being passed
};

std::string schema_list(const std::vector<std::string>& columns) { return detail::join(columns); }

std::vector<std::string> all_columns(const CsvSchema& schema) {
  std::vector<std::string> all = schema.required;
  all.insert(all.end(), schema.optional.begin(), schema.optional.end());
  return all;
}

}  // namespace

CsvParse parse_csv_records(std::string_view content, const std::string& file,
                           std::vector<Diagnostic>& diagnostics, bool report_quoting) {
  CsvParse result;
  const auto report = [&](std::size_t line, std::size_t column, std::string message) {
    diagnostics.push_back({file, line, column, std::move(message)});
  };
  const auto report_quote = [&](std::size_t line, std::size_t column, std::string message) {
    if (report_quoting) report(line, column, std::move(message));
  };

  std::size_t start = 0;
  if (detail::starts_with_bom(content)) {
    report(1, 1, "file starts with a byte order mark (BOM); save it as UTF-8 without BOM");
    start = 3;  // parse the rest as if the BOM were not there, to find further problems
  }
  const std::string_view body = content.substr(start);
  for (std::size_t offset : detail::invalid_utf8_offsets(body)) {
    const auto [line, column] = detail::line_column_at(body, offset);
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(body[offset])));
    report(line, column, std::string("invalid UTF-8 (byte ") + byte + "); the file must be UTF-8 encoded");
  }

  // CR problems are counted and reported once: a CRLF file would otherwise flood the report.
  std::size_t crlf_count = 0, crlf_line = 0, crlf_column = 0;
  bool stray_cr_reported = false;
  const auto handle_cr = [&](Cursor& cur) {  // at a '\r'; consumes it
    if (cur.peek(1) == '\n') {
      if (crlf_count++ == 0) crlf_line = cur.line(), crlf_column = cur.column();
    } else if (!stray_cr_reported) {
      stray_cr_reported = true;
      report(cur.line(), cur.column(), "carriage return (\\r) not followed by a line feed; line ends must be \\n");
    }
    cur.advance();
  };

  Cursor cur(body, 0);
  while (!cur.done()) {
    CsvRecord record;
    record.line = cur.line();
    bool record_done = false;
    while (!record_done) {
      CsvField field;
      field.line = cur.line();
      field.column = cur.column();
      if (cur.peek() == '"') {
        cur.advance();
        bool closed = false;
        while (!cur.done()) {
          const char c = cur.peek();
          if (c == '"') {
            if (cur.peek(1) == '"') {
              field.value += '"';
              cur.advance();
              cur.advance();
              continue;
            }
            cur.advance();
            closed = true;
            break;
          }
          if (c == '\r') {
            handle_cr(cur);
            continue;  // the '\n' of a CRLF inside quotes is kept as the line break
          }
          field.value += c;
          cur.advance();
        }
        if (!closed) {
          report_quote(field.line, field.column,
                 "unterminated quoted field: no closing '\"' before the end of the file");
          result.truncated = true;
          break;
        }
        if (!cur.done() && cur.peek() != ',' && cur.peek() != '\n' && cur.peek() != '\r') {
          report_quote(cur.line(), cur.column(),
                 "unexpected text after the closing '\"' of a quoted field; expected ',' or a line end");
          while (!cur.done() && cur.peek() != ',' && cur.peek() != '\n' && cur.peek() != '\r') {
            field.value += cur.peek();
            cur.advance();
          }
        }
      } else {
        bool stray_quote_reported = false;
        while (!cur.done() && cur.peek() != ',' && cur.peek() != '\n' && cur.peek() != '\r') {
          if (cur.peek() == '"' && !stray_quote_reported) {
            stray_quote_reported = true;
            report_quote(cur.line(), cur.column(),
                   "stray '\"' in an unquoted field; quote the whole field and double the '\"' inside it");
          }
          field.value += cur.peek();
          cur.advance();
        }
      }
      // A stray CR in the middle of a field is reported and skipped.
      while (!cur.done() && cur.peek() == '\r' && cur.peek(1) != '\n') {
        handle_cr(cur);
        while (!cur.done() && cur.peek() != ',' && cur.peek() != '\n' && cur.peek() != '\r') {
          field.value += cur.peek();
          cur.advance();
        }
      }
      record.fields.push_back(std::move(field));
      if (cur.done()) {
        record_done = true;
      } else if (cur.peek() == ',') {
        cur.advance();
        // a ',' at the very end of the content still opens an (empty) last field
        if (cur.done()) record.fields.push_back({"", cur.line(), cur.column()});
        record_done = cur.done();
      } else {  // line end: "\n" or "\r\n"
        if (cur.peek() == '\r') handle_cr(cur);
        cur.advance();
        record_done = true;
      }
    }
    if (result.truncated) break;
    result.records.push_back(std::move(record));
  }
  if (crlf_count > 0) {
    report(crlf_line, crlf_column,
           "CRLF line end (\\r\\n); line ends must be \\n only (" + std::to_string(crlf_count) +
               (crlf_count == 1 ? " CRLF in the file, this is the first)" : " CRLFs in the file, this is the first)"));
  }
  return result;
}

std::size_t CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i].value == name) return i;
  return npos;
}

const CsvField* CsvTable::field(const CsvRow& row, std::string_view name) const {
  const std::size_t i = column(name);
  if (i == npos || i >= row.fields.size()) return nullptr;
  return &row.fields[i];
}

std::optional<CsvTable> parse_csv(std::string_view content, const std::string& file,
                                  const CsvSchema& schema, std::vector<Diagnostic>& diagnostics) {
  const auto report = [&](std::size_t line, std::size_t column, std::string message) {
    diagnostics.push_back({file, line, column, std::move(message)});
  };
  const std::string required_list = "required columns: " + schema_list(schema.required);

  if (content.empty() || content == "\xEF\xBB\xBF") {
    report(0, 0, "empty file; expected a header line (" + required_list + ")");
    return std::nullopt;
  }
  // A header without ',' but with ';' means the whole file uses ';': quoting problems found while
  // reading it with ',' would only be noise.
  const std::string_view first_line = content.substr(0, content.find('\n'));
  const bool semicolons = first_line.find(',') == std::string_view::npos && first_line.find(';') != std::string_view::npos;
  CsvParse parsed = parse_csv_records(content, file, diagnostics, !semicolons);
  if (parsed.records.empty()) return std::nullopt;  // unterminated quote in the header: reported

  CsvRecord& header = parsed.records.front();
  if (header.fields.size() == 1 && header.fields[0].value.empty()) {
    report(header.line, 0, "missing header line: the first line is empty (" + required_list + ")");
    return std::nullopt;
  }
  if (header.fields.size() == 1 && header.fields[0].value.find(';') != std::string::npos) {
    // The header is one field that starts the file, so the file's first ';' is in it (on a later
    // line if the field is quoted and spans lines). Positions count from after a BOM, as in
    // parse_csv_records.
    const std::string_view body = content.substr(detail::starts_with_bom(content) ? 3 : 0);
    const auto [line, column] = detail::line_column_at(body, body.find(';'));
    report(line, column, "fields are separated by ';' but the separator must be ','");
    return std::nullopt;
  }

  const std::vector<std::string> allowed = all_columns(schema);
  const auto is_allowed = [&](const std::string& name) {
    return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
  };
  if (std::none_of(header.fields.begin(), header.fields.end(),
                   [&](const CsvField& f) { return is_allowed(f.value); })) {
    report(header.line, 0,
           "missing header line: the first line has none of the expected column names (" + required_list + ")");
    return std::nullopt;
  }

  CsvTable table;
  table.file = file;
  table.header = header.fields;
  table.truncated = parsed.truncated;
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    const CsvField& f = table.header[i];
    if (!is_allowed(f.value)) {
      report(f.line, f.column, "unknown column " + in_quotes(f.value) + " (allowed columns: " + schema_list(allowed) + ")");
      continue;
    }
    const std::size_t first = table.column(f.value);
    if (first != i)
      report(f.line, f.column,
             "duplicate column " + in_quotes(f.value) + " (already field " + std::to_string(first + 1) + " of the header)");
  }
  bool usable = true;
  for (const std::string& name : schema.required) {
    if (!table.has_column(name)) {
      report(header.line, 0, "missing required column " + in_quotes(name) + " (" + required_list + ")");
      usable = false;
    }
  }

  if (!usable) return std::nullopt;  // rows cannot be interpreted without the required columns

  const std::size_t expected = table.header.size();
  for (std::size_t r = 1; r < parsed.records.size(); ++r) {
    CsvRecord& record = parsed.records[r];
    CsvRow row{record.line, std::move(record.fields), true};
    if (row.fields.size() == 1 && row.fields[0].value.empty() && expected > 1) {
      report(row.line, 0, "empty line (expected " + std::to_string(expected) + " fields)");
      continue;
    }
    if (row.fields.size() > expected) {
      const CsvField& extra = row.fields[expected];
      report(extra.line, extra.column,
             "too many fields: expected " + std::to_string(expected) + " (as in the header), got " +
                 std::to_string(row.fields.size()));
      row.complete = false;
    } else if (row.fields.size() < expected) {
      report(row.line, 0,
             "too few fields: expected " + std::to_string(expected) + " (as in the header), got " +
                 std::to_string(row.fields.size()));
      row.complete = false;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::optional<CsvTable> read_csv(const std::filesystem::path& path, const CsvSchema& schema,
                                 std::vector<Diagnostic>& diagnostics) {
  const std::optional<std::string> content = detail::read_file(path);
  if (!content) {
    diagnostics.push_back({path.string(), 0, 0, "file not found"});
    return std::nullopt;
  }
  return parse_csv(*content, path.string(), schema, diagnostics);
}

}  // namespace alueverkko
