// Unit tests of the strict CSV reader (alueverkko/core/csv.hpp).
#include <alueverkko/core/csv.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace alueverkko;

namespace {

const CsvSchema schema{{"id", "name"}, {"note"}};

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics) out.push_back(d.to_string());
  return out;
}

std::vector<std::vector<std::string>> values(const CsvParse& parse) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : parse.records) {
    out.emplace_back();
    for (const auto& f : r.fields) out.back().push_back(f.value);
  }
  return out;
}

}  // namespace

TEST_CASE("csv: plain records, quoting, fields spanning lines", "[csv]") {
  std::vector<Diagnostic> d;
  const auto parse = parse_csv_records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n", "t.csv", d);
  CHECK(d.empty());
  CHECK(values(parse) == std::vector<std::vector<std::string>>{
                             {"a", "b", "c"}, {"1", "x, y", "say \"hi\""}, {"2", "two\nlines", ""}});
  REQUIRE(parse.records.size() == 3);
  CHECK(parse.records[2].line == 3);
  CHECK(parse.records[2].fields[2].line == 4);    // after the quoted line break
  CHECK(parse.records[2].fields[2].column == 8);  // after `lines",` (7 characters)
  CHECK_FALSE(parse.truncated);
}

TEST_CASE("csv: last line without a line end, empty last field, trailing comma", "[csv]") {
  std::vector<Diagnostic> d;
  CHECK(values(parse_csv_records("a,b\n1,", "t.csv", d)) ==
        std::vector<std::vector<std::string>>{{"a", "b"}, {"1", ""}});
  CHECK(values(parse_csv_records("a,b\n1,2", "t.csv", d)) ==
        std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
  CHECK(d.empty());
}

TEST_CASE("csv: columns count characters, not bytes", "[csv]") {
  std::vector<Diagnostic> d;
  const auto parse = parse_csv_records("ä,ö,x\n", "t.csv", d);
  REQUIRE(parse.records.size() == 1);
  CHECK(parse.records[0].fields[1].column == 3);
  CHECK(parse.records[0].fields[2].column == 5);
}

TEST_CASE("csv: encoding problems are reported with their position", "[csv]") {
  std::vector<Diagnostic> d;
  parse_csv_records("\xEF\xBB\xBFid,name\n1,K\xE4rk\xE4\n2,ok\n3,\xC3(\n", "t.csv", d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:1:1: file starts with a byte order mark (BOM); save it as UTF-8 without BOM",
                           "t.csv:2:4: invalid UTF-8 (byte 0xE4); the file must be UTF-8 encoded",
                           "t.csv:4:3: invalid UTF-8 (byte 0xC3); the file must be UTF-8 encoded"});
}

TEST_CASE("csv: after bytes that are not UTF-8, columns count as the encoding error does", "[csv]") {
  // A stray continuation byte (0x80) and a truncated sequence (0xC3 before ',') are one column each,
  // so the fields after them are where line_column_at() and an editor put them.
  std::vector<Diagnostic> d;
  const auto parse = parse_csv_records("a,b,c\n\x80x,yz,\xC3,w\n", "t.csv", d);
  REQUIRE(parse.records.size() == 2);
  const auto& fields = parse.records[1].fields;
  REQUIRE(fields.size() == 4);
  CHECK(fields[1].column == 4);
  CHECK(fields[2].column == 7);
  CHECK(fields[3].column == 9);
  CHECK(messages(d) == std::vector<std::string>{"t.csv:2:1: invalid UTF-8 (byte 0x80); the file must be UTF-8 encoded"});
}

TEST_CASE("csv: CRLF is reported once, with a count", "[csv]") {
  std::vector<Diagnostic> d;
  const auto parse = parse_csv_records("id,name\r\n1,a\r\n2,b\r\n", "t.csv", d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:1:8: CRLF line end (\\r\\n); line ends must be \\n only (3 CRLFs in the file, this "
                           "is the first)"});
  CHECK(values(parse) == std::vector<std::vector<std::string>>{{"id", "name"}, {"1", "a"}, {"2", "b"}});
}

