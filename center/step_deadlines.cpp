#include "center/step_deadlines.h"

#include "core/clock.h"
#include "forms/business_calendar.h"
#include "forms/deadlines.h"
#include "forms/intake.h"

namespace cf::center {

namespace {

const char* deadline_key(core::Step step) {
    switch (step) {
    case core::Step::review_accept:
        return "due_at";
    case core::Step::dispatch:
    case core::Step::audit_reject:
    case core::Step::audit_part:
        return "deadline";
    case core::Step::feedback:
        return "contact_due";
    default:
        return nullptr;
    }
}

} // namespace

CenterResult<void> settle_step_deadlines(const core::Ticket& t, core::Step step,
                                         nlohmann::json& payload, const forms::SlaPolicy& policy,
                                         core::Millis now) {
    if (step == core::Step::reclassify && payload.is_object() && !payload.contains("due_at")) {
        forms::add_reclassified_deadlines(policy, t, payload, forms::BusinessCalendar());
        return {};
    }
    const char* key = deadline_key(step);
    if (key == nullptr || !payload.is_object()) {
        return {};
    }
    if (step == core::Step::feedback && !payload.contains(key)) {
        // The center does not know the branch's calendar: business time counts every day.
        payload[key] = forms::callback_due(policy, now, forms::BusinessCalendar());
        return {};
    }
    const auto it = payload.find(key);
    if (it != payload.end() && it->is_number_integer() && it->get<core::Millis>() <= now) {
        const std::string field = std::string("payload.") + key;
        return center_error(422, "deadline_in_past",
                            field + ": " + core::format_iso8601(it->get<core::Millis>()) +
                                " has passed (now " + core::format_iso8601(now) +
                                "); a deadline lies in the future",
                            field);
    }
    return {};
}

} // namespace cf::center
