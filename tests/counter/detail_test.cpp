// The ticket detail screen: masked contact data and the recorded "show", every branch step
// through its form, role rules (only allowed steps are offered), the supervisor's approval
// of a large compensation and the second round.

#include "tests/support/ui/counter_harness.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;
using counter::Screen;

namespace {

struct Desk : test::CounterHarness {
    std::string number;

    Desk() {
        add_staff("S001", core::Role::frontdesk, "135790", "李四");
        add_staff("S002", core::Role::supervisor, "246801", "王芳");
        auto t = store->file(test::sample_complaint(), {"kiosk", core::Role::kiosk, {}});
        REQUIRE(t.has_value());
        number = t->number;
    }
    void open_as(std::string_view id, std::string_view pin) {
        if (controller().signed_in()) {
            click("nav.sign_out");
        }
        sign_in(id, pin);
        controller().open(number);
        frame(2);
        REQUIRE(controller().screen() == Screen::detail);
    }
    core::Ticket ticket() { return store->get(number).value(); }
    std::vector<core::Event> events() { return store->events(ticket().id).value(); }
    // Opens the step's form and confirms it.
    void take(std::string_view step) {
        click("step." + std::string(step));
        click("step.confirm");
    }
};

bool has_event(const std::vector<core::Event>& events, std::string_view kind,
               std::string_view actor) {
    return std::any_of(events.begin(), events.end(),
                       [&](const core::Event& e) { return e.kind == kind && e.actor == actor; });
}

} // namespace

TEST_CASE("contact data is masked until shown, and showing it is recorded") {
    Desk d;
    d.open_as("S001", "135790");
    CHECK_FALSE(d.controller().detail()->contact_shown);
    CHECK_FALSE(has_event(d.events(), "view_contact", "S001"));
    d.click("detail.show_contact");
    CHECK(d.controller().detail()->contact_shown);
    CHECK(has_event(d.events(), "view_contact", "S001"));
    // Reopening the ticket masks it again.
    d.controller().open(d.number);
    d.frame();
    CHECK_FALSE(d.controller().detail()->contact_shown);
}

TEST_CASE("the branch steps from first response to closing, each by its form") {
    Desk d;
    d.open_as("S001", "135790");
    // Only what is allowed now is offered.
    CHECK(d.shows("step.acknowledge"));
    CHECK(d.shows("step.note"));
    CHECK_FALSE(d.shows("step.resolve"));
    CHECK_FALSE(d.shows("step.close"));

    d.take("acknowledge");
    CHECK(d.ticket().state == core::State::acknowledged);

    d.click("step.note");
    d.fill("step.text", "客户来电催办");
    d.click("step.confirm");
    CHECK(has_event(d.events(), "note", "S001"));

    // A step without its required text is refused with the reason; nothing is written.
    d.click("step.resolve");
    d.click("step.confirm");
    CHECK(d.controller().notice().error);
    CHECK(d.ticket().state == core::State::acknowledged);
    d.fill("step.resolution", "退还多扣的 58 元");
    d.fill("step.compensation", "58");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::resolved);

    d.click("step.contact");
    d.click("step.channel.phone");
    d.fill("step.outcome", "已电话告知退款结果");
    d.click("step.confirm");
    CHECK(has_event(d.events(), "contact", "S001"));

    d.click("step.satisfaction");
    d.click("step.level.satisfied");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::satisfied);
    CHECK(d.ticket().satisfaction == core::Satisfaction::satisfied);

    d.take("close");
    CHECK(d.ticket().state == core::State::closed);

    d.click("step.reopen");
    d.fill("step.reason", "客户反映问题再次出现");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::acknowledged);
}

TEST_CASE("submitting to the regional center needs a reason and hands the ticket over") {
    Desk d;
    d.open_as("S001", "135790");
    d.take("acknowledge");
    d.click("step.submit");
    d.fill("step.reason", "涉及计费系统，需区域中心核查");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::submitted);
    // The center owns it now: the branch may only add notes.
    CHECK_FALSE(d.shows("step.resolve"));
    CHECK_FALSE(d.shows("step.submit"));
    CHECK(d.shows("step.note"));
}

TEST_CASE("closing without the customer's confirmation is a supervisor's step") {
    Desk d;
    d.open_as("S001", "135790");
    d.take("acknowledge");
    CHECK_FALSE(d.shows("step.close")); // nothing to confirm yet: not even a supervisor
    d.click("step.resolve");
    d.fill("step.resolution", "已退款");
    d.click("step.confirm");
    REQUIRE(d.ticket().state == core::State::resolved);
    CHECK_FALSE(d.shows("step.close")); // the customer has not confirmed
    d.open_as("S002", "246801");
    REQUIRE(d.shows("step.close"));
    d.click("step.close");
    d.fill("step.reason", "客户失联三次");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::closed);
}

