#include "core/lifecycle.h"

#include "core/escalation.h"
#include "core/step_schema.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>

namespace cf::core {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 21> k_step_names = {
    "acknowledge",   "note",         "resolve",       "submit",        "contact",  "satisfaction",
    "close",         "reopen",       "review_accept", "review_return", "dispatch", "handle",
    "audit_approve", "audit_reject", "feedback",      "view_contact",  "approve",  "reclassify",
    "checklist",     "sign_for",     "audit_part"};
static_assert(static_cast<std::size_t>(Step::audit_part) + 1 == k_step_names.size());
static_assert(std::size(k_all_steps) == k_step_names.size());

bool any_of_states(State s, std::initializer_list<State> states) {
    return std::find(states.begin(), states.end(), s) != states.end();
}

bool any_of_roles(Role r, std::initializer_list<Role> roles) {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
}

bool contains(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

void add_once(std::vector<std::string>& list, const std::string& item) {
    if (!contains(list, item)) {
        list.push_back(item);
    }
}

// The resolution without `department`'s part. handle appends "<department>: <solution>" on a
// line of its own; a part runs to the next line that starts another department's part.
std::string without_part(const std::string& resolution, const std::string& department,
                         const std::vector<std::string>& departments) {
    auto part_starts_at = [&](std::size_t pos) -> const std::string* {
        for (const std::string& d : departments) {
            if (resolution.compare(pos, d.size() + 2, d + ": ") == 0) {
                return &d;
            }
        }
        return nullptr;
    };
    std::vector<std::size_t> starts;
    for (std::size_t pos = 0; pos < resolution.size();) {
        if ((pos == 0 || resolution[pos - 1] == '\n') && part_starts_at(pos) != nullptr) {
            starts.push_back(pos);
        }
        const std::size_t nl = resolution.find('\n', pos);
        pos = nl == std::string::npos ? resolution.size() : nl + 1;
    }
    if (starts.empty()) {
        return resolution;
    }
    // What stood before the first part (a branch's resolution from before the dispatch) stays.
    std::string out = resolution.substr(0, starts.front());
    if (out.ends_with('\n')) {
        out.pop_back();
    }
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : resolution.size();
        std::string part = resolution.substr(starts[i], end - starts[i]);
        if (*part_starts_at(starts[i]) == department) {
            continue;
        }
        if (part.ends_with('\n')) {
            part.pop_back();
        }
        out += (out.empty() ? "" : "\n") + part;
    }
    return out;
}

std::string prefix(Step step) {
    return "step '" + std::string(to_string(step)) + "'";
}

std::unexpected<Error> rejected(Step step, State state, std::string_view reason) {
    return fail(ErrorCode::rejected_step, prefix(step) + " is not allowed in state '" +
                                              std::string(to_string(state)) +
                                              "': " + std::string(reason));
}

std::unexpected<Error> bad_payload(Step step, std::string_view field, std::string_view what) {
    return fail(ErrorCode::invalid_input,
                prefix(step) + ": payload field '" + std::string(field) + "' " + std::string(what));
}

bool has_text(const json& payload, const char* field) {
    auto it = payload.find(field);
    return it != payload.end() && it->is_string() && !it->get<std::string>().empty();
}

std::string text_of(const json& payload, const char* field) {
    auto it = payload.find(field);
    return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// 100000 or 88.5: an amount as staff type it.
std::string amount_text(double amount) {
    std::string text = json(amount).dump();
    if (text.ends_with(".0")) {
        text.resize(text.size() - 2);
    }
    return text;
}

bool has_time(const json& payload, const char* field) {
    auto it = payload.find(field);
    return it != payload.end() && it->is_number_integer() && it->get<Millis>() > 0;
}

Result<void> require_text(Step step, const json& payload, const char* field) {
    if (!has_text(payload, field)) {
        return bad_payload(step, field, "must be a non-empty text");
    }
    return {};
}

Result<void> require_time(Step step, const json& payload, const char* field) {
    if (!has_time(payload, field)) {
        return bad_payload(step, field, "must be a time in milliseconds since the epoch");
    }
    return {};
}

Result<std::vector<std::string>> departments_of(Step step, const json& payload) {
    auto it = payload.find("departments");
    if (it == payload.end() || !it->is_array() || it->empty()) {
        return bad_payload(step, "departments", "must be a non-empty list of department names");
    }
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& d : *it) {
        if (!d.is_string() || d.get<std::string>().empty()) {
            return bad_payload(step, "departments", "must hold only non-empty names");
        }
        if (!seen.insert(d.get<std::string>()).second) {
            return bad_payload(step, "departments", "names '" + d.get<std::string>() + "' twice");
        }
        out.push_back(d.get<std::string>());
    }
    return out;
}

// Why a step is refused in a state: ownership first, because that is what staff must learn.
std::string refusal_reason(Step step, State state) {
    Owner side = step_side(step);
    if (!taken_by_either_owner(step) && owner_of(state) != side) {
        return side == Owner::branch
                   ? "the regional center owns the ticket until it sends feedback"
                   : "the branch owns the ticket; it is not at the regional center";
    }
    switch (step) {
    case Step::acknowledge:
        return "the first response was already given";
    case Step::resolve:
    case Step::submit:
        return state == State::received ? "acknowledge the customer first"
                                        : "the ticket is past handling at the branch";
    case Step::contact:
        return "the ticket is closed";
    case Step::satisfaction:
        return "there is no result to tell the customer yet";
    case Step::close:
        return state == State::closed ? "the ticket is already closed"
                                      : "the customer has not confirmed a result yet";
    case Step::reopen:
        return "only a closed ticket can be reopened";
    case Step::approve:
        return state == State::received ? "acknowledge the customer first"
                                        : "there is no resolution at the branch to approve";
    case Step::review_accept:
    case Step::review_return:
        return "only a submitted ticket is reviewed";
    case Step::dispatch:
        return "the ticket must pass review first, or be escalated to the manager";
    case Step::handle:
    case Step::sign_for:
        return "the ticket is not at a department";
    case Step::audit_part:
        return "no department's part is at the center to audit";
    case Step::audit_approve:
    case Step::audit_reject:
        return "the departments have not all answered";
    case Step::feedback:
        return "the result has not passed audit";
    case Step::checklist:
        return "the ticket is closed";
    case Step::reclassify:
        return "the ticket is past the point where its classification is confirmed";
    case Step::note:
    case Step::view_contact:
        break;
    }
    return "not allowed";
}

// SOP 002 (知识库标准答案): an enquiry the customer said a knowledge-base answer settled is
// acknowledged and resolved by the kiosk that filed it, in the filing's own transaction
// (TicketStore::file_with_steps). Nothing else is the kiosk's to take.
bool kiosk_answers(const Ticket& t, Step step, Role r) {
    return r == Role::kiosk && (step == Step::acknowledge || step == Step::resolve) &&
           t.request_type == RequestType::enquiry && !t.knowledge_article.empty() && t.round == 1;
}

Result<void> check_role(const Ticket& t, Step step, const Actor& actor) {
    auto refuse = [&](std::string_view why) {
        return fail(ErrorCode::rejected_step, prefix(step) + " is not allowed for role '" +
                                                  std::string(to_string(actor.role)) +
                                                  "' in state '" + std::string(to_string(t.state)) +
                                                  "': " + std::string(why));
    };
    if (actor.id.empty()) {
        return fail(ErrorCode::invalid_input, prefix(step) + ": the actor has no id");
    }
    const Role r = actor.role;
    if (kiosk_answers(t, step, r)) {
        return {};
    }
    switch (step) {
    case Step::note:
        return r == Role::kiosk ? refuse("the kiosk cannot add notes") : Result<void>{};
    case Step::view_contact:
        // Unmasked contact data is shown at the counter only, to signed-in branch staff.
        return any_of_roles(r, {Role::frontdesk, Role::supervisor})
                   ? Result<void>{}
                   : refuse("only branch staff may see a customer's contact data");
    case Step::acknowledge:
    case Step::contact:
    case Step::satisfaction:
    case Step::reopen:
        return any_of_roles(r, {Role::frontdesk, Role::supervisor})
                   ? Result<void>{}
                   : refuse("only branch staff take this step");
    case Step::resolve:
    case Step::submit:
        if (t.state == State::second_round && r != Role::supervisor) {
            return refuse("the second round belongs to a supervisor");
        }
        return any_of_roles(r, {Role::frontdesk, Role::supervisor})
                   ? Result<void>{}
                   : refuse("only branch staff take this step");
    case Step::approve:
        return r == Role::supervisor ? Result<void>{}
                                     : refuse("a resolution is approved by a supervisor");
    case Step::reclassify:
        if (owner_of(t.state) == Owner::branch) {
            return any_of_roles(r, {Role::frontdesk, Role::supervisor})
                       ? Result<void>{}
                       : refuse("branch staff correct the classification while the branch "
                                "holds the ticket");
        }
        return any_of_roles(r, {Role::reviewer, Role::manager})
                   ? Result<void>{}
                   : refuse("the reviewer confirms the classification at review (复核)");
    case Step::close:
        if (t.state != State::satisfied && r != Role::supervisor) {
            return refuse("closing without the customer's confirmation needs a supervisor");
        }
        return any_of_roles(r, {Role::frontdesk, Role::supervisor})
                   ? Result<void>{}
                   : refuse("only branch staff take this step");
    case Step::review_accept:
    case Step::review_return:
        return any_of_roles(r, {Role::reviewer, Role::manager})
                   ? Result<void>{}
                   : refuse("review is done by a reviewer or manager");
    case Step::dispatch:
        if (t.state == State::escalated && r != Role::manager) {
            return refuse("an escalated ticket is the manager's");
        }
        return any_of_roles(r, {Role::dispatcher, Role::manager})
                   ? Result<void>{}
                   : refuse("dispatch is done by a dispatcher or manager");
    case Step::handle:
        return any_of_roles(r, {Role::handler, Role::manager})
                   ? Result<void>{}
                   : refuse("handling is done by a department handler or manager");
    case Step::sign_for:
        return any_of_roles(r, {Role::handler, Role::manager})
                   ? Result<void>{}
                   : refuse("a department handler signs for the dispatch (签收)");
    case Step::audit_approve:
    case Step::audit_reject:
    case Step::audit_part:
        return any_of_roles(r, {Role::auditor, Role::manager})
                   ? Result<void>{}
                   : refuse("audit is done by an auditor or manager");
    case Step::feedback:
        if (t.state == State::escalated && r != Role::manager) {
            return refuse("an escalated ticket is the manager's");
        }
        return any_of_roles(r, {Role::reviewer, Role::auditor, Role::manager})
                   ? Result<void>{}
                   : refuse("feedback is sent by a reviewer, auditor or manager");
    case Step::checklist:
        return any_of_roles(r, {Role::frontdesk, Role::supervisor, Role::manager})
                   ? Result<void>{}
                   : refuse("the crisis steps are ticked by branch staff or the center's manager");
    }
    return {};
}

json classification_json(RequestType type, std::string_view category, Priority priority,
                         Severity severity) {
    return {{"request_type", to_string(type)},
            {"category", category},
            {"priority", to_string(priority)},
            {"severity", to_string(severity)}};
}

// "before" must be the ticket's classification now (a correction made on a stale view is
// refused), "after" names at least one value that changes, each one a known value.
Result<void> check_reclassify(const Ticket& t, Step step, const json& p) {
    if (auto r = require_text(step, p, "reason"); !r) {
        return r;
    }
    const json now = classification_of(t);
    if (p.value("before", json()) != now) {
        return fail(ErrorCode::rejected_step,
                    prefix(step) + " is not allowed: the ticket's classification is " + now.dump() +
                        " now, not what 'before' says; look at it again");
    }
    const json after = p.value("after", json());
    if (!after.is_object() || after.empty()) {
        return bad_payload(step, "after", "must name what changes");
    }
    bool changes = false;
    for (const auto& [key, value] : after.items()) {
        const bool known =
            value.is_string() &&
            ((key == "request_type" && parse_request_type(value.get<std::string>())) ||
             (key == "priority" && parse_priority(value.get<std::string>())) ||
             (key == "severity" && parse_severity(value.get<std::string>())) ||
             (key == "category" && !value.get<std::string>().empty()));
        if (!known) {
            return bad_payload(step, "after." + key,
                               "must be a request type, category, priority or severity");
        }
        changes = changes || now.at(key) != value;
    }
    if (!changes) {
        return bad_payload(step, "after", "changes nothing");
    }
    return {};
}

// 000 and 002: a costly plan and any plan for a major complaint are approved first.
Result<void> check_approval(const Ticket& t, Step step, double compensation) {
    const bool costly = t.approval_above && compensation > *t.approval_above;
    const bool major = t.severity == Severity::major;
    if (!costly && !major) {
        return {};
    }
    if (!t.approved_by.empty() && compensation <= t.approved_compensation) {
        return {};
    }
    const std::string why = major ? "every resolution of a major (重大) complaint"
                                  : "a compensation of " + amount_text(compensation) + " (above " +
                                        amount_text(*t.approval_above) + ")";
    const std::string approved = t.approved_by.empty()
                                     ? std::string("there is no approval")
                                     : "the approval by " + t.approved_by + " covers " +
                                           amount_text(t.approved_compensation);
    return fail(ErrorCode::rejected_step, prefix(step) + " is not allowed in state '" +
                                              std::string(to_string(t.state)) + "': " + why +
                                              " needs a supervisor's approval first (step "
                                              "'approve'); " +
                                              approved);
}

// The department a handler's step names: required, dispatched now, and the handler's own.
Result<std::string> open_department(const Ticket& t, Step step, const Actor& actor, const json& p) {
    if (auto r = require_text(step, p, "department"); !r) {
        return std::unexpected(r.error());
    }
    const std::string dept = text_of(p, "department");
    if (!contains(t.departments_pending, dept)) {
        return fail(ErrorCode::rejected_step,
                    prefix(step) + " is not allowed in state 'dispatched': department '" + dept +
                        "' has no open dispatch on this ticket");
    }
    if (actor.role == Role::handler && actor.department != dept) {
        return fail(ErrorCode::rejected_step, prefix(step) +
                                                  " is not allowed for role 'handler': the "
                                                  "handler works for department '" +
                                                  actor.department + "', not '" + dept + "'");
    }
    return dept;
}

// 004: the auditor approves or sends back one department's part as it completes.
Result<void> check_audit_part(const Ticket& t, Step step, const json& p) {
    if (auto r = require_text(step, p, "department"); !r) {
        return r;
    }
    const std::string dept = text_of(p, "department");
    const std::string verdict = text_of(p, "verdict");
    if (verdict != "approved" && verdict != "rejected") {
        return bad_payload(step, "verdict", "must be approved or rejected");
    }
    if (!contains(t.departments_answered, dept) || contains(t.departments_approved, dept)) {
        const std::string why = contains(t.departments_approved, dept)
                                    ? "its part is approved already"
                                    : "it has no handled part awaiting audit";
        return fail(ErrorCode::rejected_step, prefix(step) + " is not allowed in state '" +
                                                  std::string(to_string(t.state)) +
                                                  "': department '" + dept + "': " + why);
    }
    if (verdict == "rejected") {
        if (auto r = require_text(step, p, "reason"); !r) {
            return r;
        }
        return require_time(step, p, "deadline");
    }
    return {};
}

Result<void> check_payload(const Ticket& t, Step step, const Actor& actor, const json& p,
                           StepOrigin origin) {
    switch (step) {
    case Step::note:
        return require_text(step, p, "text");
    case Step::resolve: {
        if (auto c = p.find("compensation");
            c != p.end() && (!c->is_number() || c->get<double>() < 0)) {
            return bad_payload(step, "compensation", "must be an amount of zero or more");
        }
        if (auto r = require_text(step, p, "resolution"); !r) {
            return r;
        }
        return check_approval(t, step, p.value("compensation", 0.0));
    }
    case Step::reclassify:
        return check_reclassify(t, step, p);
    case Step::approve: {
        auto c = p.find("compensation");
        if (c == p.end() || !c->is_number() || c->get<double>() < 0) {
            return bad_payload(step, "compensation", "must be the amount approved, zero or more");
        }
        return require_text(step, p, "plan");
    }
    case Step::submit:
    case Step::review_return:
    case Step::reopen:
        if (step == Step::reopen) {
            if (auto r = require_time(step, p, "due_at"); !r) {
                return r;
            }
        }
        return require_text(step, p, "reason");
    case Step::contact:
        if (auto r = require_text(step, p, "channel"); !r) {
            return r;
        }
        return require_text(step, p, "outcome");
    case Step::satisfaction: {
        auto level = parse_satisfaction(text_of(p, "level"));
        if (!level || *level == Satisfaction::none) {
            return bad_payload(step, "level", "must be satisfied, mostly_satisfied or unsatisfied");
        }
        if (*level == Satisfaction::unsatisfied) {
            return require_time(step, p, "due_at");
        }
        return {};
    }
    case Step::close:
        if (t.state != State::satisfied) {
            return require_text(step, p, "reason");
        }
        return {};
    case Step::dispatch:
    case Step::audit_reject: {
        if (step == Step::audit_reject) {
            if (auto r = require_text(step, p, "reason"); !r) {
                return r;
            }
        }
        if (auto d = departments_of(step, p); !d) {
            return std::unexpected(d.error());
        }
        return require_time(step, p, "deadline");
    }
    case Step::handle: {
        for (const char* f : {"department", "investigation", "solution"}) {
            if (auto r = require_text(step, p, f); !r) {
                return r;
            }
        }
        if (!parse_responsibility(text_of(p, "responsibility"))) {
            return bad_payload(step, "responsibility",
                               "must be our_department, supplier or customer_misunderstanding");
        }
        auto dept = open_department(t, step, actor, p);
        if (!dept) {
            return std::unexpected(dept.error());
        }
        // 004: 相关职能部门及营业部需及时签收并处理. The center decides for its own events.
        if (origin == StepOrigin::local && !has_signed_for(t, *dept)) {
            return fail(ErrorCode::rejected_step,
                        prefix(step) + " is not allowed in state 'dispatched': department '" +
                            *dept +
                            "' has not signed for (签收) its latest dispatch; take step "
                            "'sign_for' first");
        }
        return {};
    }
    case Step::sign_for: {
        auto dept = open_department(t, step, actor, p);
        if (!dept) {
            return std::unexpected(dept.error());
        }
        if (has_signed_for(t, *dept)) {
            return fail(ErrorCode::rejected_step,
                        prefix(step) + " is not allowed in state 'dispatched': department '" +
                            *dept + "' has signed for its latest dispatch already");
        }
        return {};
    }
    case Step::audit_part:
        return check_audit_part(t, step, p);
    case Step::feedback:
        return require_text(step, p, "text");
    case Step::checklist: {
        if (!is_crisis(t)) {
            return fail(ErrorCode::rejected_step,
                        prefix(step) + " is not allowed: only a major (重大) or media-exposure "
                                       "(外宣传型) ticket has the crisis checklist");
        }
        const std::string item = text_of(p, "item");
        if (!is_checklist_item(item)) {
            return bad_payload(step, "item", "must be one of the crisis steps of 004");
        }
        if (std::find(t.checklist.begin(), t.checklist.end(), item) != t.checklist.end()) {
            return fail(ErrorCode::rejected_step,
                        prefix(step) + " is not allowed: '" + item + "' is already ticked");
        }
        return {};
    }
    case Step::view_contact: {
        auto it = p.find("fields");
        if (it == p.end() || !it->is_array() || it->empty()) {
            return bad_payload(step, "fields", "must be a non-empty list of customer fields");
        }
        std::set<std::string> seen;
        for (const auto& f : *it) {
            const bool known =
                f.is_string() && std::find(k_contact_fields.begin(), k_contact_fields.end(),
                                           f.get<std::string>()) != k_contact_fields.end();
            if (!known) {
                return bad_payload(step, "fields",
                                   "must hold only name, phone, email, customer_no or order_no");
            }
            if (!seen.insert(f.get<std::string>()).second) {
                return bad_payload(step, "fields", "names '" + f.get<std::string>() + "' twice");
            }
        }
        return {};
    }
    case Step::review_accept:
    case Step::acknowledge:
    case Step::audit_approve:
        return {};
    }
    return {};
}

} // namespace

