#pragma once
// Private: a parsed JSON file that remembers where each value and key starts, so that semantic
// problems ("format_version must be 1") can be reported as file:line:column like syntax errors.
#include <alueverkko/core/diagnostics.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace alueverkko::detail {

struct JsonDocument {
  std::string file;
  std::string text;  // the file without a BOM (positions refer to it)
  nlohmann::json value;
  // JSON pointer ("/sources/0/file") -> byte offset of the value / of its key in `text`.
  std::unordered_map<std::string, std::size_t> value_offsets, key_offsets;

  Diagnostic at_value(const std::string& pointer, std::string message) const;
  Diagnostic at_key(const std::string& pointer, std::string message) const;
};

// Reads and parses a JSON file; reports a missing file, a BOM, syntax errors and duplicate keys.
// nullopt if the file is missing or not valid JSON.
std::optional<JsonDocument> read_json(const std::filesystem::path& path, std::vector<Diagnostic>& diagnostics);
// The same for text in memory; diagnostics name `file`.
std::optional<JsonDocument> parse_json(std::string text, std::string file, std::vector<Diagnostic>& diagnostics);

std::string json_pointer_append(const std::string& pointer, std::string_view key);
std::string json_pointer_append(const std::string& pointer, std::size_t index);

// Typed access to the members of one object, reporting missing keys, wrong types and unknown keys.
class JsonObjectReader {
 public:
  JsonObjectReader(const JsonDocument& document, std::string pointer, std::vector<Diagnostic>& diagnostics);
  bool is_object() const noexcept { return object_ != nullptr; }
  const std::string& pointer() const noexcept { return pointer_; }

  std::optional<std::string> string(std::string_view key, bool required = true);
  std::optional<std::int64_t> integer(std::string_view key, bool required = true);
  const nlohmann::json* array(std::string_view key, bool required = true);
  void reject_unknown_keys(std::initializer_list<std::string_view> allowed);

 private:
  const nlohmann::json* member(std::string_view key, bool required);
  void report_type(std::string_view key, std::string_view expected, const nlohmann::json& got);

  const JsonDocument& document_;
  std::string pointer_;
  std::vector<Diagnostic>& diagnostics_;
  const nlohmann::json* object_ = nullptr;
};

std::string json_type_name(const nlohmann::json& value);

}  // namespace alueverkko::detail
