// The console's work lists through the API: each queue holds the right tickets in its own
// order, the filters narrow them and every count, and a department handler sees, opens and
// acts on only what was dispatched to their department.
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

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
                         {"all", 4}});
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
    // Handling their own department's part works, and names them in the timeline.
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