std::string_view to_string(Step s) {
    return k_step_names.at(static_cast<std::size_t>(s));
}

std::optional<Step> parse_step(std::string_view s) {
    for (std::size_t i = 0; i < k_step_names.size(); ++i) {
        if (k_step_names[i] == s) {
            return static_cast<Step>(i);
        }
    }
    return std::nullopt;
}

Owner step_side(Step s) {
    switch (s) {
    case Step::review_accept:
    case Step::review_return:
    case Step::dispatch:
    case Step::sign_for:
    case Step::handle:
    case Step::audit_part:
    case Step::audit_approve:
    case Step::audit_reject:
    case Step::feedback:
        return Owner::center;
    default:
        return Owner::branch;
    }
}

bool taken_by_either_owner(Step s) {
    return s == Step::note || s == Step::contact || s == Step::view_contact ||
           s == Step::reclassify || s == Step::checklist;
}

json classification_of(const Ticket& t) {
    return classification_json(t.request_type, t.category, t.priority, t.severity);
}

bool step_allowed_in(Step step, State s) {
    using enum State;
    switch (step) {
    case Step::note:
    case Step::view_contact:
        return true;
    case Step::checklist:
        return s != closed;
    case Step::acknowledge:
        return s == received;
    case Step::reclassify:
        return any_of_states(s, {received, acknowledged, returned, submitted, accepted});
    case Step::resolve:
    case Step::submit:
    case Step::approve:
        return any_of_states(s, {acknowledged, returned, second_round});
    case Step::contact:
        return s != closed;
    case Step::satisfaction:
        return any_of_states(s, {resolved, answered});
    case Step::close:
        return any_of_states(s, {satisfied, resolved, answered});
    case Step::reopen:
        return s == closed;
    case Step::review_accept:
    case Step::review_return:
        return s == submitted;
    case Step::dispatch:
        return s == accepted || s == escalated;
    case Step::handle:
    case Step::sign_for:
        return s == dispatched;
    case Step::audit_part:
        return s == dispatched || s == handled;
    case Step::audit_approve:
    case Step::audit_reject:
        return s == handled;
    case Step::feedback:
        return s == audited || s == escalated;
    }
    return false;
}

