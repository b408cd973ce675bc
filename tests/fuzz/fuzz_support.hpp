#pragma once
// Shared by the fuzz targets: the checks every target makes on a DataError, splitting one input
// into several files, and the fixtures loaded once per process.
#include <alueverkko/core/diagnostics.hpp>
#include <alueverkko/geo/geography.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace alueverkko::fuzz {

// A broken invariant is a bug like a crash: stop, so that the fuzzer keeps the input.
inline void require(bool condition) {
  if (!condition) __builtin_trap();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An input of one parse: the name its diagnostics carry and its text.
struct NamedText {
  std::string_view file;
  std::string_view text;
};

// Bytes of line `line` (1-based) of `text` without its '\n'; nullopt past the last line.
inline std::optional<std::size_t> line_length(std::string_view text, std::size_t line) {
  std::size_t start = 0;
  for (std::size_t l = 1; l < line; ++l) {
    const std::size_t newline = text.find('\n', start);
    if (newline == std::string_view::npos) return std::nullopt;
    start = newline + 1;
  }
  const std::size_t end = std::min(text.find('\n', start), text.size());
  return end - start;
}

// A DataError carries at least one diagnostic, and each names one of `inputs` and points into it:
// line 0 (the whole file) with column 0, or an existing line (or the one after the last line
// break) and a column at most one past its end. Columns count characters, never more than bytes.
inline void check_diagnostics(const DataError& error, std::initializer_list<NamedText> inputs) {
  require(!error.diagnostics().empty());
  for (const Diagnostic& d : error.diagnostics()) {
    require(!d.message.empty());
    const auto input = std::find_if(inputs.begin(), inputs.end(), [&](const NamedText& t) { return t.file == d.file; });
    require(input != inputs.end());
    if (d.line == 0) {
      require(d.column == 0);
      continue;
    }
    const auto length = line_length(input->text, d.line);
    require(length.has_value());
    require(d.column <= *length + 1);
  }
}

// Several files in one input, so that the fuzzer can keep them consistent with one another: a line
// "----" ends each file but the last. At most `count` parts; the last keeps any further separators.
inline std::vector<std::string_view> split_files(std::string_view input, std::size_t count) {
  constexpr std::string_view separator = "----";
  std::vector<std::string_view> parts;
  std::size_t part_start = 0;
  for (std::size_t line_start = 0; parts.size() + 1 < count;) {
    const std::size_t newline = input.find('\n', line_start);
    if (newline == std::string_view::npos) break;
    if (input.substr(line_start, newline - line_start) == separator) {
      parts.push_back(input.substr(part_start, line_start - part_start));
      part_start = newline + 1;
    }
    line_start = newline + 1;
  }
  parts.push_back(input.substr(part_start));
  return parts;
}

// The part `i` of split_files, or "" when the input has fewer parts.
inline std::string_view part(const std::vector<std::string_view>& parts, std::size_t i) {
  return i < parts.size() ? parts[i] : std::string_view();
}

inline const std::filesystem::path& source_dir() {
  static const std::filesystem::path dir(ALUEVERKKO_SOURCE_DIR);
  return dir;
}

inline const std::filesystem::path& valid_mini_dir() {
  static const std::filesystem::path dir = source_dir() / "tests" / "data" / "valid-mini";
  return dir;
}

// The small fixture geography the data-set corpus refers to (6 municipalities, 3 sub-regions, 2 regions).
inline const Geography& mini_geography() {
  static const Geography geography = load_geography(valid_mini_dir() / "geography" / "mini-2021");
  return geography;
}

}  // namespace alueverkko::fuzz
