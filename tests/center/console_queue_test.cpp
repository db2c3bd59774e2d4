// The console's work lists through the API: each queue holds the right tickets in its own
// order, the filters narrow them and every count, and a department handler sees, opens and
// acts on only what was dispatched to their department.
#include "core/sqlite_db.h"
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

using namespace cf::test;
using cf::core::k_day;
using cf::core::k_hour;
using nlohmann::json;

namespace {

std::vector<std::string> numbers(const ApiReply& r) {
    std::vector<std::string> out;
    for (const auto& row : r.body.at("rows")) {
        out.push_back(row.at("number"));
    }
    return out;
}

// Four tickets: a, b, c submitted to the center (b from GZ02, urgent), d still at its branch.
struct Region : ConsoleCenter {
    std::string a, b, c, d;
    Region() {
        add_usual_staff();
        const auto n = now();
        a = push({.branch = "SZ01",
                  .category = "billing.overcharge",
                  .received_at = n - 5 * k_day,
                  .acknowledged_at = n - 5 * k_day + k_hour,
                  .submit = true});
        b = push({.branch = "GZ02",
                  .category = "product_quality.network_signal",
                  .priority = "urgent",
                  .received_at = n - 4 * k_day,
                  .acknowledged_at = n - 4 * k_day + k_hour,
                  .submit = true});
        c = push({.branch = "SZ01",
                  .category = "service_attitude.rude_staff",
                  .priority = "important",
                  .received_at = n - 3 * k_day,
                  .acknowledged_at = n - 3 * k_day + k_hour,
                  .submit = true});
        d = push(
            {.branch = "SZ01", .category = "billing.wrong_rate", .received_at = n - 2 * k_day});
    }
};

} // namespace

TEST_CASE("the review queue lists submitted tickets oldest first, filtered, with every count") {
    Region r;
    const std::string m = r.session.at("M01");
    auto review = r.queue(m, "queue=review");
    REQUIRE_MESSAGE(review.status == 200, review.body.dump());
    CHECK(numbers(review) == std::vector<std::string>{r.a, r.b, r.c});
    CHECK(review.body.at("total") == 3);
    CHECK(review.body.at("counts").at("review") == 3);
    CHECK(review.body.at("counts").at("all") == 4);
    CHECK(review.body.at("counts").at("dispatch") == 0);
    const auto& row = review.body.at("rows")[0];
    CHECK(row.at("customer") == "张*");
    CHECK(row.at("branch") == "SZ01");
    CHECK(row.at("state") == "submitted");
    CHECK(review.body.dump().find("13800138000") == std::string::npos);

    CHECK(numbers(r.queue(m, "queue=review&branch=GZ02")) == std::vector<std::string>{r.b});
    CHECK(numbers(r.queue(m, "queue=review&priority=urgent")) == std::vector<std::string>{r.b});
    CHECK(numbers(r.queue(m, "queue=review&category=billing")) == std::vector<std::string>{r.a});
    CHECK(numbers(r.queue(m, "queue=all&category=billing")) == std::vector<std::string>{r.d, r.a});
    const auto n = r.now();
    auto dated = r.queue(m, "queue=review&from=" + std::to_string(n - 3 * k_day - k_hour) +
                                "&to=" + std::to_string(n));
    CHECK(numbers(dated) == std::vector<std::string>{r.c});
    CHECK(dated.body.at("counts").at("all") == 2); // c and d
    CHECK(r.queue(m, "queue=review&branch=XX99").body.at("total") == 0);
}

