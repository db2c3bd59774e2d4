// The regional dashboard on a small region whose every figure is known: volumes by branch,
// category and week, first-response and handling compliance, average handling time,
// satisfaction, top problems and the branches with the most overdue tickets; its filters;
// and the week boundaries of the fact table at other UTC offsets.
#include "center/ticket_facts.h"
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

#include <thread>

using namespace cf::test;
using cf::core::k_day;
using cf::core::k_hour;
using cf::core::Millis;
using nlohmann::json;

namespace {

json counts(std::initializer_list<std::pair<const char*, int>> items) {
    json out = json::array();
    for (const auto& [key, count] : items) {
        out.push_back({{"count", count}, {"key", key}});
    }
    return out;
}

std::string date_of(Millis t) {
    const auto d = cf::core::civil_from_days(t / k_day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year),
                  static_cast<int>(d.month), static_cast<int>(d.day));
    return text;
}

} // namespace

TEST_CASE("the dashboard's figures on a region where each one is known") {
    ConsoleCenter c;
    c.add_usual_staff();
    const Millis n = c.now();
    // Three whole weeks, starting on a Monday at 00:00 UTC, ending before now.
    const std::int64_t today = n / k_day;
    const Millis w = (today - (cf::core::weekday_iso(today) - 1)) * k_day - 4 * 7 * k_day;
    const Millis far = n + 30 * k_day; // no ticket deadline passes
    // t1: first response in time, dispatched, handled before its deadline.
    const auto t1 = c.push({.branch = "SZ01",
                            .category = "billing.overcharge",
                            .received_at = w + k_hour,
                            .first_response_due = w + 5 * k_hour,
                            .due_at = far,
                            .acknowledged_at = w + 2 * k_hour,
                            .submit = true});
    // t2: first response late, dispatched, its handling deadline passed unhandled (overdue).
    const auto t2 = c.push({.branch = "SZ01",
                            .category = "billing.wrong_rate",
                            .received_at = w + k_day,
                            .first_response_due = w + k_day + 4 * k_hour,
                            .due_at = far,
                            .acknowledged_at = w + k_day + 6 * k_hour,
                            .submit = true});
    // t3: urgent, never answered, its first-response time passed.
    c.push({.branch = "GZ02",
            .category = "product_quality.network_signal",
            .priority = "urgent",
            .received_at = w + 8 * k_day,
            .first_response_due = w + 8 * k_day + k_hour,
            .due_at = far});
    // t4: first response not due yet: counted in neither first-response figure.
    c.push({.branch = "GZ02",
            .category = "service_attitude.rude_staff",
            .priority = "important",
            .received_at = w + 15 * k_day,
            .first_response_due = far,
            .due_at = far});
    // t5: before the period.
    c.push({.branch = "SZ01",
            .category = "billing.overcharge",
            .received_at = w - k_day,
            .due_at = far});
    // t6: resolved at the branch a day after it came in; the customer was satisfied.
    const auto t6 = c.push({.branch = "GZ02",
                            .category = "billing.overcharge",
                            .received_at = w + 9 * k_day,
                            .first_response_due = w + 9 * k_day + 4 * k_hour,
                            .due_at = far,
                            .acknowledged_at = w + 9 * k_day + k_hour});
    c.push_step(t6, "resolve", w + 10 * k_day, {{"resolution", "当场退款"}});
    c.push_step(t6, "satisfaction", w + 10 * k_day + k_hour, {{"level", "satisfied"}});
    REQUIRE(c.dispatch(t1, {"billing"}, n + k_day).status == 200);
    REQUIRE(c.step(c.session["H01"], t1, "sign_for").status == 200);
    REQUIRE(c.step(c.session["H01"], t1, "handle",
                   {{"investigation", "x"}, {"responsibility", "supplier"}, {"solution", "y"}})
                .status == 200);
    // A deadline lies in the future (issue 14): this one passes in a second.
    const Millis soon = c.now() + 1000;
    REQUIRE(c.dispatch(t2, {"network"}, soon).status == 200);
    while (c.now() <= soon) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    const std::string query = "?from=" + std::to_string(w) +
                              "&to=" + std::to_string(w + 21 * k_day) + "&utc_offset_min=0";
    auto r = c.api.get("/v1/console/dashboard" + query, c.session["A01"]);
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    const json& d = r.body;
    CHECK(d.at("from") == w);
    CHECK(d.at("to") == w + 21 * k_day);
    CHECK(d.at("total") == 5);
    CHECK(d.at("by_branch") == counts({{"GZ02", 3}, {"SZ01", 2}}));
    CHECK(d.at("by_category") ==
          counts({{"billing", 3}, {"product_quality", 1}, {"service_attitude", 1}}));
    CHECK(d.at("by_week") == counts({{date_of(w).c_str(), 2},
                                     {date_of(w + 7 * k_day).c_str(), 2},
                                     {date_of(w + 14 * k_day).c_str(), 1}}));
    CHECK(d.at("first_response_met") == 2);   // t1, t6
    CHECK(d.at("first_response_total") == 4); // and t2 late, t3 never
    CHECK(d.at("handling_met") == 1);         // t1
    CHECK(d.at("handling_total") == 2);       // and t2, past its deadline
    CHECK(d.at("resolved") == 1);
    CHECK(d.at("avg_handling_ms") == k_day);
    CHECK(d.at("satisfied") == 1);
    CHECK(d.at("mostly_satisfied") == 0);
    CHECK(d.at("unsatisfied") == 0);
    CHECK(d.at("top_problems") == counts({{"billing.overcharge", 2},
                                          {"billing.wrong_rate", 1},
                                          {"product_quality.network_signal", 1},
                                          {"service_attitude.rude_staff", 1}}));
    CHECK(d.at("most_overdue") == counts({{"SZ01", 1}}));

    auto gz = c.api.get("/v1/console/dashboard" + query + "&branch=GZ02", c.session["M01"]);
    CHECK(gz.body.at("total") == 3);
    CHECK(gz.body.at("most_overdue").empty());
    auto billing =
        c.api.get("/v1/console/dashboard" + query + "&category=billing", c.session["R01"]);
    CHECK(billing.body.at("total") == 3);
    CHECK(billing.body.at("by_category") == counts({{"billing", 3}}));
    auto urgent = c.api.get("/v1/console/dashboard" + query + "&priority=urgent", c.session["D01"]);
    CHECK(urgent.body.at("total") == 1);
    CHECK(urgent.body.at("first_response_total") == 1);
    CHECK(urgent.body.at("first_response_met") == 0);
    // Without dates: the twelve weeks up to now, this one included.
    auto recent = c.api.get("/v1/console/dashboard", c.session["M01"]);
    REQUIRE(recent.status == 200);
    CHECK(recent.body.at("by_week").size() == 12);
    CHECK(recent.body.at("total") == 6);
}

