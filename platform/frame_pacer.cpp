#include "platform/frame_pacer.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace cf::platform {

namespace {

// ImGui 1.86 InputText: the caret shows while fmod(CursorAnim, 1.2) <= 0.8 (and while
// CursorAnim <= 0, which a keystroke resets it to -0.3).
constexpr double k_blink_period = 1.2;
constexpr double k_blink_on = 0.8;
// Wake a little after the edge so the frame lands on the new side of it.
constexpr double k_blink_margin = 0.01;

std::optional<double> earliest(std::optional<double> a, std::optional<double> b) {
    if (!a) {
        return b;
    }
    if (!b) {
        return a;
    }
    return std::min(*a, *b);
}

} // namespace

std::optional<double> caret_blink_deadline() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr || !context->IO.ConfigInputTextCursorBlink ||
        !context->IO.WantTextInput || context->ActiveId == 0 ||
        context->ActiveId != context->InputTextState.ID) {
        return std::nullopt;
    }
    const double anim = context->InputTextState.CursorAnim;
    if (anim < 0) {
        return -anim + k_blink_on + k_blink_margin;
    }
    const double phase = std::fmod(anim, k_blink_period);
    const double until = phase <= k_blink_on ? k_blink_on - phase : k_blink_period - phase;
    return until + k_blink_margin;
}

FramePacer::FramePacer(Platform& platform, PacerOptions options)
    : m_platform(platform), m_options(options), m_frames_owed(options.settle_frames) {
    IM_ASSERT(options.settle_frames >= 1);
}

FrameStep FramePacer::step(const FrameCallbacks& callbacks) {
    FrameStep step;
    if (m_frames_owed > 0) {
        // Still settling: take queued events but do not sleep.
        step.timeout = 0.0;
    } else {
        std::optional<double> deadline =
            callbacks.next_deadline ? callbacks.next_deadline() : std::nullopt;
        if (m_options.blink_caret) {
            deadline = earliest(deadline, caret_blink_deadline());
        }
        if (deadline) {
            deadline = std::max(0.0, *deadline);
        }
        step.timeout = deadline;
    }
    step.wake = m_platform.wait_for_input(step.timeout);
    if (step.wake != Wake::timeout) {
        m_frames_owed = m_options.settle_frames;
    } else if (m_frames_owed == 0) {
        m_frames_owed = 1; // the deadline passed: one frame shows what changed
    }

    if (callbacks.before_frame) {
        callbacks.before_frame();
    }
    m_platform.begin_frame();
    if (callbacks.draw) {
        callbacks.draw();
    }
    m_platform.end_frame();
    --m_frames_owed;
    ++m_frames_rendered;
    return step;
}

void FramePacer::run(const FrameCallbacks& callbacks) {
    while (!m_platform.should_close()) {
        step(callbacks);
    }
}

} // namespace cf::platform
