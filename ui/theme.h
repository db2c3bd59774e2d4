#pragma once
// Colours of the touch screens. High contrast swaps the palette for white/yellow on black with
// thick borders. Lengths are given at 1920x1080 and scaled by Ui::px; the large-text mode
// scales the fonts by k_large_text_factor.

#include <imgui.h>

namespace cf::ui {

inline constexpr float k_large_text_factor = 1.3f;

struct Theme {
    ImU32 background;
    ImU32 panel;
    ImU32 text;
    ImU32 muted;
    ImU32 primary;
    ImU32 primary_text;
    ImU32 primary_pressed;
    ImU32 button;
    ImU32 button_text;
    ImU32 button_pressed;
    ImU32 selected;
    ImU32 selected_text;
    ImU32 border;
    ImU32 error;
    ImU32 field;
    ImU32 field_focus;
    float border_px;
    float rounding;
};

Theme theme_for(bool high_contrast);

} // namespace cf::ui
