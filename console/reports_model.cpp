#include "console/reports_model.h"

#include "core/csv_file.h"
#include "core/periods.h"

#include <vector>

namespace cf::console {

namespace {

using core::csv_number;
using core::csv_text_field;

std::string local_date(core::Millis t, int offset) {
    return core::format_iso8601(t, offset).substr(0, 10);
}

std::string number(const std::optional<double>& v, double scale) {
    return v ? csv_number(*v * scale, 2) : std::string();
}

} // namespace

std::string_view to_string(ReportPeriod p) {
    switch (p) {
    case ReportPeriod::this_month:
        return "this_month";
    case ReportPeriod::last_month:
        return "last_month";
    case ReportPeriod::this_quarter:
        return "this_quarter";
    case ReportPeriod::last_quarter:
        return "last_quarter";
    case ReportPeriod::weeks_4:
        return "weeks_4";
    case ReportPeriod::weeks_12:
        return "weeks_12";
    case ReportPeriod::weeks_26:
        return "weeks_26";
    }
    return "this_month";
}

std::string_view to_string(ReportTable t) {
    switch (t) {
    case ReportTable::departments:
        return "departments";
    case ReportTable::staff:
        return "staff";
    case ReportTable::responsibility:
        return "responsibility";
    case ReportTable::satisfaction:
        return "satisfaction";
    case ReportTable::types:
        return "types";
    }
    return "departments";
}

std::pair<core::Millis, core::Millis> report_period(ReportPeriod p, core::Millis now,
                                                    int utc_offset_minutes) {
    const auto calendar = [&](core::PeriodKind kind, bool last) {
        core::Period r = core::period_of(kind, now, utc_offset_minutes);
        if (last) {
            r = core::period_of(kind, r.from - 1, utc_offset_minutes);
        }
        return std::pair{r.from, r.to};
    };
    const auto weeks = [&](int n) {
        const core::Period week =
            core::period_of(core::PeriodKind::this_week, now, utc_offset_minutes);
        return std::pair{week.from - (n - 1) * 7 * core::k_day, week.to};
    };
    switch (p) {
    case ReportPeriod::this_month:
        return calendar(core::PeriodKind::this_month, false);
    case ReportPeriod::last_month:
        return calendar(core::PeriodKind::this_month, true);
    case ReportPeriod::this_quarter:
        return calendar(core::PeriodKind::this_quarter, false);
    case ReportPeriod::last_quarter:
        return calendar(core::PeriodKind::this_quarter, true);
    case ReportPeriod::weeks_4:
        return weeks(4);
    case ReportPeriod::weeks_12:
        return weeks(12);
    case ReportPeriod::weeks_26:
        return weeks(26);
    }
    return weeks(12);
}

std::string ReportsModel::file_name(ReportTable table, int utc_offset_minutes) const {
    std::string name = "console-" + std::string(to_string(table));
    if (m_data) {
        name += "-" + local_date(m_data->stats.from, utc_offset_minutes) + "-" +
                local_date(m_data->stats.to - 1, utc_offset_minutes);
    }
    return name + ".csv";
}

std::string ReportsModel::csv(ReportTable table, const forms::Catalog& catalog,
                              const Departments& departments, ui::Locale locale,
                              int utc_offset_minutes) const {
    const std::string lc(ui::code(locale));
    const auto tr = [&](std::string_view key) {
        return catalog.ui.get(lc, key);
    };
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header = {csv_text_field(tr("console.filter.from")),
                                       csv_text_field(tr("console.filter.to"))};
    const auto columns = [&](std::initializer_list<const char*> keys) {
        for (const char* k : keys) {
            header.push_back(csv_text_field(tr(k)));
        }
    };
    switch (table) {
    case ReportTable::departments:
        columns({"console.reports.csv.code", "stats.col.department", "stats.col.tickets",
                 "console.reports.csv.assignments", "stats.col.handled", "stats.csv.handling_hours",
                 "console.reports.csv.deadline_met", "console.reports.csv.deadline_counted",
                 "console.reports.csv.deadline_percent", "stats.col.overdue"});
        break;
    case ReportTable::staff:
        columns({"stats.col.branch", "stats.col.staff", "stats.col.tickets",
                 "stats.satisfaction.satisfied", "stats.satisfaction.mostly_satisfied",
                 "stats.satisfaction.unsatisfied", "console.reports.csv.resolved",
                 "console.reports.csv.resolution_percent",
                 "console.reports.csv.first_response_hours", "stats.col.records"});
        break;
    case ReportTable::responsibility:
        columns({"console.reports.csv.code", "stats.col.responsibility", "stats.col.count"});
        break;
    case ReportTable::satisfaction:
        columns({"console.reports.csv.code", "console.reports.csv.level",
                 "console.reports.csv.every_round", "console.reports.csv.last_verdict"});
        break;
    case ReportTable::types:
        columns({"console.reports.csv.code", "console.reports.csv.type", "stats.col.tickets"});
        break;
    }
    rows.push_back(std::move(header));
    if (!m_data) {
        return core::csv_document(rows);
    }
    const core::Stats& s = m_data->stats;
    const std::string from = csv_text_field(local_date(s.from, utc_offset_minutes));
    const std::string to = csv_text_field(local_date(s.to - 1, utc_offset_minutes));
    const auto row = [&](std::vector<std::string> fields) {
        fields.insert(fields.begin(), {from, to});
        rows.push_back(std::move(fields));
    };
    switch (table) {
    case ReportTable::departments:
        for (const core::DepartmentRow& d : s.by_department) {
            row({csv_text_field(d.department), csv_text_field(departments.label(d.department, lc)),
                 csv_number(d.tickets), csv_number(d.assignments), csv_number(d.handled),
                 number(d.average_handling_hours, 1.0), csv_number(d.deadline_met),
                 csv_number(d.deadline_counted), number(d.deadline_compliance, 100.0),
                 csv_number(d.overdue_now)});
        }
        break;
    case ReportTable::staff:
        for (const core::StaffRow& r : s.by_staff) {
            row({csv_text_field(r.branch), csv_text_field(r.staff), csv_number(r.tickets),
                 csv_number(r.satisfied), csv_number(r.mostly_satisfied), csv_number(r.unsatisfied),
                 csv_number(r.resolved), number(r.resolution_rate, 100.0),
                 number(r.average_first_response_hours, 1.0), csv_number(r.records_complete)});
        }
        break;
    case ReportTable::responsibility:
        for (std::string_view r : core::k_stats_responsibilities) {
            row({csv_text_field(r), csv_text_field(tr("stats.responsibility." + std::string(r))),
                 csv_number(core::count_of(s.by_responsibility, r))});
        }
        break;
    case ReportTable::satisfaction:
        for (std::string_view level : core::k_stats_satisfaction) {
            row({csv_text_field(level),
                 csv_text_field(tr("stats.satisfaction." + std::string(level))),
                 csv_number(core::count_of(s.satisfaction_events, level)),
                 csv_number(core::count_of(s.satisfaction, level))});
        }
        break;
    case ReportTable::types:
        for (std::string_view type : core::k_stats_types) {
            row({csv_text_field(type), csv_text_field(tr("stats.type." + std::string(type))),
                 csv_number(core::count_of(s.by_type, type))});
        }
        break;
    }
    return core::csv_document(rows);
}

} // namespace cf::console
