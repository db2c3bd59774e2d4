#pragma once
// Building one ImGui font atlas from a glyph request, rendered with FreeType.
//
// What goes in: for every face built, the body, heading and title sizes get the face's UI
// text and ASCII; the body size also gets the content text (typed text, loaded records) and
// the optional text (the common-character lists), because content is shown in body text only,
// and a base set of Latin-1, general and CJK punctuation and full-width forms that typed text
// may use. The huge size (ticket numbers) gets printable ASCII from the SC face only; the TC
// face uses the same font, its Latin letters being the same glyphs.
//
// Sharing: the faces of the collection share one glyph table, and each face's character map
// points a codepoint at its region's preferred glyph. Where SC and TC map a codepoint to the
// same glyph (two thirds of the common characters, all of ASCII) the TC font reuses the SC
// font's glyph, at the same place in the texture, instead of rendering it again: about a third
// less rendering time and texture.
//
// The glyphs are rendered by our own FreeType loop (glyph_rasterizer.h) rather than ImGui's
// FreeType builder, for memory: ImGui 1.86 holds every rendered glyph at four bytes per pixel
// before packing, a 30 MB peak for the full atlas, and keeps every font-file page it touched.
// The result is the atlas ImGui's builder would make: same sizes, metrics and glyph placement.
//
// No ImGui context is needed: atlases can be built on worker threads, one atlas per thread.

#include "fonts/error.h"
#include "fonts/font_roles.h"
#include "fonts/font_source.h"
#include "fonts/glyph_set.h"

#include <imgui.h>

#include <array>
#include <memory>
#include <vector>

namespace cf::fonts {

inline constexpr int k_max_texture_size = 4096;

struct AtlasSpec {
    std::array<bool, k_face_count> faces{}; // which faces to build; SC when none is set
    std::array<GlyphSet, k_face_count> ui;  // every size but huge, per face
    GlyphSet content;                       // body size of every face built
    // Also body size of every face, most wanted first (the common-character lists): when the
    // texture would be too tall, the least wanted are left out rather than the build failing.
    std::vector<char32_t> optional;
    FontSizes sizes;
    int max_texture_size = k_max_texture_size; // the atlas is this wide and at most this tall

    bool operator==(const AtlasSpec&) const = default;
};

struct BuildStats {
    double seconds = 0;
    int rendered = 0; // glyphs rendered into the texture
    int shared = 0;   // glyphs the TC fonts reuse from the SC fonts
    int width = 0;    // texture size
    int height = 0;
};

// The ImFont for each face and role of one atlas. A face that was not built answers with the
// other face's fonts, so the app never pushes a null font.
class FontTable {
public:
    ImFont* font(Face face, Role role) const;
    bool built(Face face) const { return m_built[index(face)]; }
    void set(Face face, Role role, ImFont* font);

private:
    std::array<std::array<ImFont*, k_role_count>, k_face_count> m_fonts{};
    std::array<bool, k_face_count> m_built{};
};

// What a built atlas keeps pointing at: the mapped font file and the glyph ranges. ImGui reads
// them again if it ever rebuilds the atlas, so they must live as long as the atlas does.
struct AtlasInputs {
    std::shared_ptr<const MappedFile> file;
    std::vector<std::vector<ImWchar>> ranges;
};

struct BuiltAtlas {
    FontTable fonts;
    BuildStats stats;
    std::vector<char32_t> not_in_font; // requested codepoints the font has no glyph for
    std::vector<char32_t> dropped;     // optional codepoints left out for lack of room, sorted
    std::shared_ptr<const AtlasInputs> inputs;
};

// The codepoints every font of a role gets besides the UI and content text.
GlyphSet base_glyphs(Role role);

// Builds spec into atlas, which must be empty. Keep the result's inputs alive while the atlas
// lives. Fails with atlas_too_large (leaving the atlas empty) when the glyphs need a texture
// taller than spec.max_texture_size even without any optional glyph, or render_failed when
// FreeType cannot load a face.
Result<BuiltAtlas> build_atlas(const FontSource& source, const AtlasSpec& spec, ImFontAtlas& atlas);

} // namespace cf::fonts
