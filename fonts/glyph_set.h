#pragma once
// A set of Unicode codepoints to put in a font atlas, and the UTF-8 decoding that fills it.
//
// Debian's Dear ImGui is built with 16-bit ImWchar, so only the Basic Multilingual Plane
// (U+0000..U+FFFF) can be drawn; ImGui shows anything above as its fallback glyph. Those
// codepoints (emoji, CJK Extension B and later) are kept apart in unsupported() so the app can
// report them rather than silently show "?".

#include <imgui.h>

#include <bitset>
#include <cstddef>
#include <set>
#include <string_view>
#include <vector>

namespace cf::fonts {

inline constexpr char32_t k_max_drawable = 0xFFFF;
inline constexpr char32_t k_replacement = 0xFFFD;

// Decodes UTF-8 the way the text will be shown: each malformed or truncated sequence (and each
// overlong or surrogate encoding) becomes U+FFFD and decoding resumes at the next byte.
std::vector<char32_t> decode_utf8(std::string_view utf8);

// True for codepoints ImGui lays out without a glyph (line breaks and other C0/C1 controls;
// its tab glyph is made from the space).
bool needs_no_glyph(char32_t codepoint);

class GlyphSet {
public:
    // Adds every codepoint of the text that needs a glyph. Returns how many were new, counting
    // new unsupported ones.
    std::size_t add_text(std::string_view utf8);
    // Adds one codepoint; returns whether it was new.
    bool add(char32_t codepoint);
    // Adds first..last inclusive. Precondition: first <= last <= U+FFFF.
    void add_range(char32_t first, char32_t last);
    void erase(char32_t codepoint);

    bool contains(char32_t codepoint) const;
    bool contains_all(const GlyphSet& other) const; // drawable codepoints only
    std::size_t size() const { return m_bits.count(); }
    bool empty() const { return m_bits.none(); }

    GlyphSet& operator|=(const GlyphSet& other);
    // The drawable codepoints of this set that are not in other.
    GlyphSet minus(const GlyphSet& other) const;
    bool operator==(const GlyphSet& other) const = default;

    std::vector<char32_t> codepoints() const;
    // ImGui glyph ranges: inclusive first/last pairs, then a 0.
    std::vector<ImWchar> ranges() const;
    // Codepoints above U+FFFF that were added: they cannot be drawn.
    const std::set<char32_t>& unsupported() const { return m_unsupported; }

private:
    std::bitset<k_max_drawable + 1> m_bits;
    std::set<char32_t> m_unsupported;
};

} // namespace cf::fonts
