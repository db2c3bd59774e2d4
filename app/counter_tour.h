#pragma once
// `--mode counter --screenshots OUTDIR`: signs in on sample data and writes every counter
// screen in each language as a PNG: sign-in, each queue tab, fast entry (empty, with the
// classifier's suggestions, with errors, with the on-screen pinyin keyboard), the
// acknowledgement script and receipt, ticket detail (masked and shown), step forms including
// the supervisor's approval and the second round, search, statistics and the dead letters.

#include "app/kiosk_fonts.h"
#include "core/clock.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "counter/counter_controller.h"
#include "counter/counter_frame.h"
#include "platform/platform.h"

#include <filesystem>

namespace cf::app {

struct CounterTour {
    platform::Platform& platform;
    counter::CounterController& controller;
    counter::CounterFrame& frame;
    KioskFonts& fonts;
    core::ManualClock& clock;
    core::TicketStore& store;
    core::StaffDirectory& staff;
};

// Writes the screenshots into out_dir; returns 0, or 4 when a file could not be written.
int run_counter_tour(CounterTour& tour, const std::filesystem::path& out_dir);

} // namespace cf::app
