#pragma once
// The 考核 report tables and charts over core::Stats, shared by the counter's statistics
// (counter/stats_reports_view.cpp, one branch) and the console's reports (console/
// reports_view.cpp, a region): per responsible department (table and bar chart), per
// responsibility, per staff member, and every round's satisfaction. Staff appear by staff id
// (and branch, in a region's figures); no customer data is drawn. Texts come from
// assets/i18n/counter-stats ("stats.*").
//
// Hit ids: each table records its rectangle under its id ("stats.reports.departments",
// "stats.reports.responsibility", "stats.reports.staff"); an empty one records its note under
// "stats.reports.no_departments" / "stats.reports.no_staff".

#include "core/stats.h"
#include "ui/charts.h"
#include "ui/staff_widgets.h"

#include <functional>
#include <string>
#include <string_view>

namespace cf::ui {

// How the statistics screens draw their charts: the theme's colours, grid lines at half
// strength, and whole-ticket value steps.
ChartStyle stats_chart_style(const Ui& ui);

// A department's name in the screen's locale, from its code.
using DepartmentLabel = std::function<std::string(std::string_view code)>;

// A heading in the heading font, and muted text wrapped at the current wrap position.
void stats_title(Ui& ui, std::string_view key);
void stats_muted_wrapped(const Ui& ui, const std::string& text);

// Each fills `size` at the cursor, scrolling its rows when they do not fit.
void draw_department_table(Ui& ui, const core::Stats& s, const DepartmentLabel& label, ImVec2 size);
void draw_department_chart(Ui& ui, const core::Stats& s, const DepartmentLabel& label, ImVec2 size,
                           const ChartStyle& style);
void draw_responsibility_table(Ui& ui, const core::Stats& s, ImVec2 size);
// With a branch column when the rows carry their branch (the center's regional figures).
void draw_staff_table(Ui& ui, const core::Stats& s, ImVec2 size);
// "Every round's verdict: 3 satisfied / 1 mostly satisfied / 2 dissatisfied".
std::string satisfaction_events_text(const Ui& ui, const core::Stats& s);
// "Enquiries answered from the knowledge base: 12" (SOP 002 知识库标准答案).
std::string knowledge_answered_text(const Ui& ui, const core::Stats& s);

// "12.5 h" or "None yet"; "93.3%" or "None yet".
std::string stats_hours_text(const Ui& ui, const std::optional<double>& hours);
std::string stats_percent_text(const Ui& ui, const std::optional<double>& ratio);

} // namespace cf::ui
