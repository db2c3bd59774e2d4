#include "core/lifecycle.h"
#include "core/ticket_json.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

using namespace cf::core;
using nlohmann::json;

namespace {

// The whole transition table, written out independently of the code. Columns follow
// k_all_states: received acknowledged resolved submitted returned accepted dispatched handled
// audited answered satisfied second_round closed escalated. 'x' = allowed.
const std::pair<Step, const char*> k_table[] = {
    {Step::acknowledge, "x............."},   {Step::note, "xxxxxxxxxxxxxx"},
    {Step::resolve, ".x..x......x.."},       {Step::submit, ".x..x......x.."},
    {Step::contact, "xxxxxxxxxxxx.x"},       {Step::satisfaction, "..x......x...."},
    {Step::close, "..x......xx..."},         {Step::reopen, "............x."},
    {Step::review_accept, "...x.........."}, {Step::review_return, "...x.........."},
    {Step::dispatch, ".....x.......x"},      {Step::handle, "......x......."},
    {Step::audit_approve, ".......x......"}, {Step::audit_reject, ".......x......"},
    {Step::feedback, "........x....x"},      {Step::approve, ".x..x......x.."},
    {Step::sign_for, "......x......."},      {Step::audit_part, "......xx......"},
};

// Where each step leads from a state where it is allowed (note and contact stay put).
std::optional<State> next_state(Step s) {
    switch (s) {
    case Step::acknowledge:
        return State::acknowledged;
    case Step::resolve:
        return State::resolved;
    case Step::submit:
        return State::submitted;
    case Step::satisfaction:
        return State::satisfied;
    case Step::close:
        return State::closed;
    case Step::reopen:
        return State::acknowledged;
    case Step::review_accept:
        return State::accepted;
    case Step::review_return:
        return State::returned;
    case Step::dispatch:
        return State::dispatched;
    case Step::handle:
        return State::handled;
    case Step::audit_approve:
        return State::audited;
    case Step::audit_reject:
        return State::dispatched;
    case Step::feedback:
        return State::answered;
    default:
        return std::nullopt;
    }
}

constexpr Millis k_now = 1'795'399'200'000;

json valid_payload(Step s) {
    switch (s) {
    case Step::note:
        return {{"text", "customer called again"}};
    case Step::resolve:
        return {{"resolution", "explained the tariff"}};
    case Step::submit:
        return {{"reason", "needs the billing department"}};
    case Step::contact:
        return {{"channel", "phone"}, {"outcome", "reached"}};
    case Step::satisfaction:
        return {{"level", "satisfied"}};
    case Step::close:
        return {{"reason", "customer unreachable after three calls"}};
    case Step::reopen:
        return {{"reason", "problem came back"}, {"due_at", k_now + k_day}};
    case Step::review_return:
        return {{"reason", "no bill attached"}};
    case Step::dispatch:
        return {{"departments", {"billing"}}, {"deadline", k_now + k_day}};
    case Step::handle:
        return {{"department", "billing"},
                {"investigation", "double charge found"},
                {"responsibility", "our_department"},
                {"solution", "refund 50 yuan"}};
    case Step::audit_reject:
        return {{"reason", "refund too small"},
                {"departments", {"billing"}},
                {"deadline", k_now + k_day}};
    case Step::feedback:
        return {{"text", "refunded 50 yuan"}};
    case Step::approve:
        return {{"compensation", 200}, {"plan", "refund 200 yuan"}};
    case Step::sign_for:
        return {{"department", "billing"}};
    case Step::audit_part:
        return {{"department", "network"}, {"verdict", "approved"}};
    default:
        return json::object();
    }
}

std::string to_json_text(const Ticket& t) {
    return to_json(t, PiiMode::plain).dump();
}

Actor actor_for(Step s) {
    return step_side(s) == Owner::center ? Actor{"C1", Role::manager, {}}
                                         : Actor{"S9", Role::supervisor, {}};
}

Ticket ticket_in(State s) {
    Ticket t;
    t.id = "t1";
    t.number = "SZ01-261123-K1-0001X";
    t.state = s;
    t.first_response_due = k_now + k_day;
    if (s == State::dispatched) {
        // billing signed for and at work; network answered, its part awaiting audit.
        t.departments = {"billing", "network"};
        t.departments_pending = t.departments_signed = {"billing"};
        t.departments_answered = {"network"};
    }
    if (s == State::handled) {
        t.departments = t.departments_answered = {"network"};
    }
    return t;
}

} // namespace

