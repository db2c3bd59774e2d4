#include "app/counter_app.h"

#include "app/counter_tour.h"
#include "app/staff_window_loop.h"
#include "counter/counter_controller.h"
#include "counter/counter_frame.h"

#include <imgui.h>

namespace cf::app {

int run_counter(CounterRun& run) {
    // Staff work with a keyboard: Tab and the arrows move between every widget.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    counter::CounterServices services;
    services.store = &run.store;
    services.catalog = &run.catalog;
    services.clock = &run.clock;
    services.staff = &run.staff;
    services.timings.idle_sign_out = run.options.idle_sign_out;
    if (!run.options.screenshots) { // the tour's screenshots need each list in place at once
        services.background_queue_dir = run.options.data;
        services.wake = [&p = run.platform] {
            p.wake();
        };
    }
    counter::CounterController controller(services);
    // Without $HOME, statistics are exported into the data directory by default.
    controller.stats().set_fallback_export_directory(run.options.data);

    KioskFonts& f = run.fonts;
    counter::CounterHooks hooks;
    hooks.fonts = [&f](ui::Locale l) {
        return f.fonts_for(l);
    };
    hooks.shown_text = [&f](std::string_view text) {
        f.add_text(text);
    };
    hooks.sync_status = [&run]() -> std::optional<sync::SyncStatus> {
        return run.syncing ? std::optional(run.sync.status()) : std::nullopt;
    };
    hooks.changed = [&run] {
        if (run.syncing) {
            run.sync.sync_now();
        }
    };
    counter::CounterFrame frame(controller, std::move(hooks), &run.composer);

    if (run.options.screenshots) {
        f.start_common_characters();
        CounterTour tour{run.platform, controller, frame, f, *run.tour_clock, run.store, run.staff};
        return run_counter_tour(tour, *run.options.screenshots);
    }

    run_staff_window(run.platform, f, frame, run.stop);
    return 0;
}

} // namespace cf::app
