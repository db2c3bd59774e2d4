#include "fonts/common_characters.h"
#include "fonts/font_atlas_manager.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <imgui_internal.h>

#include <atomic>
#include <memory>
#include <string>

using namespace cf::fonts;

namespace {

class ImGuiTestContext {
public:
    ImGuiTestContext() : m_context(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f / 60.0f;
    }
    ~ImGuiTestContext() { ImGui::DestroyContext(m_context); }
    ImGuiTestContext(const ImGuiTestContext&) = delete;
    ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

private:
    ImGuiContext* m_context;
};

std::unique_ptr<FontAtlasManager> open_manager(FontOptions options = {}) {
    auto manager = FontAtlasManager::open(std::move(options));
    REQUIRE_MESSAGE(manager, manager.error().message);
    return std::move(*manager);
}

// One ImGui frame drawing text in each face, as the app would.
void draw_frame(const FontAtlasManager& fonts, const char* sc_text, const char* tc_text) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->TexID == nullptr) {
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1)); // no GPU here
    }
    ImGui::NewFrame();
    ImGui::Begin("##fonts");
    ImGui::PushFont(fonts.font(Face::sc, Role::heading));
    ImGui::TextUnformatted(sc_text);
    ImGui::PopFont();
    ImGui::PushFont(fonts.font(Face::tc, Role::body));
    ImGui::TextUnformatted(tc_text);
    ImGui::PopFont();
    ImGui::End();
    ImGui::Render();
}

} // namespace

