#include "platform/null_platform.h"
#include "tests/platform/imgui_test_context.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <thread>

using namespace cf::platform;

namespace {

// A full-screen window with one button at a known place; returns whether it was clicked.
bool draw_button_window() {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(400, 300));
    ImGui::Begin("##test", nullptr, ImGuiWindowFlags_NoDecoration);
    ImGui::SetCursorPos(ImVec2(100, 100));
    const bool clicked = ImGui::Button("OK##ok", ImVec2(100, 50));
    ImGui::End();
    return clicked;
}

NullPlatformOptions sized(int width, int height) {
    NullPlatformOptions options;
    options.display_size = {width, height};
    return options;
}

NullPlatformOptions with_clock(std::function<double()> clock) {
    NullPlatformOptions options;
    options.clock = std::move(clock);
    return options;
}

NullPlatformOptions kiosk_options() {
    NullPlatformOptions options;
    options.block_close = true;
    return options;
}

} // namespace

TEST_SUITE("null platform") {

    TEST_CASE("begin_frame sets the display size and the time since the last frame") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform(sized(800, 600));
        platform.begin_frame();
        platform.end_frame();
        platform.advance_time(0.25);
        platform.begin_frame();
        CHECK(ImGui::GetIO().DisplaySize.x == 800);
        CHECK(ImGui::GetIO().DisplaySize.y == 600);
        CHECK(ImGui::GetIO().DeltaTime == doctest::Approx(0.25));
        platform.end_frame();
        CHECK(platform.frames_rendered() == 2);
    }

    TEST_CASE("an injected clock gives the delta time") {
        cf::test::ImGuiTestContext context;
        double now = 100.0;
        NullPlatform platform(with_clock([&] { return now; }));
        platform.begin_frame();
        platform.end_frame();
        now += 0.5;
        platform.begin_frame();
        CHECK(ImGui::GetIO().DeltaTime == doctest::Approx(0.5));
        platform.end_frame();
    }

    TEST_CASE("a tap on a button clicks it") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        platform.set_mouse(150, 125);
        bool clicked = false;
        for (bool down : {false, true, false}) {
            platform.mouse_button(down);
            platform.begin_frame();
            clicked = draw_button_window() || clicked;
            platform.end_frame();
        }
        CHECK(clicked);
    }

    TEST_CASE("a tap beside the button does not click it") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        platform.set_mouse(300, 250);
        bool clicked = false;
        for (bool down : {false, true, false}) {
            platform.mouse_button(down);
            platform.begin_frame();
            clicked = draw_button_window() || clicked;
            platform.end_frame();
        }
        CHECK_FALSE(clicked);
    }

    TEST_CASE("typed UTF-8 text reaches the focused input field") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        char buffer[64] = "";
        // Focus takes a frame to land; characters typed before that would be dropped.
        for (int frame = 0; frame < 4; ++frame) {
            if (frame == 2) {
                platform.type_utf8("你好 ok");
            }
            platform.begin_frame();
            ImGui::Begin("##test");
            if (frame == 0) {
                ImGui::SetKeyboardFocusHere();
            }
            ImGui::InputText("##field", buffer, sizeof buffer);
            ImGui::End();
            platform.end_frame();
        }
        CHECK(std::string(buffer) == "你好 ok");
    }

    TEST_CASE("a pressed key is down for exactly one frame") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        const int enter = ImGui::GetKeyIndex(ImGuiKey_Enter);
        platform.press_key(ImGuiKey_Enter, ImGuiKeyModFlags_Ctrl);
        platform.begin_frame();
        CHECK(ImGui::IsKeyPressed(enter));
        CHECK(ImGui::GetIO().KeyCtrl);
        platform.end_frame();
        platform.begin_frame();
        CHECK_FALSE(ImGui::IsKeyDown(enter));
        CHECK_FALSE(ImGui::GetIO().KeyCtrl);
        platform.end_frame();
    }

    TEST_CASE("a wait returns input after injected input and otherwise times out") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        CHECK(platform.wait_for_input(2.0) == Wake::timeout);
        platform.type_utf8("a");
        CHECK(platform.wait_for_input(2.0) == Wake::input);
        CHECK(platform.wait_for_input(std::nullopt) == Wake::timeout);
        REQUIRE(platform.waits().size() == 3);
        CHECK(platform.waits()[0] == 2.0);
        CHECK_FALSE(platform.waits()[2].has_value());
    }

    TEST_CASE("a wait that sees no input stands for a sleep on the manual clock") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        platform.wait_for_input(1.5);
        CHECK(platform.now() == doctest::Approx(1.5));
        platform.set_mouse(1, 1);
        platform.wait_for_input(1.5);
        CHECK(platform.now() == doctest::Approx(1.5));
    }

    TEST_CASE("wake from another thread ends the next wait") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        std::thread worker([&] { platform.wake(); });
        worker.join();
        CHECK(platform.wait_for_input(std::nullopt) == Wake::woken);
        CHECK(platform.wait_for_input(0.0) == Wake::timeout);
    }

    TEST_CASE("closing the window quits unless closing is blocked") {
        cf::test::ImGuiTestContext context;
        NullPlatform open;
        open.request_close();
        CHECK(open.should_close());

        NullPlatform kiosk(kiosk_options());
        kiosk.request_close();
        CHECK_FALSE(kiosk.should_close());
        CHECK(kiosk.take_close_request());
        CHECK_FALSE(kiosk.take_close_request());
        kiosk.close();
        CHECK(kiosk.should_close());
    }

    TEST_CASE("uploading an atlas builds it, gives it a texture id and frees its pixels") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        ImFontAtlas atlas;
        atlas.AddFontDefault();
        REQUIRE(platform.upload_font_atlas(atlas));
        CHECK(atlas.IsBuilt());
        CHECK(atlas.TexID != nullptr);
        CHECK(atlas.TexPixelsAlpha8 == nullptr);
        CHECK(atlas.TexPixelsRGBA32 == nullptr);
        CHECK(platform.last_upload_size() == FrameSize{atlas.TexWidth, atlas.TexHeight});
    }

    TEST_CASE("an atlas whose pixels were released cannot be uploaded again") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        ImFontAtlas atlas;
        atlas.AddFontDefault();
        REQUIRE(platform.upload_font_atlas(atlas));
        auto again = platform.upload_font_atlas(atlas);
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::texture);
        CHECK(platform.uploads() == 1);
    }

    TEST_CASE("the first frame uploads io.Fonts when the app did not") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        platform.begin_frame();
        platform.end_frame();
        CHECK(ImGui::GetIO().Fonts->TexID != nullptr);
        CHECK(ImGui::GetIO().Fonts->TexPixelsAlpha8 == nullptr);
    }

    TEST_CASE("there is no screenshot without a window") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        platform.begin_frame();
        platform.end_frame();
        auto written = platform.capture_png("/tmp/never-written.png");
        REQUIRE_FALSE(written);
        CHECK(written.error().code == ErrorCode::unsupported);
    }
}
