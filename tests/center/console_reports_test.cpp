// The console's 考核 reports (GET /v1/console/reports) on a small region whose every figure is
// known: request-type volume, each department's volume, handling time, 处理时限 compliance and
// overdue tickets, the responsibilities found, each branch staff member's figures and every
// round's satisfaction; the filters, the roles that may read them and bad parameters.
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

#include <thread>

using namespace cf::test;
using cf::core::k_day;
using cf::core::k_hour;
using cf::core::Millis;
using nlohmann::json;
namespace core = cf::core;

namespace {

json counts(std::initializer_list<std::pair<const char*, int>> items) {
    json out = json::array();
    for (const auto& [key, count] : items) {
        out.push_back({{"count", count}, {"key", key}});
    }
    return out;
}

const json& row_of(const json& rows, const char* key, const std::string& value,
                   const char* branch = nullptr) {
    for (const json& r : rows) {
        if (r.at(key) == value && (branch == nullptr || r.at("branch") == branch)) {
            return r;
        }
    }
    FAIL("no row " << key << " = " << value << " in " << rows.dump());
    return rows;
}

struct Region {
    ConsoleCenter c;
    Millis w = 0; // the period's start
    std::string query;

    Region() {
        c.add_usual_staff();
        const Millis n = c.now();
        w = n - 20 * k_day;
        const Millis far = n + 30 * k_day;
        // Before the period: counted nowhere.
        c.push({.branch = "SZ01", .received_at = w - k_day, .due_at = far});
        // t1: S001 at SZ01 acknowledges in an hour; billing handles it before its deadline,
        // finding the supplier responsible.
        const auto t1 = c.push({.branch = "SZ01",
                                .received_at = w + k_hour,
                                .due_at = far,
                                .acknowledged_at = w + 2 * k_hour,
                                .submit = true});
        // t2: S001 at SZ01 acknowledges in three hours; network lets its deadline pass.
        const auto t2 = c.push({.branch = "SZ01",
                                .category = "product_quality.network_signal",
                                .received_at = w + k_day,
                                .due_at = far,
                                .acknowledged_at = w + k_day + 3 * k_hour,
                                .submit = true});
        // t3: an enquiry S002 at GZ02 took in and nobody acknowledged yet.
        c.push({.branch = "GZ02",
                .request_type = "enquiry",
                .receiver = "S002",
                .received_at = w + 2 * k_day,
                .due_at = far});
        // t4: a suggestion from the kiosk nobody took on: counts for no staff member.
        c.push({.branch = "GZ02",
                .request_type = "suggestion",
                .receiver = "kiosk",
                .received_at = w + 3 * k_day,
                .due_at = far});
        // t5: resolved at GZ02, unsatisfied, handed to supervisor S101 for the second round,
        // resolved again, satisfied, closed: one verdict of each in every round's count.
        const auto t5 = c.push({.branch = "GZ02",
                                .received_at = w + 4 * k_day,
                                .due_at = far,
                                .acknowledged_at = w + 4 * k_day + k_hour});
        c.push_step(t5, "resolve", w + 5 * k_day, {{"resolution", "当场退款"}});
        c.push_step(t5, "satisfaction", w + 5 * k_day + k_hour,
                    {{"level", "unsatisfied"}, {"due_at", w + 8 * k_day}, {"assignee", "S101"}});
        c.push_step(t5, "resolve", w + 6 * k_day, {{"resolution", "主管上门致歉并退款"}}, "S101",
                    "supervisor");
        c.push_step(t5, "satisfaction", w + 6 * k_day + k_hour, {{"level", "satisfied"}});
        c.push_step(t5, "close", w + 6 * k_day + 2 * k_hour);

        REQUIRE(c.dispatch(t1, {"billing"}, n + k_day).status == 200);
        REQUIRE(c.step(c.session["H01"], t1, "sign_for").status == 200);
        REQUIRE(c.step(c.session["H01"], t1, "handle",
                       {{"investigation", "x"}, {"responsibility", "supplier"}, {"solution", "y"}})
                    .status == 200);
        // A deadline lies in the future: this one passes in a second.
        const Millis soon = c.now() + 1000;
        REQUIRE(c.dispatch(t2, {"network"}, soon).status == 200);
        while (c.now() <= soon) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        query = "?from=" + std::to_string(w) + "&to=" + std::to_string(n + k_hour);
    }

    ApiReply get(const std::string& staff, const std::string& more = {}) {
        return c.api.get("/v1/console/reports" + query + more, c.session[staff]);
    }
};

} // namespace

