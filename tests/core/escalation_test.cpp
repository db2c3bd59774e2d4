// Issue 14: escalation. A customer unsatisfied after the second round goes to the center's
// manager instead of a third branch round (000); 重大 and 外宣传型 tickets are escalated from
// filing and carry 004's crisis steps as a checklist.
#include "core/escalation.h"
#include "core/lifecycle.h"
#include "core/ticket_json.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cf::core;
using nlohmann::json;

namespace {

constexpr Millis k_now = 1'795'399'200'000;

const Actor k_desk{"S001", Role::frontdesk, {}};
const Actor k_supervisor{"S009", Role::supervisor, {}};
const Actor k_manager{"C900", Role::manager, {}};
const Actor k_dispatcher{"C300", Role::dispatcher, {}};
const Actor k_reviewer{"C100", Role::reviewer, {}};

Ticket answered_in_round(int round) {
    Ticket t;
    t.id = "t1";
    t.number = "SZ01-261123-K1-0001X";
    t.state = State::answered;
    t.round = round;
    t.received_at = k_now - 10 * k_day;
    return t;
}

json unsatisfied(const std::string& assignee = "") {
    json p = {{"level", "unsatisfied"}, {"due_at", k_now + k_day}};
    if (!assignee.empty()) {
        p["assignee"] = assignee;
    }
    return p;
}

} // namespace

TEST_CASE("the first 不满意 starts the branch's second round, the second goes to the manager") {
    Ticket t = answered_in_round(1);
    REQUIRE(check_step(t, Step::satisfaction, k_desk, unsatisfied("S009")));
    apply_step(t, Step::satisfaction, k_desk, unsatisfied("S009"), k_now);
    CHECK(t.state == State::second_round);
    CHECK(t.round == 2);
    CHECK(t.assignee == "S009");

    // The supervisor's second round ends in a resolution; the customer is unsatisfied again.
    apply_step(t, Step::resolve, k_supervisor, {{"resolution", "refunded twice the fee"}}, k_now);
    REQUIRE(t.state == State::resolved);
    REQUIRE(check_step(t, Step::satisfaction, k_desk, unsatisfied()));
    apply_step(t, Step::satisfaction, k_desk, unsatisfied(), k_now + k_hour);
    CHECK(t.state == State::escalated);
    CHECK(owner_of(t.state) == Owner::center);
    CHECK(t.round == 3);
    CHECK(t.due_at == k_now + k_day);
    CHECK(t.deadline_started_at == k_now + k_hour);
    CHECK(t.assignee.empty()); // no branch supervisor: the center's manager
    CHECK(in_escalated_queue(t));

    // No third branch round: the branch can only call the customer and take notes.
    auto again = check_step(t, Step::resolve, k_supervisor, {{"resolution", "try once more"}});
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("regional center owns") != std::string::npos);
    CHECK(check_step(t, Step::contact, k_desk, {{"channel", "phone"}, {"outcome", "told"}}));

    // Only the manager answers or dispatches it.
    const json answer = {{"text", "the manager agreed a full refund"}};
    auto reviewer = check_step(t, Step::feedback, k_reviewer, answer);
    REQUIRE_FALSE(reviewer);
    CHECK(reviewer.error().message.find("manager") != std::string::npos);
    const json dispatch = {{"departments", {"billing"}}, {"deadline", k_now + k_day}};
    CHECK_FALSE(check_step(t, Step::dispatch, k_dispatcher, dispatch));
    CHECK(check_step(t, Step::dispatch, k_manager, dispatch));
    REQUIRE(check_step(t, Step::feedback, k_manager, answer));
    apply_step(t, Step::feedback, k_manager, answer, k_now + 2 * k_hour);
    CHECK(t.state == State::answered);
    CHECK(t.feedback == "the manager agreed a full refund");
    CHECK_FALSE(in_escalated_queue(t));

    // Unsatisfied even with the manager's answer: the manager again, never the branch.
    apply_step(t, Step::satisfaction, k_desk, unsatisfied(), k_now + 3 * k_hour);
    CHECK(t.state == State::escalated);
    CHECK(t.round == 4);
}

