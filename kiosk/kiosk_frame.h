#pragma once
// One kiosk frame, shared by the app and the headless UI harness: idle rules, physical
// keyboard input, drawing and applying what the customer did. Platform, fonts and threads stay
// outside; the caller passes the fonts for the locale and hears about text to add to the
// glyph set.

#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_ui.h"
#include "sync/sync_status.h"
#include "ui/hit_registry.h"

#include <functional>
#include <optional>
#include <string_view>

namespace cf::kiosk {

struct FrameHooks {
    // Fonts of the locale about to be drawn; empty fonts use ImGui's current one.
    std::function<UiFonts(Locale)> fonts;
    // Text that is about to be shown and may hold characters the atlas lacks (typed text,
    // candidates, loaded tickets).
    std::function<void(std::string_view)> shown_text;
    // The sync worker's health for the staff menu; empty when the terminal is not enrolled.
    std::function<std::optional<sync::SyncStatus>()> sync_status;
    // A ticket was committed this frame (the sync worker may push it now).
    std::function<void()> filed;
};

class KioskFrame {
public:
    KioskFrame(KioskController& controller, FrameHooks hooks)
        : m_controller(controller), m_hooks(std::move(hooks)),
          m_utc_offset(controller.utc_offset_minutes()) {}

    // Before ImGui::NewFrame: the idle rules for now.
    void before_frame();
    // Between NewFrame and Render: reads physical input, draws, applies the actions.
    void draw();
    // Seconds until the kiosk changes by itself (idle warning, countdown, wipe); none on the
    // attract screen.
    std::optional<double> next_deadline_s() const;

    const HitRegistry& hits() const { return m_hits; }
    // Pixels per 1080p pixel, from the display height.
    static float scale_for(float display_height) { return display_height / 1080.0f; }

private:
    void read_physical_keys(ImGuiIO& io);

    KioskController& m_controller;
    FrameHooks m_hooks;
    int m_utc_offset;
    HitRegistry m_hits;
};

} // namespace cf::kiosk