TEST_CASE("the reports' figures on a region where each one is known") {
    Region r;
    auto reply = r.get("M01");
    REQUIRE_MESSAGE(reply.status == 200, reply.body.dump());
    const json& d = reply.body;
    CHECK(d.at("from") == r.w);
    CHECK(d.at("total") == 5);
    CHECK(d.at("by_type") == counts({{"complaint", 3}, {"enquiry", 1}, {"suggestion", 1}}));
    // Each ticket's last verdict, and every round's.
    CHECK(d.at("satisfaction") == counts({{"satisfied", 1}}));
    CHECK(d.at("satisfaction_events") == counts({{"satisfied", 1}, {"unsatisfied", 1}}));
    CHECK(d.at("by_responsibility") == counts({{"supplier", 1}}));

    const json& departments = d.at("by_department");
    REQUIRE(departments.size() == 2);
    CHECK(departments[0].at("department") == "billing");
    const json& billing = departments[0];
    CHECK(billing.at("tickets") == 1);
    CHECK(billing.at("handled") == 1);
    CHECK(billing.at("deadline_met") == 1);
    CHECK(billing.at("deadline_counted") == 1);
    CHECK(billing.at("overdue_now") == 0);
    CHECK(billing.at("average_handling_ms").get<Millis>() >= 0);
    CHECK(billing.at("average_handling_ms").get<Millis>() < k_hour);
    const json& network = departments[1];
    CHECK(network.at("department") == "network");
    CHECK(network.at("tickets") == 1);
    CHECK(network.at("handled") == 0);
    CHECK(network.at("deadline_met") == 0);
    CHECK(network.at("deadline_counted") == 1);
    CHECK(network.at("overdue_now") == 1);
    CHECK_FALSE(network.contains("average_handling_ms")); // nothing handled: no average

    // Staff by branch: the same id at two branches is two people.
    const json& staff = d.at("by_staff");
    REQUIRE(staff.size() == 3);
    CHECK(staff[0].at("branch") == "SZ01");
    CHECK(staff[0].at("staff") == "S001");
    CHECK(staff[0].at("tickets") == 2);
    CHECK(staff[0].at("resolved") == 0);
    CHECK(staff[0].at("average_first_response_ms") == 2 * k_hour); // 1 h and 3 h
    const json& s101 = row_of(staff, "staff", "S101", "GZ02");
    CHECK(s101.at("tickets") == 1);
    CHECK(s101.at("satisfied") == 1);
    CHECK(s101.at("unsatisfied") == 0);
    CHECK(s101.at("resolved") == 1);
    CHECK(s101.at("records_complete") == 1);
    const json& s002 = row_of(staff, "staff", "S002", "GZ02");
    CHECK(s002.at("tickets") == 1);
    CHECK_FALSE(s002.contains("average_first_response_ms"));
    for (const json& s : staff) {
        CHECK(s.at("staff") != "kiosk");
    }
}

TEST_CASE("the reports follow the filter: branch, department, priority, category") {
    Region r;
    auto gz = r.get("A01", "&branch=GZ02");
    REQUIRE(gz.status == 200);
    CHECK(gz.body.at("total") == 3);
    CHECK(gz.body.at("by_department").empty());
    CHECK(gz.body.at("by_staff").size() == 2);

    auto network = r.get("D01", "&department=network");
    REQUIRE(network.status == 200);
    CHECK(network.body.at("total") == 1);
    REQUIRE(network.body.at("by_department").size() == 1);
    CHECK(network.body.at("by_department")[0].at("department") == "network");

    auto quality = r.get("R01", "&category=product_quality");
    CHECK(quality.body.at("total") == 1);
    auto urgent = r.get("R01", "&priority=urgent");
    CHECK(urgent.body.at("total") == 0);
    CHECK(urgent.body.at("by_staff").empty());
}