TEST_SUITE("font atlas manager") {

    TEST_CASE("strings of each script have every glyph in their face after a build") {
        ImGuiTestContext context;
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "提交投诉，请稍候。Submit");
        fonts->add_ui_text(Face::tc, "提交投訴，請稍候。");
        REQUIRE(fonts->build_now());
        fonts->install(ImGui::GetIO());
        for (Role role : {Role::body, Role::heading, Role::title}) {
            CHECK(fonts->missing("提交投诉，请稍候。Submit", Face::sc, role).empty());
            CHECK(fonts->missing("提交投訴，請稍候。", Face::tc, role).empty());
        }
        CHECK(fonts->missing("Ticket GZ02-261123-K1-0042M", Face::tc, Role::huge).empty());
        draw_frame(*fonts, "提交投诉", "提交投訴");
        CHECK(ImGui::GetIO().Fonts == fonts->atlas());
        CHECK(ImGui::GetIO().FontDefault == fonts->font(Face::sc, Role::body));
    }

    TEST_CASE("missing lists the characters the atlas lacks, once each, in order") {
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "投诉");
        REQUIRE(fonts->build_now());
        CHECK(fonts->missing("龘投龘诉鑫\n") == std::vector<char32_t>{U'龘', U'鑫'});
        CHECK_FALSE(fonts->has_glyph(U'龘'));
        CHECK(fonts->has_glyph(U'投'));
        CHECK(fonts->has_glyph(U'，'));
    }

    TEST_CASE("a rare character needs a rebuild, and after the rebuild it is drawn") {
        ImGuiTestContext context;
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "投诉");
        REQUIRE(fonts->build_now());
        CHECK_FALSE(fonts->needs_rebuild());
        fonts->add_text("龘");
        CHECK(fonts->needs_rebuild());
        REQUIRE(fonts->start_rebuild());
        fonts->wait();
        REQUIRE(fonts->poll_ready());
        CHECK_FALSE(fonts->needs_rebuild());
        CHECK(fonts->has_glyph(U'龘'));
        CHECK(fonts->missing("投诉龘").empty());
    }

    TEST_CASE("a background build is swapped into the installed context when ready") {
        ImGuiTestContext context;
        std::atomic<int> done_calls{0};
        FontOptions options;
        options.on_build_done = [&] {
            ++done_calls;
        };
        auto fonts = open_manager(options);
        fonts->add_ui_text(Face::sc, "请选择语言");
        REQUIRE(fonts->build_now());
        fonts->install(ImGui::GetIO());
        draw_frame(*fonts, "请选择", "请选择");
        ImFontAtlas* small = fonts->atlas();

        fonts->add_ui_text(Face::tc, "請選擇語言");
        REQUIRE(fonts->start_rebuild());
        CHECK(fonts->building());
        CHECK_FALSE(fonts->start_rebuild()); // one build at a time
        // Until it is swapped in, the small atlas stays in use.
        CHECK(fonts->atlas() == small);
        // (Until then TC text falls back to the SC fonts, which lack 請選擇.)
        CHECK(fonts->missing("請選擇", Face::tc).size() == 3);
        fonts->wait();
        REQUIRE(fonts->poll_ready());
        CHECK(done_calls == 1);
        CHECK_FALSE(fonts->poll_ready());
        CHECK(fonts->atlas() != small);
        CHECK(ImGui::GetIO().Fonts == fonts->atlas());
        CHECK(ImGui::GetIO().FontDefault == fonts->font(Face::sc, Role::body));
        CHECK(fonts->missing("請選擇語言", Face::tc, Role::title).empty());
        draw_frame(*fonts, "请选择", "請選擇");
    }

    TEST_CASE("characters added while a build runs make the next build") {
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "投诉");
        REQUIRE(fonts->build_now());
        fonts->add_text("建议");
        REQUIRE(fonts->start_rebuild());
        fonts->add_text("咨询");
        fonts->wait();
        REQUIRE(fonts->poll_ready());
        CHECK(fonts->has_glyph(U'建'));
        CHECK(fonts->needs_rebuild());
        REQUIRE(fonts->start_rebuild());
        fonts->wait();
        REQUIRE(fonts->poll_ready());
        CHECK(fonts->has_glyph(U'咨'));
    }

    TEST_CASE("codepoints above U+FFFF are reported and do not ask for a rebuild") {
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "投诉");
        REQUIRE(fonts->build_now());
        fonts->add_text("好😀𠀀");
        CHECK(fonts->unsupported() == std::set<char32_t>{0x1F600, 0x20000});
        CHECK(fonts->missing("😀") == std::vector<char32_t>{0x1F600});
        REQUIRE(fonts->needs_rebuild()); // for 好
        fonts->build_now();
        fonts->add_text("😀");
        CHECK_FALSE(fonts->needs_rebuild());
    }

    TEST_CASE("a failed background build keeps the old atlas and is not retried") {
        FontOptions options;
        options.max_texture_size = 2048;
        auto fonts = open_manager(options);
        fonts->add_ui_text(Face::sc, "投诉");
        REQUIRE(fonts->build_now());
        ImFontAtlas* old = fonts->atlas();
        std::string many;
        for (char32_t cp = 0x4E00; cp < 0x7000; ++cp) {
            // UTF-8 of a three-byte codepoint.
            many += static_cast<char>(0xE0 | (cp >> 12));
            many += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            many += static_cast<char>(0x80 | (cp & 0x3F));
        }
        fonts->add_text(many);
        REQUIRE(fonts->start_rebuild());
        fonts->wait();
        CHECK_FALSE(fonts->poll_ready());
        REQUIRE(fonts->last_error());
        CHECK(fonts->last_error()->code == ErrorCode::atlas_too_large);
        CHECK(fonts->atlas() == old);
        CHECK(fonts->has_glyph(U'投'));
        CHECK_FALSE(fonts->start_rebuild());
    }

    TEST_CASE("text the atlas already draws needs no rebuild") {
        auto fonts = open_manager();
        fonts->add_ui_text(Face::sc, "投诉");
        fonts->add_common_text("你好");
        REQUIRE(fonts->build_now());
        fonts->add_text("你好投诉");
        CHECK_FALSE(fonts->needs_rebuild());
        fonts->add_text("谢");
        CHECK(fonts->needs_rebuild());
    }

    TEST_CASE("a common character left out for room comes back once it is typed") {
        FontOptions options;
        options.max_texture_size = 2048;
        auto fonts = open_manager(options);
        fonts->add_ui_text(Face::sc, "投诉");
        std::string common;
        for (char32_t cp = 0x4E00; cp < 0x7000; ++cp) {
            common += static_cast<char>(0xE0 | (cp >> 12));
            common += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            common += static_cast<char>(0x80 | (cp & 0x3F));
        }
        fonts->add_common_text(common);
        REQUIRE(fonts->build_now());
        REQUIRE_FALSE(fonts->dropped().empty());
        CHECK_FALSE(fonts->needs_rebuild());
        const char32_t left_out = fonts->dropped().back();
        CHECK_FALSE(fonts->has_glyph(left_out));
        std::string typed;
        typed += static_cast<char>(0xE0 | (left_out >> 12));
        typed += static_cast<char>(0x80 | ((left_out >> 6) & 0x3F));
        typed += static_cast<char>(0x80 | (left_out & 0x3F));
        fonts->add_text(typed);
        CHECK(fonts->needs_rebuild());
        REQUIRE(fonts->build_now());
        CHECK(fonts->has_glyph(left_out));
    }

    TEST_CASE("a missing font directory refuses to open, naming the package") {
        cf::test::TempDir dir;
        FontOptions options;
        options.font_dir = dir.path();
        auto fonts = FontAtlasManager::open(options);
        REQUIRE_FALSE(fonts);
        CHECK(fonts.error().code == ErrorCode::font_missing);
        CHECK(fonts.error().message.find("fonts-noto-cjk") != std::string::npos);
    }

    TEST_CASE("the manager's destructor gives the context back an atlas of its own") {
        ImGuiTestContext context;
        {
            auto fonts = open_manager();
            fonts->add_ui_text(Face::sc, "投诉");
            REQUIRE(fonts->build_now());
            fonts->install(ImGui::GetIO());
            CHECK_FALSE(ImGui::GetCurrentContext()->FontAtlasOwnedByContext);
        }
        CHECK(ImGui::GetCurrentContext()->FontAtlasOwnedByContext);
        CHECK(ImGui::GetIO().Fonts != nullptr);
        CHECK(ImGui::GetIO().Fonts->Fonts.empty());
    }

    TEST_CASE("both scripts' common characters fit one 4096x4096 texture, in large text too") {
        auto fonts = open_manager();
        for (Face face : k_all_faces) {
            auto common = load_common_characters(cf::test::assets_dir(), face);
            REQUIRE_MESSAGE(common, common.error().message);
            fonts->add_common_text(*common);
            fonts->add_ui_text(face, "");
        }
        FontSizes large;
        large.scale = 1.25f;
        fonts->set_sizes(large);
        auto built = fonts->build_now();
        REQUIRE_MESSAGE(built, built.error().message);
        CHECK(fonts->stats().width == 4096);
        CHECK(fonts->stats().height <= 4096);
        CHECK(fonts->dropped().empty());
        CHECK(fonts->stats().shared > 2000);
        CHECK(fonts->missing("我们认真对待您的意见", Face::sc).empty());
        CHECK(fonts->missing("我們認真對待您的意見", Face::tc).empty());
        MESSAGE("atlas ", fonts->stats().width, "x", fonts->stats().height, ", ",
                fonts->stats().rendered, " rendered, ", fonts->stats().shared, " shared, ",
                fonts->stats().seconds, " s");
    }
}