TEST_CASE("each queue follows its tickets through the center, in its own order") {
    Region r;
    const std::string m = r.session.at("M01");
    const auto n = r.now();
    REQUIRE(r.step(r.session.at("R01"), r.a, "review_accept").status == 200);
    REQUIRE(r.dispatch(r.b, {"network"}, n + k_day).status == 200);
    // Deadlines lie in the future (issue 14): c's passes in a second.
    const auto soon = r.now() + 1000;
    REQUIRE(r.dispatch(r.c, {"billing", "network"}, soon).status == 200);
    while (r.now() <= soon) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    CHECK(numbers(r.queue(m, "queue=review")).empty());
    CHECK(numbers(r.queue(m, "queue=dispatch")) == std::vector<std::string>{r.a});
    // By handling deadline: c's has passed already.
    auto departments = r.queue(m, "queue=departments");
    CHECK(numbers(departments) == std::vector<std::string>{r.c, r.b});
    CHECK(departments.body.at("rows")[0].at("handling_deadline") == soon);
    CHECK(departments.body.at("rows")[0].at("departments_pending") ==
          json::array({"billing", "network"}));
    CHECK(numbers(r.queue(m, "queue=overdue")) == std::vector<std::string>{r.c});
    CHECK(numbers(r.queue(m, "queue=departments&department=billing")) ==
          std::vector<std::string>{r.c});
    // Newest first, paged.
    auto all = r.queue(m, "queue=all");
    CHECK(numbers(all) == std::vector<std::string>{r.d, r.c, r.b, r.a});
    auto page = r.queue(m, "queue=all&limit=2&offset=1");
    CHECK(numbers(page) == std::vector<std::string>{r.c, r.b});
    CHECK(page.body.at("total") == 4);
    auto counts = all.body.at("counts");
    CHECK(counts == json{{"review", 0},
                         {"dispatch", 1},
                         {"departments", 2},
                         {"audit", 0},
                         {"answer", 0},
                         {"overdue", 1},
                         {"second_round", 0},
                         {"all", 4},
                         {"escalated", 0}});
}

TEST_CASE("a handler sees, opens and acts on only their own department's tickets") {
    Region r;
    const auto n = r.now();
    REQUIRE(r.dispatch(r.b, {"network"}, n + k_day).status == 200);
    REQUIRE(r.dispatch(r.c, {"billing", "network"}, n + k_day).status == 200);
    const std::string h01 = r.session.at("H01"); // billing
    const std::string h02 = r.session.at("H02"); // network

    auto mine = r.queue(h01, "queue=departments");
    CHECK(numbers(mine) == std::vector<std::string>{r.c});
    CHECK(mine.body.at("counts").at("all") == 1);
    CHECK(mine.body.at("counts").at("review") == 0);
    // Asking for another department changes nothing: their own is forced.
    CHECK(numbers(r.queue(h01, "queue=departments&department=network")) ==
          std::vector<std::string>{r.c});
    CHECK(numbers(r.queue(h01, "queue=all")) == std::vector<std::string>{r.c});
    CHECK(numbers(r.queue(h02, "queue=departments")) == std::vector<std::string>{r.b, r.c});

    CHECK(r.detail(h01, r.c).status == 200);
    auto other = r.detail(h01, r.b);
    CHECK(other.status == 403);
    CHECK(other.body.at("error") == "wrong_department");
    CHECK(other.body.dump().find("network_signal") == std::string::npos);
    auto act = r.step(h01, r.b, "handle",
                      {{"investigation", "x"}, {"responsibility", "supplier"}, {"solution", "y"}});
    CHECK(act.status == 403);
    CHECK(act.body.at("error") == "wrong_department");
    auto not_dispatched = r.detail(h01, r.a);
    CHECK(not_dispatched.status == 403);
    auto dashboard = r.api.get("/v1/console/dashboard", h01);
    CHECK(dashboard.status == 403);
    CHECK(dashboard.body.at("error") == "not_for_handlers");
    // Signing for and handling their own department's part works, and names them in the
    // timeline.
    REQUIRE(r.step(h01, r.c, "sign_for").status == 200);
    auto handled = r.step(
        h01, r.c, "handle",
        {{"investigation", "核实"}, {"responsibility", "our_department"}, {"solution", "退款"}});
    REQUIRE_MESSAGE(handled.status == 200, handled.body.dump());
    CHECK(handled.body.at("ticket").at("departments_pending") == json::array({"network"}));
    auto timeline = r.detail(h01, r.c).body.at("timeline");
    CHECK(timeline.back().at("actor") == "H01");
    CHECK(timeline.back().at("actor_role") == "handler");
    CHECK(timeline.back().at("payload").at("department") == "billing");
}

