// The console's 考核 reports against a real center with sample data: per department and per
// branch staff member across the region, the month and quarter periods, the dashboard's
// filter, each table as its own CSV file, and no reports for a handler.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include "core/csv_file.h"
#include "core/periods.h"

#include <doctest/doctest.h>

using namespace cf;
using console::ReportPeriod;
using console::ReportTable;
using console::Screen;

namespace {

void open_reports(test::ConsoleHarness& h) {
    h.sign_in("M01", test::k_password);
    REQUIRE(h.controller().signed_in());
    h.click_and_settle("nav.reports");
    REQUIRE(h.controller().screen() == Screen::reports);
    REQUIRE(h.controller().reports().has());
}

} // namespace

TEST_CASE("the reports show every department and branch staff member of the region") {
    test::ConsoleCenter center(600, 6);
    test::ConsoleHarness h(center.url());
    h.sign_in("M01", test::k_password);
    h.click_and_settle("nav.dashboard");
    REQUIRE(h.controller().dashboard().has());
    const std::int64_t dashboard_total = h.controller().dashboard().data().total;

    h.click_and_settle("nav.reports");
    REQUIRE(h.controller().reports().has());
    // Over the dashboard's twelve weeks the reports count the same tickets.
    h.click_and_settle("reports.period.weeks_12");
    const core::Stats& s = h.controller().reports().stats();
    CHECK(s.total == dashboard_total);
    CHECK(s.total > 0);
    REQUIRE_FALSE(s.by_department.empty());
    REQUIRE_FALSE(s.by_staff.empty());
    for (const core::StaffRow& r : s.by_staff) {
        CHECK_FALSE(r.branch.empty());
        CHECK(r.staff != "kiosk");
    }
    CHECK(core::count_of(s.by_type, "complaint") > 0);
    CHECK_FALSE(s.satisfaction_events.empty());
    CHECK_FALSE(s.by_responsibility.empty());
    for (const char* l : {"lang.zh-Hant", "lang.en", "lang.zh-Hans"}) {
        h.click(l);
        h.frame();
        CHECK(h.shows("stats.reports.departments"));
        CHECK(h.shows("stats.reports.staff"));
        CHECK(h.shows("stats.reports.responsibility"));
        CHECK(h.shows("reports.types"));
        CHECK(h.shows("reports.rounds"));
    }
}

TEST_CASE("the reports cover calendar months and quarters in the region's local time") {
    test::ConsoleCenter center(300, 4);
    test::ConsoleHarness h(center.url());
    open_reports(h);
    const int offset = h.controller().utc_offset_minutes();
    const core::Millis now = h.controller().now();
    // A month by default: the 考核 is monthly.
    CHECK(h.controller().report_period() == ReportPeriod::this_month);
    CHECK(h.controller().reports().stats().from ==
          core::period_of(core::PeriodKind::this_month, now, offset).from);

    h.click_and_settle("reports.period.this_quarter");
    const core::Period quarter = core::period_of(core::PeriodKind::this_quarter, now, offset);
    CHECK(h.controller().reports().stats().from == quarter.from);
    CHECK(h.controller().reports().stats().to == quarter.to);

    h.click_and_settle("reports.period.last_quarter");
    CHECK(h.controller().reports().stats().to == quarter.from);
    const core::CivilDate first = core::local_day(h.controller().reports().stats().from, offset);
    CHECK(first.day == 1);
    CHECK((first.month - 1) % 3 == 0);

    h.click_and_settle("reports.period.last_month");
    const core::Period month = core::period_of(core::PeriodKind::this_month, now, offset);
    CHECK(h.controller().reports().stats().to == month.from);
    CHECK(core::local_day(h.controller().reports().stats().from, offset).day == 1);
}