bool has_signed_for(const Ticket& t, std::string_view department) {
    return contains(t.departments_signed, department);
}

std::vector<std::string> parts_to_audit(const Ticket& t) {
    std::vector<std::string> out;
    for (const std::string& d : t.departments_answered) {
        if (!contains(t.departments_approved, d)) {
            out.push_back(d);
        }
    }
    return out;
}

Result<void> check_step(const Ticket& t, Step step, const Actor& actor, const json& payload,
                        StepOrigin origin) {
    if (!payload.is_object()) {
        return fail(ErrorCode::invalid_input, prefix(step) + ": the payload must be a JSON object");
    }
    if (auto shape = check_step_schema(step, payload); !shape) {
        return fail(ErrorCode::invalid_input,
                    prefix(step) + ": " + shape.error().field + " " + shape.error().what);
    }
    if (!step_allowed_in(step, t.state)) {
        return rejected(step, t.state, refusal_reason(step, t.state));
    }
    if (auto r = check_role(t, step, actor); !r) {
        return r;
    }
    return check_payload(t, step, actor, payload, origin);
}

namespace {

// Whether a department step has a department to act on for this actor now: one still to sign
// for (sign_for), one signed for (handle), a part to audit (audit_part).
bool has_department_to_act_on(const Ticket& t, Step s, const Actor& actor) {
    if (s == Step::audit_part) {
        return !parts_to_audit(t).empty();
    }
    if (s != Step::sign_for && s != Step::handle) {
        return true;
    }
    return std::any_of(t.departments_pending.begin(), t.departments_pending.end(),
                       [&](const std::string& d) {
                           const bool own = actor.role != Role::handler || actor.department == d;
                           return own && has_signed_for(t, d) == (s == Step::handle);
                       });
}

} // namespace

