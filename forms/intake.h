#pragma once
// Intake: turns a form submission (JSON, as typed at the kiosk or counter or piped into the
// CLI) into a ticket ready to be filed: validated field by field against the form, classified
// by keyword rules where the submission left values open, and with its first deadlines set
// from the SLA policy in the branch's business calendar.

#include "core/clock.h"
#include "core/lifecycle.h"
#include "core/ticket.h"
#include "forms/catalog.h"

#include <nlohmann/json.hpp>

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// One problem with one field of a submission. `field` is the submission path
// ("customer.phone"), `reason` a sentence a person can act on, in English.
struct FieldError {
    std::string field;
    std::string reason;
};

// One keyword that matched, and what it suggested.
struct Match {
    std::string word;    // as written in the rule, e.g. "多扣"
    std::string rule_id; // id of the rule in assets/classifier/rules.json
    std::string sets;    // what it suggested, e.g. "category=billing.overcharge"
};

struct IntakeResult {
    core::NewTicket ticket;
    // Every match, for "why was this classified so". Priority rules that are not keywords
    // appear too, with rule_id "policy:..." and word naming the cause ("emotion=agitated").
    std::vector<Match> explanation;
    std::vector<std::string> classified_fields; // fields the classifier filled in
};

// The customer's own words as the classifier reads them (description, demand, expected time,
// what they tried), nothing else of the ticket.
std::string classification_text(const core::NewTicket& t);

// Validates `submission` against form `form_id` ("kiosk" or "counter"), classifies and sets
// deadlines in the calendar as `branch` keeps it (Catalog::branch_calendar: its open days;
// none given: the default days of branches.json). Values given explicitly are kept; a
// media-exposure special type forces urgent. Fails with every field error at once (unknown form id
// -> one error on field "form", unknown calendar id -> one error on field "calendar"). See
// submission_validator.h for the checks. A FieldError reads as "<field>: <reason>"; `reason` does
// not repeat the field.
std::expected<IntakeResult, std::vector<FieldError>>
prepare_ticket(const Catalog& catalog, std::string_view form_id, const nlohmann::json& submission,
               std::string_view calendar_id, core::Millis now, std::string_view branch = {});

// For a reclassify step that changes priority or request type: the first response and ticket
// deadlines re-derived from filing ("first_response_due", "due_at"), as the new
// classification would have set them.
void add_reclassified_deadlines(const SlaPolicy& policy, const core::Ticket& ticket,
                                nlohmann::json& payload, const BusinessCalendar& calendar);

// Adds the deadline a lifecycle step sets to its payload as "due_at" (ms since the epoch):
// satisfaction=unsatisfied starts the second round (24 h), reopen restarts the first
// response for the ticket's priority, reclassify re-derives the deadlines (above). Other steps
// are left as they are.
// A payload that already has "due_at" is left alone; a null payload becomes an object; the
// calendar is the ticket's branch's; an unknown calendar id counts every day as a working
// day. Never fails.
void add_step_deadline(const Catalog& catalog, std::string_view calendar_id,
                       const core::Ticket& ticket, core::Step step, nlohmann::json& payload,
                       core::Millis now);

} // namespace cf::forms
