#pragma once
// `counterfoil --mode counter`: the front-desk counter on the window, store, fonts, pinyin
// and sync worker that run_terminal (kiosk_app.cpp) opened; runs the event-driven loop until
// the window closes or SIGTERM, or writes the counter's screenshot tour.

#include "app/app_options.h"
#include "app/kiosk_fonts.h"
#include "app/stop_signals.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "forms/catalog.h"
#include "platform/platform.h"
#include "sync/sync_worker.h"
#include "ui/composer.h"

namespace cf::app {

struct CounterRun {
    const AppOptions& options;
    platform::Platform& platform;
    KioskFonts& fonts;
    const core::Clock& clock;
    core::ManualClock* tour_clock; // only with --screenshots
    core::TicketStore& store;
    core::StaffDirectory& staff;
    ui::Composer& composer;
    const forms::Catalog& catalog;
    sync::SyncWorker& sync;
    bool syncing;
    StopSignals& stop;
};

// Counter text is denser than the kiosk's: fonts at this share of the kiosk's sizes.
inline constexpr float k_counter_font_factor = 0.68f;

int run_counter(CounterRun& run);

} // namespace cf::app
