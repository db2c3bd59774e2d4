#include "app/console_app.h"

#include "app/console_tour.h"
#include "app/imgui_scope.h"
#include "app/kiosk_fonts.h"
#include "app/sample_center.h"
#include "app/staff_window_loop.h"
#include "app/stop_signals.h"
#include "app/window_waker.h"
#include "console/console_controller.h"
#include "console/console_frame.h"
#include "console/departments.h"
#include "forms/catalog.h"
#include "platform/glfw_platform.h"

#include <imgui.h>

#include <ctime>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

namespace cf::app {

namespace {

// DATA/exports/console-dashboard-YYYYMMDD-HHMMSS.csv in local time.
std::filesystem::path export_path(const std::filesystem::path& data, core::Millis now) {
    const std::time_t t = static_cast<std::time_t>(now / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char name[64];
    std::strftime(name, sizeof name, "console-dashboard-%Y%m%d-%H%M%S.csv", &local);
    return data / "exports" / name;
}

int utc_offset_minutes() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    return static_cast<int>(local.tm_gmtoff / 60);
}

} // namespace

int run_console(const AppOptions& options) {
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
    auto departments = console::load_departments(options.assets);
    if (!departments) {
        std::cerr << "counterfoil: assets: " << forms::to_string(departments.error()) << "\n";
        return 3;
    }
    auto category_departments =
        console::load_category_departments(options.assets, catalog->categories, *departments);
    if (!category_departments) {
        std::cerr << "counterfoil: assets: " << forms::to_string(category_departments.error())
                  << "\n";
        return 3;
    }
    std::error_code ec;
    std::filesystem::create_directories(options.data, ec);
    if (ec) {
        std::cerr << "counterfoil: cannot make the data directory " << options.data << ": "
                  << ec.message() << "\n";
        return 4;
    }
    const float guessed_scale =
        k_console_font_factor *
        (options.windowed
             ? console::ConsoleFrame::scale_for(static_cast<float>(options.windowed->second))
             : 1.0f);
    auto fonts =
        KioskFonts::open(options.font_dir, *catalog, options.assets, guessed_scale, wake_ui);
    if (!fonts) {
        std::cerr << "counterfoil: " << fonts.error().message << "\n";
        return 4;
    }
    // The tour signs in as the sample center's demo staff, so it always runs on its own center.
    std::unique_ptr<SampleCenter> sample;
    std::string center_url = options.center_url;
    if (options.screenshots) {
        auto started = SampleCenter::start({options.data / "sample-center"});
        if (!started) {
            std::cerr << "counterfoil: sample center: " << started.error().message << "\n";
            return 4;
        }
        sample = std::move(*started);
        center_url = sample->url();
    }

    ImGuiScope imgui;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    platform::WindowOptions window;
    window.title = "Counterfoil console";
    window.fullscreen = !options.windowed.has_value();
    if (options.windowed) {
        window.width = options.windowed->first;
        window.height = options.windowed->second;
    }
    window.hide_cursor = false;
    window.block_close = false;
    auto platform = platform::GlfwPlatform::create(window);
    if (!platform) {
        std::cerr << "counterfoil: " << platform.error().message << "\n";
        return 4;
    }
    platform::Platform& p = **platform;
    const WindowWaker::Attached attached(waker, p); // before the window goes
    KioskFonts& f = **fonts;
    f.set_scale(k_console_font_factor *
                console::ConsoleFrame::scale_for(static_cast<float>(p.framebuffer_size().height)));
    if (auto ready = f.finish_first_atlas(); !ready) {
        std::cerr << "counterfoil: " << ready.error().message << "\n";
        return 4;
    }

    core::SystemClock clock;
    console::ConsoleServices services;
    services.http.base_url = center_url;
    services.http.tls.ca_file = options.center_ca_file;
    services.http.tls.pinned_public_key = options.center_pinned_key;
    services.http.request_timeout = std::chrono::milliseconds(20000);
    services.catalog = &*catalog;
    services.departments = std::move(*departments);
    services.category_departments = std::move(*category_departments);
    services.default_deadline_hours = console::handling_hours_from_policy(options.assets);
    services.clock = &clock;
    services.timings.idle_sign_out = options.idle_sign_out;
    services.utc_offset_minutes = utc_offset_minutes();
    services.wake = wake_ui;
    console::ConsoleController controller(std::move(services));

    console::ConsoleHooks hooks;
    hooks.fonts = [&f](ui::Locale l) {
        return f.fonts_for(l);
    };
    hooks.shown_text = [&f](std::string_view text) {
        f.add_text(text);
    };
    hooks.export_path = [&] {
        return export_path(options.data, clock.now());
    };
    console::ConsoleFrame frame(controller, std::move(hooks));

    if (options.screenshots) {
        f.start_common_characters();
        ConsoleTour tour{p, controller, frame, f, *sample};
        return run_console_tour(tour, *options.screenshots);
    }

    run_staff_window(p, f, frame, stop);
    return 0;
}

} // namespace cf::app
