#pragma once
// Draws the kiosk for one frame: the screen of the current state, its chrome and the idle
// warning on top. Reads the controller; returns what the customer did as actions.

#include "forms/catalog.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_ui.h"
#include "sync/sync_status.h"
#include "ui/hit_registry.h"

#include <optional>
#include <string>
#include <vector>

namespace cf::kiosk {

// Everything the screens read, gathered once per frame.
struct KioskView {
    const KioskState& state;
    const forms::Catalog& catalog;
    CompositionView composition;
    FieldRules focus_rules;
    std::vector<Screen> steps;
    int idle_seconds_left = 0;
    core::Millis now = 0;
    int utc_offset_minutes = 480;
    std::string ime_status;               // for the staff menu: empty when Chinese input works
    std::optional<sync::SyncStatus> sync; // none: no sync worker (not enrolled)
};

KioskView make_view(const KioskController& controller, core::Millis now, int utc_offset_minutes);

// Draws into a window covering the whole display and returns the frame's actions.
std::vector<Action> draw_kiosk(const KioskView& view, UiFonts fonts, float scale,
                               HitRegistry& hits);

} // namespace cf::kiosk
