#include "fonts/atlas_builder.h"

#include "fonts/glyph_rasterizer.h"

#include <imgui_freetype.h>
#include <imgui_internal.h>
#include <stb_rect_pack.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

namespace cf::fonts {

namespace {

using RoleSets = std::array<GlyphSet, k_role_count>;

// Rendered glyphs waiting for their place in the texture, one byte per pixel in 1 MB chunks.
// (ImGui 1.86's FreeType builder keeps them at four bytes per pixel: for a CJK atlas that
// alone was a 30 MB peak.)
class BitmapArena {
public:
    unsigned char* store(const GlyphImage& image) {
        const auto width = static_cast<std::size_t>(image.width);
        const std::size_t bytes = width * static_cast<std::size_t>(image.height);
        if (bytes == 0) {
            return nullptr;
        }
        if (m_chunks.empty() || m_used + bytes > k_chunk) {
            m_chunks.push_back(std::make_unique<unsigned char[]>(std::max(bytes, k_chunk)));
            m_used = 0;
        }
        unsigned char* out = m_chunks.back().get() + m_used;
        for (int row = 0; row < image.height; ++row) {
            std::memcpy(out + static_cast<std::size_t>(row) * width,
                        image.pixels + static_cast<std::ptrdiff_t>(row) * image.pitch, width);
        }
        m_used += bytes;
        return out;
    }

private:
    static constexpr std::size_t k_chunk = std::size_t{1} << 20;
    std::vector<std::unique_ptr<unsigned char[]>> m_chunks;
    std::size_t m_used = 0;
};

struct PendingGlyph {
    char32_t codepoint = 0;
    int font = 0; // index into the build's fonts
    int width = 0;
    int height = 0;
    int left = 0;
    int top = 0;
    float advance = 0;
    const unsigned char* pixels = nullptr;
    int x = 0; // place in the texture, padding included
    int y = 0;
    bool kept = true; // false: an optional glyph left out for lack of room
};

struct FontJob {
    Face face;
    Role role;
    float pixels;
    ImFont* font;
    ImFontConfig* config;
    FaceMetrics metrics;
};

// How many glyphs to render between releases of the font file's pages: often enough to keep
// them to a few megabytes, rarely enough that faulting the font's index tables back in costs
// little (every 256 glyphs made the initial atlas a third slower).
constexpr int k_glyphs_per_page_release = 1024;
// ImGui's packer works in a texture this tall and the result is cut to the rows used.
constexpr int k_pack_height = 32 * 1024;

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

Error too_large(const AtlasSpec& spec, int height) {
    char sizes[96];
    std::snprintf(sizes, sizeof sizes, "body %.0f, heading %.0f, title %.0f px",
                  static_cast<double>(spec.sizes.pixels(Role::body)),
                  static_cast<double>(spec.sizes.pixels(Role::heading)),
                  static_cast<double>(spec.sizes.pixels(Role::title)));
    const std::string max = std::to_string(spec.max_texture_size);
    return Error{ErrorCode::atlas_too_large,
                 "the glyphs need a " + max + "x" + std::to_string(height) +
                     " font texture, more than the " + max + "x" + max + " allowed, at " + sizes +
                     ": use a smaller text scale or fewer characters"};
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

GlyphSet base_glyphs(Role role) {
    GlyphSet set;
    set.add_range(0x0020, 0x007E); // ASCII: digits, Latin text, ticket numbers
    if (role == Role::huge) {
        return set;
    }
    set.add(0x2026); // ellipsis: ImGui's mark for clipped text
    if (role != Role::body) {
        return set; // headings and titles show UI text, which brings its own punctuation
    }
    set.add_range(0x00A0, 0x00FF); // Latin-1: names, ×, °, ¥
    set.add_range(0x2010, 0x2027); // dashes, quotes, bullet
    set.add_range(0x2030, 0x203B); // per mille, primes, reference mark
    set.add_range(0x2190, 0x2193); // arrows
    set.add_range(0x3000, 0x303F); // CJK punctuation: 、。「」《》【】
    set.add(0x30FB);               // katakana middle dot, used in Chinese transliterations
    set.add_range(0xFF01, 0xFF5E); // full-width forms: ，：；！？（）
    set.add_range(0xFFE0, 0xFFE6); // full-width currency
    return set;
}

namespace {

// Which glyphs each font holds, which TC glyphs come from SC, and which may be left out.
struct Plan {
    std::array<bool, k_face_count> faces{};
    Face first = Face::sc;
    std::array<RoleSets, k_face_count> request;
    RoleSets shared;                // TC takes these from SC
    std::vector<char32_t> optional; // in the font, required by nothing, most wanted first
    std::vector<int> rank;          // optional rank per BMP codepoint; k_required otherwise
    std::set<char32_t> not_in_font;
};

constexpr int k_required = 1 << 30;

Plan plan_atlas(const AtlasSpec& spec, const GlyphRasterizer& raster,
                const std::array<bool, k_face_count>& faces) {
    Plan plan;
    plan.faces = faces;
    plan.first = faces[index(Face::sc)] ? Face::sc : Face::tc;
    GlyphSet optional;
    for (char32_t cp : spec.optional) {
        optional.add(cp);
    }
    const GlyphSet body_base = base_glyphs(Role::body);
    for (Face f : k_all_faces) {
        if (!faces[index(f)]) {
            continue;
        }
        for (Role role : {Role::body, Role::heading, Role::title}) {
            GlyphSet& set = plan.request[index(f)][index(role)];
            set = base_glyphs(role);
            set |= spec.ui[index(f)];
            if (role == Role::body) {
                set |= spec.content;
                set |= optional;
            }
            for (char32_t cp : set.codepoints()) {
                if (raster.glyph_id(f, cp) == 0) {
                    set.erase(cp);
                    // Only what the app asked for is worth reporting; the base set's gaps are
                    // known.
                    if (spec.ui[index(f)].contains(cp) || spec.content.contains(cp) ||
                        optional.contains(cp)) {
                        plan.not_in_font.insert(cp);
                    }
                }
            }
        }
    }
    plan.request[index(plan.first)][index(Role::huge)] = base_glyphs(Role::huge);

    // Optional codepoints that nothing else asks for may be left out, least wanted first.
    plan.rank.assign(k_max_drawable + 1, k_required);
    for (char32_t cp : spec.optional) {
        if (cp > k_max_drawable || plan.rank[cp] != k_required || plan.not_in_font.contains(cp) ||
            spec.content.contains(cp) || body_base.contains(cp) ||
            spec.ui[index(Face::sc)].contains(cp) || spec.ui[index(Face::tc)].contains(cp)) {
            continue;
        }
        plan.rank[cp] = static_cast<int>(plan.optional.size());
        plan.optional.push_back(cp);
    }

    if (faces[index(Face::sc)] && faces[index(Face::tc)] && raster.same_metrics()) {
        for (Role role : {Role::body, Role::heading, Role::title}) {
            const GlyphSet& sc = plan.request[index(Face::sc)][index(role)];
            for (char32_t cp : plan.request[index(Face::tc)][index(role)].codepoints()) {
                if (sc.contains(cp) &&
                    raster.glyph_id(Face::sc, cp) == raster.glyph_id(Face::tc, cp)) {
                    plan.shared[index(role)].add(cp);
                }
            }
        }
    }
    return plan;
}

// Places the glyphs ranked below `keep` (and every required one) after ImGui's own rectangles
// (white pixel, mouse cursors, line textures). Returns the texture height needed.
int pack(ImFontAtlas& atlas, std::vector<PendingGlyph>& glyphs, const Plan& plan, int keep) {
    const int padding = atlas.TexGlyphPadding;
    atlas.TexHeight = 0;
    std::vector<stbrp_node> nodes(static_cast<std::size_t>(atlas.TexWidth - padding));
    stbrp_context packer;
    stbrp_init_target(&packer, atlas.TexWidth, k_pack_height, nodes.data(),
                      static_cast<int>(nodes.size()));
    ImFontAtlasBuildPackCustomRects(&atlas, &packer);
    std::vector<stbrp_rect> rects;
    rects.reserve(glyphs.size());
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        PendingGlyph& g = glyphs[i];
        g.kept = plan.rank[g.codepoint] < keep || plan.rank[g.codepoint] == k_required;
        if (g.kept && g.pixels != nullptr) {
            rects.push_back({static_cast<int>(i), g.width + padding, g.height + padding, 0, 0, 0});
        }
    }
    if (!rects.empty() &&
        stbrp_pack_rects(&packer, rects.data(), static_cast<int>(rects.size())) == 0) {
        return k_pack_height + 1;
    }
    int height = atlas.TexHeight;
    for (const stbrp_rect& r : rects) {
        height = std::max(height, r.y + r.h);
        glyphs[static_cast<std::size_t>(r.id)].x = r.x + padding;
        glyphs[static_cast<std::size_t>(r.id)].y = r.y + padding;
    }
    return height + 1;
}

} // namespace

Result<BuiltAtlas> build_atlas(const FontSource& source, const AtlasSpec& spec,
                               ImFontAtlas& atlas) {
    IM_ASSERT(atlas.Fonts.empty() && "build_atlas needs an empty atlas");
    const auto start = std::chrono::steady_clock::now();
    std::array<bool, k_face_count> faces = spec.faces;
    if (!faces[index(Face::sc)] && !faces[index(Face::tc)]) {
        faces[index(Face::sc)] = true;
    }
    auto rasterizer = GlyphRasterizer::open(source, faces);
    if (!rasterizer) {
        return std::unexpected(rasterizer.error());
    }
    GlyphRasterizer& raster = **rasterizer;
    const Plan plan = plan_atlas(spec, raster, faces);
    const Face first = plan.first;
    const Face second = first == Face::sc ? Face::tc : Face::sc;

    // The fonts, described to ImGui as if its own builder were to make them, so that the atlas
    // can be rebuilt by ImGui if something ever asks it to (without the sharing, then).
    auto inputs = std::make_shared<AtlasInputs>();
    inputs->file = source.bytes;
    inputs->ranges.reserve(k_face_count * k_role_count);
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.TexDesiredWidth = spec.max_texture_size;
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    BuiltAtlas built;
    std::vector<FontJob> jobs;
    // The first font added is ImGui's default: the first face's body text.
    for (Face f : {first, second}) {
        if (!faces[index(f)]) {
            continue;
        }
        for (Role role : k_all_roles) {
            const GlyphSet& set = plan.request[index(f)][index(role)];
            if (set.empty()) {
                continue;
            }
            const float pixels = spec.sizes.pixels(role);
            inputs->ranges.push_back(set.ranges());
            ImFont* font = add_font(atlas, source, f, role, pixels, inputs->ranges.back());
            built.fonts.set(f, role, font);
            jobs.push_back({f, role, pixels, font, nullptr, {}});
        }
    }
    // ConfigData may have moved while it grew.
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        jobs[i].config = &atlas.ConfigData[static_cast<int>(i)];
    }
    // Both faces draw ticket numbers with the one huge font.
    if (faces[index(second)]) {
        built.fonts.set(second, Role::huge, built.fonts.font(first, Role::huge));
    }

