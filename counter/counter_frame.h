#pragma once
// One counter frame, shared by the app and the headless UI harness: the idle sign-out, the
// screen for the controller's state between the top bar and the sync strip, and the on-screen
// pinyin keyboard when it is open. Platform, fonts and threads stay outside.

#include "counter/counter_controller.h"
#include "sync/sync_status.h"
#include "ui/composer.h"
#include "ui/hit_registry.h"
#include "ui/staff_widgets.h"
#include "ui/ui.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cf::counter {

struct CounterHooks {
    // Fonts of the locale about to be drawn; empty fonts use ImGui's current one.
    std::function<ui::UiFonts(Locale)> fonts;
    // Text about to be shown that may hold characters the atlas lacks (tickets, typed text).
    std::function<void(std::string_view)> shown_text;
    // The sync worker's health for the strip; empty when the terminal is not enrolled.
    std::function<std::optional<sync::SyncStatus>()> sync_status;
    // A ticket was filed or changed this frame (the sync worker may push it now).
    std::function<void()> changed;
};

class CounterFrame {
public:
    // `composer` may be null (no on-screen pinyin).
    CounterFrame(CounterController& controller, CounterHooks hooks, ui::Composer* composer)
        : m_controller(controller), m_hooks(std::move(hooks)), m_composer(composer) {
        ui::text_targets() = {}; // nothing typed on this frame yet
    }

    // Before ImGui::NewFrame: the idle rules for now.
    void before_frame() { m_controller.tick(); }
    // Between NewFrame and Render.
    void draw();
    // Seconds until the counter changes by itself (sign-out, countdown minute).
    std::optional<double> next_deadline_s() const;

    const ui::HitRegistry& hits() const { return m_hits; }
    // Pixels per 1080p pixel, from the display height.
    static float scale_for(float display_height) { return display_height / 1080.0f; }

private:
    void report_shown_text();

    CounterController& m_controller;
    CounterHooks m_hooks;
    ui::Composer* m_composer;
    ui::HitRegistry m_hits;
    float m_style_scale = 0.0f;    // the scale the ImGui style was last set up for
    std::string m_reported_detail; // the detail whose text was last reported to the fonts
};

} // namespace cf::counter
