#pragma once
// The lifecycle state machine (DOMAIN.md "Lifecycle"): which step may be taken in which state,
// by which side (branch or center) and role, and what each step changes. It is pure: the store
// calls check_step before it writes an event and apply_event to project the event onto the
// ticket row in the same transaction.
//
// Payloads are JSON objects. Deadlines a step sets (second round, reopen) are computed by the
// caller from the SLA policy (forms/) and passed in the payload as "due_at" (ms since epoch),
// so that replaying events anywhere gives the same ticket.

#include "core/error.h"
#include "core/ticket.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cf::core {

enum class Step {
    // branch steps
    acknowledge,  // 初步回应: records the first response
    note,         // any side, any state: {"text"}
    resolve,      // 当场处理 / second-round resolution: {"resolution", "compensation"?}
    submit,       // 提交 to the regional center: {"reason"}
    contact,      // a contact with the customer, in every open state and whoever owns the
                  // ticket (结果反馈, a progress call, the specialist's call):
                  // {"channel", "outcome"}; meets contact_due
    satisfaction, // {"level": satisfied|mostly_satisfied|unsatisfied; if unsatisfied "due_at" and
                  // optionally "assignee", the supervisor who takes the second round}
    close,        // 关闭: {"note"?}; supervisor may close an unconfirmed ticket with {"reason"}
    reopen,       // {"reason", "due_at"}
    // center steps
    review_accept, // 复核 passed
    review_return, // 复核 failed: {"reason"}
    dispatch,      // 派单: {"departments": [..], "deadline": ms}
    handle,        // 处理: {"department", "investigation", "responsibility", "solution"}
    audit_approve, // 审核 passed
    audit_reject,  // 审核 failed, dispatch again: {"reason", "departments", "deadline"}
    feedback,      // 反馈 to the branch: {"text", "contact_due"?: the call-back deadline}
    // branch staff, in any state, whichever side owns the ticket
    view_contact, // audit trail: staff saw the customer's unmasked contact data:
                  // {"fields": ["name", "phone", ...]}; changes nothing in the projection
                  // (not even updated_at) and is never offered by allowed_steps
    approve,      // 方案审批 by a branch supervisor, where resolve may follow:
                  // {"compensation": amount approved, "plan": text}. A resolution paying
                  // more than the ticket's approval_above, or any resolution of a 重大
                  // (major) ticket, needs an approval covering its compensation.
    reclassify,   // 二次确认 of the classification, before handling: by branch staff while the
                  // branch holds the ticket (a kiosk ticket), by a reviewer at 复核:
                  // {"before": {the four as they are}, "after": {any of request_type,
                  // category, priority, severity that change}, "reason", and the deadlines
                  // re-derived from the new priority: "first_response_due"?, "due_at"?}
    checklist,    // one crisis step of 004 done (escalation.h), on a 重大 or 外宣传型 ticket
                  // not closed, by branch staff or the center's manager, whoever owns it:
                  // {"item": one of k_crisis_checklist, not ticked before, "note"?}
    sign_for,     // 签收 by a department handler (or the manager for a department) of the
                  // department's latest dispatch, in state dispatched: {"department"}. A
                  // department handles only after signing for its latest dispatch.
    audit_part,   // 审核 of one department's handled part while others may still work, in
                  // dispatched or handled: {"department", "verdict": approved|rejected,
                  // "reason" (rejected), "deadline" (rejected: that department is dispatched
                  // again with this 处理时限)}. Approving the last part of a handled ticket
                  // passes the audit as audit_approve does.
};
// In the order a UI offers them.
inline constexpr Step k_all_steps[] = {
    Step::acknowledge,   Step::note,          Step::resolve,       Step::submit,
    Step::contact,       Step::satisfaction,  Step::close,         Step::reopen,
    Step::review_accept, Step::review_return, Step::dispatch,      Step::sign_for,
    Step::handle,        Step::audit_part,    Step::audit_approve, Step::audit_reject,
    Step::feedback,      Step::view_contact,  Step::approve,       Step::reclassify,
    Step::checklist,
};
inline constexpr State k_all_states[] = {
    State::received,  State::acknowledged, State::resolved, State::submitted, State::returned,
    State::accepted,  State::dispatched,   State::handled,  State::audited,   State::answered,
    State::satisfied, State::second_round, State::closed,   State::escalated,
};

