#include "fonts/atlas_builder.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <imgui_freetype.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>

namespace cf::fonts {

namespace {

// FreeType faces of the collection, to look up glyph ids. Each build opens its own library,
// so builds on different threads share nothing.
class GlyphIds {
public:
    explicit GlyphIds(const FontSource& source) {
        if (FT_Init_FreeType(&m_library) != 0) {
            m_library = nullptr;
            return;
        }
        for (Face f : k_all_faces) {
            FT_Face face = nullptr;
            if (FT_New_Memory_Face(
                    m_library, reinterpret_cast<const FT_Byte*>(source.bytes->data()),
                    static_cast<FT_Long>(source.bytes->size()), source.index(f), &face) == 0) {
                m_faces[index(f)] = face;
            }
        }
    }
    ~GlyphIds() {
        for (FT_Face face : m_faces) {
            if (face != nullptr) {
                FT_Done_Face(face);
            }
        }
        if (m_library != nullptr) {
            FT_Done_FreeType(m_library);
        }
    }
    GlyphIds(const GlyphIds&) = delete;
    GlyphIds& operator=(const GlyphIds&) = delete;

    bool loaded(Face f) const { return m_faces[index(f)] != nullptr; }
    unsigned id(Face f, char32_t cp) const { return FT_Get_Char_Index(m_faces[index(f)], cp); }

    // Glyphs can be shared only where both faces place them on the same baseline and scale.
    bool same_metrics() const {
        const FT_Face sc = m_faces[index(Face::sc)];
        const FT_Face tc = m_faces[index(Face::tc)];
        return sc != nullptr && tc != nullptr && sc->units_per_EM == tc->units_per_EM &&
               sc->ascender == tc->ascender && sc->descender == tc->descender &&
               sc->height == tc->height;
    }

private:
    FT_Library m_library = nullptr;
    std::array<FT_Face, k_face_count> m_faces{};
};

using RoleSets = std::array<GlyphSet, k_role_count>;

ImFont* add_font(ImFontAtlas& atlas, const FontSource& source, Face face, Role role, float pixels,
                 const std::vector<ImWchar>& ranges) {
    ImFontConfig config;
    config.FontNo = source.index(face);
    // ImGui 1.86's AddFont copies the font data when FontDataOwnedByAtlas is false: 19 MB per
    // font. Handing it over as "owned" avoids the copy; clearing the flag on the stored config
    // right after stops the atlas from ever freeing our mapping.
    config.FontDataOwnedByAtlas = true;
    std::snprintf(config.Name, sizeof config.Name, "Noto Sans CJK %s %s %.0fpx",
                  std::string(name(face)).c_str(), std::string(name(role)).c_str(),
                  static_cast<double>(pixels));
    ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(source.bytes->data()),
                                              static_cast<int>(source.bytes->size()), pixels,
                                              &config, ranges.data());
    atlas.ConfigData.back().FontDataOwnedByAtlas = false;
    return font;
}

// Gives `to` the glyphs of `from` for the shared codepoints: same texture rectangle, same
// metrics. ImGui keeps its tab glyph last and rebuilds it on each lookup-table build.
int share_glyphs(const ImFont& from, ImFont& to, const GlyphSet& shared) {
    if (to.Glyphs.Size > 0 && to.Glyphs.back().Codepoint == '\t') {
        to.Glyphs.pop_back();
    }
    int count = 0;
    for (char32_t cp : shared.codepoints()) {
        const ImFontGlyph* g = from.FindGlyphNoFallback(static_cast<ImWchar>(cp));
        if (g != nullptr) {
            to.AddGlyph(nullptr, static_cast<ImWchar>(cp), g->X0, g->Y0, g->X1, g->Y1, g->U0, g->V0,
                        g->U1, g->V1, g->AdvanceX);
            ++count;
        }
    }
    to.BuildLookupTable();
    return count;
}

} // namespace

ImFont* FontTable::font(Face face, Role role) const {
    ImFont* own = m_fonts[index(face)][index(role)];
    if (own != nullptr) {
        return own;
    }
    const Face other = face == Face::sc ? Face::tc : Face::sc;
    return m_fonts[index(other)][index(role)];
}

void FontTable::set(Face face, Role role, ImFont* font) {
    m_fonts[index(face)][index(role)] = font;
    m_built[index(face)] = m_built[index(face)] || font != nullptr;
}

GlyphSet base_glyphs() {
    GlyphSet set;
    set.add_range(0x0020, 0x007E); // ASCII
    set.add_range(0x00A0, 0x00FF); // Latin-1: names, ×, °, ¥
    set.add_range(0x2010, 0x2027); // dashes, quotes, bullet, ellipsis (ImGui's clipping mark)
    set.add_range(0x2030, 0x203B); // per mille, primes, reference mark
    set.add_range(0x2190, 0x2193); // arrows for back/next
    set.add_range(0x3000, 0x303F); // CJK punctuation: 、。「」《》【】
    set.add(0x30FB);               // katakana middle dot, used in Chinese transliterations
    set.add_range(0xFF01, 0xFF5E); // full-width forms: ，：；！？（）
    set.add_range(0xFFE0, 0xFFE6); // full-width currency
    return set;
}

GlyphSet huge_glyphs() {
    GlyphSet set;
    set.add_range(0x0020, 0x007E);
    return set;
}

