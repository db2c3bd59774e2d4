#include "fonts/glyph_rasterizer.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_SIZES_H

#include <imgui.h>
#include <sys/mman.h>

#include <cmath>
#include <string>

namespace cf::fonts {

namespace {

// 26.6 fixed point rounded up to whole pixels, as ImGui's FreeType builder does.
float ceil_26_6(FT_Pos value) {
    return static_cast<float>((value + 63) >> 6);
}

} // namespace

Result<std::unique_ptr<GlyphRasterizer>>
GlyphRasterizer::open(const FontSource& source, std::array<bool, k_face_count> faces) {
    std::unique_ptr<GlyphRasterizer> r(new GlyphRasterizer(source));
    if (FT_Init_FreeType(&r->m_library) != 0) {
        r->m_library = nullptr;
        return fail(ErrorCode::render_failed, "FreeType could not start");
    }
    for (Face f : k_all_faces) {
        if (!faces[index(f)]) {
            continue;
        }
        FT_Face face = nullptr;
        if (FT_New_Memory_Face(r->m_library, reinterpret_cast<const FT_Byte*>(source.bytes->data()),
                               static_cast<FT_Long>(source.bytes->size()), source.index(f),
                               &face) != 0 ||
            FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
            if (face != nullptr) {
                FT_Done_Face(face);
            }
            return fail(ErrorCode::render_failed, "FreeType cannot load face " +
                                                      std::to_string(source.index(f)) + " (" +
                                                      std::string(k_face_families[index(f)]) +
                                                      ") of " + source.file.string());
        }
        r->m_faces[index(f)] = face;
    }
    return r;
}

GlyphRasterizer::~GlyphRasterizer() {
    // FT_Done_Face frees the face's sizes too.
    for (FT_Face face : m_faces) {
        if (face != nullptr) {
            FT_Done_Face(face);
        }
    }
    if (m_library != nullptr) {
        FT_Done_FreeType(m_library);
    }
}

unsigned GlyphRasterizer::glyph_id(Face face, char32_t codepoint) const {
    IM_ASSERT(m_faces[index(face)] != nullptr);
    return FT_Get_Char_Index(m_faces[index(face)], codepoint);
}

bool GlyphRasterizer::same_metrics() const {
    const FT_Face sc = m_faces[index(Face::sc)];
    const FT_Face tc = m_faces[index(Face::tc)];
    return sc != nullptr && tc != nullptr && sc->units_per_EM == tc->units_per_EM &&
           sc->ascender == tc->ascender && sc->descender == tc->descender &&
           sc->height == tc->height;
}

FaceMetrics GlyphRasterizer::select(Face face, float pixels) {
    FT_Face ft = m_faces[index(face)];
    IM_ASSERT(ft != nullptr);
    const int whole = static_cast<int>(pixels);
    auto [it, added] = m_sizes.try_emplace({face, whole}, nullptr);
    if (added) {
        FT_New_Size(ft, &it->second);
        FT_Activate_Size(it->second);
        // Like ImGui: the requested height is the whole line (ascender + descender).
        FT_Size_RequestRec request{};
        request.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
        request.height = static_cast<FT_Long>(whole) * 64;
        FT_Request_Size(ft, &request);
    } else {
        FT_Activate_Size(it->second);
    }
    m_selected = ft;
    const FT_Size_Metrics& metrics = ft->size->metrics;
    return {ceil_26_6(metrics.ascender), ceil_26_6(metrics.descender)};
}

std::optional<GlyphImage> GlyphRasterizer::render(char32_t codepoint) {
    const FT_UInt id = FT_Get_Char_Index(m_selected, codepoint);
    if (id == 0 || FT_Load_Glyph(m_selected, id, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_NORMAL) != 0) {
        return std::nullopt;
    }
    FT_GlyphSlot slot = m_selected->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE ||
        FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) {
        return std::nullopt;
    }
    const FT_Bitmap& bitmap = slot->bitmap;
    GlyphImage image;
    image.width = static_cast<int>(bitmap.width);
    image.height = static_cast<int>(bitmap.rows);
    image.left = slot->bitmap_left;
    image.top = slot->bitmap_top;
    image.advance = ceil_26_6(slot->advance.x);
    image.pitch = bitmap.pitch;
    image.pixels = bitmap.buffer;
    return image;
}

void GlyphRasterizer::release_file_pages() const {
    // The mapping is read-only and private: dropping pages loses nothing.
    ::madvise(const_cast<unsigned char*>(m_source.bytes->data()), m_source.bytes->size(),
              MADV_DONTNEED);
}

} // namespace cf::fonts
