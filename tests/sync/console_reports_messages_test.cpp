// The console's reports on the wire (sync/console_messages.h Reports): the figures round-trip,
// averages travel as whole milliseconds and are absent when there is none, and a bad row is
// refused naming it; the request takes the dashboard's filter and nothing else.
#include "sync/console_messages.h"

#include <doctest/doctest.h>

using namespace cf::sync;
using nlohmann::json;

TEST_CASE("the reports round-trip, an average absent when there is none") {
    Reports r;
    r.epoch = "e1";
    r.stats.from = 1000;
    r.stats.to = 2000;
    r.stats.total = 9;
    r.stats.by_type = {{"complaint", 7}, {"enquiry", 2}};
    r.stats.satisfaction_events = {{"unsatisfied", 1}, {"satisfied", 1}};
    cf::core::DepartmentRow billing;
    billing.department = "billing";
    billing.tickets = 3;
    billing.handled = 2;
    billing.average_handling_hours = 1.5;
    billing.deadline_met = 1;
    billing.deadline_counted = 2;
    cf::core::DepartmentRow network;
    network.department = "network";
    network.tickets = 1;
    network.overdue_now = 1;
    r.stats.by_department = {billing, network};
    cf::core::StaffRow s;
    s.branch = "SZ01";
    s.staff = "S001";
    s.tickets = 4;
    s.resolved = 3;
    s.average_first_response_hours = 0.25;
    r.stats.by_staff = {s};

    const json j = to_json(r);
    CHECK(j.at("by_department")[0].at("average_handling_ms") == 90 * 60'000);
    CHECK_FALSE(j.at("by_department")[1].contains("average_handling_ms"));
    auto back = parse_reports(j);
    REQUIRE(back);
    CHECK(back->epoch == "e1");
    CHECK(back->stats.total == 9);
    CHECK(back->stats.by_type[1].key == "enquiry");
    REQUIRE(back->stats.by_department.size() == 2);
    CHECK(back->stats.by_department[0].average_handling_hours == doctest::Approx(1.5));
    CHECK(back->stats.by_department[0].deadline_compliance == doctest::Approx(0.5));
    CHECK_FALSE(back->stats.by_department[1].average_handling_hours);
    CHECK_FALSE(back->stats.by_department[1].deadline_compliance);
    REQUIRE(back->stats.by_staff.size() == 1);
    CHECK(back->stats.by_staff[0].branch == "SZ01");
    CHECK(back->stats.by_staff[0].resolution_rate == doctest::Approx(0.75));
    CHECK(back->stats.by_staff[0].average_first_response_hours == doctest::Approx(0.25));
}

TEST_CASE("a bad row of the reports is refused, naming it") {
    Reports r;
    r.epoch = "e1";
    cf::core::StaffRow s;
    s.branch = "SZ01";
    s.staff = "S001";
    r.stats.by_staff = {s};
    json j = to_json(r);
    j["by_staff"][0]["tickets"] = -1;
    auto bad = parse_reports(j);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("by_staff[0].tickets") != std::string::npos);
    j = to_json(r);
    j["by_staff"][0]["colour"] = "red";
    CHECK_FALSE(parse_reports(j));
}

TEST_CASE("a reports request is the dashboard's filter and nothing else") {
    ReportsRequest q;
    q.filter.branch = "SZ01";
    q.filter.category = "billing";
    q.filter.priority = cf::core::Priority::urgent;
    q.filter.from = 10;
    q.filter.to = 20;
    q.filter.department = "network";
    CHECK(to_query_string(q) ==
          "branch=SZ01&category=billing&priority=urgent&from=10&to=20&department=network");
    QueryParams params = {{"branch", "SZ01"}, {"from", "10"}, {"to", "20"}};
    auto parsed = parse_reports_request(params);
    REQUIRE(parsed);
    CHECK(parsed->filter.branch == "SZ01");
    CHECK(parsed->filter.to == 20);
    params.emplace("utc_offset_min", "480");
    auto unknown = parse_reports_request(params);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == "unknown_field");
    CHECK(unknown.error().field == "utc_offset_min");
}
