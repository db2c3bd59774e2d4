#pragma once
// The headless UI harness for the center console: a real ImGui context on the null platform,
// the real console controller and frame talking to a real center over loopback, and clicks,
// typing and key presses as a staff member makes them. The console's clock is the system's
// plus an offset the test moves (the center keeps real time).
//
//     ConsoleHarness h(center.url());
//     h.sign_in("R01", "secret");   // types into the fields, clicks "sign in", waits
//     h.click("queue.review");
//     h.settle();                   // frames until every answer is in

#include "console/console_controller.h"
#include "console/console_frame.h"
#include "forms/catalog.h"
#include "platform/null_platform.h"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct ImGuiContext;

namespace cf::test {

// The system clock moved by `offset`.
class OffsetClock final : public core::Clock {
public:
    core::Millis now() const override { return m_system.now() + m_offset; }
    void advance(core::Millis d) { m_offset += d; }

private:
    core::SystemClock m_system;
    core::Millis m_offset = 0;
};

struct ConsoleHarnessOptions {
    console::ConsoleTimings timings{};
    std::filesystem::path export_path; // empty: no export button
};

class ConsoleHarness {
public:
    explicit ConsoleHarness(std::string center_url, ConsoleHarnessOptions options = {});
    ~ConsoleHarness();
    ConsoleHarness(const ConsoleHarness&) = delete;
    ConsoleHarness& operator=(const ConsoleHarness&) = delete;

    console::ConsoleController& controller() { return *m_controller; }
    const forms::Catalog& catalog() const { return m_catalog; }
    platform::NullPlatform& platform() { return *m_platform; }
    OffsetClock& clock() { return m_clock; }

    // Renders n frames with no input.
    void frame(int n = 1);
    // Renders frames until the controller has every answer it asked for (fails after 15 s).
    void settle();
    // Clicks the centre of the widget drawn under `id`; fails the test when there is none.
    void click(std::string_view id);
    // click() then settle().
    void click_and_settle(std::string_view id);
    bool shows(std::string_view id) const;
    void type(std::string_view utf8);
    // Clicks the text field `id`, selects what it holds, types `text` over it, and leaves it.
    void fill(std::string_view id, std::string_view text);
    void press(ImGuiKey key, ImGuiKeyModFlags mods = ImGuiKeyModFlags_None);
    // Signs in through the sign-in screen and waits for the center's answer.
    void sign_in(std::string_view id, std::string_view password);
    // Moves the console's clock on and renders a frame.
    void advance(core::Millis ms);
    // Every widget id drawn last frame that starts with `prefix`.
    std::vector<std::string> ids(std::string_view prefix) const;

private:
    forms::Catalog m_catalog;
    OffsetClock m_clock;
    ImGuiContext* m_context = nullptr;
    std::unique_ptr<platform::NullPlatform> m_platform;
    std::unique_ptr<console::ConsoleController> m_controller;
    std::unique_ptr<console::ConsoleFrame> m_frame;
};

} // namespace cf::test