TEST_CASE("a large compensation needs a supervisor's PIN") {
    Desk d;
    d.open_as("S001", "135790");
    d.take("acknowledge");
    d.click("step.resolve");
    d.fill("step.resolution", "赔偿客户损失");
    d.fill("step.compensation", "800");
    REQUIRE(d.controller().needs_approval());
    REQUIRE(d.shows("step.approver_pin"));

    // No approval, or a wrong PIN, or a front-desk colleague: refused, nothing written.
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::acknowledged);
    d.fill("step.approver_id", "S002");
    d.fill("step.approver_pin", "999999");
    d.click("step.confirm");
    CHECK(d.controller().notice().key == "counter.step.approval_refused");
    CHECK(d.ticket().state == core::State::acknowledged);
    d.fill("step.approver_id", "S001");
    d.fill("step.approver_pin", "135790");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::acknowledged);

    d.fill("step.approver_id", "S002");
    d.fill("step.approver_pin", "246801");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::resolved);
    const auto events = d.events();
    const auto resolve = std::find_if(events.begin(), events.end(),
                                      [](const core::Event& e) { return e.kind == "resolve"; });
    REQUIRE(resolve != events.end());
    CHECK(resolve->payload.value("approved_by", "") == "S002");
    CHECK(resolve->actor == "S001");
}

TEST_CASE("a small compensation needs no approval, nor does a supervisor's") {
    Desk d;
    d.open_as("S001", "135790");
    d.take("acknowledge");
    d.click("step.resolve");
    d.fill("step.compensation", "500");
    CHECK_FALSE(d.controller().needs_approval());
    d.click("step.cancel");
    d.open_as("S002", "246801");
    d.click("step.resolve");
    d.fill("step.compensation", "5000");
    CHECK_FALSE(d.controller().needs_approval());
}

TEST_CASE("an unsatisfied customer opens the second round for a supervisor within 24 h") {
    Desk d;
    d.open_as("S001", "135790");
    d.take("acknowledge");
    d.click("step.resolve");
    d.fill("step.resolution", "已解释计费规则");
    d.click("step.confirm");
    d.click("step.satisfaction");
    d.click("step.level.unsatisfied");
    REQUIRE(d.shows("step.assignee.S002"));
    d.click("step.assignee.S002");
    const core::Millis at = d.clock.now();
    d.click("step.confirm");
    const core::Ticket t = d.ticket();
    CHECK(t.state == core::State::second_round);
    CHECK(t.round == 2);
    CHECK(t.assignee == "S002");
    CHECK(t.due_at == at + 24 * core::k_hour);

    // The front desk cannot resolve the second round; the supervisor can.
    d.frame();
    CHECK_FALSE(d.shows("step.resolve"));
    d.open_as("S002", "246801");
    REQUIRE(d.shows("step.resolve"));
    d.click("step.resolve");
    d.fill("step.resolution", "主管上门致歉并退款");
    d.click("step.confirm");
    CHECK(d.ticket().state == core::State::resolved);
}

namespace {

// A complaint filed now with every branch clock running: the first response in 2 h, the
// specialist's call in 1 h, the ticket deadline in 3 days.
std::string file_with_clocks(test::CounterHarness& h) {
    core::NewTicket n = test::sample_complaint();
    n.first_response_due = h.clock.now() + 2 * core::k_hour;
    n.contact_due = h.clock.now() + core::k_hour;
    n.due_at = h.clock.now() + 3 * core::k_day;
    auto t = h.store->file(n, {"kiosk", core::Role::kiosk, {}});
    REQUIRE(t.has_value());
    return t->number;
}

} // namespace

TEST_CASE("the detail shows every running clock of the ticket with its countdown") {
    Desk d;
    d.number = file_with_clocks(d);
    d.open_as("S001", "135790");
    CHECK(d.shows("clock.first_response.on_track"));
    CHECK(d.shows("clock.contact.on_track"));
    CHECK(d.shows("clock.due.on_track"));
    // Not dispatched: no handling deadline.
    CHECK_FALSE(d.shows("clock.handling"));

    // Acknowledging meets the first response; the other clocks keep running.
    d.take("acknowledge");
    REQUIRE(d.ticket().state == core::State::acknowledged);
    CHECK_FALSE(d.shows("clock.first_response"));
    CHECK(d.shows("clock.contact"));
    CHECK(d.shows("clock.due"));
}