TEST_CASE("a second 不满意 reaches the center's manager queue; a crisis is there from filing") {
    // Issue 14: a second, third, fourth 不满意 only started another branch round; 重大 and
    // 外宣传型 cases had no queue of their own.
    ConsoleCenter r;
    r.add_usual_staff();
    const std::string m = r.session.at("M01");
    const auto n = r.now();
    const std::string twice =
        r.push({.received_at = n - 5 * k_day, .acknowledged_at = n - 5 * k_day + k_hour});
    const std::string crisis = r.push({.category = "service_attitude.rude_staff",
                                       .special_type = "media_exposure",
                                       .received_at = n - 2 * k_day});
    const std::string quiet = r.push({.received_at = n - 2 * k_day});
    auto first = r.queue(m, "queue=escalated");
    REQUIRE_MESSAGE(first.status == 200, first.body.dump());
    CHECK(numbers(first) == std::vector<std::string>{crisis});
    CHECK(first.body.at("counts").at("escalated") == 1);

    // The branch resolves it, the customer is unsatisfied; the supervisor's second round
    // resolves it again and the customer is still unsatisfied.
    const auto t0 = n - 4 * k_day;
    r.push_step(twice, "resolve", t0, {{"resolution", "explained the bill"}});
    r.push_step(twice, "satisfaction", t0 + k_hour,
                {{"level", "unsatisfied"}, {"due_at", t0 + 25 * k_hour}, {"assignee", "S009"}});
    r.push_step(twice, "resolve", t0 + 2 * k_hour, {{"resolution", "refunded 50 yuan"}}, "S009",
                "supervisor");
    auto before = r.detail(m, twice);
    REQUIRE(before.status == 200);
    CHECK(before.body.at("ticket").at("state") == "resolved");
    r.push_step(twice, "satisfaction", t0 + 3 * k_hour,
                {{"level", "unsatisfied"}, {"due_at", n + k_day}});

    auto escalated = r.queue(m, "queue=escalated");
    CHECK(numbers(escalated) == std::vector<std::string>{twice, crisis});
    CHECK(escalated.body.at("counts").at("escalated") == 2);
    CHECK(escalated.body.at("rows")[0].at("state") == "escalated");
    CHECK(r.queue(m, "queue=second_round").body.at("total") == 0);
    const auto all = numbers(r.queue(m, "queue=all"));
    CHECK(std::find(all.begin(), all.end(), quiet) != all.end());

    // The manager answers it; a reviewer may not.
    auto shown = r.detail(m, twice);
    REQUIRE(shown.status == 200);
    const auto& offered = shown.body.at("allowed_steps");
    CHECK(std::find(offered.begin(), offered.end(), "feedback") != offered.end());
    CHECK(std::find(offered.begin(), offered.end(), "dispatch") != offered.end());
    auto by_reviewer = r.step(r.session.at("R01"), twice, "feedback", {{"text", "sorry"}});
    CHECK(by_reviewer.status == 422);
    auto answered = r.step(m, twice, "feedback", {{"text", "经理同意全额退款并致歉"}});
    REQUIRE_MESSAGE(answered.status == 200, answered.body.dump());
    CHECK(answered.body.at("ticket").at("state") == "answered");
    CHECK(numbers(r.queue(m, "queue=escalated")) == std::vector<std::string>{crisis});

    // The manager ticks 004's 步骤5 on the crisis ticket; it is offered there only.
    auto crisis_detail = r.detail(m, crisis);
    const auto& crisis_steps = crisis_detail.body.at("allowed_steps");
    CHECK(std::find(crisis_steps.begin(), crisis_steps.end(), "checklist") != crisis_steps.end());
    auto ticked = r.step(m, crisis, "checklist", {{"item", "manager_talked"}});
    REQUIRE_MESSAGE(ticked.status == 200, ticked.body.dump());
    CHECK(ticked.body.at("ticket").at("checklist") == json::array({"manager_talked"}));
    auto again = r.step(m, crisis, "checklist", {{"item", "manager_talked"}});
    CHECK(again.status == 422);
    auto plain = r.step(m, quiet, "checklist", {{"item", "manager_talked"}});
    CHECK(plain.status == 422);
}