TEST_CASE("the reports are for center staff other than handlers, and bad parameters are named") {
    Region r;
    for (const char* id : {"R01", "D01", "A01", "M01"}) {
        CHECK(r.get(id).status == 200);
    }
    auto handler = r.get("H01");
    CHECK(handler.status == 403);
    CHECK(handler.body.at("error") == "not_for_handlers");
    CHECK(r.c.api.get("/v1/console/reports", r.c.device_token.at("SZ01")).body.at("error") ==
          "wrong_scope");
    CHECK(r.c.api.get("/v1/console/reports").status == 401);

    const std::string m = r.c.session["M01"];
    auto expect = [&](const std::string& query, const std::string& code, const std::string& field) {
        auto reply = r.c.api.get("/v1/console/reports?" + query, m);
        INFO(query << " -> " << reply.body.dump());
        CHECK(reply.status == 400);
        CHECK(reply.body.at("error") == code);
        CHECK(reply.body.at("field") == field);
        CHECK_FALSE(reply.body.at("message").get<std::string>().empty());
    };
    expect("from=yesterday", "wrong_type", "from");
    expect("from=20&to=10", "invalid_value", "to");
    expect("from=0&to=" + std::to_string(4 * 366 * k_day), "invalid_value", "to");
    expect("priority=high", "invalid_value", "priority");
    expect("department=Billing%20Dept", "invalid_value", "department");
    expect("branch=SZ01&branch=GZ02", "invalid_value", "branch");
    expect("period=month", "unknown_field", "period");
    // Without dates: the dashboard's twelve weeks up to now, which hold the ticket from before
    // the test's period too.
    auto recent = r.c.api.get("/v1/console/reports", m);
    REQUIRE(recent.status == 200);
    CHECK(recent.body.at("total") == 6);
}

TEST_CASE("the reports count the enquiries the region's kiosks answered from the knowledge base") {
    ConsoleCenter c;
    c.add_usual_staff();
    const Millis n = c.now();
    const Millis w = n - 5 * k_day;
    int i = 0;
    for (const char* article : {"bank.card_lost", "tel.roaming", "bank.card_lost"}) {
        const Millis at = w + (++i) * k_hour;
        const std::string number = c.push({.branch = i == 2 ? "GZ02" : "SZ01",
                                           .category = "product_quality.card_or_device",
                                           .request_type = "enquiry",
                                           .receiver = "kiosk",
                                           .received_at = at,
                                           .knowledge_article = article});
        // The kiosk's own acknowledge and resolve pass the center's lifecycle checks.
        c.push_step(number, "acknowledge", at + 1, json::object(), "kiosk", "kiosk");
        c.push_step(number, "resolve", at + 2,
                    {{"resolution", std::string("answered: ") + article}}, "kiosk", "kiosk");
    }
    c.push({.branch = "SZ01", .received_at = w + k_day});
    const std::string query = "?from=" + std::to_string(w) + "&to=" + std::to_string(n + k_hour);
    auto reply = c.api.get("/v1/console/reports" + query, c.session["M01"]);
    REQUIRE_MESSAGE(reply.status == 200, reply.body.dump());
    CHECK(reply.body.at("total") == 4);
    CHECK(reply.body.at("by_knowledge_article") ==
          counts({{"bank.card_lost", 2}, {"tel.roaming", 1}}));
    // Filtered to one branch.
    auto gz = c.api.get("/v1/console/reports" + query + "&branch=GZ02", c.session["M01"]);
    REQUIRE(gz.status == 200);
    CHECK(gz.body.at("by_knowledge_article") == counts({{"tel.roaming", 1}}));
}

TEST_CASE("a pushed ticket naming a knowledge article that is not an id is refused") {
    ConsoleCenter c;
    c.add_usual_staff();
    const Millis at = c.now() - k_hour;
    core::Ticket t;
    t.request_type = core::RequestType::enquiry;
    t.category = "billing.overcharge";
    t.description = "流量怎么收费";
    t.id = core::uuid_v7(at);
    t.number = *core::format_ticket_number(core::TicketNumber{"SZ01", 2026, 11, 23, "K1", 9});
    t.branch = "SZ01";
    t.terminal = "K1";
    t.received_at = at;
    t.updated_at = at;
    t.receiver = "kiosk";
    t.first_response_due = at + k_hour;
    t.due_at = at + k_day;
    t.knowledge_article = "<script>";
    json e = {{"id", core::uuid_v7(at)},
              {"ticket_id", t.id},
              {"origin_device", "SZ01/K1"},
              {"device_seq", 1},
              {"hlc", static_cast<std::int64_t>(at) << 16},
              {"actor", "kiosk"},
              {"actor_role", "kiosk"},
              {"kind", "create"},
              {"payload",
               {{"ticket", core::to_json(t, core::PiiMode::omit)}, {"customer", json::object()}}}};
    auto r = c.api.post(
        "/v1/push",
        json{{"protocol", 1}, {"device", "SZ01/K1"}, {"events", json::array({e})}}.dump(),
        c.device_token.at("SZ01"));
    INFO(r.body.dump());
    CHECK(r.status != 200);
    CHECK(r.body.dump().find("knowledge_article") != std::string::npos);
}
