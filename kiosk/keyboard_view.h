#pragma once
// The on-screen keyboard: a candidate bar for pinyin, then QWERTY letters, a digits and
// symbols layout, or a phone keypad, depending on the focused field. It only emits actions; the
// controller edits the field's own buffer.

#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_ui.h"

namespace cf::kiosk {

// The height the keyboard needs at this scale, for laying out the screen above it.
float keyboard_height(const Ui& ui);

void draw_keyboard(Ui& ui, const KioskState& state, const FieldRules& rules,
                   const CompositionView& composition);

} // namespace cf::kiosk
