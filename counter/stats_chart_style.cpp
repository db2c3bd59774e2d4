#include "counter/stats_chart_style.h"

#include <algorithm>

namespace cf::counter {

ui::ChartStyle stats_chart_style(const ui::Ui& ui) {
    const ui::Theme& theme = ui.theme();
    ui::ChartStyle style;
    style.text = theme.text;
    style.muted = theme.muted;
    // The border colour at half strength: grid lines guide the eye without competing with bars,
    // in high contrast too.
    style.grid = (theme.border & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 0x70);
    style.axis = theme.border;
    style.gap = ui.px(10);
    style.line_width = std::max(2.0f, ui.px(3));
    style.marker_radius = std::max(3.0f, ui.px(6));
    style.swatch = ui.px(18);
    style.value_step = 1.0; // every chart counts tickets
    return style;
}

} // namespace cf::counter