    // Render. The TC fonts skip what they share.
    ImFontAtlasBuildInit(&atlas);
    BitmapArena arena;
    std::vector<PendingGlyph> glyphs;
    int since_release = 0;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        FontJob& job = jobs[j];
        job.metrics = raster.select(job.face, job.pixels);
        GlyphSet own = plan.request[index(job.face)][index(job.role)];
        if (job.face == Face::tc) {
            own = own.minus(plan.shared[index(job.role)]);
        }
        for (char32_t cp : own.codepoints()) {
            const auto image = raster.render(cp);
            if (!image) {
                continue;
            }
            glyphs.push_back({cp, static_cast<int>(j), image->width, image->height, image->left,
                              image->top, image->advance, arena.store(*image), 0, 0, true});
            if (++since_release == k_glyphs_per_page_release) {
                raster.release_file_pages();
                since_release = 0;
            }
        }
    }
    raster.release_file_pages();

    // Pack; when the texture would be too tall, leave out optional glyphs, least wanted first.
    // Packing again costs milliseconds; rendering was the slow part and is not repeated.
    atlas.TexWidth = spec.max_texture_size;
    int keep = static_cast<int>(plan.optional.size());
    int height = pack(atlas, glyphs, plan, keep);
    while (height > spec.max_texture_size && keep > 0) {
        const double excess = static_cast<double>(height - spec.max_texture_size) / height;
        keep -= std::max(64, static_cast<int>(keep * excess * 1.1));
        keep = std::max(keep, 0);
        height = pack(atlas, glyphs, plan, keep);
    }
    if (height > spec.max_texture_size) {
        atlas.Clear();
        return std::unexpected(too_large(spec, height));
    }
    atlas.TexHeight = height;
    built.dropped.assign(plan.optional.begin() + keep, plan.optional.end());
    std::sort(built.dropped.begin(), built.dropped.end());

