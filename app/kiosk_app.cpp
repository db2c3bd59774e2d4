#include "app/kiosk_app.h"

#include "app/counter_app.h"

#include "app/imgui_scope.h"
#include "app/kiosk_fonts.h"
#include "app/screenshot_tour.h"
#include "app/stop_signals.h"
#include "app/window_waker.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "forms/catalog.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_frame.h"
#include "platform/frame_pacer.h"
#include "platform/glfw_platform.h"
#include "sync/asset_files.h"
#include "sync/sync_worker.h"
#include "ui/rime_composer.h"

#include <imgui.h>

#include <functional>
#include <iostream>
#include <memory>
#include <optional>

namespace cf::app {

namespace {

void touch_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style.TouchExtraPadding = ImVec2(8, 8); // fingers are wider than pointers
}

} // namespace

int run_kiosk(const AppOptions& given) {
    AppOptions options = given;
    if (!options.assets_given) {
        // Forms and categories the center delivered take the place of the installed ones.
        options.assets = sync::current_assets_dir(options.data, options.assets);
    }
    // Before any thread starts (librime, fonts, sync), so they all leave the signals to it.
    WindowWaker waker;
    const std::function<void()> wake_ui = waker.callback();
    StopSignals stop(wake_ui);
    auto catalog = forms::load_catalog(options.assets);
    if (!catalog) {
        for (const forms::AssetError& e : catalog.error()) {
            std::cerr << "counterfoil: assets: " << forms::to_string(e) << "\n";
        }
        return 3;
    }
    // The font is opened before anything else, so a missing package is a clear message, never
    // a window full of boxes. The first atlas then builds on a worker while the store, librime
    // and the window open. Its size follows the display: a window's height is known now; full
    // screen is taken as 1080 lines until it is open.
    const bool counter = options.mode == Mode::counter;
    const float font_factor = counter ? k_counter_font_factor : 1.0f;
    const float guessed_scale =
        font_factor *
        (options.windowed
             ? kiosk::KioskFrame::scale_for(static_cast<float>(options.windowed->second))
             : 1.0f);
    auto fonts =
        KioskFonts::open(options.font_dir, *catalog, options.assets, guessed_scale, wake_ui);
    if (!fonts) {
        std::cerr << "counterfoil: " << fonts.error().message << "\n";
        return 4;
    }
    core::SystemClock system_clock;
    std::optional<core::ManualClock> tour_clock;
    if (options.screenshots) {
        tour_clock.emplace(system_clock.now());
        if (auto r = prepare_tour_data(options.data); !r) {
            std::cerr << "counterfoil: " << r.error() << "\n";
            return 4;
        }
    }
    const core::Clock& clock = tour_clock ? static_cast<const core::Clock&>(*tour_clock)
                                          : static_cast<const core::Clock&>(system_clock);
    core::OpenOptions open_options;
    if (options.screenshots) {
        open_options.busy_timeout_ms = 200; // the tour's failure screen comes from a held lock
    }
    auto store = core::TicketStore::open(options.data, clock, open_options);
    if (!store) {
        std::cerr << "counterfoil: " << store.error().message
                  << "\n(make a data directory with: counterfoil-cli --data DIR init --branch "
                     "CODE --terminal ID)\n";
        return 4;
    }
    core::StaffDirectory staff(store->database(), store->sealer().pin_pepper());
    ui::RimeComposer composer(ime::EngineOptions{options.data / "rime"});
    if (!composer.available()) {
        std::cerr << "counterfoil: Chinese input is unavailable: " << composer.unavailable_reason()
                  << "\n";
    }

    ImGuiScope imgui;
    touch_style();
    platform::WindowOptions window;
    window.title = "Counterfoil";
    window.fullscreen = !options.windowed.has_value();
    if (options.windowed) {
        window.width = options.windowed->first;
        window.height = options.windowed->second;
    }
    // Leaving kiosk mode takes a staff sign-in; the counter is a staff PC's ordinary window.
    window.hide_cursor = !counter && !options.windowed.has_value();
    window.block_close = !counter;
    auto platform = platform::GlfwPlatform::create(window);
    if (!platform) {
        std::cerr << "counterfoil: " << platform.error().message << "\n";
        return 4;
    }
    platform::Platform& p = **platform;
    const WindowWaker::Attached attached(waker, p); // before the window goes, on every path
    (*fonts)->set_scale(font_factor * kiosk::KioskFrame::scale_for(
                                          static_cast<float>(p.framebuffer_size().height)));
    if (auto ready = (*fonts)->finish_first_atlas(); !ready) {
        std::cerr << "counterfoil: " << ready.error().message << "\n";
        return 4;
    }

    // Tickets go to the regional center in the background whenever the network is up; the UI
    // never waits for it. A terminal that was never enrolled keeps its tickets locally.
    sync::SyncWorkerOptions sync_options;
    sync_options.data_dir = options.data;
    sync_options.installed_assets = options.assets;
    sync_options.on_change = [&p] {
        p.wake();
    };
    sync::SyncWorker sync_worker(sync_options);
    bool syncing = false;
    if (options.screenshots) {
        // The tour's sample data never leaves the machine.
    } else if (auto started = sync_worker.start(); started) {
        syncing = true;
    } else {
        std::cerr << "counterfoil: sync with the regional center is off: "
                  << started.error().message << "\n";
    }
    if (counter) {
        CounterRun run{options, p,     **fonts,  clock,    tour_clock ? &*tour_clock : nullptr,
                       *store,  staff, composer, *catalog, sync_worker,
                       syncing, stop};
        return run_counter(run);
    }

    kiosk::KioskServices services;
    services.store = &*store;
    services.catalog = &*catalog;
    services.clock = &clock;
    services.composer = &composer;
    services.staff = &staff;
    services.timings = {options.idle_warn, options.idle_wipe};
    kiosk::KioskController controller(services);
    KioskFonts& f = **fonts;
    kiosk::FrameHooks hooks;
    hooks.fonts = [&f](ui::Locale l) {
        return f.fonts_for(l);
    };
    hooks.shown_text = [&f](std::string_view text) {
        f.add_text(text);
    };
    hooks.sync_status = [&]() -> std::optional<sync::SyncStatus> {
        return syncing ? std::optional(sync_worker.status()) : std::nullopt;
    };
    hooks.filed = [&] {
        if (syncing) {
            sync_worker.sync_now();
        }
    };
    kiosk::KioskFrame frame(controller, std::move(hooks));

    if (options.screenshots) {
        f.start_common_characters();
        TourContext tour{p, controller, frame, f, *tour_clock, *store, staff};
        return run_screenshot_tour(tour, *options.screenshots);
    }

    platform::FramePacer pacer(p);
    platform::FrameCallbacks callbacks;
    callbacks.next_deadline = [&] {
        return frame.next_deadline_s();
    };
    bool common_started = false;
    callbacks.before_frame = [&] {
        // The common characters build in the background only once the first frame is on
        // screen: on two cores that build would otherwise slow the first frame by half.
        if (!common_started && pacer.frames_rendered() > 0) {
            f.start_common_characters();
            common_started = true;
        }
        if (p.take_close_request()) {
            controller.apply(kiosk::act::OpenStaff{});
        }
        f.set_large_text(controller.state().large_text);
        f.before_frame();
        frame.before_frame();
    };
    callbacks.draw = [&] {
        frame.draw();
        if (controller.state().quit_requested) {
            p.close();
        }
    };
    callbacks.draw = [&, draw = callbacks.draw] {
        draw();
        if (stop.stop_requested()) {
            p.close();
        }
    };
    pacer.run(callbacks);
    return 0;
}

} // namespace cf::app
