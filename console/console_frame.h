#pragma once
// One console frame, shared by the app and the headless UI harness: the center's answers and
// the idle sign-out (before_frame), then the screen for the controller's state under the top
// bar and the "center unreachable" banner. Platform, fonts and the loop stay outside.
//
// The app wires it like this (tests/support/ui/console_harness.cpp does the same headless):
//
//     console::ConsoleServices s;
//     s.http = {.base_url = center_url, .tls = tls};     // sync::HttpOptions
//     s.catalog = &catalog;                               // forms::load_catalog(assets)
//     s.departments = *console::load_departments(assets);
//     s.default_deadline_hours = console::handling_hours_from_policy(assets);
//     s.clock = &clock;
//     s.timings.idle_sign_out = idle_minutes * core::k_minute;
//     s.wake = [&platform] { platform.wake(); };          // called on the request worker
//     console::ConsoleController controller(std::move(s));
//     console::ConsoleFrame frame(controller, {fonts, shown_text, [] { return csv_path; }});
//     loop: frame.before_frame(); platform.begin_frame(); frame.draw(); platform.end_frame();
//           platform.wait_for_input(frame.next_deadline_s());
//
// A screenshot tour drives the controller and waits for the center's answers between steps
// (`while (controller.waiting()) { sleep 5 ms; draw a frame; }`, then a frame or two):
//   sign-in            sign_in_id() = "R01"; sign_in_password() = pw; sign_in();
//   each queue         set_queue(sync::ConsoleQueue::...) (queues() lists the role's)
//   filters            filter_draft() = {...}; apply_filter();
//   detail             open(number) (a number from rows())
//   each step dialog   begin_step("dispatch") ... (offered_steps() lists the allowed ones);
//                      dialog()->fields["reason"] = ...; departments / deadline_hours
//   dashboard          go(Screen::dashboard); set_period(4 | 12 | 26)
//   reports            go(Screen::reports); set_report_period(ReportPeriod::this_quarter)
//   drill-down         drill_down(DrillDown::branch, key) (keys from dashboard().data())
//   unreachable        stop the center, then retry_now() or take_step(): the banner and the
//                      dialog's error show once the failed answer is in
//   language           set_locale(Locale::en)

#include "console/console_controller.h"
#include "ui/hit_registry.h"
#include "ui/staff_widgets.h"
#include "ui/ui.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cf::console {

struct ConsoleHooks {
    // Fonts of the locale about to be drawn; empty fonts use ImGui's current one.
    std::function<ui::UiFonts(Locale)> fonts;
    // Text from the center about to be shown that may hold characters the atlas lacks.
    std::function<void(std::string_view)> shown_text;
    // Where "export CSV" writes the dashboard (the reports' tables go into its directory);
    // empty: the buttons are not offered.
    std::function<std::filesystem::path()> export_path;
};

class ConsoleFrame {
public:
    ConsoleFrame(ConsoleController& controller, ConsoleHooks hooks)
        : m_controller(controller), m_hooks(std::move(hooks)) {}

    // Before ImGui::NewFrame: the answers that arrived and the timers.
    void before_frame() { m_controller.tick(); }
    // Between NewFrame and Render.
    void draw();
    // Seconds until the console changes by itself (sign-out, a retry, the list's refresh).
    std::optional<double> next_deadline_s() const;

    const ui::HitRegistry& hits() const { return m_hits; }
    static float scale_for(float display_height) { return display_height / 1080.0f; }

private:
    void report_shown_text();

    ConsoleController& m_controller;
    ConsoleHooks m_hooks;
    ui::HitRegistry m_hits;
    float m_style_scale = 0.0f;
    const void* m_reported_rows = nullptr; // the answer whose text was last reported
    std::size_t m_reported_rows_size = 0;
    std::string m_reported_detail;
};

} // namespace cf::console
