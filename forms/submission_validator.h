#pragma once
// Checks a submission (the JSON a kiosk or counter screen, or the CLI, hands in) against a form
// and turns it into the ticket's recorded fields. Classification and deadlines come later
// (intake.h); this is the part a screen can run on every keystroke.

#include "core/ticket.h"
#include "forms/category_tree.h"
#include "forms/form_definition.h"
#include "forms/intake.h"
#include "forms/ticket_path.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <vector>

namespace cf::forms {

struct ValidSubmission {
    core::NewTicket ticket;        // submitted values, then field defaults, then form defaults
    std::vector<TicketPath> given; // paths the submission itself filled (not from defaults)

    bool was_given(TicketPath p) const;
};

// Validates `submission` against `form`. Submission keys are ticket paths: the NewTicket
// fields with enum values as core::to_string names, "customer": {name, phone, email,
// customer_no, order_no}, "consent", and receiver/locale/channel, which every form accepts.
// Fails with every problem at once: not an object, unknown keys at any level, ticket fields
// that are not on this form, values of the wrong type or out of range, required visible
// fields left empty, a one-of rule with none given. Fields hidden by visible_if are ignored.
// `utc_offset_minutes` places a date without a time.
std::expected<ValidSubmission, std::vector<FieldError>>
validate_submission(const FormDefinition& form, const CategoryTree& categories,
                    const nlohmann::json& submission, int utc_offset_minutes);

} // namespace cf::forms