// The customer fields whose unmasked view view_contact records (Customer's members).
inline constexpr std::array<std::string_view, 5> k_contact_fields = {"name", "phone", "email",
                                                                     "customer_no", "order_no"};

std::string_view to_string(Step s);
std::optional<Step> parse_step(std::string_view s);

// Which side takes the step. note, contact, view_contact, reclassify and checklist report
// branch but are taken whichever side owns the ticket.
Owner step_side(Step s);
bool taken_by_either_owner(Step s);

struct Actor {
    std::string id; // staff id, "kiosk", or a center account
    Role role = Role::frontdesk;
    std::string department; // for Role::handler: the one department they handle for
};

// States in which the step is allowed at all (ignoring actor and payload).
bool step_allowed_in(Step step, State state);

// Where a step comes from. A terminal applying the center's own steps (pulled events) follows
// the center, which is their authority: it does not refuse a handle for want of a 签收 (a
// ticket the center dispatched before the sign-for rule is handled without one).
enum class StepOrigin { local, from_center };

// Checks a step against the ticket's state, the owning side, the actor's role and the payload
// (first its shape, step_schema.h).
// Fails with rejected_step whose message names the step, the current state and the reason, or
// with invalid_input naming the payload field that is missing or wrong.
Result<void> check_step(const Ticket& t, Step step, const Actor& actor,
                        const nlohmann::json& payload, StepOrigin origin = StepOrigin::local);

// Whether `department` signed for (签收) its latest dispatch on this ticket.
bool has_signed_for(const Ticket& t, std::string_view department);
// The departments whose handled part an audit_part may judge now: answered, not yet approved.
std::vector<std::string> parts_to_audit(const Ticket& t);

// The steps this actor may take on this ticket now (for UIs that offer only allowed steps).
// view_contact is left out: a UI offers "show" on the contact fields instead; so is checklist,
// a panel of its own. reclassify is offered; its dialog shows before and after.
std::vector<Step> allowed_steps(const Ticket& t, const Actor& actor);
// Whether this actor may tick the crisis checklist of this ticket now (a crisis ticket, not
// closed, a role that ticks): the UIs show the checklist panel then.
bool offers_checklist(const Ticket& t, const Actor& actor);

// Whether t is a ticket as filing makes it, before any step: the lifecycle starts every ticket
// in state received, round 1, without satisfaction and without anything a step sets
// (acknowledged_at, resolved_at, closed_at, resolution, return_reason, departments,
// departments_pending, departments_signed, departments_answered, departments_approved,
// handling_deadline, feedback, assignee, deadline_started_at), updated
// when received. Every later state comes from replaying steps with apply_step. Fails naming
// the first ticket key (as to_json writes it) that differs, and why.
struct FieldProblem {
    std::string field;
    std::string reason;
};
std::expected<void, FieldProblem> check_filed(const Ticket& t);

// The classification a reclassify step records as "before": request_type, category, priority
// and severity as the ticket has them now.
nlohmann::json classification_of(const Ticket& t);

// Applies an already checked step to the projection. `at` is the event's physical time.
// acknowledge makes the acting staff the assignee when the ticket has none; satisfaction
// "unsatisfied" and reopen set a new due_at and record `at` as deadline_started_at.
// "unsatisfied" starts the second round the first time; after the second round (round 2 or
// later) it escalates the ticket to the center's manager instead (state escalated).
void apply_step(Ticket& t, Step step, const Actor& actor, const nlohmann::json& payload, Millis at);

} // namespace cf::core