TEST_CASE("the full transition table: every step in every state") {
    int checked = 0;
    for (const auto& [step, row] : k_table) {
        for (std::size_t i = 0; i < std::size(k_all_states); ++i) {
            const State state = k_all_states[i];
            const bool expected = row[i] == 'x';
            INFO("step ", to_string(step), " in state ", to_string(state));
            CHECK(step_allowed_in(step, state) == expected);
            Ticket t = ticket_in(state);
            if (step == Step::sign_for) {
                t.departments_signed.clear(); // billing has yet to sign for its dispatch
            }
            auto r = check_step(t, step, actor_for(step), valid_payload(step));
            CHECK(r.has_value() == expected);
            if (!expected) {
                REQUIRE_FALSE(r);
                CHECK(r.error().code == ErrorCode::rejected_step);
                CHECK(r.error().message.find("'" + std::string(to_string(step)) + "'") !=
                      std::string::npos);
                CHECK(r.error().message.find("'" + std::string(to_string(state)) + "'") !=
                      std::string::npos);
            } else {
                apply_step(t, step, actor_for(step), valid_payload(step), k_now);
                // The last part approved passes the audit; one of several leaves it dispatched.
                const State want = step == Step::audit_part
                                       ? (state == State::handled ? State::audited : state)
                                       : next_state(step).value_or(state);
                CHECK(t.state == want);
                CHECK(t.updated_at == k_now);
            }
            ++checked;
        }
    }
    CHECK(checked == 18 * 14);
}

TEST_CASE("branch steps are refused while the center owns the ticket, saying so") {
    auto r = check_step(ticket_in(State::dispatched), Step::resolve, actor_for(Step::resolve),
                        valid_payload(Step::resolve));
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("regional center owns") != std::string::npos);
}

TEST_CASE("a contact is taken in every open state, whoever owns the ticket") {
    // Issue 14: a progress call was refused while a ticket was acknowledged or at the center,
    // though 000 says a delay is told to the customer at once.
    for (State s : k_all_states) {
        CAPTURE(to_string(s));
        Ticket t = ticket_in(s);
        t.contact_due = k_now + k_hour;
        auto r =
            check_step(t, Step::contact, actor_for(Step::contact), valid_payload(Step::contact));
        CHECK(r.has_value() == (s != State::closed));
        if (r) {
            apply_step(t, Step::contact, actor_for(Step::contact), valid_payload(Step::contact),
                       k_now);
            CHECK(t.contact_due == 0);
            CHECK(t.state == s);
        }
    }
    CHECK_FALSE(check_step(ticket_in(State::dispatched), Step::contact,
                           Actor{"C1", Role::manager, {}}, valid_payload(Step::contact)));
}

TEST_CASE("the center's feedback starts the call-back clock and closing stops it") {
    Ticket t = ticket_in(State::audited);
    apply_step(t, Step::feedback, actor_for(Step::feedback),
               {{"text", "refunded"}, {"contact_due", k_now + k_day}}, k_now);
    CHECK(t.contact_due == k_now + k_day);
    CHECK(t.due_at == 0);
    Ticket old = ticket_in(State::audited);
    apply_step(old, Step::feedback, actor_for(Step::feedback), {{"text", "refunded"}}, k_now);
    CHECK(old.contact_due == 0);
    Ticket answered = ticket_in(State::answered);
    answered.contact_due = k_now + k_day;
    apply_step(answered, Step::close, actor_for(Step::close), valid_payload(Step::close), k_now);
    CHECK(answered.contact_due == 0);
}

