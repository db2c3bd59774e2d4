#include "forms/deadlines.h"

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
    if (auto it = policy.ticket_due.find(request_type); it != policy.ticket_due.end()) {
        return add_duration(it->second, received_at, calendar);
    }
    return first_response_due(policy, priority, received_at, calendar);
}

core::Millis second_round_due(const SlaPolicy& policy, core::Millis started_at,
                              const BusinessCalendar& calendar) {
    return add_duration(policy.second_round, started_at, calendar);
}

} // namespace cf::forms