std::vector<Step> allowed_steps(const Ticket& t, const Actor& actor) {
    std::vector<Step> out;
    for (Step s : k_all_steps) {
        if (s == Step::view_contact || s == Step::checklist) {
            // view_contact is "show" on the contact fields; the crisis checklist is a panel
            // of its own (offers_checklist).
            continue;
        }
        if (step_allowed_in(s, t.state) && check_role(t, s, actor) &&
            has_department_to_act_on(t, s, actor)) {
            out.push_back(s);
        }
    }
    return out;
}

bool offers_checklist(const Ticket& t, const Actor& actor) {
    return is_crisis(t) && step_allowed_in(Step::checklist, t.state) &&
           check_role(t, Step::checklist, actor).has_value();
}

std::expected<void, FieldProblem> check_filed(const Ticket& t) {
    auto differs = [](const char* field,
                      std::string_view what) -> std::expected<void, FieldProblem> {
        return std::unexpected(FieldProblem{field, "a ticket is filed " + std::string(what) +
                                                       "; every later change comes from a step"});
    };
    if (t.state != State::received) {
        return differs("state", "in state received, not " + std::string(to_string(t.state)));
    }
    if (t.round != 1) {
        return differs("round", "in round 1, not " + std::to_string(t.round));
    }
    if (t.satisfaction != Satisfaction::none) {
        return differs("satisfaction", "without a satisfaction");
    }
    const std::pair<const char*, bool> unset[] = {
        {"acknowledged_at", t.acknowledged_at.has_value()},
        {"resolved_at", t.resolved_at.has_value()},
        {"closed_at", t.closed_at.has_value()},
        {"resolution", !t.resolution.empty()},
        {"return_reason", !t.return_reason.empty()},
        {"departments", !t.departments.empty()},
        {"departments_pending", !t.departments_pending.empty()},
        {"departments_signed", !t.departments_signed.empty()},
        {"departments_answered", !t.departments_answered.empty()},
        {"departments_approved", !t.departments_approved.empty()},
        {"handling_deadline", t.handling_deadline.has_value()},
        {"feedback", !t.feedback.empty()},
        {"assignee", !t.assignee.empty()},
        {"deadline_started_at", t.deadline_started_at.has_value()},
        {"approved_by", !t.approved_by.empty()},
        {"checklist", !t.checklist.empty()},
    };
    for (const auto& [field, set] : unset) {
        if (set) {
            return differs(field, "without it");
        }
    }
    if (t.updated_at != t.received_at) {
        return differs("updated_at", "with updated_at equal to received_at");
    }
    return {};
}

