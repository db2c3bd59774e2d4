#include "cli/stats_tables.h"

#include "core/csv_file.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace cf::cli {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string optional_csv(const std::optional<double>& v, double scale) {
    return v ? core::csv_number(*v * scale, 2) : std::string();
}

std::string optional_text(const std::optional<double>& v, double scale, const char* unit) {
    if (!v) {
        return "-";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%s", *v * scale, unit);
    return buf;
}

// Plain cells for the text table and encoded cells for CSV come from one place, so the two
// never list different figures.
struct Table {
    std::vector<std::string> header;
    Rows text; // cells as a person reads them
    Rows csv;  // cells encoded for CSV
};

Table department_table(const core::Stats& s) {
    Table t;
    t.header = {"department",
                "tickets",
                "assignments",
                "handled",
                "average_handling_hours",
                "deadline_met",
                "deadline_counted",
                "deadline_compliance_percent",
                "overdue_now"};
    for (const auto& r : s.by_department) {
        t.text.push_back(
            {r.department, std::to_string(r.tickets), std::to_string(r.assignments),
             std::to_string(r.handled), optional_text(r.average_handling_hours, 1.0, " h"),
             std::to_string(r.deadline_met), std::to_string(r.deadline_counted),
             optional_text(r.deadline_compliance, 100.0, "%"), std::to_string(r.overdue_now)});
        t.csv.push_back({core::csv_text_field(r.department), core::csv_number(r.tickets),
                         core::csv_number(r.assignments), core::csv_number(r.handled),
                         optional_csv(r.average_handling_hours, 1.0),
                         core::csv_number(r.deadline_met), core::csv_number(r.deadline_counted),
                         optional_csv(r.deadline_compliance, 100.0),
                         core::csv_number(r.overdue_now)});
    }
    return t;
}

Table responsibility_table(const core::Stats& s) {
    Table t;
    t.header = {"responsibility", "handle_events"};
    for (const auto& r : s.by_responsibility) {
        t.text.push_back({r.key, std::to_string(r.count)});
        t.csv.push_back({core::csv_text_field(r.key), core::csv_number(r.count)});
    }
    return t;
}

Table staff_table(const core::Stats& s) {
    Table t;
    t.header = {"staff",
                "tickets",
                "satisfied",
                "mostly_satisfied",
                "unsatisfied",
                "resolved",
                "resolution_rate_percent",
                "average_first_response_hours",
                "records_complete"};
    for (const auto& r : s.by_staff) {
        t.text.push_back({r.staff, std::to_string(r.tickets), std::to_string(r.satisfied),
                          std::to_string(r.mostly_satisfied), std::to_string(r.unsatisfied),
                          std::to_string(r.resolved), optional_text(r.resolution_rate, 100.0, "%"),
                          optional_text(r.average_first_response_hours, 1.0, " h"),
                          std::to_string(r.records_complete)});
        t.csv.push_back({core::csv_text_field(r.staff), core::csv_number(r.tickets),
                         core::csv_number(r.satisfied), core::csv_number(r.mostly_satisfied),
                         core::csv_number(r.unsatisfied), core::csv_number(r.resolved),
                         optional_csv(r.resolution_rate, 100.0),
                         optional_csv(r.average_first_response_hours, 1.0),
                         core::csv_number(r.records_complete)});
    }
    return t;
}

Table table_of(const core::Stats& s, StatsTable which) {
    switch (which) {
    case StatsTable::department:
        return department_table(s);
    case StatsTable::responsibility:
        return responsibility_table(s);
    case StatsTable::staff:
        return staff_table(s);
    }
    return department_table(s);
}

const char* title_of(StatsTable which) {
    switch (which) {
    case StatsTable::department:
        return "by department (center dispatches synced back)";
    case StatsTable::responsibility:
        return "by responsibility (handle events)";
    case StatsTable::staff:
        return "by staff (each ticket for its assignee, else its receiver)";
    }
    return "";
}

// Display width in terminal columns: CJK characters take two.
std::size_t columns(std::string_view s) {
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cols += len >= 3 ? 2 : 1;
        i += len;
    }
    return cols;
}

} // namespace

std::optional<StatsTable> parse_stats_table(std::string_view name) {
    if (name == "department") {
        return StatsTable::department;
    }
    if (name == "responsibility") {
        return StatsTable::responsibility;
    }
    if (name == "staff") {
        return StatsTable::staff;
    }
    return std::nullopt;
}

void print_stats_table(std::ostream& out, const core::Stats& s, StatsTable which) {
    const Table t = table_of(s, which);
    out << title_of(which) << ":";
    if (t.text.empty()) {
        out << " -\n";
        return;
    }
    out << "\n";
    std::vector<std::size_t> width(t.header.size());
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        width[i] = columns(t.header[i]);
        for (const auto& row : t.text) {
            width[i] = std::max(width[i], columns(row[i]));
        }
    }
    const auto line = [&](const std::vector<std::string>& cells) {
        out << " ";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out << " " << cells[i];
            if (i + 1 < cells.size()) {
                out << std::string(width[i] - columns(cells[i]) + 1, ' ');
            }
        }
        out << "\n";
    };
    line(t.header);
    for (const auto& row : t.text) {
        line(row);
    }
}

std::string stats_table_csv(const core::Stats& s, StatsTable which) {
    const Table t = table_of(s, which);
    Rows rows;
    std::vector<std::string> header;
    for (const auto& h : t.header) {
        header.push_back(core::csv_text_field(h));
    }
    rows.push_back(std::move(header));
    rows.insert(rows.end(), t.csv.begin(), t.csv.end());
    return core::csv_document(rows);
}

} // namespace cf::cli
