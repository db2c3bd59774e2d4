#pragma once
// Which face and which size a piece of text is drawn in.
//
// Sizes are ImGui pixel sizes, which for FreeType are the line height (ascender + descender),
// not the em size: Noto Sans CJK's line is 1.448 em, so a 40 px body font draws ideographs
// about 28 px tall.

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

namespace cf::fonts {

// Noto Sans CJK has one face per region; characters shared by both scripts are drawn the way
// readers of that script expect.
enum class Face {
    sc, // Noto Sans CJK SC: zh-Hans, and English
    tc, // Noto Sans CJK TC: zh-Hant
};

enum class Role {
    body,    // running text, fields, typed text, loaded records
    heading, // section headings and big buttons
    title,   // screen titles
    huge,    // ticket numbers on the receipt screen: ASCII only
};

inline constexpr std::size_t k_face_count = 2;
inline constexpr std::size_t k_role_count = 4;
inline constexpr std::array<Face, k_face_count> k_all_faces = {Face::sc, Face::tc};
inline constexpr std::array<Role, k_role_count> k_all_roles = {Role::body, Role::heading,
                                                               Role::title, Role::huge};

constexpr std::size_t index(Face f) {
    return static_cast<std::size_t>(f);
}
constexpr std::size_t index(Role r) {
    return static_cast<std::size_t>(r);
}

constexpr std::string_view name(Face f) {
    return f == Face::sc ? "SC" : "TC";
}
constexpr std::string_view name(Role r) {
    switch (r) {
    case Role::body:
        return "body";
    case Role::heading:
        return "heading";
    case Role::title:
        return "title";
    case Role::huge:
        return "huge";
    }
    return "body";
}

// The face for a locale code of assets/i18n: "zh-Hant" (and zh-TW, zh-HK, zh-MO) use TC,
// everything else SC.
Face face_for_locale(std::string_view locale);

struct FontSizes {
    float body = 40;
    float heading = 52;
    float title = 68;
    float huge = 128;
    float scale = 1.0f; // "large text" mode multiplies every size

    // The size of role after scaling, in whole pixels (FreeType renders whole pixel sizes).
    float pixels(Role role) const {
        const float base = role == Role::body      ? body
                           : role == Role::heading ? heading
                           : role == Role::title   ? title
                                                   : huge;
        return std::round(base * scale);
    }
    bool operator==(const FontSizes&) const = default;
};

} // namespace cf::fonts
