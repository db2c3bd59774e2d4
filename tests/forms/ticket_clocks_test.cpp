// Issue 14, every clock of a ticket, with a manual clock: a ticket filed through intake into
// the store keeps its ticket deadline (工单时限) after the first response, and a complaint's
// specialist contact is due in an hour and met by a contact in any open state.
#include "forms/intake.h"

#include "tests/forms/forms_test_util.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

using namespace cf;
using nlohmann::json;

namespace {

struct Clocks {
    forms::Catalog catalog = test::real_catalog();
    test::StoreFixture f;

    core::Ticket file(const std::string& description) {
        const json submission = {{"description", description},
                                 {"customer", {{"phone", "13800138000"}}},
                                 {"consent", true}};
        auto prepared =
            forms::prepare_ticket(catalog, "kiosk", submission, "cn-mainland", f.clock.now());
        REQUIRE_MESSAGE(prepared, test::all_errors(prepared.error()));
        auto filed = f.store->file(prepared->ticket, core::Actor{"kiosk", core::Role::kiosk, {}});
        REQUIRE(filed);
        return *filed;
    }

    void act(const core::Ticket& t, core::Step step, const json& payload) {
        auto done = f.store->act(t.number, step, test::frontdesk(), payload);
        REQUIRE_MESSAGE(done, done.error().message);
    }

    std::vector<std::string> overdue() {
        core::ListQuery q;
        q.overdue_only = true;
        auto list = f.store->list(q);
        REQUIRE(list);
        std::vector<std::string> numbers;
        for (const auto& t : *list) {
            numbers.push_back(t.number);
        }
        return numbers;
    }
};

} // namespace

TEST_SUITE("ticket clocks") {

    TEST_CASE("an acknowledged urgent complaint left alone goes overdue at its ticket deadline") {
        Clocks c;
        // A frozen card is urgent: first response in 30 minutes, the ticket in 24 hours.
        const core::Ticket t = c.file("我的卡被冻结了，工资取不出来，急用钱！");
        REQUIRE(t.priority == core::Priority::urgent);
        CHECK(t.first_response_due == test::k_monday_10am + 30 * core::k_minute);
        CHECK(t.due_at == test::k_monday_10am + 24 * core::k_hour);
        c.f.clock.advance(10 * core::k_minute);
        c.act(t, core::Step::acknowledge, json::object());
        c.act(t, core::Step::contact, {{"channel", "phone"}, {"outcome", "confirmed the card"}});
        c.f.clock.advance(23 * core::k_hour);
        CHECK(c.overdue().empty());
        c.f.clock.advance(core::k_hour); // 24 h and 10 min after filing
        CHECK(c.overdue() == std::vector<std::string>{t.number});
        auto shown = c.f.store->get(t.number);
        REQUIRE(shown);
        CHECK(shown->due_at == test::k_monday_10am + 24 * core::k_hour);
    }

    TEST_CASE("a complaint's specialist contact is due in an hour and met by a contact") {
        Clocks c;
        const core::Ticket t = c.file("上个月话费多扣了五十块，营业员态度也很差");
        REQUIRE(t.request_type == core::RequestType::complaint);
        CHECK(t.contact_due == test::k_monday_10am + core::k_hour);
        c.act(t, core::Step::acknowledge, json::object());
        c.f.clock.advance(61 * core::k_minute);
        CHECK(c.overdue() == std::vector<std::string>{t.number}); // the call is late
        c.act(t, core::Step::contact, {{"channel", "phone"}, {"outcome", "details confirmed"}});
        auto after = c.f.store->get(t.number);
        REQUIRE(after);
        CHECK(after->contact_due == 0);
        CHECK(c.overdue().empty());
    }

    TEST_CASE("a progress contact is taken while the ticket is at the regional center") {
        Clocks c;
        const core::Ticket t = c.file("宽带断网三天了，报修没人来");
        c.act(t, core::Step::acknowledge, json::object());
        c.act(t, core::Step::submit, {{"reason", "needs the network department"}});
        // 000: a delay is told to the customer at once, whoever holds the ticket.
        c.act(t, core::Step::contact,
              {{"channel", "phone"}, {"outcome", "told them it is at the center"}});
        auto now = c.f.store->get(t.number);
        REQUIRE(now);
        CHECK(now->state == core::State::submitted);
    }

    TEST_CASE("a Saturday complaint at a branch open on Saturdays is due the same day") {
        // Issue 14: business time counted Monday to Friday everywhere, so an important
        // complaint filed on Saturday 10:00 was due on Monday 02:00 even where the branch works
        // Saturdays (003: 非工作日應安排專人值班). assets/branches.json opens SZ01 on Saturdays.
        const forms::Catalog catalog = test::real_catalog();
        const json submission = {{"description", "APP转账失败了好几次，钱扣了没到账"},
                                 {"customer", {{"phone", "13800138000"}}},
                                 {"priority", "important"}};
        const core::Millis saturday = test::at("2026-03-07T10:00+08:00");
        const auto open =
            forms::prepare_ticket(catalog, "counter", submission, "cn-mainland", saturday, "SZ01");
        REQUIRE_MESSAGE(open, test::all_errors(open.error()));
        CHECK(test::beijing(open->ticket.first_response_due) == "2026-03-07T12:00:00+08:00");
        const auto closed =
            forms::prepare_ticket(catalog, "counter", submission, "cn-mainland", saturday, "GZ02");
        REQUIRE(closed);
        CHECK(test::beijing(closed->ticket.first_response_due) == "2026-03-09T02:00:00+08:00");
    }

    TEST_CASE("a correction to urgent re-derives the deadlines from filing") {
        Clocks c;
        const core::Ticket t = c.file("想问一下积分怎么兑换");
        REQUIRE(t.priority != core::Priority::urgent);
        c.f.clock.advance(10 * core::k_minute);
        json change = {{"before", core::classification_of(t)},
                       {"after", {{"priority", "urgent"}}},
                       {"reason", "the customer cannot pay for medicine"}};
        forms::add_step_deadline(c.catalog, "cn-mainland", t, core::Step::reclassify, change,
                                 c.f.clock.now());
        c.act(t, core::Step::reclassify, change);
        auto fixed = c.f.store->get(t.number);
        REQUIRE(fixed);
        CHECK(fixed->priority == core::Priority::urgent);
        CHECK(fixed->first_response_due == t.received_at + 30 * core::k_minute);
        CHECK(fixed->due_at == t.received_at + 24 * core::k_hour);
    }
}