Result<BuiltAtlas> build_atlas(const FontSource& source, const AtlasSpec& spec,
                               ImFontAtlas& atlas) {
    IM_ASSERT(atlas.Fonts.empty() && "build_atlas needs an empty atlas");
    const auto start = std::chrono::steady_clock::now();
    std::array<bool, k_face_count> faces = spec.faces;
    if (!faces[index(Face::sc)] && !faces[index(Face::tc)]) {
        faces[index(Face::sc)] = true;
    }
    const Face first = faces[index(Face::sc)] ? Face::sc : Face::tc;

    const GlyphIds ids(source);
    for (Face f : k_all_faces) {
        if (faces[index(f)] && !ids.loaded(f)) {
            return fail(ErrorCode::render_failed, "FreeType cannot load face " +
                                                      std::to_string(source.index(f)) + " of " +
                                                      source.file.string());
        }
    }

    // What each font should hold, without what the font has no glyph for.
    std::array<RoleSets, k_face_count> request;
    std::set<char32_t> not_in_font;
    const GlyphSet base = base_glyphs();
    for (Face f : k_all_faces) {
        if (!faces[index(f)]) {
            continue;
        }
        for (Role role : {Role::body, Role::heading, Role::title}) {
            GlyphSet& set = request[index(f)][index(role)];
            set = base;
            set |= spec.ui[index(f)];
            if (role == Role::body) {
                set |= spec.content;
            }
        }
        if (f == first) {
            request[index(f)][index(Role::huge)] = huge_glyphs();
        }
        // Only what the app asked for is worth reporting; the base set's few gaps are known.
        for (GlyphSet& set : request[index(f)]) {
            for (char32_t cp : set.codepoints()) {
                if (ids.id(f, cp) == 0) {
                    set.erase(cp);
                    if (!base.contains(cp)) {
                        not_in_font.insert(cp);
                    }
                }
            }
        }
    }

    // Codepoints the TC fonts take from the SC fonts rather than render again.
    RoleSets shared;
    if (faces[index(Face::sc)] && faces[index(Face::tc)] && ids.same_metrics()) {
        for (Role role : {Role::body, Role::heading, Role::title}) {
            const GlyphSet& sc = request[index(Face::sc)][index(role)];
            GlyphSet& tc = request[index(Face::tc)][index(role)];
            for (char32_t cp : tc.codepoints()) {
                if (sc.contains(cp) && ids.id(Face::sc, cp) == ids.id(Face::tc, cp)) {
                    shared[index(role)].add(cp);
                }
            }
            GlyphSet own = tc.minus(shared[index(role)]);
            if (own.empty()) {
                shared[index(role)] = GlyphSet(); // an ImFont needs some glyph of its own
            } else {
                tc = own;
            }
        }
    }

    auto inputs = std::make_shared<AtlasInputs>();
    inputs->file = source.bytes;
    inputs->ranges.reserve(k_face_count * k_role_count);
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = 0;
    atlas.TexDesiredWidth = spec.max_texture_size;
    // Height to the next row used, not the next power of two: up to half the texture saved.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    BuiltAtlas built;
    // The first font added is ImGui's default: the first face's body text.
    for (Face f : {first, first == Face::sc ? Face::tc : Face::sc}) {
        if (!faces[index(f)]) {
            continue;
        }
        for (Role role : k_all_roles) {
            const GlyphSet& set = request[index(f)][index(role)];
            if (set.empty()) {
                continue;
            }
            inputs->ranges.push_back(set.ranges());
            built.fonts.set(
                f, role,
                add_font(atlas, source, f, role, spec.sizes.pixels(role), inputs->ranges.back()));
        }
    }
    // Both faces draw ticket numbers with the one huge font.
    for (Face f : k_all_faces) {
        if (faces[index(f)] && f != first) {
            built.fonts.set(f, Role::huge, built.fonts.font(first, Role::huge));
        }
    }

    if (!atlas.Build()) {
        atlas.Clear();
        return fail(ErrorCode::render_failed,
                    "FreeType could not render the glyphs of " + source.file.string());
    }
    if (atlas.TexHeight > spec.max_texture_size) {
        const int height = atlas.TexHeight;
        atlas.Clear();
        char sizes[96];
        std::snprintf(sizes, sizeof sizes, "body %.0f, heading %.0f, title %.0f px",
                      static_cast<double>(spec.sizes.pixels(Role::body)),
                      static_cast<double>(spec.sizes.pixels(Role::heading)),
                      static_cast<double>(spec.sizes.pixels(Role::title)));
        return fail(ErrorCode::atlas_too_large,
                    "the glyphs need a " + std::to_string(spec.max_texture_size) + "x" +
                        std::to_string(height) + " font texture, more than the " +
                        std::to_string(spec.max_texture_size) + "x" +
                        std::to_string(spec.max_texture_size) + " allowed, at " + sizes +
                        ": use a smaller text scale or fewer characters");
    }

    for (ImFont* font : atlas.Fonts) {
        built.stats.rendered += font->Glyphs.Size;
    }
    for (Role role : {Role::body, Role::heading, Role::title}) {
        if (shared[index(role)].empty()) {
            continue;
        }
        ImFont* sc = built.fonts.font(Face::sc, role);
        ImFont* tc = built.fonts.font(Face::tc, role);
        IM_ASSERT(sc->Ascent == tc->Ascent && sc->Descent == tc->Descent);
        built.stats.shared += share_glyphs(*sc, *tc, shared[index(role)]);
    }

    built.stats.width = atlas.TexWidth;
    built.stats.height = atlas.TexHeight;
    built.stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    built.not_in_font.assign(not_in_font.begin(), not_in_font.end());
    built.inputs = std::move(inputs);
    return built;
}

} // namespace cf::fonts
