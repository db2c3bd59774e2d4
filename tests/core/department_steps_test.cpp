// The department side of the center's workflow (004): a department signs for (签收) its
// dispatch before it handles it, and the auditor judges each department's part as it completes.
#include "core/lifecycle.h"
#include "core/ticket_json.h"
#include "core/uuid.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cf;
using namespace cf::core;
using nlohmann::json;

namespace {

constexpr Millis k_now = 1'795'399'200'000;

const Actor k_dispatcher{"D1", Role::dispatcher, {}};
const Actor k_auditor{"A1", Role::auditor, {}};
const Actor k_billing{"H1", Role::handler, "billing"};
const Actor k_network{"H2", Role::handler, "network"};

json handled(const std::string& department, const std::string& solution) {
    return {{"department", department},
            {"investigation", "checked the records"},
            {"responsibility", "our_department"},
            {"solution", solution}};
}

void take(Ticket& t, Step step, const Actor& actor, const json& payload) {
    auto ok = check_step(t, step, actor, payload);
    REQUIRE_MESSAGE(ok, ok.error().message);
    apply_step(t, step, actor, payload, k_now);
}

// Accepted at review, dispatched to billing and network with a one-day deadline.
Ticket dispatched_to_two() {
    Ticket t;
    t.id = "t1";
    t.number = "SZ01-261123-K1-0001X";
    t.state = State::accepted;
    take(t, Step::dispatch, k_dispatcher,
         {{"departments", {"billing", "network"}}, {"deadline", k_now + k_day}});
    return t;
}

bool offered(const Ticket& t, const Actor& actor, Step step) {
    const auto steps = allowed_steps(t, actor);
    return std::find(steps.begin(), steps.end(), step) != steps.end();
}

} // namespace

TEST_CASE("a department signs for (签收) its dispatch before it handles it") {
    Ticket t = dispatched_to_two();
    auto early = check_step(t, Step::handle, k_billing, handled("billing", "refund"));
    REQUIRE_FALSE(early);
    CHECK(early.error().code == ErrorCode::rejected_step);
    CHECK(early.error().message.find("'billing' has not signed for") != std::string::npos);
    CHECK(early.error().message.find("'sign_for'") != std::string::npos);
    CHECK(offered(t, k_billing, Step::sign_for));
    CHECK_FALSE(offered(t, k_billing, Step::handle));

    auto others = check_step(t, Step::sign_for, k_network, {{"department", "billing"}});
    REQUIRE_FALSE(others);
    CHECK(others.error().message.find("works for department 'network'") != std::string::npos);
    CHECK_FALSE(check_step(t, Step::sign_for, k_billing, json::object()));

    take(t, Step::sign_for, k_billing, {{"department", "billing"}});
    CHECK(t.state == State::dispatched);
    CHECK(has_signed_for(t, "billing"));
    CHECK_FALSE(has_signed_for(t, "network"));
    auto twice = check_step(t, Step::sign_for, k_billing, {{"department", "billing"}});
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.find("already") != std::string::npos);
    CHECK_FALSE(offered(t, k_billing, Step::sign_for));
    CHECK(offered(t, k_billing, Step::handle));
    CHECK_FALSE(offered(t, k_network, Step::handle)); // network has not signed

    take(t, Step::handle, k_billing, handled("billing", "refund 50 yuan"));
    CHECK(t.departments_pending == std::vector<std::string>{"network"});
    CHECK(t.departments_signed.empty());
    CHECK_FALSE(
        check_step(t, Step::sign_for, Actor{"C", Role::reviewer, {}}, {{"department", "network"}}));
}

TEST_CASE("a ticket dispatched before the sign-for rule is handled once its department signs") {
    // A ticket stored before 签收 existed has no departments_signed key at all.
    Ticket t = dispatched_to_two();
    json stored = to_json(t, PiiMode::omit);
    stored.erase("departments_signed");
    stored.erase("departments_answered");
    stored.erase("departments_approved");
    auto old = ticket_from_json(stored);
    REQUIRE(old);
    CHECK(old->departments_signed.empty());
    CHECK_FALSE(check_step(*old, Step::handle, k_billing, handled("billing", "refund")));
    take(*old, Step::sign_for, k_billing, {{"department", "billing"}});
    take(*old, Step::handle, k_billing, handled("billing", "refund"));
    CHECK(old->departments_pending == std::vector<std::string>{"network"});
}

