#pragma once
// UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates, nothing beyond U+10FFFF.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cf::core {

// The length (2-4) of the multi-byte sequence at p, whose lead byte is 0x80 or more, or 0 when
// it is not valid UTF-8 or is cut short by end.
// Inline: it runs for every character of a Chinese ticket text, in two hot loops.
inline std::size_t utf8_sequence(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = *p;
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        extra = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        extra = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        extra = 3;
        cp = c & 0x07;
    } else {
        return 0; // a continuation byte, an overlong lead (C0, C1) or beyond F4
    }
    if (static_cast<std::size_t>(end - p) <= extra) {
        return 0;
    }
    for (std::size_t i = 1; i <= extra; ++i) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return 0;
    }
    return extra + 1;
}

// True when all of text is valid UTF-8.
bool valid_utf8(std::string_view text);

// text as an answer or a log may repeat it: at most max_bytes of it, cut at the start of the
// character the cut falls in, with "…" after a cut.
std::string cut_utf8(std::string_view text, std::size_t max_bytes);

} // namespace cf::core
