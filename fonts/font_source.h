#pragma once
// Finding the CJK fonts: Noto Sans CJK from Debian's fonts-noto-cjk, one collection file with a
// face per region. The faces' order in the collection is not promised anywhere, so they are
// found by name.

#include "fonts/error.h"
#include "fonts/font_roles.h"
#include "fonts/mapped_file.h"

#include <array>
#include <filesystem>
#include <memory>
#include <string_view>

namespace cf::fonts {

inline constexpr std::string_view k_default_font_dir = "/usr/share/fonts/opentype/noto";
inline constexpr std::string_view k_font_file_name = "NotoSansCJK-Regular.ttc";
inline constexpr std::string_view k_font_package = "fonts-noto-cjk";
inline constexpr std::array<std::string_view, k_face_count> k_face_families = {"Noto Sans CJK SC",
                                                                               "Noto Sans CJK TC"};

// The mapped collection and where its SC and TC faces are in it. Copies share the mapping.
struct FontSource {
    std::filesystem::path file;
    std::shared_ptr<const MappedFile> bytes;
    std::array<int, k_face_count> face_index{-1, -1};

    int index(Face face) const { return face_index[fonts::index(face)]; }
};

// Maps NotoSansCJK-Regular.ttc in font_dir and finds its SC and TC faces. Fails with
// font_missing when the file is missing, unreadable or not a font (the message names the file
// and fonts-noto-cjk), or face_missing naming the face the file lacks.
Result<FontSource> find_fonts(const std::filesystem::path& font_dir = k_default_font_dir);

} // namespace cf::fonts
