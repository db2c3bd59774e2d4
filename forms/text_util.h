#pragma once
// Small text helpers shared by the forms module. All of them treat text as UTF-8 and only ever
// change ASCII bytes, so Chinese text passes through untouched.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);
// ASCII letters lower-cased; every other byte kept.
std::string ascii_lower(std::string_view text);
bool is_valid_utf8(std::string_view text);
// Number of code points (what a person calls characters), for length limits.
std::size_t utf8_length(std::string_view text);
// Lines without their line ends and surrounding whitespace; empty lines dropped.
std::vector<std::string> split_lines(std::string_view text);
// 'text' quoted for a message, cut to about 40 characters so a pasted essay stays readable.
std::string in_quotes(std::string_view text);
// "a, b, c" for a message.
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

} // namespace cf::forms
