#include "fonts/atlas_builder.h"

#include <doctest/doctest.h>
#include <imgui_freetype.h>

#include <algorithm>
#include <vector>

using namespace cf::fonts;

namespace {

const FontSource& source() {
    static const FontSource found = [] {
        auto s = find_fonts();
        REQUIRE_MESSAGE(s, s.error().message);
        return *s;
    }();
    return found;
}

AtlasSpec both_faces(std::string_view sc_text, std::string_view tc_text) {
    AtlasSpec spec;
    spec.faces = {true, true};
    spec.ui[index(Face::sc)].add_text(sc_text);
    spec.ui[index(Face::tc)].add_text(tc_text);
    return spec;
}

// The coverage bytes of a glyph, read back from its atlas.
std::vector<unsigned char> glyph_pixels(ImFontAtlas& atlas, const ImFontGlyph& g) {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    const int x0 = static_cast<int>(g.U0 * static_cast<float>(width) + 0.5f);
    const int y0 = static_cast<int>(g.V0 * static_cast<float>(height) + 0.5f);
    const int w = static_cast<int>(g.X1 - g.X0);
    const int h = static_cast<int>(g.Y1 - g.Y0);
    std::vector<unsigned char> out;
    for (int y = y0; y < y0 + h; ++y) {
        out.insert(out.end(), pixels + y * width + x0, pixels + y * width + x0 + w);
    }
    return out;
}

} // namespace

