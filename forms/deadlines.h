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

// The ticket deadline (工单时限): the policy's ticket_due for its request type (a suggestion:
// 3 working days), otherwise its ticket_deadline for the priority; never before the first
// response is due.
core::Millis ticket_due(const SlaPolicy& policy, core::Priority priority,
                        core::RequestType request_type, core::Millis received_at,
                        const BusinessCalendar& calendar);

// By when a complaint specialist contacts the customer (002: within 1 h of filing); 0 for
// every other request type, which has no such clock.
core::Millis specialist_contact_due(const SlaPolicy& policy, core::RequestType request_type,
                                    core::Millis received_at, const BusinessCalendar& calendar);

// By when the branch calls the customer back after the center's feedback at `answered_at`.
core::Millis callback_due(const SlaPolicy& policy, core::Millis answered_at,
                          const BusinessCalendar& calendar);

// When the second round (二次处理) that starts at `started_at` is due.
core::Millis second_round_due(const SlaPolicy& policy, core::Millis started_at,
                              const BusinessCalendar& calendar);

} // namespace cf::forms
