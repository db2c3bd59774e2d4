// Needs a display: skipped with a message when DISPLAY is not set. scripts/test.sh runs the
// suites under xvfb-run, so CI runs these.

#include "platform/glfw_platform.h"
#include "tests/platform/imgui_test_context.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

using namespace cf::platform;

namespace {

bool have_display() {
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        MESSAGE("DISPLAY is not set: skipped (run under xvfb-run to include it)");
        return false;
    }
    return true;
}

WindowOptions small_window() {
    WindowOptions options;
    options.title = "counterfoil test";
    options.fullscreen = false;
    options.width = 640;
    options.height = 480;
    options.vsync = false;
    options.clear_color = {0, 0, 0, 1};
    return options;
}

struct Image {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
    const unsigned char* at(int x, int y) const { return &rgb[(y * width + x) * 3]; }
};

Image load_png(const std::filesystem::path& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
    REQUIRE(data != nullptr);
    image.rgb.assign(data, data + image.width * image.height * 3);
    stbi_image_free(data);
    return image;
}

} // namespace

TEST_SUITE("glfw platform") {

    TEST_CASE("without a display, opening the window fails with advice instead of crashing") {
        const char* display = std::getenv("DISPLAY");
        const std::string saved = display != nullptr ? display : "";
        const char* wayland = std::getenv("WAYLAND_DISPLAY");
        const std::string saved_wayland = wayland != nullptr ? wayland : "";
        unsetenv("DISPLAY");
        unsetenv("WAYLAND_DISPLAY");
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        if (!saved.empty()) {
            setenv("DISPLAY", saved.c_str(), 1);
        }
        if (!saved_wayland.empty()) {
            setenv("WAYLAND_DISPLAY", saved_wayland.c_str(), 1);
        }
        REQUIRE_FALSE(platform);
        CHECK(platform.error().code == ErrorCode::no_display);
        CHECK(platform.error().message.find("xvfb-run") != std::string::npos);
    }

    TEST_CASE("a rendered frame is written as a PNG of the window's size") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        CHECK((*platform)->framebuffer_size() == FrameSize{640, 480});

        (*platform)->begin_frame();
        ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(320, 480),
                                                      IM_COL32(255, 0, 0, 255));
        (*platform)->end_frame();

        cf::test::TempDir dir;
        REQUIRE((*platform)->capture_png(dir / "frame.png"));
        const Image image = load_png(dir / "frame.png");
        CHECK(image.width == 640);
        CHECK(image.height == 480);
        // Left half red, right half the black clear colour; row 10 checks the flip too.
        CHECK(image.at(100, 10)[0] == 255);
        CHECK(image.at(100, 10)[1] == 0);
        CHECK(image.at(500, 10)[0] == 0);
    }

    TEST_CASE("text drawn with the single-channel font texture shows as white") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        ImFontConfig config;
        config.SizePixels = 64;
        atlas.AddFontDefault(&config);
        REQUIRE((*platform)->upload_font_atlas(atlas));
        CHECK(atlas.TexPixelsAlpha8 == nullptr);

        (*platform)->begin_frame();
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(640, 480),
                                                      IM_COL32(0, 0, 0, 255));
        ImGui::GetForegroundDrawList()->AddText(ImVec2(20, 20), IM_COL32(255, 255, 255, 255),
                                                "HHHH");
        (*platform)->end_frame();
        // The OpenGL3 backend never made its own RGBA copy of the atlas.
        CHECK(atlas.TexPixelsRGBA32 == nullptr);

        cf::test::TempDir dir;
        REQUIRE((*platform)->capture_png(dir / "text.png"));
        const Image image = load_png(dir / "text.png");
        int white = 0;
        for (int y = 20; y < 84; ++y) {
            for (int x = 20; x < 300; ++x) {
                const unsigned char* p = image.at(x, y);
                white += (p[0] > 200 && p[1] > 200 && p[2] > 200) ? 1 : 0;
            }
        }
        CHECK(white > 500);
    }

    TEST_CASE("uploading a new atlas replaces the font texture") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        ImFontAtlas first;
        first.AddFontDefault();
        ImFontAtlas second;
        second.AddFontDefault();
        REQUIRE((*platform)->upload_font_atlas(first));
        REQUIRE((*platform)->upload_font_atlas(second));
        CHECK(second.TexID != nullptr);
        auto again = (*platform)->upload_font_atlas(first);
        REQUIRE_FALSE(again);
        CHECK(again.error().code == ErrorCode::texture);
    }

    TEST_CASE("a screenshot before any frame is refused") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        auto written = (*platform)->capture_png("/tmp/counterfoil-never.png");
        REQUIRE_FALSE(written);
        CHECK(written.error().code == ErrorCode::no_frame);
    }

    TEST_CASE("a wake from a worker thread ends a wait early") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        // Let the window's own start-up events pass first.
        for (int i = 0; i < 3; ++i) {
            (*platform)->begin_frame();
            (*platform)->end_frame();
            (*platform)->wait_for_input(0.05);
        }
        const auto start = std::chrono::steady_clock::now();
        std::thread worker([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            (*platform)->wake();
        });
        Wake wake = Wake::input;
        // Stray window-system events may end a wait too; the wake must arrive well before 10 s.
        for (int i = 0; i < 20 && wake != Wake::woken; ++i) {
            wake = (*platform)->wait_for_input(10.0);
        }
        worker.join();
        CHECK(wake == Wake::woken);
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    }

    TEST_CASE("an idle wait sleeps until its timeout") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        for (int i = 0; i < 3; ++i) {
            (*platform)->begin_frame();
            (*platform)->end_frame();
            (*platform)->wait_for_input(0.05);
        }
        const auto start = std::chrono::steady_clock::now();
        Wake wake = (*platform)->wait_for_input(0.3);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        if (wake == Wake::timeout) {
            CHECK(elapsed >= std::chrono::milliseconds(250));
        }
        CHECK(wake != Wake::woken);
    }

    TEST_CASE("close() ends the loop and a second window in the process is refused") {
        if (!have_display()) {
            return;
        }
        cf::test::ImGuiTestContext context;
        auto platform = GlfwPlatform::create(small_window());
        REQUIRE_MESSAGE(platform, platform.error().message);
        auto second = GlfwPlatform::create(small_window());
        REQUIRE_FALSE(second);
        CHECK(second.error().code == ErrorCode::already_open);
        CHECK_FALSE((*platform)->should_close());
        (*platform)->close();
        CHECK((*platform)->should_close());
    }
}
