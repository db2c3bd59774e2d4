#pragma once
// FreeType rendering of single glyphs from the mapped font collection, for the atlas builder.
//
// One FT_Face per face and one FT_Size per pixel size, where ImGui's builder opens a face per
// font. Sizes follow ImGui's FreeType builder exactly (pixel size = ascender + descender,
// metrics rounded up) so fonts built here lay out like ImGui's own. Not thread-safe: one
// rasteriser per build, and builds on different threads share nothing.

#include "fonts/error.h"
#include "fonts/font_roles.h"
#include "fonts/font_source.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <utility>

struct FT_LibraryRec_;
struct FT_FaceRec_;
struct FT_SizeRec_;

namespace cf::fonts {

struct FaceMetrics {
    float ascent = 0;  // pixels above the baseline, rounded up
    float descent = 0; // negative: pixels below the baseline, rounded up
};

// One rendered glyph: height rows of width coverage bytes, pitch bytes apart, valid until the
// next render.
struct GlyphImage {
    int width = 0;
    int height = 0;
    int pitch = 0;
    int left = 0; // pen position to the bitmap's left edge
    int top = 0;  // baseline to the bitmap's top edge, up positive
    float advance = 0;
    const unsigned char* pixels = nullptr;
};

class GlyphRasterizer {
public:
    // Opens the faces of the source that are set in `faces` (each costs a few milliseconds:
    // FreeType reads the collection's 65,535-glyph tables). Fails with render_failed naming the
    // face.
    static Result<std::unique_ptr<GlyphRasterizer>> open(const FontSource& source,
                                                         std::array<bool, k_face_count> faces);
    ~GlyphRasterizer();
    GlyphRasterizer(const GlyphRasterizer&) = delete;
    GlyphRasterizer& operator=(const GlyphRasterizer&) = delete;

    // The face's glyph for codepoint, 0 when it has none. Precondition: the face is open.
    unsigned glyph_id(Face face, char32_t codepoint) const;
    // Whether both faces are open and place glyphs alike (same em, ascender, descender, line
    // height), so a glyph they share can be drawn from either.
    bool same_metrics() const;

    // Makes face (open) at pixels the one render() uses; returns its metrics.
    FaceMetrics select(Face face, float pixels);
    // Renders codepoint in the selected face and size; nullopt when FreeType fails.
    std::optional<GlyphImage> render(char32_t codepoint);

    // Drops the font file's pages from this process's resident set. FreeType reads glyph
    // outlines from all over the 19 MB collection; without this every page read stays counted
    // in the process's memory until exit. Pages come back from the page cache when read again.
    void release_file_pages() const;

private:
    explicit GlyphRasterizer(FontSource source) : m_source(std::move(source)) {}

    FontSource m_source;
    FT_LibraryRec_* m_library = nullptr;
    std::array<FT_FaceRec_*, k_face_count> m_faces{};
    std::map<std::pair<Face, int>, FT_SizeRec_*> m_sizes;
    FT_FaceRec_* m_selected = nullptr;
};

} // namespace cf::fonts
