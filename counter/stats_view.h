#pragma once
// The branch statistics screen: period buttons (today, this week, this month, this quarter)
// and page buttons (overview, reports); on the overview the headline figures and four charts
// (volume by request type, top categories, satisfaction, tickets per day), on the reports the
// 考核 tables (stats_reports_view.h); then the CSV export row. Draws into the current ImGui window
// or child region, sized to what is available there.
//
// Hit ids: "stats.period.today", "stats.period.this_week", "stats.period.this_month",
// "stats.period.this_quarter", "stats.page.overview", "stats.page.reports",
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
