// TicketStore::stats' 考核 figures: per department, per responsibility, per staff member and
// every round's satisfaction, over tickets taken through real lifecycle steps on a manual clock.
#include "core/ticket_store.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace cf;
using cf::test::StoreFixture;
using core::Role;
using core::Step;
using nlohmann::json;

namespace {

constexpr core::Millis k_t0 = test::k_monday_10am;

struct ReportFixture : StoreFixture {
    std::string a, b, c;

    void act(const std::string& number, Step step, const core::Actor& actor,
             const json& payload = json::object()) {
        auto r = store->act(number, step, actor, payload);
        INFO(to_string(step), " on ", number, ": ", r ? std::string() : r.error().message);
        REQUIRE(r);
    }

    std::string file(const core::Actor& receiver) {
        auto t = store->file(test::sample_complaint(), receiver);
        REQUIRE(t);
        return t->number;
    }

    void to_center(const std::string& n, const json& departments, core::Millis deadline) {
        act(n, Step::submit, test::frontdesk(), {{"reason", "needs the departments"}});
        act(n, Step::review_accept, test::as(Role::reviewer, "C-R"),
            {{"due_at", k_t0 + 5 * core::k_day}});
        act(n, Step::dispatch, test::as(Role::dispatcher, "C-D"),
            {{"departments", departments}, {"deadline", deadline}});
    }

    void handle(const std::string& n, const std::string& department,
                const std::string& responsibility) {
        act(n, Step::sign_for, test::as(Role::handler, "C-H", department),
            {{"department", department}});
        act(n, Step::handle, test::as(Role::handler, "C-H", department),
            {{"department", department},
             {"investigation", "checked"},
             {"responsibility", responsibility},
             {"solution", "put right"}});
    }

    // A: S001's complaint for billing and logistics, handled in 5 and 15 hours, unsatisfied
    // once, satisfied after the second round, closed. B: S002's, dispatched to billing with a
    // one-day deadline and never handled. C: S001's, resolved at the counter, mostly
    // satisfied, closed. D: filed at the kiosk and not taken on by anyone.
    ReportFixture() {
        const auto s001 = test::frontdesk("S001");
        const auto s002 = test::frontdesk("S002");
        a = file(s001);
        b = file(s002);
        c = file(s001);
        file(test::as(Role::kiosk, "kiosk"));
        clock.advance(30 * core::k_minute);
        act(a, Step::acknowledge, s001);
        clock.advance(30 * core::k_minute);
        act(c, Step::acknowledge, s001);
        act(c, Step::resolve, s001, {{"resolution", "explained the bill"}});
        act(c, Step::satisfaction, s001, {{"level", "mostly_satisfied"}});
        act(c, Step::close, s001);
        clock.advance(core::k_hour);
        act(b, Step::acknowledge, s002);
        to_center(a, {"billing", "logistics"}, k_t0 + 2 * core::k_day);
        to_center(b, {"billing"}, k_t0 + core::k_day);
        clock.advance(5 * core::k_hour);
        handle(a, "billing", "our_department");
        clock.advance(10 * core::k_hour);
        handle(a, "logistics", "supplier");
        act(a, Step::audit_approve, test::as(Role::auditor, "C-A"));
        act(a, Step::feedback, test::as(Role::reviewer, "C-R"), {{"text", "refunded"}});
        act(a, Step::satisfaction, s001,
            {{"level", "unsatisfied"}, {"due_at", clock.now() + core::k_day}});
        act(a, Step::resolve, test::as(Role::supervisor, "S900"),
            {{"resolution", "apologised and refunded the fee"}});
        act(a, Step::satisfaction, s001, {{"level", "satisfied"}});
        act(a, Step::close, s001);
        clock.advance(2 * core::k_day); // B's department deadline has passed
    }

    core::Stats stats() {
        auto s = store->stats(k_t0 - core::k_day, k_t0 + core::k_day);
        REQUIRE(s);
        return *s;
    }
};

} // namespace

TEST_CASE("each department's volume, handling time, deadline compliance and overdue tickets") {
    ReportFixture f;
    const auto s = f.stats();
    REQUIRE(s.by_department.size() == 2);
    const auto& billing = s.by_department[0];
    CHECK(billing.department == "billing");
    CHECK(billing.tickets == 2);
    CHECK(billing.handled == 1);
    REQUIRE(billing.average_handling_hours);
    CHECK(*billing.average_handling_hours == doctest::Approx(5.0));
    CHECK(billing.deadline_met == 1);
    CHECK(billing.deadline_counted == 2);
    REQUIRE(billing.deadline_compliance);
    CHECK(*billing.deadline_compliance == doctest::Approx(0.5));
    CHECK(billing.overdue_now == 1);
    const auto& logistics = s.by_department[1];
    CHECK(logistics.department == "logistics");
    CHECK(logistics.tickets == 1);
    CHECK(*logistics.average_handling_hours == doctest::Approx(15.0));
    CHECK(*logistics.deadline_compliance == doctest::Approx(1.0));
    CHECK(logistics.overdue_now == 0);
}