TEST_CASE("center steps are refused for branch roles and branch steps for center roles") {
    auto r = check_step(ticket_in(State::submitted), Step::review_accept,
                        Actor{"S1", Role::supervisor, {}}, json::object());
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("role 'supervisor'") != std::string::npos);
    auto b = check_step(ticket_in(State::received), Step::acknowledge,
                        Actor{"C1", Role::manager, {}}, json::object());
    CHECK_FALSE(b);
}

TEST_CASE("each center step needs its own role") {
    CHECK_FALSE(check_step(ticket_in(State::accepted), Step::dispatch,
                           Actor{"R1", Role::reviewer, {}}, valid_payload(Step::dispatch)));
    CHECK(check_step(ticket_in(State::accepted), Step::dispatch, Actor{"D1", Role::dispatcher, {}},
                     valid_payload(Step::dispatch)));
    CHECK_FALSE(check_step(ticket_in(State::handled), Step::audit_approve,
                           Actor{"D1", Role::dispatcher, {}}, json::object()));
    CHECK(check_step(ticket_in(State::handled), Step::audit_approve, Actor{"A1", Role::auditor, {}},
                     json::object()));
    CHECK(check_step(ticket_in(State::audited), Step::feedback, Actor{"R1", Role::reviewer, {}},
                     valid_payload(Step::feedback)));
}

TEST_CASE("a department handler handles only their own department") {
    auto own = check_step(ticket_in(State::dispatched), Step::handle,
                          Actor{"H1", Role::handler, "billing"}, valid_payload(Step::handle));
    CHECK(own);
    auto other = check_step(ticket_in(State::dispatched), Step::handle,
                            Actor{"H2", Role::handler, "network"}, valid_payload(Step::handle));
    REQUIRE_FALSE(other);
    CHECK(other.error().message.find("network") != std::string::npos);
}

TEST_CASE("a ticket dispatched to two departments waits for both") {
    Ticket t = ticket_in(State::accepted);
    json dispatch = {{"departments", {"billing", "network"}}, {"deadline", k_now + k_day}};
    REQUIRE(check_step(t, Step::dispatch, Actor{"D", Role::dispatcher, {}}, dispatch));
    apply_step(t, Step::dispatch, Actor{"D", Role::dispatcher, {}}, dispatch, k_now);
    t.departments_signed = {"billing", "network"};
    json billing = valid_payload(Step::handle);
    apply_step(t, Step::handle, Actor{"H", Role::handler, "billing"}, billing, k_now);
    CHECK(t.state == State::dispatched);
    CHECK(t.departments_pending == std::vector<std::string>{"network"});
    json twice = billing;
    CHECK_FALSE(check_step(t, Step::handle, Actor{"H", Role::handler, "billing"}, twice));
    json network = billing;
    network["department"] = "network";
    apply_step(t, Step::handle, Actor{"N", Role::handler, "network"}, network, k_now);
    CHECK(t.state == State::handled);
    CHECK(t.resolution.find("billing") != std::string::npos);
    CHECK(t.resolution.find("network") != std::string::npos);
}

TEST_CASE("the second round belongs to a supervisor") {
    Ticket t = ticket_in(State::second_round);
    CHECK_FALSE(check_step(t, Step::resolve, Actor{"S1", Role::frontdesk, {}},
                           valid_payload(Step::resolve)));
    CHECK(check_step(t, Step::resolve, Actor{"S9", Role::supervisor, {}},
                     valid_payload(Step::resolve)));
}

TEST_CASE("an unsatisfied customer starts the second round with its deadline") {
    Ticket t = ticket_in(State::answered);
    json payload = {{"level", "unsatisfied"}};
    auto missing = check_step(t, Step::satisfaction, actor_for(Step::satisfaction), payload);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("due_at") != std::string::npos);
    payload["due_at"] = k_now + k_day;
    REQUIRE(check_step(t, Step::satisfaction, actor_for(Step::satisfaction), payload));
    apply_step(t, Step::satisfaction, actor_for(Step::satisfaction), payload, k_now);
    CHECK(t.state == State::second_round);
    CHECK(t.round == 2);
    CHECK(t.due_at == k_now + k_day);
    CHECK(t.satisfaction == Satisfaction::unsatisfied);
}

