#pragma once
// The event-driven loop of a staff window (counter, console): a frame when input, a wake-up
// or the frame's own deadline comes; the common characters start building once the first
// frame is on screen; the window closes like any other, or on SIGTERM.

#include "app/kiosk_fonts.h"
#include "app/stop_signals.h"
#include "platform/frame_pacer.h"
#include "platform/platform.h"

namespace cf::app {

// Frame: before_frame(), draw() and next_deadline_s(), as CounterFrame and ConsoleFrame have.
template <class Frame>
void run_staff_window(platform::Platform& p, KioskFonts& fonts, Frame& frame,
                      const StopSignals& stop) {
    platform::FramePacer pacer(p);
    platform::FrameCallbacks callbacks;
    callbacks.next_deadline = [&] {
        return frame.next_deadline_s();
    };
    bool common_started = false;
    callbacks.before_frame = [&] {
        if (!common_started && pacer.frames_rendered() > 0) {
            fonts.start_common_characters();
            common_started = true;
        }
        fonts.before_frame();
        frame.before_frame();
    };
    callbacks.draw = [&] {
        frame.draw();
        if (stop.stop_requested() || p.take_close_request()) {
            p.close();
        }
    };
    pacer.run(callbacks);
}

} // namespace cf::app