TEST_CASE("a department's open dispatch is not overdue before its deadline") {
    ReportFixture f;
    f.clock.set(k_t0 + 12 * core::k_hour); // B's deadline is k_t0 + 1 day
    auto s = f.store->stats(k_t0 - core::k_day, k_t0 + core::k_day);
    REQUIRE(s);
    CHECK(s->by_department[0].overdue_now == 0);
    CHECK(s->by_department[0].deadline_counted == 1);
}

TEST_CASE("handle events are counted per responsibility") {
    ReportFixture f;
    const auto s = f.stats();
    CHECK(s.by_responsibility.size() == 2);
    CHECK(count_of(s.by_responsibility, "our_department") == 1);
    CHECK(count_of(s.by_responsibility, "supplier") == 1);
    CHECK(count_of(s.by_responsibility, "customer_misunderstanding") == 0);
}

TEST_CASE("every round's verdict counts in satisfaction_events, the last one per ticket") {
    ReportFixture f;
    const auto s = f.stats();
    CHECK(count_of(s.satisfaction_events, "unsatisfied") == 1);
    CHECK(count_of(s.satisfaction_events, "satisfied") == 1);
    CHECK(count_of(s.satisfaction_events, "mostly_satisfied") == 1);
    CHECK(count_of(s.satisfaction, "unsatisfied") == 0);
    CHECK(count_of(s.satisfaction, "satisfied") == 1);
}

TEST_CASE("staff figures count each ticket for its owner and none for the kiosk") {
    ReportFixture f;
    const auto s = f.stats();
    REQUIRE(s.by_staff.size() == 2);
    const auto& s001 = s.by_staff[0];
    CHECK(s001.staff == "S001");
    CHECK(s001.tickets == 2);
    CHECK(s001.satisfied == 1);
    CHECK(s001.mostly_satisfied == 1);
    CHECK(s001.unsatisfied == 0);
    CHECK(s001.resolved == 2);
    CHECK(*s001.resolution_rate == doctest::Approx(1.0));
    REQUIRE(s001.average_first_response_hours);
    CHECK(*s001.average_first_response_hours == doctest::Approx(0.75));
    CHECK(s001.records_complete == 2);
    const auto& s002 = s.by_staff[1];
    CHECK(s002.staff == "S002");
    CHECK(s002.tickets == 1);
    CHECK(s002.resolved == 0);
    CHECK(*s002.resolution_rate == doctest::Approx(0.0));
    CHECK(*s002.average_first_response_hours == doctest::Approx(2.0));
    CHECK(s002.records_complete == 0);
}

TEST_CASE("a supervisor's close without the customer's verdict is not a complete record") {
    StoreFixture f;
    auto t = f.store->file(test::sample_complaint(), test::frontdesk("S001"));
    REQUIRE(t);
    REQUIRE(f.store->act(t->number, Step::acknowledge, test::frontdesk("S001"), {}));
    REQUIRE(f.store->act(t->number, Step::resolve, test::frontdesk("S001"),
                         {{"resolution", "refunded"}}));
    auto closed = f.store->act(t->number, Step::close, test::as(Role::supervisor, "S900"),
                               {{"reason", "the customer cannot be reached"}});
    INFO((closed ? std::string() : closed.error().message));
    REQUIRE(closed);
    auto s = f.store->stats(k_t0 - core::k_day, k_t0 + core::k_day);
    REQUIRE(s);
    REQUIRE(s->by_staff.size() == 1);
    CHECK(s->by_staff[0].resolved == 1);
    CHECK(s->by_staff[0].records_complete == 0);
}

TEST_CASE("the new figures are in the JSON of the statistics") {
    ReportFixture f;
    const json j = core::to_json(f.stats());
    CHECK(j.at("satisfaction_events").at("unsatisfied") == 1);
    CHECK(j.at("by_department").at(0).at("department") == "billing");
    CHECK(j.at("by_department").at(0).at("overdue_now") == 1);
    CHECK(j.at("by_responsibility").at("supplier") == 1);
    CHECK(j.at("by_staff").at(1).at("staff") == "S002");
    CHECK(j.at("by_staff").at(1).at("resolution_rate") == 0.0);
}
