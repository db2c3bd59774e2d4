#include "forms/deadlines.h"

#include <algorithm>

namespace cf::forms {

core::Millis add_duration(const SlaDuration& duration, core::Millis start,
                          const BusinessCalendar& calendar) {
    if (duration.basis == TimeBasis::business) {
        return calendar.add_business_time(start, duration.length);
    }
    return start + duration.length;
}

core::Millis first_response_due(const SlaPolicy& policy, core::Priority priority,
                                core::Millis received_at, const BusinessCalendar& calendar) {
    return add_duration(policy.first_response_for(priority), received_at, calendar);
}

core::Millis ticket_due(const SlaPolicy& policy, core::Priority priority,
                        core::RequestType request_type, core::Millis received_at,
                        const BusinessCalendar& calendar) {
    const auto own = policy.ticket_due.find(request_type);
    const SlaDuration& length =
        own != policy.ticket_due.end() ? own->second : policy.ticket_deadline_for(priority);
    return std::max(add_duration(length, received_at, calendar),
                    first_response_due(policy, priority, received_at, calendar));
}

core::Millis specialist_contact_due(const SlaPolicy& policy, core::RequestType request_type,
                                    core::Millis received_at, const BusinessCalendar& calendar) {
    if (request_type != core::RequestType::complaint) {
        return 0;
    }
    return add_duration(policy.specialist_contact, received_at, calendar);
}

core::Millis callback_due(const SlaPolicy& policy, core::Millis answered_at,
                          const BusinessCalendar& calendar) {
    return add_duration(policy.callback, answered_at, calendar);
}

core::Millis second_round_due(const SlaPolicy& policy, core::Millis started_at,
                              const BusinessCalendar& calendar) {
    return add_duration(policy.second_round, started_at, calendar);
}

} // namespace cf::forms