TEST_CASE("the center's own handle event is applied without a sign-for") {
    // A terminal follows the center for its steps: the center took this handle before 签收
    // existed, or a manager took it for the department.
    const Ticket t = dispatched_to_two();
    CHECK_FALSE(check_step(t, Step::handle, k_billing, handled("billing", "refund")));
    CHECK(check_step(t, Step::handle, k_billing, handled("billing", "refund"),
                     StepOrigin::from_center));
    // Everything else still holds: the department must have an open dispatch.
    CHECK_FALSE(check_step(t, Step::handle, Actor{"H9", Role::handler, "sales"},
                           handled("sales", "x"), StepOrigin::from_center));
}

TEST_CASE("a re-dispatch needs a new sign-for") {
    Ticket t = dispatched_to_two();
    for (const Actor& a : {k_billing, k_network}) {
        take(t, Step::sign_for, a, {{"department", a.department}});
        take(t, Step::handle, a, handled(a.department, "answer of " + a.department));
    }
    REQUIRE(t.state == State::handled);
    take(t, Step::audit_reject, k_auditor,
         {{"reason", "say when"}, {"departments", {"billing"}}, {"deadline", k_now + k_day}});
    CHECK_FALSE(has_signed_for(t, "billing"));
    CHECK_FALSE(check_step(t, Step::handle, k_billing, handled("billing", "refund today")));
    take(t, Step::sign_for, k_billing, {{"department", "billing"}});
    take(t, Step::handle, k_billing, handled("billing", "refund today"));
    CHECK(t.state == State::handled);
}

TEST_CASE("the auditor approves each department's part as it completes") {
    Ticket t = dispatched_to_two();
    take(t, Step::sign_for, k_billing, {{"department", "billing"}});
    take(t, Step::handle, k_billing, handled("billing", "refund 50 yuan"));
    REQUIRE(t.state == State::dispatched); // network still works
    CHECK(parts_to_audit(t) == std::vector<std::string>{"billing"});
    CHECK(offered(t, k_auditor, Step::audit_part));
    // A part not handled yet cannot be judged.
    auto unhandled = check_step(t, Step::audit_part, k_auditor,
                                {{"department", "network"}, {"verdict", "approved"}});
    REQUIRE_FALSE(unhandled);
    CHECK(unhandled.error().message.find("no handled part") != std::string::npos);
    CHECK_FALSE(check_step(t, Step::audit_part, k_auditor,
                           {{"department", "billing"}, {"verdict", "maybe"}}));
    CHECK_FALSE(check_step(t, Step::audit_part, k_billing,
                           {{"department", "billing"}, {"verdict", "approved"}}));

    take(t, Step::audit_part, k_auditor, {{"department", "billing"}, {"verdict", "approved"}});
    CHECK(t.state == State::dispatched);
    CHECK(t.departments_approved == std::vector<std::string>{"billing"});
    CHECK_FALSE(check_step(t, Step::audit_part, k_auditor,
                           {{"department", "billing"}, {"verdict", "approved"}}));
    CHECK_FALSE(offered(t, k_auditor, Step::audit_part));

    take(t, Step::sign_for, k_network, {{"department", "network"}});
    take(t, Step::handle, k_network, handled("network", "signal fixed"));
    REQUIRE(t.state == State::handled);
    CHECK(parts_to_audit(t) == std::vector<std::string>{"network"});
    // The last part approved: the audit has nothing left to check.
    take(t, Step::audit_part, k_auditor, {{"department", "network"}, {"verdict", "approved"}});
    CHECK(t.state == State::audited);
    CHECK(t.resolution == "billing: refund 50 yuan\nnetwork: signal fixed");
}

TEST_CASE("the whole audit still approves a handled ticket, parts approved or not") {
    Ticket t = dispatched_to_two();
    for (const Actor& a : {k_billing, k_network}) {
        take(t, Step::sign_for, a, {{"department", a.department}});
        take(t, Step::handle, a, handled(a.department, "done"));
    }
    take(t, Step::audit_part, k_auditor, {{"department", "billing"}, {"verdict", "approved"}});
    CHECK(t.state == State::handled);
    take(t, Step::audit_approve, k_auditor, json::object());
    CHECK(t.state == State::audited);
}