TEST_CASE("a clock that has passed reads as overdue, one close to its end as due soon") {
    Desk d;
    d.number = file_with_clocks(d);
    // 50 of the contact's 60 minutes used: past the warning share. (The counter signs idle
    // staff out after 10 minutes, so each look is a fresh sign-in.)
    d.clock.advance(50 * core::k_minute);
    d.frame();
    d.open_as("S001", "135790");
    CHECK(d.shows("clock.contact.warning"));
    d.clock.advance(20 * core::k_minute);
    d.frame();
    d.open_as("S001", "135790");
    CHECK(d.shows("clock.contact.overdue"));
    CHECK_FALSE(d.shows("clock.contact.on_track"));
    CHECK(d.shows("clock.due.on_track"));
}

TEST_CASE("a contact step meets the contact clock") {
    Desk d;
    d.number = file_with_clocks(d);
    d.open_as("S001", "135790");
    d.take("acknowledge");
    d.click("step.contact");
    d.click("step.channel.phone");
    d.fill("step.outcome", "已致电客户，核实多扣费情况");
    d.click("step.confirm");
    CHECK(d.ticket().contact_due == 0);
    CHECK_FALSE(d.shows("clock.contact"));
    CHECK(d.shows("clock.due"));
}

TEST_CASE("a kiosk ticket's classification is corrected with a reason, and its clocks follow") {
    // Issue 14: nobody could correct a classification after filing (复核 二次确认).
    Desk d;
    d.open_as("S001", "135790");
    REQUIRE(d.shows("step.reclassify"));
    d.click("step.reclassify");
    // Nothing changed yet: refused, naming what to do.
    d.fill("step.reason", "客户说明已断网三天");
    d.click("step.confirm");
    CHECK(d.ticket().priority == core::Priority::normal);
    REQUIRE(d.controller().step_draft());
    d.click("step.priority.urgent");
    d.click("step.severity.important");
    const core::Millis at = d.clock.now();
    d.click("step.confirm");
    const core::Ticket t = d.ticket();
    CHECK(t.priority == core::Priority::urgent);
    CHECK(t.severity == core::Severity::important);
    CHECK(t.first_response_due == t.received_at + 30 * core::k_minute); // urgent: 30 min wall
    const auto events = d.events();
    REQUIRE(has_event(events, "reclassify", "S001"));
    const core::Event& e = events.back();
    CHECK(e.payload.at("before").at("priority") == "normal");
    CHECK(e.payload.at("after") ==
          nlohmann::json{{"priority", "urgent"}, {"severity", "important"}});
    CHECK(e.payload.at("reason") == "客户说明已断网三天");
    (void)at;
}

TEST_CASE("a second 不满意 goes to the center's manager, not a third branch round") {
    Desk d;
    d.open_as("S002", "246801");
    d.take("acknowledge");
    d.click("step.resolve");
    d.fill("step.resolution", "已解释计费规则");
    d.click("step.confirm");
    d.click("step.satisfaction");
    d.click("step.level.unsatisfied");
    d.click("step.assignee.S002");
    d.click("step.confirm");
    REQUIRE(d.ticket().state == core::State::second_round);
    d.click("step.resolve");
    d.fill("step.resolution", "主管上门致歉并退款");
    d.click("step.confirm");
    d.click("step.satisfaction");
    d.click("step.level.unsatisfied");
    // No supervisor to choose now: the dialog says where it goes.
    CHECK_FALSE(d.shows("step.assignee.S002"));
    d.click("step.confirm");
    const core::Ticket t = d.ticket();
    CHECK(t.state == core::State::escalated);
    CHECK(t.round == 3);
    d.frame();
    CHECK_FALSE(d.shows("step.resolve"));
    CHECK(d.shows("step.contact")); // the branch still calls the customer
}

TEST_CASE("a 外宣传型 ticket shows 004's checklist; each tick is an event") {
    Desk d;
    core::NewTicket n = test::sample_complaint();
    n.special_type = core::SpecialType::media_exposure;
    auto filed = d.store->file(n, {"kiosk", core::Role::kiosk, {}});
    REQUIRE(filed);
    d.number = filed->number;
    d.open_as("S001", "135790");
    REQUIRE(d.shows("checklist.listened_alone"));
    d.click("checklist.listened_alone");
    CHECK(d.ticket().checklist == std::vector<std::string>{"listened_alone"});
    CHECK(has_event(d.events(), "checklist", "S001"));
    d.frame();
    CHECK_FALSE(d.shows("checklist.listened_alone")); // ticked once, then shown as done
    CHECK(d.shows("checklist.manager_talked"));

    // An ordinary complaint has no checklist.
    Desk plain;
    plain.open_as("S001", "135790");
    CHECK_FALSE(plain.shows("checklist.listened_alone"));
}
