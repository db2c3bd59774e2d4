#include "fonts/font_source.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <string>

namespace cf::fonts {

namespace {

std::string install_advice() {
    return "install the Debian package " + std::string(k_font_package) + " (apt-get install " +
           std::string(k_font_package) +
           ") or point --font-dir at a "
           "folder that holds " +
           std::string(k_font_file_name);
}

} // namespace

Result<FontSource> find_fonts(const std::filesystem::path& font_dir) {
    FontSource source;
    source.file = font_dir / k_font_file_name;
    std::error_code error;
    source.bytes = MappedFile::open(source.file, error);
    if (!source.bytes) {
        const std::string what = error == std::errc::no_such_file_or_directory
                                     ? "is missing"
                                     : "cannot be read (" + error.message() + ")";
        return fail(ErrorCode::font_missing,
                    "font file " + source.file.string() + " " + what + ": " + install_advice());
    }

    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) {
        return fail(ErrorCode::font_missing,
                    "FreeType could not start to read " + source.file.string());
    }
    const auto* data = reinterpret_cast<const FT_Byte*>(source.bytes->data());
    const auto size = static_cast<FT_Long>(source.bytes->size());
    FT_Face face = nullptr;
    FT_Long face_count = 0;
    if (FT_New_Memory_Face(library, data, size, -1, &face) == 0) {
        face_count = face->num_faces;
        FT_Done_Face(face);
    }
    for (FT_Long i = 0; i < face_count; ++i) {
        if (FT_New_Memory_Face(library, data, size, i, &face) != 0) {
            continue;
        }
        const std::string_view family = face->family_name != nullptr ? face->family_name : "";
        for (Face f : k_all_faces) {
            if (family == k_face_families[index(f)] && source.index(f) < 0) {
                source.face_index[index(f)] = static_cast<int>(i);
            }
        }
        FT_Done_Face(face);
        if (source.index(Face::sc) >= 0 && source.index(Face::tc) >= 0) {
            break;
        }
    }
    FT_Done_FreeType(library);

    if (face_count == 0) {
        return fail(ErrorCode::font_missing,
                    "font file " + source.file.string() +
                        " is not a font FreeType can read: " + install_advice());
    }
    for (Face f : k_all_faces) {
        if (source.index(f) < 0) {
            return fail(ErrorCode::face_missing,
                        "font file " + source.file.string() + " has no face \"" +
                            std::string(k_face_families[index(f)]) + "\": " + install_advice());
        }
    }
    return source;
}

} // namespace cf::fonts