TEST_CASE("a part sent back dispatches that department alone again, with a reason and deadline") {
    Ticket t = dispatched_to_two();
    for (const Actor& a : {k_billing, k_network}) {
        take(t, Step::sign_for, a, {{"department", a.department}});
        take(t, Step::handle, a, handled(a.department, "answer of " + a.department));
    }
    REQUIRE(t.state == State::handled);
    json back = {{"department", "billing"}, {"verdict", "rejected"}};
    auto no_reason = check_step(t, Step::audit_part, k_auditor, back);
    REQUIRE_FALSE(no_reason);
    CHECK(no_reason.error().message.find("reason") != std::string::npos);
    back["reason"] = "say when the refund arrives";
    auto no_deadline = check_step(t, Step::audit_part, k_auditor, back);
    REQUIRE_FALSE(no_deadline);
    CHECK(no_deadline.error().message.find("deadline") != std::string::npos);
    back["deadline"] = k_now + 2 * k_day;
    take(t, Step::audit_part, k_auditor, back);

    CHECK(t.state == State::dispatched);
    CHECK(t.departments_pending == std::vector<std::string>{"billing"});
    CHECK(t.handling_deadline == k_now + 2 * k_day);
    CHECK(t.resolution == "network: answer of network"); // billing's part is gone
    CHECK(parts_to_audit(t) == std::vector<std::string>{"network"});
    // billing signs for the new dispatch before it answers again.
    CHECK_FALSE(check_step(t, Step::handle, k_billing, handled("billing", "refund on Friday")));
    take(t, Step::audit_part, k_auditor, {{"department", "network"}, {"verdict", "approved"}});
    take(t, Step::sign_for, k_billing, {{"department", "billing"}});
    take(t, Step::handle, k_billing, handled("billing", "refund on Friday"));
    CHECK(t.state == State::handled);
    CHECK(t.resolution == "network: answer of network\nbilling: refund on Friday");
    take(t, Step::audit_part, k_auditor, {{"department", "billing"}, {"verdict", "approved"}});
    CHECK(t.state == State::audited);
}

TEST_CASE("a terminal applies the center's handle of a ticket dispatched before 签收") {
    test::StoreFixture f;
    const Actor staff = test::frontdesk();
    auto filed = f.store->file(test::sample_complaint(), staff);
    REQUIRE(filed);
    const std::string n = filed->number;
    REQUIRE(f.store->act(n, Step::acknowledge, staff, {}));
    REQUIRE(f.store->act(n, Step::submit, staff, {{"reason", "needs billing"}}));
    REQUIRE(f.store->act(n, Step::review_accept, test::as(Role::reviewer), {}));
    REQUIRE(f.store->act(n, Step::dispatch, test::as(Role::dispatcher),
                         {{"departments", {"billing"}}, {"deadline", f.clock.now() + k_day}}));
    auto before = f.store->get(n);
    REQUIRE(before);
    RemoteEvent r;
    r.event.id = uuid_v7(f.clock.now() + 1);
    r.event.ticket_id = before->id;
    r.event.origin_device = "CENTER";
    r.event.device_seq = 1;
    r.event.hlc = static_cast<Hlc>(f.clock.now() + 1000) << 16;
    r.event.actor = "H01";
    r.event.actor_role = Role::handler;
    r.event.kind = "handle";
    r.event.payload = handled("billing", "refund 50 yuan");
    const RemoteEvent events[] = {r};
    auto applied = f.store->apply_remote(events, {}, PullCheckpoint{"e1", 1, 0});
    REQUIRE(applied);
    CHECK(applied->refused.empty());
    auto after = f.store->get(n);
    REQUIRE(after);
    CHECK(after->state == State::handled);
}

TEST_CASE("a part sent back leaves the other parts, over several lines, and what stood before") {
    Ticket t = dispatched_to_two();
    t.resolution = "explained the tariff at the counter";
    take(t, Step::sign_for, k_billing, {{"department", "billing"}});
    take(t, Step::handle, k_billing, handled("billing", "refund 50 yuan\nby Friday"));
    take(t, Step::sign_for, k_network, {{"department", "network"}});
    take(t, Step::handle, k_network, handled("network", "signal fixed\nnetwork: checked twice"));
    take(t, Step::audit_part, k_auditor,
         {{"department", "billing"},
          {"verdict", "rejected"},
          {"reason", "which account"},
          {"deadline", k_now + k_day}});
    CHECK(t.resolution ==
          "explained the tariff at the counter\nnetwork: signal fixed\nnetwork: checked twice");
}
