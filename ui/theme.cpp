#include "ui/theme.h"

namespace cf::ui {

Theme theme_for(bool high_contrast) {
    if (high_contrast) {
        return Theme{
            .background = IM_COL32(0, 0, 0, 255),
            .panel = IM_COL32(0, 0, 0, 255),
            .text = IM_COL32(255, 255, 255, 255),
            .muted = IM_COL32(255, 255, 255, 255),
            .primary = IM_COL32(255, 212, 0, 255),
            .primary_text = IM_COL32(0, 0, 0, 255),
            .primary_pressed = IM_COL32(255, 255, 255, 255),
            .button = IM_COL32(0, 0, 0, 255),
            .button_text = IM_COL32(255, 255, 255, 255),
            .button_pressed = IM_COL32(255, 212, 0, 255),
            .selected = IM_COL32(255, 212, 0, 255),
            .selected_text = IM_COL32(0, 0, 0, 255),
            .border = IM_COL32(255, 255, 255, 255),
            .error = IM_COL32(255, 128, 128, 255),
            .field = IM_COL32(0, 0, 0, 255),
            .field_focus = IM_COL32(255, 212, 0, 255),
            .border_px = 3.0f,
            .rounding = 6.0f,
        };
    }
    return Theme{
        .background = IM_COL32(244, 246, 248, 255),
        .panel = IM_COL32(255, 255, 255, 255),
        .text = IM_COL32(26, 26, 26, 255),
        .muted = IM_COL32(84, 90, 98, 255),
        .primary = IM_COL32(11, 92, 173, 255),
        .primary_text = IM_COL32(255, 255, 255, 255),
        .primary_pressed = IM_COL32(6, 58, 112, 255),
        .button = IM_COL32(255, 255, 255, 255),
        .button_text = IM_COL32(26, 26, 26, 255),
        .button_pressed = IM_COL32(200, 214, 232, 255),
        .selected = IM_COL32(11, 92, 173, 255),
        .selected_text = IM_COL32(255, 255, 255, 255),
        .border = IM_COL32(176, 184, 194, 255),
        .error = IM_COL32(176, 0, 32, 255),
        .field = IM_COL32(255, 255, 255, 255),
        .field_focus = IM_COL32(11, 92, 173, 255),
        .border_px = 2.0f,
        .rounding = 12.0f,
    };
}

} // namespace cf::ui
