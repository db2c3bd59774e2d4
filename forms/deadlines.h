#pragma once
// Deadlines from the SLA policy in a business calendar. Pure functions of their arguments: the
// caller passes the times, so tests and event replays get the same answers.

#include "core/clock.h"
#include "core/ticket.h"
#include "forms/business_calendar.h"
#include "forms/sla_policy.h"

namespace cf::forms {

// `start` + `duration`, on the wall clock or in business time as the duration says.
core::Millis add_duration(const SlaDuration& duration, core::Millis start,
                          const BusinessCalendar& calendar);

// When the first response (初步回应) is due for a ticket of this priority received then.
core::Millis first_response_due(const SlaPolicy& policy, core::Priority priority,
                                core::Millis received_at, const BusinessCalendar& calendar);

// The ticket's own deadline: the policy's ticket_due for its request type (a suggestion:
// 3 working days), otherwise the first response deadline.
core::Millis ticket_due(const SlaPolicy& policy, core::Priority priority,
                        core::RequestType request_type, core::Millis received_at,
                        const BusinessCalendar& calendar);

// When the second round (二次处理) that starts at `started_at` is due.
core::Millis second_round_due(const SlaPolicy& policy, core::Millis started_at,
                              const BusinessCalendar& calendar);

} // namespace cf::forms
