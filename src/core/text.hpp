#pragma once
// Private helpers shared by the parsers: UTF-8 decoding, positions in code points, file reading.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace alueverkko::detail {

inline constexpr char32_t invalid_code_point = 0xFFFFFFFF;

// Decodes the code point at `pos` and advances `pos`. Invalid input (bad lead byte, truncated or
// overlong sequence, surrogate, > U+10FFFF) yields invalid_code_point and advances by one byte.
char32_t decode_utf8(std::string_view text, std::size_t& pos);
void append_utf8(std::string& out, char32_t code_point);

// Number of characters in `text` (each invalid byte counts as one).
std::size_t count_code_points(std::string_view text);

// 1-based line and character column of byte `offset` of `text`.
std::pair<std::size_t, std::size_t> line_column_at(std::string_view text, std::size_t offset);

// Byte offsets of the first invalid UTF-8 sequence of each line that has one.
std::vector<std::size_t> invalid_utf8_offsets(std::string_view text);

// True when every byte belongs to a valid UTF-8 sequence (ASCII is checked eight bytes at a time).
bool is_valid_utf8(std::string_view text);

bool starts_with_bom(std::string_view text);

// The whole file, or nullopt if it cannot be opened.
std::optional<std::string> read_file(const std::filesystem::path& path);

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
std::string in_quotes(std::string_view text);  // 'text', for messages

}  // namespace alueverkko::detail