void apply_step(Ticket& t, Step step, const Actor& actor, const json& p, Millis at) {
    if (step == Step::view_contact) {
        return; // only the event records it; the ticket itself did not change
    }
    t.updated_at = at;
    switch (step) {
    case Step::note:
    case Step::view_contact:
        break;
    case Step::contact:
        t.contact_due = 0; // the specialist's call, or the call-back after the feedback
        break;
    case Step::reclassify: {
        const json& after = p.at("after");
        if (auto v = after.find("request_type"); v != after.end()) {
            t.request_type = *parse_request_type(v->get<std::string>());
        }
        if (auto v = after.find("category"); v != after.end()) {
            t.category = v->get<std::string>();
        }
        if (auto v = after.find("priority"); v != after.end()) {
            t.priority = *parse_priority(v->get<std::string>());
        }
        if (auto v = after.find("severity"); v != after.end()) {
            t.severity = *parse_severity(v->get<std::string>());
        }
        // The clocks the new priority sets, as the caller derived them.
        if (has_time(p, "first_response_due") && !t.acknowledged_at) {
            t.first_response_due = p.at("first_response_due").get<Millis>();
        }
        if (has_time(p, "due_at")) {
            t.due_at = p.at("due_at").get<Millis>();
        }
        break;
    }
    case Step::checklist:
        t.checklist.push_back(text_of(p, "item"));
        break;
    case Step::approve:
        t.approved_by = actor.id;
        t.approved_compensation = p.at("compensation").get<double>();
        break;
    case Step::acknowledge:
        t.state = State::acknowledged;
        // Whoever answers an unowned ticket (a kiosk ticket) first takes it on; the kiosk
        // answering from the knowledge base takes nobody's place.
        if (t.assignee.empty() && actor.role != Role::kiosk) {
            t.assignee = actor.id;
        }
        if (!t.acknowledged_at) {
            t.acknowledged_at = at;
        }
        // A deadline that was only the first-response deadline is met now.
        if (t.due_at <= t.first_response_due) {
            t.due_at = 0;
        }
        break;
    case Step::resolve:
        t.state = State::resolved;
        t.resolution = text_of(p, "resolution");
        t.due_at = 0;
        if (!t.resolved_at) {
            t.resolved_at = at;
        }
        break;
    case Step::submit:
        t.state = State::submitted;
        t.return_reason.clear();
        break;
    case Step::satisfaction: {
        t.satisfaction = parse_satisfaction(text_of(p, "level")).value_or(Satisfaction::none);
        if (t.satisfaction == Satisfaction::unsatisfied) {
            // Unsatisfied after the second round: no third branch round, the center's manager
            // takes it (000). The first time, the branch's supervisor has a second round.
            const bool after_second_round = t.round >= 2;
            t.state = after_second_round ? State::escalated : State::second_round;
            t.round += 1;
            t.due_at = p.at("due_at").get<Millis>();
            t.deadline_started_at = at;
            // The second round belongs to the supervisor it was assigned to, if named.
            t.assignee = after_second_round ? std::string() : text_of(p, "assignee");
        } else {
            t.state = State::satisfied;
        }
        break;
    }
    case Step::close:
        t.state = State::closed;
        t.closed_at = at;
        t.due_at = 0;
        t.contact_due = 0;
        break;
    case Step::reopen:
        t.state = State::acknowledged;
        t.closed_at.reset();
        t.satisfaction = Satisfaction::none;
        t.due_at = p.at("due_at").get<Millis>();
        t.deadline_started_at = at;
        break;
    case Step::review_accept:
        t.state = State::accepted;
        if (has_time(p, "due_at")) {
            t.due_at = p.at("due_at").get<Millis>();
        }
        break;
    case Step::review_return:
        t.state = State::returned;
        t.return_reason = text_of(p, "reason");
        break;
    case Step::dispatch:
    case Step::audit_reject: {
        auto departments = p.at("departments").get<std::vector<std::string>>();
        t.state = State::dispatched;
        t.departments_pending = departments;
        for (const auto& d : departments) {
            if (std::find(t.departments.begin(), t.departments.end(), d) == t.departments.end()) {
                t.departments.push_back(d);
            }
        }
        t.handling_deadline = p.at("deadline").get<Millis>();
        // A new dispatch: every department signs for it and answers anew.
        t.departments_signed.clear();
        t.departments_answered.clear();
        t.departments_approved.clear();
        if (step == Step::audit_reject) {
            t.resolution.clear();
        }
        break;
    }
    case Step::sign_for:
        add_once(t.departments_signed, text_of(p, "department"));
        break;
    case Step::audit_part: {
        const std::string dept = text_of(p, "department");
        if (text_of(p, "verdict") == "approved") {
            add_once(t.departments_approved, dept);
            // The last part approved on a handled ticket: the audit has nothing left to check.
            if (t.state == State::handled && parts_to_audit(t).empty()) {
                t.state = State::audited;
            }
            break;
        }
        // Sent back: that department alone is dispatched again, signs again and answers anew.
        std::erase(t.departments_answered, dept);
        t.resolution = without_part(t.resolution, dept, t.departments);
        add_once(t.departments_pending, dept);
        std::erase(t.departments_signed, dept);
        const Millis deadline = p.at("deadline").get<Millis>();
        // One 处理时限 per ticket: the earliest of the departments still working.
        t.handling_deadline = t.state == State::dispatched && t.handling_deadline
                                  ? std::min(*t.handling_deadline, deadline)
                                  : deadline;
        t.state = State::dispatched;
        break;
    }
    case Step::handle: {
        const std::string dept = text_of(p, "department");
        std::erase(t.departments_pending, dept);
        std::erase(t.departments_signed, dept);
        add_once(t.departments_answered, dept);
        if (!t.resolution.empty()) {
            t.resolution += "\n";
        }
        t.resolution += dept + ": " + text_of(p, "solution");
        if (t.departments_pending.empty()) {
            t.state = State::handled;
            t.handling_deadline.reset();
        }
        break;
    }
    case Step::audit_approve:
        t.state = State::audited;
        break;
    case Step::feedback:
        t.state = State::answered;
        t.feedback = text_of(p, "text");
        t.due_at = 0;
        // The branch calls the customer back by then (the center adds it from its policy).
        if (has_time(p, "contact_due")) {
            t.contact_due = p.at("contact_due").get<Millis>();
        }
        if (!t.resolved_at) {
            t.resolved_at = at;
        }
        break;
    }
}

} // namespace cf::core
