// Every center step through the console API: the actor, role and department come from the
// session, the lifecycle decides, the timeline shows both sides, a retried request_id gets the
// first answer without storing anything, and every bad input is refused with nothing stored.
#include "tests/center/console_fixture.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

using namespace cf::test;
using cf::core::k_day;
using cf::core::k_hour;
using nlohmann::json;

namespace {

std::string submitted(ConsoleCenter& c) {
    const auto n = c.now();
    return c.push(
        {.received_at = n - 2 * k_day, .acknowledged_at = n - 2 * k_day + k_hour, .submit = true});
}

std::int64_t stored_events(ConsoleCenter& c) {
    return center_export(c.center.dir()).at("event_count");
}

} // namespace

TEST_CASE("every center step through the console, each by the signed-in staff member") {
    ConsoleCenter c;
    c.add_usual_staff();
    const std::string number = submitted(c);
    auto& s = c.session;
    auto state = [&](const ApiReply& r) {
        INFO(r.body.dump());
        REQUIRE(r.status == 200);
        CHECK(r.body.at("replayed") == false);
        return r.body.at("ticket").at("state").get<std::string>();
    };
    CHECK(state(c.step(s["R01"], number, "review_return", {{"reason", "请补充账单截图"}})) ==
          "returned");
    c.push_step(number, "submit", c.now() + 1000, {{"reason", "已补充"}});
    CHECK(c.queue(s["R01"], "queue=review").body.at("total") == 1);
    // A dispatcher cannot review: the lifecycle decides by the session's role.
    auto refused = c.step(s["D01"], number, "review_accept");
    CHECK(refused.status == 422);
    CHECK(refused.body.at("error") == "step_refused");
    CHECK(state(c.step(s["R01"], number, "review_accept")) == "accepted");
    const auto deadline = c.now() + k_day;
    CHECK(state(c.step(s["D01"], number, "dispatch",
                       {{"departments", {"billing", "network"}}, {"deadline", deadline}})) ==
          "dispatched");
    const json handling = {{"investigation", "核实计费记录"},
                           {"responsibility", "our_department"},
                           {"solution", "退款50元"}};
    // 签收 first: billing signs for its dispatch, then answers.
    CHECK(c.step(s["H01"], number, "handle", handling).body.at("error") == "step_refused");
    CHECK(state(c.step(s["H01"], number, "sign_for")) == "dispatched");
    CHECK(state(c.step(s["H01"], number, "handle", handling)) == "dispatched");
    // billing has answered; it has nothing open any more.
    CHECK(c.step(s["H01"], number, "handle", handling).body.at("error") == "step_refused");
    CHECK(state(c.step(s["H02"], number, "sign_for")) == "dispatched");
    CHECK(state(c.step(s["H02"], number, "handle", handling)) == "handled");
    CHECK(c.queue(s["A01"], "queue=audit").body.at("total") == 1);
    auto detail = c.detail(s["A01"], number);
    REQUIRE(detail.status == 200);
    CHECK(detail.body.at("allowed_steps") ==
          json::array({"note", "audit_part", "audit_approve", "audit_reject"}));
    CHECK(state(c.step(s["A01"], number, "audit_reject",
                       {{"reason", "方案不完整"},
                        {"departments", {"billing"}},
                        {"deadline", c.now() + k_day}})) == "dispatched");
    CHECK(state(c.step(s["H01"], number, "sign_for")) == "dispatched");
    CHECK(state(c.step(s["H01"], number, "handle", handling)) == "handled");
    CHECK(state(c.step(s["A01"], number, "audit_approve")) == "audited");
    CHECK(c.queue(s["R01"], "queue=answer").body.at("total") == 1);
    CHECK(state(c.step(s["R01"], number, "feedback", {{"text", "已退款，请告知客户"}})) ==
          "answered");
    CHECK(state(c.step(s["M01"], number, "note", {{"text", "已电话确认"}})) == "answered");

    // The timeline: the branch's events and the center's, each with who took it.
    auto timeline = c.detail(s["M01"], number).body.at("timeline");
    std::vector<std::string> who;
    for (const auto& e : timeline) {
        who.push_back(e.at("kind").get<std::string>() + ":" + e.at("actor").get<std::string>() +
                      ":" + e.at("actor_role").get<std::string>());
    }
    CHECK(who == std::vector<std::string>{
                     "create:S001:frontdesk", "acknowledge:S001:frontdesk", "submit:S001:frontdesk",
                     "review_return:R01:reviewer", "submit:S001:frontdesk",
                     "review_accept:R01:reviewer", "dispatch:D01:dispatcher",
                     "sign_for:H01:handler", "handle:H01:handler", "sign_for:H02:handler",
                     "handle:H02:handler", "audit_reject:A01:auditor", "sign_for:H01:handler",
                     "handle:H01:handler", "audit_approve:A01:auditor", "feedback:R01:reviewer",
                     "note:M01:manager"});
    CHECK(timeline[0].at("origin_device") == "SZ01/K1");
    CHECK(timeline[3].at("origin_device") == "CENTER");
    CHECK(timeline[7].at("payload").at("department") == "billing"); // the sign-for names it
    CHECK(timeline[8].at("payload").at("department") == "billing");
    CHECK(timeline[10].at("payload").at("department") == "network");
    // The create shows the ticket as filed, without personal data.
    CHECK(timeline[0].at("payload").at("ticket").at("category") == "billing.overcharge");
    CHECK_FALSE(timeline[0].at("payload").contains("customer_sealed"));
    const auto shown = c.detail(s["M01"], number).body;
    CHECK(shown.at("ticket").at("customer").at("phone") == "138****8000");
    CHECK(shown.dump().find("13800138000") == std::string::npos);
    CHECK(shown.dump().find("张三") == std::string::npos);

    // The branch tells the customer; unsatisfied, it goes to the second round.
    c.push_step(number, "contact", c.now() + 1000, {{"channel", "phone"}, {"outcome", "已告知"}});
    c.push_step(number, "satisfaction", c.now() + 2000,
                {{"level", "unsatisfied"}, {"due_at", c.now() + k_day}});
    auto second = c.queue(s["M01"], "queue=second_round");
    CHECK(second.body.at("total") == 1);
    CHECK(second.body.at("rows")[0].at("round") == 2);
}

