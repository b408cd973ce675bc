#include "json_document.hpp"

#include "text.hpp"

#include <algorithm>
#include <iterator>
#include <set>

namespace alueverkko::detail {

namespace {

// Input iterator for nlohmann's parser that records the last character it read: at each SAX
// event, that character is the end of the token just scanned (or one past it for numbers).
struct TrackingIterator {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  const char* position = nullptr;
  const char** last_read = nullptr;

  reference operator*() const {
    *last_read = position;
    return *position;
  }
  TrackingIterator& operator++() {
    ++position;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator copy = *this;
    ++position;
    return copy;
  }
  friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) { return a.position == b.position; }
};

// Records the offset of every value and key by JSON pointer, and reports duplicate keys.
class PositionRecorder {
 public:
  using json = nlohmann::json;
  PositionRecorder(JsonDocument& document, const char** last_read, std::vector<Diagnostic>& diagnostics)
      : doc_(document), last_read_(last_read), diagnostics_(diagnostics) {}

  bool null() { return scalar(literal_start()); }
  bool boolean(bool) { return scalar(literal_start()); }
  bool number_integer(json::number_integer_t) { return scalar(number_start()); }
  bool number_unsigned(json::number_unsigned_t) { return scalar(number_start()); }
  bool number_float(json::number_float_t, const json::string_t&) { return scalar(number_start()); }
  bool string(json::string_t&) { return scalar(string_start()); }
  bool binary(json::binary_t&) { return scalar(offset()); }
  bool start_object(std::size_t) {
    open(offset(), true);
    return true;
  }
  bool end_object() {
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    open(offset(), false);
    return true;
  }
  bool end_array() {
    frames_.pop_back();
    return true;
  }
  bool key(json::string_t& name) {
    Frame& frame = frames_.back();
    frame.key = json_pointer_append(frame.pointer, name);
    const std::size_t at = string_start();
    if (!frame.keys.insert(name).second) {
      const auto [line, column] = line_column_at(doc_.text, at);
      diagnostics_.push_back({doc_.file, line, column, "duplicate key " + in_quotes(name)});
    } else {
      doc_.key_offsets.emplace(frame.key, at);
    }
    return true;
  }
  // Every error of the parser comes here, also a number out of double's range ("1e400"), which
  // nlohmann::json::parse throws as out_of_range, not parse_error.
  bool parse_error(std::size_t byte, const std::string&, const nlohmann::detail::exception& error) {
    error_byte_ = byte;
    error_what_ = error.what();
    return false;
  }
  // nlohmann's position of the error: the number of bytes read, the offending one included.
  std::size_t error_byte() const noexcept { return error_byte_; }
  const std::string& error_what() const noexcept { return error_what_; }

 private:
  struct Frame {
    std::string pointer;
    bool is_object = false;
    std::string key;  // pointer of the current member (objects)
    std::size_t next_index = 0;  // arrays
    std::set<std::string> keys;
  };