TEST_CASE("center migration 5 puts the 重大 and 外宣传型 tickets stored before it in the escalated "
          "queue") {
    ConsoleCenter r;
    r.add_usual_staff();
    const std::string major = r.push({.severity = "major", .submit = true});
    const std::string media = r.push({.special_type = "media_exposure", .submit = true});
    r.push({.submit = true});
    REQUIRE(r.center.stop() == 0);
    {
        // Back to schema 4: no crisis column (nor migration 6's), the facts index without them.
        auto db = cf::core::Database::open(r.center.dir() / "center.db", {});
        REQUIRE(db);
        for (const char* sql :
             {"DROP INDEX tickets_facts", "ALTER TABLE tickets DROP COLUMN parts_waiting",
              "ALTER TABLE tickets DROP COLUMN crisis",
              "CREATE INDEX tickets_facts ON tickets(received_at, branch, category, priority, "
              "state, due_at, first_response_due, acknowledged_at, resolved_at, "
              "dispatch_deadline, handled_at, satisfaction, departments)",
              "PRAGMA user_version = 4"}) {
            REQUIRE_MESSAGE(db->exec(sql), sql);
        }
    }
    r.center.start();
    auto escalated = r.queue(r.session.at("M01"), "queue=escalated");
    REQUIRE_MESSAGE(escalated.status == 200, escalated.body.dump());
    auto listed = numbers(escalated);
    std::sort(listed.begin(), listed.end());
    std::vector<std::string> expected = {major, media};
    std::sort(expected.begin(), expected.end());
    CHECK(listed == expected);
    CHECK(escalated.body.at("counts").at("all") == 3);
}

TEST_CASE("a department's answer waiting for its part audit puts the ticket in the audit queue "
          "while other departments still work") {
    ConsoleCenter r;
    r.add_usual_staff();
    const std::string number =
        r.push({.acknowledged_at = r.now() - k_day + k_hour, .submit = true});
    REQUIRE(r.dispatch(number, {"billing", "network"}, r.now() + 2 * k_day).status == 200);
    const std::string a01 = r.session.at("A01");
    CHECK(numbers(r.queue(a01, "queue=audit")).empty());

    const std::string h01 = r.session.at("H01");
    REQUIRE(r.step(h01, number, "sign_for").status == 200);
    auto handled = r.step(h01, number, "handle",
                          {{"investigation", "核实账单"},
                           {"responsibility", "our_department"},
                           {"solution", "退还多收的费用"}});
    REQUIRE_MESSAGE(handled.status == 200, handled.body.dump());
    auto audit = r.queue(a01, "queue=audit");
    CHECK(numbers(audit) == std::vector<std::string>{number});
    CHECK(audit.body.at("counts").at("audit") == 1);
    CHECK(audit.body.at("counts").at("departments") == 1); // network still works on it

    auto part =
        r.step(a01, number, "audit_part", {{"department", "billing"}, {"verdict", "approved"}});
    REQUIRE_MESSAGE(part.status == 200, part.body.dump());
    CHECK(numbers(r.queue(a01, "queue=audit")).empty());
    CHECK(numbers(r.queue(r.session.at("M01"), "queue=departments")) ==
          std::vector<std::string>{number});
}