TEST_SUITE("atlas builder") {

    TEST_CASE("glyphs come out exactly as ImGui's FreeType builder makes them") {
        AtlasSpec spec;
        spec.ui[index(Face::tc)].add_text("投訴g");
        spec.faces[index(Face::tc)] = true;
        ImFontAtlas ours;
        auto built = build_atlas(source(), spec, ours);
        REQUIRE(built);

        ImFontAtlas imgui;
        imgui.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
        ImFontConfig config;
        config.FontNo = source().index(Face::tc);
        config.FontDataOwnedByAtlas = true;
        const ImWchar ranges[] = {'g', 'g', 0x6295, 0x6295, 0x8A34, 0x8A34, 0};
        const float size = FontSizes{}.pixels(Role::heading);
        ImFont* reference = imgui.AddFontFromMemoryTTF(
            const_cast<unsigned char*>(source().bytes->data()),
            static_cast<int>(source().bytes->size()), size, &config, ranges);
        imgui.ConfigData.back().FontDataOwnedByAtlas = false;
        REQUIRE(imgui.Build());

        ImFont* font = built->fonts.font(Face::tc, Role::heading);
        CHECK(font->FontSize == reference->FontSize);
        CHECK(font->Ascent == reference->Ascent);
        CHECK(font->Descent == reference->Descent);
        for (char32_t cp : {U'投', U'訴', U'g'}) {
            CAPTURE(static_cast<unsigned>(cp));
            const ImFontGlyph* a = font->FindGlyphNoFallback(static_cast<ImWchar>(cp));
            const ImFontGlyph* b = reference->FindGlyphNoFallback(static_cast<ImWchar>(cp));
            REQUIRE(a != nullptr);
            REQUIRE(b != nullptr);
            CHECK(a->X0 == b->X0);
            CHECK(a->Y0 == b->Y0);
            CHECK(a->X1 == b->X1);
            CHECK(a->Y1 == b->Y1);
            CHECK(a->AdvanceX == b->AdvanceX);
            CHECK(glyph_pixels(ours, *a) == glyph_pixels(imgui, *b));
        }
    }

    TEST_CASE("each face draws its own UI text at every size but huge") {
        ImFontAtlas atlas;
        auto built = build_atlas(source(), both_faces("投诉处理", "投訴處理"), atlas);
        REQUIRE_MESSAGE(built, built.error().message);
        for (Role role : {Role::body, Role::heading, Role::title}) {
            const ImFont* sc = built->fonts.font(Face::sc, role);
            const ImFont* tc = built->fonts.font(Face::tc, role);
            CHECK(sc->FindGlyphNoFallback(U'诉') != nullptr);
            CHECK(tc->FindGlyphNoFallback(U'訴') != nullptr);
            CHECK(sc->FindGlyphNoFallback(U'訴') == nullptr);
            CHECK(sc->FontSize == FontSizes{}.pixels(role));
        }
        const ImFont* huge = built->fonts.font(Face::sc, Role::huge);
        CHECK(huge->FindGlyphNoFallback(U'7') != nullptr);
        CHECK(huge->FindGlyphNoFallback(U'投') == nullptr);
        CHECK(built->fonts.font(Face::tc, Role::huge) == huge);
    }

    TEST_CASE(
        "the TC font reuses SC glyphs the faces share and renders its own where they differ") {
        AtlasSpec spec = both_faces("", "");
        spec.content.add_text("的骨");
        ImFontAtlas atlas;
        auto built = build_atlas(source(), spec, atlas);
        REQUIRE_MESSAGE(built, built.error().message);
        const ImFont* sc = built->fonts.font(Face::sc, Role::body);
        const ImFont* tc = built->fonts.font(Face::tc, Role::body);
        // 的 is one glyph in both faces; 骨 is drawn differently in Taiwan and the mainland.
        const ImFontGlyph* sc_de = sc->FindGlyphNoFallback(U'的');
        const ImFontGlyph* tc_de = tc->FindGlyphNoFallback(U'的');
        REQUIRE(sc_de != nullptr);
        REQUIRE(tc_de != nullptr);
        CHECK(tc_de->U0 == sc_de->U0);
        CHECK(tc_de->V0 == sc_de->V0);
        CHECK(tc_de->AdvanceX == sc_de->AdvanceX);
        const ImFontGlyph* sc_gu = sc->FindGlyphNoFallback(U'骨');
        const ImFontGlyph* tc_gu = tc->FindGlyphNoFallback(U'骨');
        REQUIRE(sc_gu != nullptr);
        REQUIRE(tc_gu != nullptr);
        CHECK((tc_gu->U0 != sc_gu->U0 || tc_gu->V0 != sc_gu->V0));
        CHECK(built->stats.shared > 100); // ASCII and most punctuation too
        // Exactly one tab glyph survives the lookup-table rebuild.
        CHECK(std::count_if(tc->Glyphs.begin(), tc->Glyphs.end(),
                            [](const ImFontGlyph& g) { return g.Codepoint == '\t'; }) == 1);
        CHECK(tc->FindGlyph(U'\t') != nullptr);
    }

    TEST_CASE("the font file is shared, not copied into each font") {
        ImFontAtlas atlas;
        auto built = build_atlas(source(), both_faces("投诉", "投訴"), atlas);
        REQUIRE(built);
        REQUIRE(atlas.ConfigData.Size >= 7);
        for (const ImFontConfig& config : atlas.ConfigData) {
            CHECK(config.FontData == source().bytes->data());
            CHECK_FALSE(config.FontDataOwnedByAtlas);
        }
    }

    TEST_CASE("the texture is as wide as allowed and only as tall as needed") {
        ImFontAtlas atlas;
        auto built = build_atlas(source(), both_faces("投诉", "投訴"), atlas);
        REQUIRE(built);
        CHECK(atlas.TexWidth == k_max_texture_size);
        CHECK(atlas.TexHeight < 1024);
        CHECK(built->stats.height == atlas.TexHeight);
    }

    TEST_CASE("characters the font lacks are reported, not requested again and again") {
        AtlasSpec spec;
        spec.content.add_text("ก的"); // Thai is not in Noto Sans CJK
        ImFontAtlas atlas;
        auto built = build_atlas(source(), spec, atlas);
        REQUIRE(built);
        CHECK(built->not_in_font == std::vector<char32_t>{U'ก'});
        CHECK(built->fonts.font(Face::sc, Role::body)->FindGlyphNoFallback(U'的') != nullptr);
    }

    TEST_CASE("glyphs that need a taller texture than allowed are refused") {
        AtlasSpec spec = both_faces("", "");
        spec.content.add_range(0x4E00, 0x4FFF);
        spec.max_texture_size = 512;
        ImFontAtlas atlas;
        auto built = build_atlas(source(), spec, atlas);
        REQUIRE_FALSE(built);
        CHECK(built.error().code == ErrorCode::atlas_too_large);
        CHECK(built.error().message.find("512x512") != std::string::npos);
        CHECK(atlas.Fonts.empty());
    }

    TEST_CASE("optional glyphs are left out, least wanted first, when room runs out") {
        AtlasSpec spec;
        spec.content.add_text("投诉");
        for (char32_t cp = 0x4E00; cp < 0x7000; ++cp) {
            spec.optional.push_back(cp);
        }
        spec.max_texture_size = 2048;
        ImFontAtlas atlas;
        auto built = build_atlas(source(), spec, atlas);
        REQUIRE_MESSAGE(built, built.error().message);
        CHECK(atlas.TexHeight <= 2048);
        REQUIRE_FALSE(built->dropped.empty());
        CHECK(built->dropped.size() < spec.optional.size());
        const ImFont* body = built->fonts.font(Face::sc, Role::body);
        CHECK(body->FindGlyphNoFallback(U'投') != nullptr);
        CHECK(body->FindGlyphNoFallback(U'诉') != nullptr);
        CHECK(body->FindGlyphNoFallback(0x4E00) != nullptr); // most wanted: kept
        CHECK(body->FindGlyphNoFallback(0x6FFF) == nullptr); // least wanted: left out
        CHECK(std::binary_search(built->dropped.begin(), built->dropped.end(), char32_t{0x6FFF}));
    }

    TEST_CASE("with no face asked for, the SC face is built") {
        ImFontAtlas atlas;
        auto built = build_atlas(source(), AtlasSpec{}, atlas);
        REQUIRE(built);
        CHECK(built->fonts.built(Face::sc));
        CHECK_FALSE(built->fonts.built(Face::tc));
        CHECK(built->fonts.font(Face::tc, Role::body) == built->fonts.font(Face::sc, Role::body));
        CHECK(atlas.Fonts[0] == built->fonts.font(Face::sc, Role::body));
    }
}
