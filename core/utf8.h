#pragma once
// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing beyond U+10FFFF.

#include <cstddef>
#include <string_view>

namespace cf::core {

// The length (2-4) of the multi-byte sequence at p, whose lead byte is 0x80 or more, or 0 when
// it is not valid UTF-8 or is cut short by end.
std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end);

// True when all of text is valid UTF-8.
bool valid_utf8(std::string_view text);

} // namespace cf::core