  std::size_t offset() const { return static_cast<std::size_t>(*last_read_ - doc_.text.data()); }
  std::size_t string_start() const {  // last read: the closing quote
    std::size_t i = offset();
    while (i > 0) {
      --i;
      if (doc_.text[i] != '"') continue;
      std::size_t backslashes = 0;
      while (i >= backslashes + 1 && doc_.text[i - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return 0;
  }
  std::size_t number_start() const {  // last read: the character after the number, or its last
    const auto is_number_char = [](char c) {
      return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    };
    std::size_t i = offset();
    if (!is_number_char(doc_.text[i]) && i > 0) --i;
    while (i > 0 && is_number_char(doc_.text[i - 1])) --i;
    return i;
  }
  std::size_t literal_start() const {  // last read: the last letter of true/false/null
    std::size_t i = offset();
    while (i > 0 && doc_.text[i - 1] >= 'a' && doc_.text[i - 1] <= 'z') --i;
    return i;
  }
  std::string value_pointer() {
    if (frames_.empty()) return "";
    Frame& frame = frames_.back();
    if (frame.is_object) return frame.key;
    return json_pointer_append(frame.pointer, frame.next_index++);
  }
  bool scalar(std::size_t at) {
    doc_.value_offsets.emplace(value_pointer(), at);
    return true;
  }
  void open(std::size_t at, bool is_object) {
    std::string pointer = value_pointer();
    doc_.value_offsets.emplace(pointer, at);
    frames_.push_back(Frame{std::move(pointer), is_object, {}, 0, {}});
  }

  JsonDocument& doc_;
  const char** last_read_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Frame> frames_;
  std::size_t error_byte_ = 0;
  std::string error_what_;
};

// nlohmann's messages are "[json.exception.parse_error.101] parse error at line 1, column 5: detail"
// and "[json.exception.out_of_range.406] number overflow parsing '1e400'"; the position is given
// separately (in characters, not bytes), so only the detail is kept.
std::string parse_error_detail(std::string_view what) {
  if (const std::size_t id_end = what.find("] "); what.starts_with('[') && id_end != std::string_view::npos)
    what.remove_prefix(id_end + 2);
  if (const std::size_t at = what.find(": "); what.starts_with("parse error") && at != std::string_view::npos)
    what.remove_prefix(at + 2);
  return std::string(what);
}

}  // namespace

Diagnostic JsonDocument::at_value(const std::string& pointer, std::string message) const {
  const auto it = value_offsets.find(pointer);
  if (it == value_offsets.end()) return {file, 0, 0, std::move(message)};
  const auto [line, column] = line_column_at(text, it->second);
  return {file, line, column, std::move(message)};
}

Diagnostic JsonDocument::at_key(const std::string& pointer, std::string message) const {
  const auto it = key_offsets.find(pointer);
  if (it == key_offsets.end()) return at_value(pointer, std::move(message));
  const auto [line, column] = line_column_at(text, it->second);
  return {file, line, column, std::move(message)};
}

std::string json_pointer_append(const std::string& pointer, std::string_view key) {
  std::string out = pointer + '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + '/' + std::to_string(index);
}

std::optional<JsonDocument> read_json(const std::filesystem::path& path, std::vector<Diagnostic>& diagnostics) {
  std::optional<std::string> content = read_file(path);
  if (!content) {
    diagnostics.push_back({path.string(), 0, 0, "file not found"});
    return std::nullopt;
  }
  return parse_json(std::move(*content), path.string(), diagnostics);
}

std::optional<JsonDocument> parse_json(std::string text, std::string file, std::vector<Diagnostic>& diagnostics) {
  JsonDocument doc;
  doc.file = std::move(file);
  if (starts_with_bom(text)) {
    diagnostics.push_back({doc.file, 1, 1, "file starts with a byte order mark (BOM); save it as UTF-8 without BOM"});
    text.erase(0, 3);
  }
  doc.text = std::move(text);
  // One pass finds the first syntax error, or records the positions of values and keys and
  // reports duplicate keys; only then is the value built.
  const char* last_read = doc.text.data();
  const std::size_t before = diagnostics.size();
  PositionRecorder recorder(doc, &last_read, diagnostics);
  TrackingIterator first{doc.text.data(), &last_read};
  TrackingIterator last{doc.text.data() + doc.text.size(), &last_read};
  if (!nlohmann::json::sax_parse(first, last, &recorder)) {
    diagnostics.resize(before);  // duplicate keys before a syntax error are not worth reporting
    const std::size_t byte = recorder.error_byte();
    std::size_t offset = byte > 0 ? std::min(byte - 1, doc.text.size()) : 0;
    // nlohmann stops after the offending token; a string token is better shown at its start.
    if (offset < doc.text.size() && doc.text[offset] == '"') {
      const std::size_t newline = doc.text.rfind('\n', offset);
      const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
      for (std::size_t i = offset; i > line_start;) {
        --i;
        if (doc.text[i] == '"' && doc.text[i - (i > 0 ? 1 : 0)] != '\\') {
          offset = i;
          break;
        }
      }
    }
    const auto [line, column] = line_column_at(doc.text, offset);
    diagnostics.push_back({doc.file, line, column, "invalid JSON: " + parse_error_detail(recorder.error_what())});
    return std::nullopt;
  }
  if (diagnostics.size() != before) return std::nullopt;  // duplicate keys: the value is ambiguous
  doc.value = nlohmann::json::parse(doc.text);
  return doc;
}

std::string json_type_name(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return "an integer";
    case nlohmann::json::value_t::number_float: return "a number";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::object: return "an object";
    default: return "an unsupported value";
  }
}

JsonObjectReader::JsonObjectReader(const JsonDocument& document, std::string pointer,
                                   std::vector<Diagnostic>& diagnostics)
    : document_(document), pointer_(std::move(pointer)), diagnostics_(diagnostics) {
  const nlohmann::json& value = document_.value.at(nlohmann::json::json_pointer(pointer_));
  if (value.is_object()) {
    object_ = &value;
  } else {
    diagnostics_.push_back(document_.at_value(pointer_, "expected an object, got " + json_type_name(value)));
  }
}

const nlohmann::json* JsonObjectReader::member(std::string_view key, bool required) {
  if (!object_) return nullptr;
  const auto it = object_->find(std::string(key));
  if (it == object_->end()) {
    if (required) diagnostics_.push_back(document_.at_value(pointer_, "missing required key " + in_quotes(key)));
    return nullptr;
  }
  return &*it;
}

void JsonObjectReader::report_type(std::string_view key, std::string_view expected, const nlohmann::json& got) {
  diagnostics_.push_back(document_.at_value(json_pointer_append(pointer_, key),
                                            in_quotes(key) + " must be " + std::string(expected) + ", got " +
                                                json_type_name(got)));
}

std::optional<std::string> JsonObjectReader::string(std::string_view key, bool required) {
  const nlohmann::json* value = member(key, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    report_type(key, "a string", *value);
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> JsonObjectReader::integer(std::string_view key, bool required) {
  const nlohmann::json* value = member(key, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    report_type(key, "an integer", *value);
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

const nlohmann::json* JsonObjectReader::array(std::string_view key, bool required) {
  const nlohmann::json* value = member(key, required);
  if (!value) return nullptr;
  if (!value->is_array()) {
    report_type(key, "an array", *value);
    return nullptr;
  }
  return value;
}

void JsonObjectReader::reject_unknown_keys(std::initializer_list<std::string_view> allowed) {
  if (!object_) return;
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto& [key, value] : object_->items()) {
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      diagnostics_.push_back(document_.at_key(json_pointer_append(pointer_, key),
                                              "unknown key " + in_quotes(key) + " (allowed keys: " + join(names) + ")"));
    }
  }
}

}  // namespace alueverkko::detail
