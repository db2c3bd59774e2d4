#pragma once
// The reports page of the statistics screen (StatsPage::reports): the 考核 tables per
// responsible department (with a bar chart), per responsibility and per staff member, and
// every round's satisfaction. Staff appear by their staff id; no customer data is drawn.

#include "counter/stats_model.h"
#include "ui/staff_widgets.h"

namespace cf::counter {

// Draws the loaded figures of `model` into `height` pixels of the current window.
void draw_stats_reports(ui::Ui& ui, const StatsModel& model, float height);

} // namespace cf::counter