TEST_CASE("a 重大 or 外宣传型 ticket is escalated from filing until it is closed") {
    Ticket t = answered_in_round(1);
    t.state = State::received;
    CHECK_FALSE(is_crisis(t));
    CHECK_FALSE(in_escalated_queue(t));
    t.severity = Severity::major;
    CHECK(is_crisis(t));
    CHECK(in_escalated_queue(t));
    t.severity = Severity::important;
    t.special_type = SpecialType::media_exposure;
    CHECK(in_escalated_queue(t));
    t.state = State::dispatched;
    CHECK(in_escalated_queue(t));
    t.state = State::closed;
    CHECK_FALSE(in_escalated_queue(t));
}

TEST_CASE("the crisis checklist: 004's steps, each once, on a crisis ticket, by staff or manager") {
    Ticket plain = answered_in_round(1);
    plain.state = State::acknowledged;
    auto not_crisis = check_step(plain, Step::checklist, k_desk, {{"item", "listened_alone"}});
    REQUIRE_FALSE(not_crisis);
    CHECK(not_crisis.error().code == ErrorCode::rejected_step);
    CHECK(not_crisis.error().message.find("外宣传型") != std::string::npos);
    CHECK_FALSE(offers_checklist(plain, k_supervisor));

    Ticket t = plain;
    t.special_type = SpecialType::media_exposure;
    CHECK(offers_checklist(t, k_desk));
    CHECK(offers_checklist(t, k_supervisor));
    CHECK_FALSE(offers_checklist(t, k_reviewer));
    CHECK_FALSE(offers_checklist(t, Actor{"kiosk", Role::kiosk, {}}));
    for (Step s : allowed_steps(t, k_supervisor)) {
        CHECK(s != Step::checklist); // a panel of its own, not a step button
    }

    REQUIRE(check_step(t, Step::checklist, k_desk, {{"item", "listened_alone"}}));
    apply_step(t, Step::checklist, k_desk, {{"item", "listened_alone"}}, k_now);
    CHECK(t.checklist == std::vector<std::string>{"listened_alone"});
    CHECK(t.state == State::acknowledged); // a tick changes no state

    auto twice = check_step(t, Step::checklist, k_supervisor, {{"item", "listened_alone"}});
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.find("already ticked") != std::string::npos);
    auto unknown = check_step(t, Step::checklist, k_desk, {{"item", "bribed_the_reporter"}});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::invalid_input);
    CHECK(unknown.error().message.find("payload field 'item'") != std::string::npos);
    auto extra = check_step(t, Step::checklist, k_desk, {{"item", "compensated"}, {"amount", 5}});
    REQUIRE_FALSE(extra);
    CHECK(extra.error().message.find("payload.amount") != std::string::npos);
    CHECK(check_step(t, Step::checklist, k_desk,
                     {{"item", "compensated"}, {"note", "200 yuan voucher on the spot"}}));

    // At the center the manager ticks 步骤5 while the ticket is with the departments.
    t.state = State::dispatched;
    REQUIRE(check_step(t, Step::checklist, k_manager, {{"item", "manager_talked"}}));
    CHECK_FALSE(check_step(t, Step::checklist, k_dispatcher, {{"item", "manager_talked"}}));
    apply_step(t, Step::checklist, k_manager, {{"item", "manager_talked"}}, k_now);
    CHECK(t.checklist.size() == 2);

    t.state = State::closed;
    CHECK_FALSE(check_step(t, Step::checklist, k_supervisor, {{"item", "thanked_and_asked"}}));
}

TEST_CASE("the checklist is part of the ticket's record and no ticket is filed with one") {
    Ticket t = answered_in_round(1);
    t.severity = Severity::major;
    t.checklist = {"listened_alone", "told_result"};
    auto back = ticket_from_json(to_json(t, PiiMode::plain));
    REQUIRE(back);
    CHECK(back->checklist == t.checklist);

    Ticket filed;
    filed.severity = Severity::major;
    REQUIRE(check_filed(filed));
    filed.checklist = {"listened_alone"};
    auto ticked = check_filed(filed);
    REQUIRE_FALSE(ticked);
    CHECK(ticked.error().field == "checklist");
}
