#include "platform/frame_pacer.h"
#include "platform/null_platform.h"
#include "tests/platform/imgui_test_context.h"

#include <doctest/doctest.h>

#include <optional>

using namespace cf::platform;

namespace {

struct CountingApp {
    std::optional<double> deadline;
    int deadline_asks = 0;
    int before_frames = 0;
    int draws = 0;

    FrameCallbacks callbacks() {
        return {
            .next_deadline =
                [this] {
                    ++deadline_asks;
                    return deadline;
                },
            .before_frame = [this] { ++before_frames; },
            .draw =
                [this] {
                    ++draws;
                    ImGui::Text("frame %d", draws);
                },
        };
    }
};

// Renders the frames owed at start-up so that each case starts from an idle screen.
void settle(FramePacer& pacer, NullPlatform& platform, const FrameCallbacks& callbacks) {
    while (pacer.frames_owed() > 0) {
        pacer.step(callbacks);
    }
    platform.clear_waits();
}

} // namespace

TEST_SUITE("frame pacer") {

    TEST_CASE("the first frames render without sleeping") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform, {.settle_frames = 3});
        CountingApp app;
        auto callbacks = app.callbacks();
        for (int i = 0; i < 3; ++i) {
            CHECK(pacer.step(callbacks).timeout == 0.0);
        }
        CHECK(app.draws == 3);
        CHECK(app.before_frames == 3);
        CHECK(app.deadline_asks == 0);
    }

    TEST_CASE("with no input it sleeps until the app's deadline and renders one frame") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        CountingApp app;
        app.deadline = 0.75;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        const int draws = app.draws;

        const FrameStep step = pacer.step(callbacks);
        CHECK(step.timeout == 0.75);
        CHECK(step.wake == Wake::timeout);
        CHECK(app.draws == draws + 1);
        CHECK(pacer.frames_owed() == 0);
        CHECK(platform.now() == doctest::Approx(0.75));

        // The next step sleeps again rather than rendering more frames.
        CHECK(pacer.step(callbacks).timeout == 0.75);
        CHECK(platform.waits().size() == 2);
    }

    TEST_CASE("with no deadline it sleeps with no time limit") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        CountingApp app;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        CHECK_FALSE(pacer.step(callbacks).timeout.has_value());
    }

    TEST_CASE("input renders the settle frames without sleeping, then sleeps again") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform, {.settle_frames = 3});
        CountingApp app;
        app.deadline = 30.0;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        const int draws = app.draws;

        platform.set_mouse(10, 10);
        CHECK(pacer.step(callbacks).wake == Wake::input);
        CHECK(pacer.step(callbacks).timeout == 0.0);
        CHECK(pacer.step(callbacks).timeout == 0.0);
        CHECK(app.draws == draws + 3);
        CHECK(pacer.step(callbacks).timeout == 30.0);
        REQUIRE(platform.waits().size() == 4);
        CHECK(platform.waits()[0] == 30.0);
    }

    TEST_CASE("input while settling starts the settle frames again") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform, {.settle_frames = 3});
        CountingApp app;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);

        platform.type_utf8("a");
        pacer.step(callbacks);
        pacer.step(callbacks);
        platform.type_utf8("b");
        CHECK(pacer.step(callbacks).wake == Wake::input);
        CHECK(pacer.frames_owed() == 2);
    }

    TEST_CASE("a wake from a worker renders the settle frames") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform, {.settle_frames = 2});
        CountingApp app;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        const int draws = app.draws;

        platform.wake();
        CHECK(pacer.step(callbacks).wake == Wake::woken);
        CHECK(pacer.step(callbacks).timeout == 0.0);
        CHECK(app.draws == draws + 2);
        CHECK(pacer.frames_owed() == 0);
    }

    TEST_CASE("a deadline already past does not make a negative timeout") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        CountingApp app;
        app.deadline = -2.0;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        CHECK(pacer.step(callbacks).timeout == 0.0);
    }

    TEST_CASE("an idle countdown of ten one-second ticks renders ten frames") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        CountingApp app;
        auto callbacks = app.callbacks();
        settle(pacer, platform, callbacks);
        const int draws = app.draws;
        const double start = platform.now();
        callbacks.next_deadline = [&] {
            const double elapsed = platform.now() - start;
            return elapsed < 10.0 ? std::optional<double>(1.0) : std::nullopt;
        };
        while (platform.now() - start < 10.0) {
            pacer.step(callbacks);
        }
        CHECK(app.draws == draws + 10);
        CHECK(platform.waits().size() == 10);
    }

    TEST_CASE("an active text field's caret blink bounds the sleep") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        char buffer[32] = "";
        int frame = 0;
        FrameCallbacks callbacks{
            .next_deadline = [] { return std::optional<double>(60.0); },
            .before_frame = {},
            .draw =
                [&] {
                    ImGui::Begin("##form");
                    if (frame++ == 0) {
                        ImGui::SetKeyboardFocusHere();
                    }
                    ImGui::InputText("##name", buffer, sizeof buffer);
                    ImGui::End();
                },
        };
        settle(pacer, platform, callbacks);
        REQUIRE(ImGui::GetIO().WantTextInput);
        const FrameStep step = pacer.step(callbacks);
        REQUIRE(step.timeout.has_value());
        CHECK(*step.timeout < 1.2);
        CHECK(*step.timeout > 0.0);
    }

    TEST_CASE("caret blinking off leaves the app's deadline alone") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform, {.settle_frames = 3, .blink_caret = false});
        char buffer[32] = "";
        FrameCallbacks callbacks{
            .next_deadline = [] { return std::optional<double>(60.0); },
            .before_frame = {},
            .draw =
                [&] {
                    ImGui::Begin("##form");
                    ImGui::SetKeyboardFocusHere();
                    ImGui::InputText("##name", buffer, sizeof buffer);
                    ImGui::End();
                },
        };
        settle(pacer, platform, callbacks);
        CHECK(pacer.step(callbacks).timeout == 60.0);
    }

    TEST_CASE("run stops when the platform should close") {
        cf::test::ImGuiTestContext context;
        NullPlatform platform;
        FramePacer pacer(platform);
        int draws = 0;
        FrameCallbacks callbacks{.next_deadline = {}, .before_frame = {}, .draw = [&] {
                                     if (++draws == 5) {
                                         platform.close();
                                     }
                                 }};
        pacer.run(callbacks);
        CHECK(draws == 5);
    }
}