TEST_CASE("csv: a lone carriage return is reported", "[csv]") {
  std::vector<Diagnostic> d;
  parse_csv_records("id,name\n1,a\rb\n", "t.csv", d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:2:4: carriage return (\\r) not followed by a line feed; line ends must be \\n"});
}

TEST_CASE("csv: quoting problems", "[csv]") {
  std::vector<Diagnostic> d;
  parse_csv_records("id,name\n1,ab\"c\"\n2,\"x\"y,z\n", "t.csv", d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:2:5: stray '\"' in an unquoted field; quote the whole field and double the '\"' "
                           "inside it",
                           "t.csv:3:6: unexpected text after the closing '\"' of a quoted field; expected ',' or a "
                           "line end"});
}

TEST_CASE("csv: an unterminated quote stops the file, earlier records are kept", "[csv]") {
  std::vector<Diagnostic> d;
  const auto parse = parse_csv_records("id,name\n1,a\n2,\"open\n3,c\n", "t.csv", d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:3:3: unterminated quoted field: no closing '\"' before the end of the file"});
  CHECK(parse.truncated);
  CHECK(values(parse) == std::vector<std::vector<std::string>>{{"id", "name"}, {"1", "a"}});

  d.clear();
  const auto table = parse_csv("id,name\n1,a\n2,\"open\n", "t.csv", schema, d);
  REQUIRE(table.has_value());
  CHECK(table->truncated);
  CHECK(table->rows.size() == 1);
}

TEST_CASE("csv: header checks against the schema", "[csv]") {
  std::vector<Diagnostic> d;
  const auto table = parse_csv("name,id,extra,name\n", "t.csv", schema, d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:1:9: unknown column 'extra' (allowed columns: id, name, note)",
                           "t.csv:1:15: duplicate column 'name' (already field 1 of the header)"});
  REQUIRE(table.has_value());
  CHECK(table->column("id") == 1);
  CHECK(table->column("name") == 0);
  CHECK(table->column("note") == CsvTable::npos);

  d.clear();
  CHECK_FALSE(parse_csv("id,note\n1,x\n", "t.csv", schema, d).has_value());
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:1:0: missing required column 'name' (required columns: id, name)"});
}

TEST_CASE("csv: files that cannot be read as a table", "[csv]") {
  std::vector<Diagnostic> d;
  CHECK_FALSE(parse_csv("", "t.csv", schema, d).has_value());
  CHECK_FALSE(parse_csv("\nid,name\n", "t.csv", schema, d).has_value());
  CHECK_FALSE(parse_csv("id;name\n1;a\n", "t.csv", schema, d).has_value());
  CHECK_FALSE(parse_csv("1,Helsinki\n", "t.csv", schema, d).has_value());
  CHECK_FALSE(read_csv("/nonexistent/t.csv", schema, d).has_value());
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:0:0: empty file; expected a header line (required columns: id, name)",
                           "t.csv:1:0: missing header line: the first line is empty (required columns: id, name)",
                           "t.csv:1:3: fields are separated by ';' but the separator must be ','",
                           "t.csv:1:0: missing header line: the first line has none of the expected column names "
                           "(required columns: id, name)",
                           "/nonexistent/t.csv:0:0: file not found"});
}

TEST_CASE("csv: rows with the wrong number of fields; all problems of a file together", "[csv]") {
  std::vector<Diagnostic> d;
  const auto table = parse_csv("id,name\n1,a\n2\n\n3,c,d\n4,\"x\"\"\n", "t.csv", schema, d);
  CHECK(messages(d) == std::vector<std::string>{
                           "t.csv:6:3: unterminated quoted field: no closing '\"' before the end of the file",
                           "t.csv:3:0: too few fields: expected 2 (as in the header), got 1",
                           "t.csv:4:0: empty line (expected 2 fields)",
                           "t.csv:5:5: too many fields: expected 2 (as in the header), got 3"});
  REQUIRE(table.has_value());
  REQUIRE(table->rows.size() == 3);  // the empty line is dropped
  CHECK(table->rows[0].complete);
  CHECK_FALSE(table->rows[1].complete);
  CHECK_FALSE(table->rows[2].complete);
  const CsvField* name = table->field(table->rows[0], "name");
  REQUIRE(name != nullptr);
  CHECK(name->value == "a");
  CHECK(table->field(table->rows[1], "name") == nullptr);  // row too short
}
