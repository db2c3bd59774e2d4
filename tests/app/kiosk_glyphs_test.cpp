// Every character any kiosk screen can show, in every locale, is in the first font atlas:
// a missing glyph would be a box on a customer's screen.

#include "app/kiosk_fonts.h"
#include "fonts/font_source.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <imgui.h>

using namespace cf;

namespace {

struct ImGuiFixture {
    ImGuiFixture() { ImGui::CreateContext(); }
    ~ImGuiFixture() { ImGui::DestroyContext(); }
};

std::string as_text(const std::vector<char32_t>& cps) {
    std::string out;
    for (char32_t c : cps) {
        out += "U+" + std::to_string(static_cast<unsigned>(c)) + " ";
    }
    return out;
}

} // namespace

TEST_SUITE("kiosk glyphs") {
    TEST_CASE("the first atlas draws every text of every locale in that locale's face") {
        auto catalog = forms::load_catalog(test::assets_dir());
        REQUIRE(catalog.has_value());
        ImGuiFixture imgui;
        auto fonts = app::KioskFonts::open({}, *catalog, test::assets_dir(), 1.0f, {});
        REQUIRE_MESSAGE(fonts.has_value(), (fonts ? "" : fonts.error().message));
        REQUIRE((*fonts)->finish_first_atlas());
        for (ui::Locale l : ui::k_all_locales) {
            CAPTURE(ui::code(l));
            const std::string texts = app::kiosk_texts(*catalog, l);
            const fonts::Face face = fonts::face_for_locale(ui::code(l));
            for (fonts::Role role : fonts::k_all_roles) {
                if (role == fonts::Role::huge) {
                    continue; // ticket numbers only: ASCII
                }
                const auto missing = (*fonts)->manager().missing(texts, face, role);
                CHECK_MESSAGE(missing.empty(), "missing glyphs: " << as_text(missing));
            }
            CHECK((*fonts)
                      ->manager()
                      .missing("SZ01-261123-K1-00425", face, fonts::Role::huge)
                      .empty());
        }
    }

    TEST_CASE("typed text outside the atlas is added by a rebuild") {
        auto catalog = forms::load_catalog(test::assets_dir());
        REQUIRE(catalog.has_value());
        ImGuiFixture imgui;
        auto fonts = app::KioskFonts::open({}, *catalog, test::assets_dir(), 1.0f, {});
        REQUIRE(fonts.has_value());
        REQUIRE((*fonts)->finish_first_atlas());
        CHECK_FALSE((*fonts)->manager().missing("龘").empty());
        (*fonts)->add_text("龘");
        (*fonts)->settle();
        CHECK((*fonts)->manager().missing("龘").empty());
    }

    TEST_CASE("without Noto Sans CJK the fonts refuse to open and name the package") {
        auto catalog = forms::load_catalog(test::assets_dir());
        REQUIRE(catalog.has_value());
        test::TempDir empty;
        ImGuiFixture imgui;
        auto fonts = app::KioskFonts::open(empty.path(), *catalog, test::assets_dir(), 1.0f, {});
        REQUIRE_FALSE(fonts.has_value());
        CHECK(fonts.error().message.find("fonts-noto-cjk") != std::string::npos);
    }
}