TEST_CASE("weeks start on Monday at local midnight, whatever the UTC offset") {
    using cf::center::week_start;
    // 2026-11-23 is a Monday. 00:30 there in China (UTC+8) is 16:30 UTC on Sunday the 22nd.
    const Millis monday_utc = cf::core::days_from_civil({2026, 11, 23}) * k_day;
    const Millis china_midnight = monday_utc - 8 * k_hour;
    CHECK(week_start(china_midnight + 30 * 60'000, 480) == china_midnight);
    CHECK(week_start(china_midnight - 1, 480) == china_midnight - 7 * k_day);
    CHECK(week_start(china_midnight + 30 * 60'000, 0) == monday_utc - 7 * k_day);
    CHECK(week_start(monday_utc + 5 * k_hour, -300) == monday_utc + 5 * k_hour);
    CHECK(week_start(monday_utc + 5 * k_hour - 1, -300) == monday_utc - 7 * k_day + 5 * k_hour);

    cf::center::FactTable table;
    cf::center::TicketFact f;
    for (int i = 0; i < 3; ++i) {
        f.rowid = i + 1;
        f.received_at = china_midnight - k_hour + i * k_hour; // Sunday 23:00, Monday 00:00, 01:00
        table.upsert(f, {"SZ01", "billing.overcharge", ""});
    }
    const auto d = table.dashboard(table.resolve({}), china_midnight - 7 * k_day,
                                   china_midnight + 7 * k_day, 480, china_midnight);
    REQUIRE(d.by_week.size() == 2);
    CHECK(d.by_week[0].key == "2026-11-16");
    CHECK(d.by_week[0].count == 1);
    CHECK(d.by_week[1].key == "2026-11-23");
    CHECK(d.by_week[1].count == 2);
}
