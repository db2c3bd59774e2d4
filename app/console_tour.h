#pragma once
// `--mode console --screenshots OUTDIR`: signs in on a center with sample data as each role and
// writes every console screen in each language as a PNG: sign-in (empty and refused), each
// role's queues, ticket detail with its timeline, the dialog of each step (review return,
// dispatch, handle, audit reject, feedback), a filtered list, the regional dashboard and a
// drill-down, and, once the center is stopped, the "center unreachable" state with a step's
// input kept for a retry.

#include "app/kiosk_fonts.h"
#include "app/sample_center.h"
#include "console/console_controller.h"
#include "console/console_frame.h"
#include "platform/platform.h"

#include <filesystem>

namespace cf::app {

struct ConsoleTour {
    platform::Platform& platform;
    console::ConsoleController& controller;
    console::ConsoleFrame& frame;
    KioskFonts& fonts;
    SampleCenter& center; // the tour's own center, stopped at the end
};

// Writes the screenshots into out_dir; returns 0, or 4 when a file could not be written or the
// center did not answer as the tour needs.
int run_console_tour(ConsoleTour& tour, const std::filesystem::path& out_dir);

} // namespace cf::app
