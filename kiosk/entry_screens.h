#pragma once
// Shared layout of the screens that type into fields: content above, the keyboard docked at
// the bottom of the screen.

#include "kiosk/kiosk_ui.h"
#include "kiosk/kiosk_view.h"

namespace cf::kiosk {

// The height left for content above the keyboard, from the current cursor.
float space_above_keyboard(const Ui& ui);
// Draws the keyboard for the focused field, docked to the bottom of the window.
void docked_keyboard(Ui& ui, const KioskView& v);

} // namespace cf::kiosk
