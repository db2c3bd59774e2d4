#pragma once
// How the branch statistics screens draw their charts: the theme's colours, grid lines at half
// strength, and whole-ticket value steps. Shared by the overview and the reports page.

#include "ui/charts.h"
#include "ui/ui.h"

namespace cf::counter {

ui::ChartStyle stats_chart_style(const ui::Ui& ui);

} // namespace cf::counter