TEST_CASE("the reports follow the dashboard's filter") {
    test::ConsoleCenter center(300, 4);
    test::ConsoleHarness h(center.url());
    open_reports(h);
    h.click_and_settle("reports.period.weeks_26");
    REQUIRE_FALSE(h.controller().reports().stats().by_staff.empty());
    const std::string branch = h.controller().reports().stats().by_staff.back().branch;
    h.fill("reports.filter.branch", branch);
    h.click_and_settle("reports.apply");
    const core::Stats& s = h.controller().reports().stats();
    REQUIRE_FALSE(s.by_staff.empty());
    for (const core::StaffRow& r : s.by_staff) {
        CHECK(r.branch == branch);
    }
    // The dashboard opens with the same filter.
    h.click_and_settle("nav.dashboard");
    REQUIRE(h.controller().dashboard().has());
    CHECK(h.controller().dashboard().data().by_branch.size() == 1);
}

TEST_CASE("each table of the reports exports as its own CSV file") {
    test::ConsoleCenter center(300, 4);
    test::TempDir out;
    test::ConsoleHarnessOptions options;
    options.export_path = out / "dashboard.csv";
    test::ConsoleHarness h(center.url(), options);
    open_reports(h);
    h.click_and_settle("reports.period.weeks_26");
    const console::ReportsModel& m = h.controller().reports();
    const int offset = h.controller().utc_offset_minutes();
    const core::Stats& s = m.stats();
    REQUIRE_FALSE(s.by_department.empty());
    REQUIRE_FALSE(s.by_staff.empty());
    const std::string from = core::format_iso8601(s.from, offset).substr(0, 10);
    const std::string to = core::format_iso8601(s.to - 1, offset).substr(0, 10);

    h.click("reports.export.departments");
    CHECK(h.controller().notice().key == "console.export.done");
    const auto departments_file = out / ("console-departments-" + from + "-" + to + ".csv");
    const std::string departments = test::read_file_bytes(departments_file);
    REQUIRE(departments.starts_with(core::k_csv_bom));
    // The header names the columns in the console's language; a row per department.
    CHECK(departments.find("开始日期,结束日期,代码,部门,") != std::string::npos);
    const core::DepartmentRow& d = s.by_department.front();
    const std::string label = h.controller().departments().label(d.department, "zh-Hans");
    CHECK(departments.find(from + "," + to + "," + d.department + "," + label + "," +
                           std::to_string(d.tickets) + "," + std::to_string(d.assignments) + "," +
                           std::to_string(d.handled) + ",") != std::string::npos);

    h.click("reports.export.staff");
    const std::string staff =
        test::read_file_bytes(out / ("console-staff-" + from + "-" + to + ".csv"));
    const core::StaffRow& st = s.by_staff.front();
    CHECK(staff.find(from + "," + to + "," + st.branch + "," + st.staff + "," +
                     std::to_string(st.tickets) + ",") != std::string::npos);

    for (const char* table : {"responsibility", "satisfaction", "types"}) {
        h.click("reports.export." + std::string(table));
        CHECK(std::filesystem::exists(
            out / ("console-" + std::string(table) + "-" + from + "-" + to + ".csv")));
    }

    // In English: every satisfaction level, every round's count next to the last verdict's.
    const std::string rounds = m.csv(ReportTable::satisfaction, h.catalog(),
                                     h.controller().departments(), ui::Locale::en, offset);
    CHECK(rounds.find("From,To,code,satisfaction,every round,last verdict\r\n") !=
          std::string::npos);
    for (std::string_view level : core::k_stats_satisfaction) {
        CHECK(rounds.find("," + std::string(level) + ",") != std::string::npos);
    }
    CHECK(rounds.find(",unsatisfied,Dissatisfied," +
                      std::to_string(core::count_of(s.satisfaction_events, "unsatisfied")) + "," +
                      std::to_string(core::count_of(s.satisfaction, "unsatisfied")) + "\r\n") !=
          std::string::npos);
    const std::string types = m.csv(ReportTable::types, h.catalog(), h.controller().departments(),
                                    ui::Locale::en, offset);
    CHECK(types.find(",complaint,Complaint," +
                     std::to_string(core::count_of(s.by_type, "complaint")) + "\r\n") !=
          std::string::npos);
}

TEST_CASE("a handler has no reports") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    h.sign_in("H02", test::k_password);
    CHECK_FALSE(h.shows("nav.reports"));
    h.controller().go(Screen::reports);
    CHECK(h.controller().screen() == Screen::queue);
}
