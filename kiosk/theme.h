#pragma once
// Colours and sizes of the touch screens. Sizes are in pixels at 1920x1080 and scale with the
// display; the large-text mode scales text by k_large_text_factor. High contrast swaps the
// palette for white/yellow on black with thick borders.

#include <imgui.h>

namespace cf::kiosk {

inline constexpr float k_body_px = 32.0f;    // at least 28 px at 1920x1080
inline constexpr float k_heading_px = 46.0f; // screen titles
inline constexpr float k_title_px = 64.0f;   // attract screen
inline constexpr float k_huge_px = 88.0f;    // the ticket number on the receipt (ASCII)
inline constexpr float k_button_px = 88.0f;  // at least 72 px tall
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

} // namespace cf::kiosk