TEST_CASE("closing needs the customer's confirmation, or a supervisor with a reason") {
    Ticket resolved = ticket_in(State::resolved);
    CHECK_FALSE(
        check_step(resolved, Step::close, Actor{"S1", Role::frontdesk, {}}, {{"reason", "x"}}));
    auto no_reason =
        check_step(resolved, Step::close, Actor{"S9", Role::supervisor, {}}, json::object());
    REQUIRE_FALSE(no_reason);
    CHECK(no_reason.error().message.find("reason") != std::string::npos);
    Ticket satisfied = ticket_in(State::satisfied);
    CHECK(check_step(satisfied, Step::close, Actor{"S1", Role::frontdesk, {}}, json::object()));
}

TEST_CASE("a bad payload is refused naming the field") {
    auto r = check_step(ticket_in(State::accepted), Step::dispatch, actor_for(Step::dispatch),
                        {{"departments", json::array()}, {"deadline", k_now}});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::invalid_input);
    CHECK(r.error().message.find("departments") != std::string::npos);
    auto h = check_step(ticket_in(State::dispatched), Step::handle, actor_for(Step::handle),
                        {{"department", "billing"},
                         {"investigation", "x"},
                         {"solution", "y"},
                         {"responsibility", "the weather"}});
    REQUIRE_FALSE(h);
    CHECK(h.error().message.find("responsibility") != std::string::npos);
    CHECK_FALSE(check_step(ticket_in(State::received), Step::acknowledge,
                           actor_for(Step::acknowledge), json::array()));
}

TEST_CASE("every step's payload is held to its shape, the branch's steps as the center's") {
    // Issue 13: a terminal's steps took any key, a NUL and a text of any length, so a push
    // stored and passed on what no form sends.
    for (Step s : k_all_steps) {
        if (s == Step::view_contact || s == Step::reclassify || s == Step::checklist) {
            continue; // their own tests: view_contact's fields, reclassify's before and after,
                      // checklist's crisis ticket
        }
        State in = State::received;
        for (State st : k_all_states) {
            if (step_allowed_in(s, st)) {
                in = st;
                break;
            }
        }
        CAPTURE(to_string(s));
        Ticket t = ticket_in(in);
        if (s == Step::sign_for) {
            t.departments_signed.clear();
        }
        REQUIRE(check_step(t, s, actor_for(s), valid_payload(s)));
        json extra = valid_payload(s);
        extra["from_nowhere"] = "x";
        auto unknown = check_step(t, s, actor_for(s), extra);
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().code == ErrorCode::invalid_input);
        CHECK(unknown.error().message.find("payload.from_nowhere") != std::string::npos);
    }
    const Ticket t = ticket_in(State::acknowledged);
    const Actor staff = actor_for(Step::note);
    auto nul = check_step(t, Step::note, staff, {{"text", std::string("a\0b", 3)}});
    REQUIRE_FALSE(nul);
    CHECK(nul.error().message.find("payload.text") != std::string::npos);
    CHECK(nul.error().message.find("NUL") != std::string::npos);
    auto long_text = check_step(t, Step::resolve, staff, {{"resolution", std::string(4001, 'x')}});
    REQUIRE_FALSE(long_text);
    CHECK(long_text.error().message.find("4000 characters") != std::string::npos);
    std::string wide;
    for (int i = 0; i < 4000; ++i) {
        wide += "账";
    }
    CHECK(check_step(t, Step::resolve, staff, {{"resolution", wide}}));
    auto amount =
        check_step(t, Step::resolve, staff, {{"resolution", "refund"}, {"compensation", "100"}});
    REQUIRE_FALSE(amount);
    CHECK(amount.error().message.find("payload.compensation") != std::string::npos);
    auto long_code = check_step(t, Step::resolve, staff,
                                {{"resolution", "refund"}, {"approved_by", std::string(65, 's')}});
    REQUIRE_FALSE(long_code);
    CHECK(long_code.error().message.find("payload.approved_by") != std::string::npos);
}

