#include "counter/stats_model.h"

#include "core/csv_file.h"
#include "tests/counter_stats/stats_fixture.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using cf::core::PeriodKind;
using cf::test::k_monday_10am;
using cf::test::StatsFixture;
namespace core = cf::core;
namespace counter = cf::counter;

namespace {

// Two tickets this week (Monday 2026-11-23), one the Friday before (2026-11-20, same month).
void file_three(StatsFixture& f) {
    f.clock.set(k_monday_10am - 3 * core::k_day);
    f.file(core::RequestType::enquiry, "delivery_delay");
    f.clock.set(k_monday_10am);
    f.file(core::RequestType::complaint, "billing");
    f.file(core::RequestType::complaint, "product_quality.card_or_device");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the statistics start on today and load nothing before the first refresh") {
    StatsFixture f;
    CHECK(f.model.period() == PeriodKind::today);
    CHECK_FALSE(f.model.loaded());
    f.refresh();
    CHECK(f.model.loaded());
    CHECK(f.model.stats().total == 0);
    CHECK(f.model.daily().size() == 1);
}

TEST_CASE("switching the period loads that period's tickets and days") {
    StatsFixture f;
    file_three(f);
    f.refresh();
    CHECK(f.model.stats().total == 2);
    CHECK(f.model.first_day() == core::CivilDate{2026, 11, 23});

    f.model.set_period(PeriodKind::this_week);
    f.refresh();
    CHECK(f.model.stats().total == 2);
    CHECK(f.model.daily().size() == 7);
    CHECK(f.model.first_day() == core::CivilDate{2026, 11, 23});
    CHECK(f.model.last_day() == core::CivilDate{2026, 11, 29});

    f.model.set_period(PeriodKind::this_month);
    f.refresh();
    CHECK(f.model.stats().total == 3);
    CHECK(f.model.daily().size() == 30);
    CHECK(f.model.daily()[19].day == core::CivilDate{2026, 11, 20});
    CHECK(f.model.daily()[19].received == 1);
    CHECK(f.model.daily()[22].received == 2);
}

TEST_CASE("a ticket filed after the last load shows at the next refresh without forcing") {
    StatsFixture f;
    f.refresh();
    CHECK(f.model.stats().total == 0);
    f.file();
    f.refresh();
    CHECK(f.model.stats().total == 1);
}

TEST_CASE("the period follows the clock past midnight") {
    StatsFixture f;
    f.file();
    f.refresh();
    CHECK(f.model.stats().total == 1);
    f.clock.advance(core::k_day);
    f.refresh();
    CHECK(f.model.stats().total == 0);
    CHECK(f.model.first_day() == core::CivilDate{2026, 11, 24});
}

TEST_CASE("the figures count types, resolution and satisfaction of the period") {
    StatsFixture f;
    file_three(f);
    const core::Ticket t = f.file(core::RequestType::praise, "service_attitude");
    f.clock.advance(2 * core::k_hour);
    f.resolve(t, "mostly_satisfied");
    f.model.set_period(PeriodKind::this_week);
    f.refresh();
    const core::Stats& s = f.model.stats();
    CHECK(s.total == 3);
    CHECK(counter::count_of(s.by_type, "complaint") == 2);
    CHECK(counter::count_of(s.by_type, "praise") == 1);
    CHECK(counter::count_of(s.by_type, "enquiry") == 0);
    CHECK(s.resolved == 1);
    REQUIRE(s.average_handling_hours);
    CHECK(*s.average_handling_hours == doctest::Approx(2.0));
    CHECK(counter::count_of(s.satisfaction, "mostly_satisfied") == 1);
}

TEST_CASE("the CSV starts with a BOM and a header in the chosen language") {
    StatsFixture f;
    f.refresh();
    const std::string zh = f.model.csv("zh-Hans");
    CHECK(zh.starts_with(std::string(core::k_csv_bom) + "部分,代码,名称,数值\r\n"));
    const std::string hant = f.model.csv("zh-Hant");
    CHECK(hant.starts_with(std::string(core::k_csv_bom) + "部分,代碼,名稱,數值\r\n"));
    const std::string en = f.model.csv("en");
    CHECK(en.starts_with(std::string(core::k_csv_bom) + "section,code,label,value\r\n"));
}

TEST_CASE("the CSV names each figure by code and by label in the chosen language") {
    StatsFixture f;
    file_three(f);
    f.model.set_period(PeriodKind::this_week);
    f.refresh();
    const std::string zh = f.model.csv("zh-Hans");
    CHECK(contains(zh, "\r\nperiod,this_week,本周,2026-11-23/2026-11-29\r\n"));
    CHECK(contains(zh, "\r\nsummary,total,工单总数,2\r\n"));
    CHECK(contains(zh, "\r\ntype,complaint,投诉,2\r\n"));
    CHECK(contains(zh, "\r\ntype,enquiry,咨询,0\r\n"));
    CHECK(contains(zh, "\r\nsatisfaction,unsatisfied,不满意,0\r\n"));
    CHECK(contains(zh, "\r\ndaily_received,2026-11-23,受理,2\r\n"));
    CHECK(contains(zh, "\r\ndaily_closed,2026-11-29,办结,0\r\n"));
    const std::string hant = f.model.csv("zh-Hant");
    CHECK(contains(hant, "\r\nperiod,this_week,本週,2026-11-23/2026-11-29\r\n"));
    CHECK(contains(hant, "\r\ntype,complaint,投訴,2\r\n"));
    CHECK(contains(hant, "\r\ntype,enquiry,諮詢,0\r\n"));
    CHECK(contains(hant, "\r\nsatisfaction,mostly_satisfied,基本滿意,0\r\n"));
    const std::string en = f.model.csv("en");
    CHECK(contains(en, "\r\ntype,complaint,Complaint,2\r\n"));
    CHECK(contains(en,
                   "\r\ncategory,billing," + f.catalog.category_label("billing", "en") + ",1\r\n"));
}

TEST_CASE("the CSV quotes a category label that holds a comma") {
    StatsFixture f;
    file_three(f);
    f.refresh();
    const std::string label = f.catalog.category_label("product_quality.card_or_device", "en");
    REQUIRE(contains(label, ","));
    CHECK(contains(f.model.csv("en"),
                   "\r\ncategory,product_quality.card_or_device,\"" + label + "\",1\r\n"));
}

TEST_CASE("the CSV leaves figures that do not exist yet empty rather than 0") {
    StatsFixture f;
    f.file();
    f.refresh();
    const std::string en = f.model.csv("en");
    CHECK(contains(en, "\r\nsummary,average_handling_hours,Average handling time (hours),\r\n"));
    CHECK(contains(en, "\r\nsummary,resolved,Resolved,0\r\n"));
}

TEST_CASE("export writes the CSV to the chosen file") {
    StatsFixture f;
    file_three(f);
    f.refresh();
    const std::filesystem::path path = f.dir / "stats.csv";
    REQUIRE(f.model.export_csv(path, "zh-Hant"));
    CHECK(cf::test::read_file_bytes(path) == f.model.csv("zh-Hant"));
}

TEST_CASE("export to a missing directory fails naming the path and leaves no file") {
    StatsFixture f;
    f.refresh();
    const std::filesystem::path missing = f.dir / "no-such-folder";
    const std::filesystem::path path = missing / "stats.csv";
    auto written = f.model.export_csv(path, "en");
    REQUIRE_FALSE(written);
    CHECK(contains(written.error().message, path.string()));
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(std::filesystem::exists(missing));
}

TEST_CASE("export before anything was loaded fails and writes nothing") {
    StatsFixture f;
    const std::filesystem::path path = f.dir / "stats.csv";
    CHECK_FALSE(f.model.export_csv(path, "en"));
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("export_now keeps the outcome for the screen") {
    StatsFixture f;
    f.refresh();
    f.model.export_path() = (f.dir / "ok.csv").string();
    f.model.export_now("en");
    REQUIRE(f.model.export_result());
    CHECK(f.model.export_result()->ok);
    CHECK(f.model.export_result()->path == (f.dir / "ok.csv").string());

    f.model.export_path() = (f.dir / "missing" / "x.csv").string();
    f.model.export_now("en");
    REQUIRE(f.model.export_result());
    CHECK_FALSE(f.model.export_result()->ok);
    CHECK(contains(f.model.export_result()->reason, f.model.export_path()));
}

TEST_CASE("the default export file is named after the local day") {
    CHECK(counter::default_export_path("/home/staff", core::CivilDate{2026, 11, 3}) ==
          std::filesystem::path("/home/staff/counterfoil-stats-2026-11-03.csv"));
}

TEST_CASE("the reports are loaded with the figures and start on the overview page") {
    StatsFixture f;
    const core::Ticket t = f.file();
    f.dispatch(t, "billing");
    f.clock.advance(3 * core::k_hour);
    f.handle(t, "billing", "supplier");
    f.refresh();
    CHECK(f.model.page() == counter::StatsPage::overview);
    f.model.set_page(counter::StatsPage::reports);
    CHECK(f.model.page() == counter::StatsPage::reports);
    REQUIRE(f.model.stats().by_department.size() == 1);
    CHECK(*f.model.stats().by_department[0].average_handling_hours == doctest::Approx(3.0));
    CHECK(counter::count_of(f.model.stats().by_responsibility, "supplier") == 1);
}

TEST_CASE("departments are named in the screen's language, unknown ones by their code") {
    StatsFixture f;
    CHECK(f.model.department_label("billing", "zh-Hans") == "计费部");
    CHECK(f.model.department_label("billing", "zh-Hant") == "計費部");
    CHECK(f.model.department_label("billing", "en") == "Billing");
    CHECK(f.model.department_label("legal", "zh-Hans") == "legal");
}

TEST_CASE("the CSV holds the reports: departments, responsibility, staff, every round") {
    StatsFixture f;
    const core::Ticket center = f.file();
    f.dispatch(center, "billing");
    f.clock.advance(2 * core::k_hour);
    f.handle(center, "billing", "our_department");
    const core::Ticket twice = f.file();
    f.resolve(twice, "unsatisfied");
    REQUIRE(f.store->act(twice.number, core::Step::resolve, cf::test::as(core::Role::supervisor),
                         {{"resolution", "apologised"}}));
    REQUIRE(f.store->act(twice.number, core::Step::satisfaction, cf::test::frontdesk(),
                         {{"level", "satisfied"}}));
    f.refresh();
    const std::string csv = f.model.csv("zh-Hans");
    CHECK(contains(csv, "\r\ndepartment_tickets,billing,计费部,1\r\n"));
    CHECK(contains(csv, "\r\ndepartment_handling_hours,billing,计费部,2.00\r\n"));
    CHECK(contains(csv, "\r\ndepartment_overdue,billing,计费部,0\r\n"));
    CHECK(contains(csv, "\r\nresponsibility,our_department,本部门责任,1\r\n"));
    CHECK(contains(csv, "\r\nresponsibility,supplier,供应商责任,0\r\n"));
    CHECK(contains(csv, "\r\nsatisfaction_events,unsatisfied,不满意,1\r\n"));
    CHECK(contains(csv, "\r\nsatisfaction_events,satisfied,满意,1\r\n"));
    CHECK(contains(csv, "\r\nsatisfaction,unsatisfied,不满意,0\r\n"));
    CHECK(contains(csv, "\r\nstaff_tickets,S001,S001,2\r\n"));
    CHECK(contains(csv, "\r\nstaff_resolution_percent,S001,S001,50.00\r\n"));
    // Staff ids only: the customer's name and phone are never in the file.
    CHECK_FALSE(contains(csv, "13800138000"));
    CHECK_FALSE(contains(csv, "张三"));
}