TEST_CASE("a retried request_id gets the first answer again and stores nothing") {
    ConsoleCenter c;
    c.add_usual_staff();
    const std::string number = submitted(c);
    const std::string id = "retry-0001-aaaa";
    auto first = c.step(c.session["R01"], number, "review_accept", json::object(), id);
    REQUIRE(first.status == 200);
    CHECK(first.body.at("replayed") == false);
    const auto events = stored_events(c);
    auto again = c.step(c.session["R01"], number, "review_accept", json::object(), id);
    REQUIRE_MESSAGE(again.status == 200, again.body.dump());
    CHECK(again.body.at("replayed") == true);
    CHECK(again.body.at("ticket") == first.body.at("ticket"));
    CHECK(stored_events(c) == events);
    // The same id for another step is a mistake of the console, not a retry.
    auto reused = c.step(c.session["D01"], number, "dispatch",
                         {{"departments", {"billing"}}, {"deadline", c.now() + k_day}}, id);
    CHECK(reused.status == 409);
    CHECK(reused.body.at("error") == "request_id_reused");
    CHECK(stored_events(c) == events);
}

TEST_CASE("bad console input gets a 4xx JSON error naming the problem, and nothing is stored") {
    ConsoleCenter c;
    c.add_usual_staff();
    const std::string number = submitted(c);
    const std::string m = c.session["M01"];
    const auto events = stored_events(c);
    auto expect = [&](const ApiReply& r, int status, const std::string& code,
                      const std::string& field = {}) {
        INFO(r.body.dump());
        CHECK(r.status == status);
        REQUIRE(r.body.is_object());
        CHECK(r.body.at("error") == code);
        CHECK_FALSE(r.body.at("message").get<std::string>().empty());
        if (!field.empty()) {
            CHECK(r.body.at("field").get<std::string>().find(field) != std::string::npos);
        }
    };
    expect(c.queue(m, "queue=nope"), 400, "invalid_value", "queue");
    expect(c.queue(m, "branch=SZ01"), 400, "missing_field", "queue");
    expect(c.queue(m, "queue=review&limit=0"), 400, "invalid_value", "limit");
    expect(c.queue(m, "queue=review&limit=many"), 400, "wrong_type", "limit");
    expect(c.queue(m, "queue=review&priority=high"), 400, "invalid_value", "priority");
    expect(c.queue(m, "queue=review&from=yesterday"), 400, "wrong_type", "from");
    expect(c.queue(m, "queue=review&from=20&to=10"), 400, "invalid_value", "to");
    expect(c.queue(m, "queue=review&colour=red"), 400, "unknown_field", "colour");
    expect(c.api.get("/v1/console/dashboard?utc_offset_min=9999", m), 400, "invalid_value",
           "utc_offset_min");
    expect(c.api.get("/v1/console/tickets/" + number + "?x=1", m), 400, "unknown_field");
    expect(c.detail(m, "NOT-A-NUMBER"), 404, "not_found", "number");
    expect(c.detail(m, "SZ01-261123-K1-9999X"), 404, "not_found");

    expect(c.step(m, number, "fly"), 400, "unknown_kind", "step");
    expect(c.step(m, number, "close", {{"reason", "x"}}), 422, "branch_step_at_center", "step");
    expect(c.step(m, number, "review_return"), 400, "invalid_value");
    expect(c.step(m, number, "review_return", {{"reason", std::string(5000, 'x')}}), 400,
           "too_long", "payload.reason");
    expect(c.step(m, number, "dispatch",
                  {{"departments", {"Billing Dept"}}, {"deadline", c.now() + k_day}}),
           400, "invalid_value", "payload.departments");
    expect(c.step(m, "SZ01-261123-K1-9999X", "review_accept"), 404, "not_found");
    const std::string path = "/v1/console/tickets/" + number + "/steps";
    expect(c.api.post(path, "{\"protocol\":1,", m), 400, "malformed_json");
    expect(c.api.post(path, json{{"protocol", 1}, {"step", "review_accept"}}.dump(), m), 400,
           "missing_field", "request_id");
    expect(c.api.post(
               path,
               json{{"protocol", 1}, {"request_id", "short"}, {"step", "review_accept"}}.dump(), m),
           400, "invalid_value", "request_id");
    expect(c.api.post(path,
                      json{{"protocol", 1},
                           {"request_id", "req-12345678"},
                           {"step", "review_accept"},
                           {"payload", "accept"}}
                          .dump(),
                      m),
           400, "wrong_type", "payload");
    // The actor is the session's; a body that names one is refused, not believed.
    expect(c.api.post(path,
                      json{{"protocol", 1},
                           {"request_id", "req-12345678"},
                           {"step", "review_accept"},
                           {"actor", "R01"},
                           {"role", "reviewer"}}
                          .dump(),
                      m),
           400, "unknown_field");
    expect(
        c.api.post(path,
                   json{{"protocol", 1}, {"request_id", "req-12345678"}, {"step", "review_accept"}}
                       .dump()),
        401, "missing_token");
    CHECK(stored_events(c) == events);
    CHECK(c.detail(m, number).body.at("ticket").at("state") == "submitted");
}
