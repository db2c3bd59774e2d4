#include "fonts/glyph_set.h"

#include <cassert>

namespace cf::fonts {

namespace {

// Length of the sequence a lead byte starts, 0 for a byte that cannot start one.
int sequence_length(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        return 2;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

} // namespace

std::vector<char32_t> decode_utf8(std::string_view utf8) {
    std::vector<char32_t> out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const int length = sequence_length(lead);
        if (length == 1) {
            out.push_back(lead);
            ++i;
            continue;
        }
        bool valid = length > 0 && i + static_cast<std::size_t>(length) <= utf8.size();
        char32_t cp = length == 2 ? (lead & 0x1Fu) : length == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
        for (int k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            valid = (next & 0xC0u) == 0x80u;
            cp = (cp << 6) | (next & 0x3Fu);
        }
        // Overlong forms, surrogates and values past U+10FFFF are malformed too.
        valid = valid && !(length == 3 && cp < 0x800) && !(length == 4 && cp < 0x10000) &&
                !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
        if (valid) {
            out.push_back(cp);
            i += static_cast<std::size_t>(length);
        } else {
            out.push_back(k_replacement);
            ++i;
        }
    }
    return out;
}

bool needs_no_glyph(char32_t codepoint) {
    return codepoint < 0x20 || (codepoint >= 0x7F && codepoint < 0xA0);
}

bool GlyphSet::add(char32_t codepoint) {
    if (needs_no_glyph(codepoint)) {
        return false;
    }
    if (codepoint > k_max_drawable) {
        return m_unsupported.insert(codepoint).second;
    }
    if (m_bits.test(codepoint)) {
        return false;
    }
    m_bits.set(codepoint);
    return true;
}

std::size_t GlyphSet::add_text(std::string_view utf8) {
    std::size_t added = 0;
    for (char32_t cp : decode_utf8(utf8)) {
        added += add(cp) ? 1 : 0;
    }
    return added;
}

void GlyphSet::add_range(char32_t first, char32_t last) {
    assert(first <= last && last <= k_max_drawable);
    for (char32_t cp = first; cp <= last; ++cp) {
        add(cp);
    }
}

void GlyphSet::erase(char32_t codepoint) {
    if (codepoint > k_max_drawable) {
        m_unsupported.erase(codepoint);
    } else {
        m_bits.reset(codepoint);
    }
}

bool GlyphSet::contains(char32_t codepoint) const {
    if (codepoint > k_max_drawable) {
        return m_unsupported.contains(codepoint);
    }
    return m_bits.test(codepoint);
}

bool GlyphSet::contains_all(const GlyphSet& other) const {
    return (other.m_bits & ~m_bits).none();
}

GlyphSet& GlyphSet::operator|=(const GlyphSet& other) {
    m_bits |= other.m_bits;
    m_unsupported.insert(other.m_unsupported.begin(), other.m_unsupported.end());
    return *this;
}

GlyphSet GlyphSet::minus(const GlyphSet& other) const {
    GlyphSet out;
    out.m_bits = m_bits & ~other.m_bits;
    return out;
}

std::vector<char32_t> GlyphSet::codepoints() const {
    std::vector<char32_t> out;
    out.reserve(size());
    for (char32_t cp = 1; cp <= k_max_drawable; ++cp) {
        if (m_bits.test(cp)) {
            out.push_back(cp);
        }
    }
    return out;
}

std::vector<ImWchar> GlyphSet::ranges() const {
    std::vector<ImWchar> out;
    char32_t cp = 1; // 0 terminates ImGui's ranges, so it is never in a set
    while (cp <= k_max_drawable) {
        if (!m_bits.test(cp)) {
            ++cp;
            continue;
        }
        const char32_t first = cp;
        while (cp + 1 <= k_max_drawable && m_bits.test(cp + 1)) {
            ++cp;
        }
        out.push_back(static_cast<ImWchar>(first));
        out.push_back(static_cast<ImWchar>(cp));
        ++cp;
    }
    out.push_back(0);
    return out;
}

} // namespace cf::fonts
