#pragma once
// The event-driven loop: render only when something changed, sleep otherwise, so that an idle
// kiosk screen costs no CPU.
//
// Each step waits for input, a wake() from a worker, or the app's next deadline (countdown
// tick, idle timeout, caret blink), then renders one frame. Input makes it render a few more
// frames without waiting, because ImGui needs two or three frames to settle after an event
// (hover, activation, a window that sizes itself to new content). A deadline that passes
// renders one frame. The pacer knows nothing of what the app draws: it only calls back.

#include "platform/platform.h"

#include <cstdint>
#include <functional>
#include <optional>

namespace cf::platform {

struct FrameCallbacks {
    // Seconds until the screen changes by itself, or none when only input or a wake() can
    // change it. Asked before each wait that may sleep.
    std::function<std::optional<double>()> next_deadline;
    // Before ImGui's frame starts: drain worker queues, swap in a new font atlas.
    std::function<void()> before_frame;
    // The UI, between ImGui::NewFrame and ImGui::Render.
    std::function<void()> draw;
};

struct PacerOptions {
    int settle_frames = 3; // frames rendered after input or a wake, the first included
    // Also wake up when the text cursor of an active input field blinks on or off.
    bool blink_caret = true;
};

// What one step did, for tests and tracing.
struct FrameStep {
    std::optional<double> timeout; // what wait_for_input was called with
    Wake wake = Wake::timeout;
};

class FramePacer {
public:
    explicit FramePacer(Platform& platform, PacerOptions options = {});

    // Waits as the rules above say, then renders one frame.
    FrameStep step(const FrameCallbacks& callbacks);
    // Steps until the platform should close.
    void run(const FrameCallbacks& callbacks);

    // Frames still to render without sleeping.
    int frames_owed() const { return m_frames_owed; }
    std::uint64_t frames_rendered() const { return m_frames_rendered; }

private:
    Platform& m_platform;
    PacerOptions m_options;
    int m_frames_owed;
    std::uint64_t m_frames_rendered = 0;
};

// Seconds until the caret of the active text field turns on or off, or none when no text
// field is active or blinking is off (io.ConfigInputTextCursorBlink). Reads the current ImGui
// context; follows ImGui 1.86's blink: visible for 0.8 s of each 1.2 s, solid for 0.3 s after
// each keystroke.
std::optional<double> caret_blink_deadline();

} // namespace cf::platform