TEST_CASE("a costly resolution and any resolution of a major ticket need a supervisor's approval") {
    // Issue 14: approval existed only in the counter's dialog; through the CLI or sync a
    // front-desk account resolved with a compensation of 100,000 and no approval.
    Ticket t = ticket_in(State::acknowledged);
    t.approval_above = 500;
    const Actor desk{"S1", Role::frontdesk, {}};
    const Actor boss{"S9", Role::supervisor, {}};
    const json costly = {{"resolution", "refund"}, {"compensation", 100000}};
    auto refused = check_step(t, Step::resolve, desk, costly);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::rejected_step);
    CHECK(refused.error().message.find("100000 (above 500)") != std::string::npos);
    CHECK(refused.error().message.find("'approve'") != std::string::npos);
    CHECK(check_step(t, Step::resolve, desk, {{"resolution", "refund"}, {"compensation", 500}}));
    // Only a supervisor approves, and the approval covers an amount.
    CHECK_FALSE(check_step(t, Step::approve, desk, {{"compensation", 100000}, {"plan", "x"}}));
    CHECK_FALSE(check_step(t, Step::approve, boss, {{"plan", "refund"}}));
    const json small = {{"compensation", 2000}, {"plan", "refund 2000"}};
    REQUIRE(check_step(t, Step::approve, boss, small));
    apply_step(t, Step::approve, boss, small, k_now);
    CHECK(t.approved_by == "S9");
    CHECK(t.state == State::acknowledged);
    auto over = check_step(t, Step::resolve, desk, costly);
    REQUIRE_FALSE(over);
    CHECK(over.error().message.find("covers 2000") != std::string::npos);
    CHECK(check_step(t, Step::resolve, desk, {{"resolution", "refund"}, {"compensation", 2000}}));
    // 重大: even a resolution paying nothing.
    Ticket major = ticket_in(State::acknowledged);
    major.severity = Severity::major;
    auto m = check_step(major, Step::resolve, boss, {{"resolution", "apologised"}});
    REQUIRE_FALSE(m);
    CHECK(m.error().message.find("major") != std::string::npos);
    // A ticket filed before the rule keeps the old behaviour.
    CHECK(check_step(ticket_in(State::acknowledged), Step::resolve, desk, costly));
}

TEST_CASE("the classification is corrected with before, after and reason, by whoever holds it") {
    // Issue 14: nobody could correct a classification after filing (004: 二次確認目錄樹末級
    // 節點 at review; 002: staff adjust the priority by hand).
    Ticket t = ticket_in(State::received);
    t.category = "billing";
    const Actor desk{"S1", Role::frontdesk, {}};
    const Actor reviewer{"R1", Role::reviewer, {}};
    const json change = {{"before", classification_of(t)},
                         {"after", {{"category", "billing.overcharge"}, {"priority", "urgent"}}},
                         {"reason", "the customer was charged twice: 多扣费"},
                         {"first_response_due", k_now + 30 * k_minute},
                         {"due_at", k_now + k_day}};
    REQUIRE(check_step(t, Step::reclassify, desk, change));
    CHECK_FALSE(check_step(t, Step::reclassify, reviewer, change)); // the branch holds it
    Ticket fixed = t;
    apply_step(fixed, Step::reclassify, desk, change, k_now);
    CHECK(fixed.category == "billing.overcharge");
    CHECK(fixed.priority == Priority::urgent);
    CHECK(fixed.first_response_due == k_now + 30 * k_minute);
    CHECK(fixed.due_at == k_now + k_day);
    // A correction made on a stale view, one that changes nothing, or an unknown value.
    auto stale = check_step(fixed, Step::reclassify, desk, change);
    REQUIRE_FALSE(stale);
    CHECK(stale.error().message.find("look at it again") != std::string::npos);
    json same = change;
    same["before"] = classification_of(fixed);
    CHECK_FALSE(check_step(fixed, Step::reclassify, desk, same));
    json odd = same;
    odd["after"] = {{"priority", "whenever"}};
    auto bad = check_step(fixed, Step::reclassify, desk, odd);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("after.priority") != std::string::npos);
    json no_reason = change;
    no_reason.erase("reason");
    CHECK_FALSE(check_step(t, Step::reclassify, desk, no_reason));
    // At review (复核) the reviewer corrects it; front-desk staff no longer can.
    Ticket submitted = ticket_in(State::submitted);
    json at_review = {{"before", classification_of(submitted)},
                      {"after", {{"severity", "major"}}},
                      {"reason", "a lawyer is involved"}};
    CHECK(check_step(submitted, Step::reclassify, reviewer, at_review));
    CHECK_FALSE(check_step(submitted, Step::reclassify, desk, at_review));
    // Past dispatch the classification stands.
    CHECK_FALSE(check_step(ticket_in(State::dispatched), Step::reclassify, reviewer, at_review));
}

