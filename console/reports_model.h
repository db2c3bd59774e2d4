#pragma once
// The console's 考核 reports as the center sent them (sync::Reports, core/stats.h figures over
// the region), the periods a regional manager reports on, and each table as its own CSV file.
// Nothing here draws; console/reports_view.cpp does.

#include "console/departments.h"
#include "core/clock.h"
#include "core/stats.h"
#include "forms/catalog.h"
#include "sync/console_messages.h"
#include "ui/locale.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cf::console {

// The periods of the reports: calendar months and quarters for the monthly and quarterly 考核
// (this one so far, and the last whole one), and the dashboard's whole weeks.
enum class ReportPeriod {
    this_month,
    last_month,
    this_quarter,
    last_quarter,
    weeks_4,
    weeks_12,
    weeks_26,
};
inline constexpr ReportPeriod k_report_periods[] = {
    ReportPeriod::this_month,   ReportPeriod::last_month, ReportPeriod::this_quarter,
    ReportPeriod::last_quarter, ReportPeriod::weeks_4,    ReportPeriod::weeks_12,
    ReportPeriod::weeks_26,
};
// "this_month", ..., "weeks_26" (widget ids, text keys).
std::string_view to_string(ReportPeriod p);

// [from, to) of the period holding `now`, in local time at the offset: a calendar month or
// quarter (core/periods.h), or whole weeks from Monday 00:00 ending with the current week.
std::pair<core::Millis, core::Millis> report_period(ReportPeriod p, core::Millis now,
                                                    int utc_offset_minutes);

// The tables of the reports page, each exported on its own.
enum class ReportTable { departments, staff, responsibility, satisfaction, types };
inline constexpr ReportTable k_report_tables[] = {ReportTable::departments, ReportTable::staff,
                                                  ReportTable::responsibility,
                                                  ReportTable::satisfaction, ReportTable::types};
// "departments", "staff", "responsibility", "satisfaction", "types".
std::string_view to_string(ReportTable t);

class ReportsModel {
public:
    void set(sync::Reports r) { m_data = std::move(r); }
    void clear() { m_data.reset(); }
    bool has() const { return m_data.has_value(); }
    const core::Stats& stats() const { return m_data->stats; }

    // One table as CSV (core/csv_file.h): a header of column names in `locale`, then one row
    // per department, staff member, responsibility, satisfaction level or request type, each
    // starting with the period's first and last local day so a file says what it counts. Codes
    // stand next to their labels; rates are percentages, times hours, both with two decimals,
    // and empty when there is nothing to average. Before an answer: the header only.
    std::string csv(ReportTable table, const forms::Catalog& catalog,
                    const Departments& departments, ui::Locale locale,
                    int utc_offset_minutes) const;
    // "console-departments-2026-11-01-2026-11-30.csv": the table and the period's local days.
    std::string file_name(ReportTable table, int utc_offset_minutes) const;

private:
    std::optional<sync::Reports> m_data;
};

} // namespace cf::console