    // Copy the glyphs into the texture.
    const auto tex_width = static_cast<std::size_t>(atlas.TexWidth);
    const std::size_t tex_bytes = tex_width * static_cast<std::size_t>(atlas.TexHeight);
    atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(tex_bytes));
    std::memset(atlas.TexPixelsAlpha8, 0, tex_bytes);
    atlas.TexPixelsUseColors = false;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(atlas.TexWidth),
                              1.0f / static_cast<float>(atlas.TexHeight));
    for (const PendingGlyph& g : glyphs) {
        if (!g.kept || g.pixels == nullptr) {
            continue;
        }
        for (int row = 0; row < g.height; ++row) {
            std::memcpy(atlas.TexPixelsAlpha8 + static_cast<std::size_t>(g.y + row) * tex_width +
                            static_cast<std::size_t>(g.x),
                        g.pixels +
                            static_cast<std::size_t>(row) * static_cast<std::size_t>(g.width),
                        static_cast<std::size_t>(g.width));
        }
    }

    // Tell the fonts where their glyphs are, with the arithmetic of ImGui's FreeType builder.
    for (FontJob& job : jobs) {
        ImFontAtlasBuildSetupFont(&atlas, job.font, job.config, job.metrics.ascent,
                                  job.metrics.descent);
    }
    const ImVec2 uv = atlas.TexUvScale;
    for (const PendingGlyph& g : glyphs) {
        if (!g.kept) {
            continue;
        }
        const FontJob& job = jobs[static_cast<std::size_t>(g.font)];
        const float x0 = static_cast<float>(g.left) + job.config->GlyphOffset.x;
        const float y0 =
            static_cast<float>(-g.top) + job.config->GlyphOffset.y + IM_ROUND(job.font->Ascent);
        const auto w = static_cast<float>(g.width);
        const auto h = static_cast<float>(g.height);
        const auto tx = static_cast<float>(g.x);
        const auto ty = static_cast<float>(g.y);
        job.font->AddGlyph(job.config, static_cast<ImWchar>(g.codepoint), x0, y0, x0 + w, y0 + h,
                           tx * uv.x, ty * uv.y, (tx + w) * uv.x, (ty + h) * uv.y, g.advance);
        ++built.stats.rendered;
    }

    // The TC fonts get the shared glyphs exactly as the SC fonts have them.
    for (Role role : {Role::body, Role::heading, Role::title}) {
        if (plan.shared[index(role)].empty()) {
            continue;
        }
        ImFont* sc = built.fonts.font(Face::sc, role);
        ImFont* tc = built.fonts.font(Face::tc, role);
        IM_ASSERT(sc->Ascent == tc->Ascent && sc->Descent == tc->Descent);
        sc->BuildLookupTable();
        for (char32_t cp : plan.shared[index(role)].codepoints()) {
            const ImFontGlyph* g = sc->FindGlyphNoFallback(static_cast<ImWchar>(cp));
            if (g != nullptr) {
                tc->AddGlyph(nullptr, static_cast<ImWchar>(cp), g->X0, g->Y0, g->X1, g->Y1, g->U0,
                             g->V0, g->U1, g->V1, g->AdvanceX);
                ++built.stats.shared;
            }
        }
    }
    // White pixel, cursors, lines, and every font's lookup table.
    ImFontAtlasBuildFinish(&atlas);

    built.stats.width = atlas.TexWidth;
    built.stats.height = atlas.TexHeight;
    built.stats.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    built.not_in_font.assign(plan.not_in_font.begin(), plan.not_in_font.end());
    built.inputs = std::move(inputs);
    return built;
}

} // namespace cf::fonts