TEST_CASE("the kiosk cannot take steps and an actor needs an id") {
    CHECK_FALSE(check_step(ticket_in(State::received), Step::note, Actor{"kiosk", Role::kiosk, {}},
                           valid_payload(Step::note)));
    CHECK_FALSE(check_step(ticket_in(State::received), Step::acknowledge,
                           Actor{"", Role::frontdesk, {}}, json::object()));
}

TEST_CASE("allowed_steps offers only what the actor may do now") {
    auto steps = allowed_steps(ticket_in(State::acknowledged), Actor{"S1", Role::frontdesk, {}});
    CHECK(steps == std::vector<Step>{Step::note, Step::resolve, Step::submit, Step::contact,
                                     Step::reclassify});
    auto center = allowed_steps(ticket_in(State::submitted), Actor{"R", Role::reviewer, {}});
    CHECK(center == std::vector<Step>{Step::note, Step::review_accept, Step::review_return,
                                      Step::reclassify});
    // Past review the classification stands.
    auto later = allowed_steps(ticket_in(State::dispatched), Actor{"R", Role::reviewer, {}});
    CHECK(std::find(later.begin(), later.end(), Step::reclassify) == later.end());
}

TEST_CASE("acknowledging meets a first-response deadline but keeps a longer one") {
    Ticket t = ticket_in(State::received);
    t.due_at = t.first_response_due;
    apply_step(t, Step::acknowledge, actor_for(Step::acknowledge), json::object(), k_now);
    CHECK(t.due_at == 0);
    Ticket suggestion = ticket_in(State::received);
    suggestion.due_at = suggestion.first_response_due + 2 * k_day;
    apply_step(suggestion, Step::acknowledge, actor_for(Step::acknowledge), json::object(), k_now);
    CHECK(suggestion.due_at == suggestion.first_response_due + 2 * k_day);
}

TEST_CASE("step names round-trip") {
    for (Step s : k_all_steps) {
        CHECK(parse_step(to_string(s)) == s);
    }
    CHECK_FALSE(parse_step("teleport"));
}

TEST_CASE("acknowledging an unowned ticket makes the staff member its assignee") {
    Ticket kiosk = ticket_in(State::received);
    kiosk.receiver = "kiosk";
    apply_step(kiosk, Step::acknowledge, Actor{"S002", Role::frontdesk, {}}, json::object(), k_now);
    CHECK(kiosk.assignee == "S002");
    Ticket owned = ticket_in(State::received);
    owned.assignee = "S009";
    apply_step(owned, Step::acknowledge, Actor{"S002", Role::frontdesk, {}}, json::object(), k_now);
    CHECK(owned.assignee == "S009");
}

