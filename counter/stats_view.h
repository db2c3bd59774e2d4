#pragma once
// The branch statistics screen: period buttons (today, this week, this month), the headline
// figures, four charts (volume by request type, top categories, satisfaction, tickets per
// day) and the CSV export row. Draws into the current ImGui window or child region, sized to
// what is available there.
//
// Hit ids: "stats.period.today", "stats.period.this_week", "stats.period.this_month",
// "stats.export.path", "stats.export".

#include "core/clock.h"
#include "counter/stats_model.h"
#include "ui/staff_widgets.h"

namespace cf::counter {

using ui::Ui;

// Refreshes the model when needed (StatsModel::refresh), then draws it. A period button
// switches the period at once; the export button writes the CSV to the path field and the
// line under it names the file written or the reason it failed.
void draw_stats(Ui& ui, StatsModel& model, core::Millis now, int utc_offset_minutes);

} // namespace cf::counter
