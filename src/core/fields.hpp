#pragma once
// Private: strict parsing of field values (no spaces, no '+', no hex, no inf/nan).
#include <cstdint>
#include <optional>
#include <string_view>

namespace alueverkko::detail {

std::optional<std::int64_t> parse_integer(std::string_view text) noexcept;
std::optional<double> parse_number(std::string_view text) noexcept;
// Every character in [A-Za-z0-9._-] and at least one.
bool is_identifier(std::string_view text) noexcept;
bool is_digits(std::string_view text, std::size_t count) noexcept;  // exactly `count` ASCII digits

}  // namespace alueverkko::detail