TEST_CASE("a second round and a reopen record when their deadline started") {
    Ticket t = ticket_in(State::answered);
    apply_step(t, Step::satisfaction, actor_for(Step::satisfaction),
               {{"level", "unsatisfied"}, {"due_at", k_now + 2 * k_day}}, k_now + k_day);
    CHECK(t.deadline_started_at == k_now + k_day);
    Ticket closed = ticket_in(State::closed);
    apply_step(closed, Step::reopen, actor_for(Step::reopen), valid_payload(Step::reopen),
               k_now + 3 * k_day);
    CHECK(closed.deadline_started_at == k_now + 3 * k_day);
    Ticket plain = ticket_in(State::received);
    apply_step(plain, Step::acknowledge, actor_for(Step::acknowledge), json::object(), k_now);
    CHECK_FALSE(plain.deadline_started_at);
}

TEST_CASE("view_contact is allowed in every state for branch staff and changes nothing") {
    const json payload = {{"fields", {"name", "phone"}}};
    for (State s : k_all_states) {
        for (Role role : {Role::frontdesk, Role::supervisor}) {
            INFO("state ", to_string(s), " role ", to_string(role));
            Ticket t = ticket_in(s);
            t.updated_at = k_now - k_day;
            const Actor staff{"S001", role, {}};
            CHECK(step_allowed_in(Step::view_contact, s));
            CHECK(check_step(t, Step::view_contact, staff, payload));
            const std::string before = to_json_text(t);
            apply_step(t, Step::view_contact, staff, payload, k_now);
            CHECK(to_json_text(t) == before);
            CHECK(t.updated_at == k_now - k_day);
        }
    }
}

TEST_CASE("view_contact is refused for the kiosk and center roles and for bad payloads") {
    const json payload = {{"fields", {"phone"}}};
    for (Role role : {Role::kiosk, Role::reviewer, Role::manager, Role::handler}) {
        auto r = check_step(ticket_in(State::received), Step::view_contact, Actor{"X", role, {}},
                            payload);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::rejected_step);
    }
    const Actor staff{"S001", Role::frontdesk, {}};
    for (const json& bad : {json::object(), json{{"fields", json::array()}},
                            json{{"fields", "phone"}}, json{{"fields", {"phone", "password"}}},
                            json{{"fields", {"phone", "phone"}}}, json{{"fields", {1}}}}) {
        INFO(bad.dump());
        auto r = check_step(ticket_in(State::dispatched), Step::view_contact, staff, bad);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::invalid_input);
        CHECK(r.error().message.find("fields") != std::string::npos);
    }
    CHECK(check_step(ticket_in(State::dispatched), Step::view_contact, staff,
                     {{"fields", {"name", "phone", "email", "customer_no", "order_no"}}}));
}

TEST_CASE("view_contact is never offered as a step") {
    for (State s : k_all_states) {
        auto steps = allowed_steps(ticket_in(s), Actor{"S9", Role::supervisor, {}});
        CHECK(std::find(steps.begin(), steps.end(), Step::view_contact) == steps.end());
    }
    CHECK(parse_step("view_contact") == Step::view_contact);
}

TEST_CASE("check_filed takes a ticket as filed and names the first key a step would set") {
    Ticket t;
    t.received_at = 1'795'397'400'000;
    t.updated_at = t.received_at;
    CHECK(check_filed(t));
    Ticket later = t;
    apply_step(later, Step::acknowledge, Actor{"S001", Role::frontdesk, {}}, json::object(),
               t.received_at + 1000);
    REQUIRE_FALSE(check_filed(later));
    CHECK(check_filed(later).error().field == "state");
    Ticket round = t;
    round.round = 999999;
    CHECK(check_filed(round).error().field == "round");
    Ticket fed = t;
    fed.feedback = "已解决";
    CHECK(check_filed(fed).error().field == "feedback");
    CHECK(check_filed(fed).error().reason.find("step") != std::string::npos);
    Ticket touched = t;
    touched.updated_at += 1;
    CHECK(check_filed(touched).error().field == "updated_at");
}
