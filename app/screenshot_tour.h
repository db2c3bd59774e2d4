#pragma once
// `--screenshots OUTDIR`: drives the real kiosk through every screen with sample data, in each
// language and in high contrast, and writes each frame as a PNG. The tour takes the same
// actions a customer's taps produce; the failure screen comes from a real failed commit (the
// database held by another writer).

#include "app/kiosk_fonts.h"
#include "core/clock.h"
#include "core/staff_directory.h"
#include "core/ticket_store.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_frame.h"
#include "platform/platform.h"

#include <expected>
#include <filesystem>
#include <string>

namespace cf::app {

struct TourContext {
    platform::Platform& platform;
    kiosk::KioskController& controller;
    kiosk::KioskFrame& frame;
    KioskFonts& fonts;
    core::ManualClock& clock;
    core::TicketStore& store;
    core::StaffDirectory& staff;
};

// Initialises `dir` for the tour (branch SZ01, terminal K1) unless it already holds a store.
std::expected<void, std::string> prepare_tour_data(const std::filesystem::path& dir);

// Writes the screenshots into out_dir; returns 0, or 4 when a file could not be written.
int run_screenshot_tour(TourContext& tour, const std::filesystem::path& out_dir);

} // namespace cf::app
