#pragma once
// The branch statistics' periods (issue 5: today, this week, this month; issue 14: this
// quarter, for the procedures' quarterly figures) in the branch's local time, as half-open UTC
// intervals [from, to) for TicketStore::stats and daily_volume.

#include "core/clock.h"

#include <string_view>

namespace cf::core {

enum class PeriodKind { today, this_week, this_month, this_quarter };
// "today", "this_week", "this_month", "this_quarter"
std::string_view to_string(PeriodKind k);

struct Period {
    Millis from = 0; // local midnight starting the period, in UTC milliseconds
    Millis to = 0;   // local midnight after the period's last day (not `now`)
    bool operator==(const Period&) const = default;
};

// The day, week (Monday to Sunday), calendar month or calendar quarter (January to March ...)
// that holds `now`, at a fixed offset east
// of UTC in minutes. Never fails.
Period period_of(PeriodKind kind, Millis now, int utc_offset_minutes);

// The local calendar day that holds t at the offset.
CivilDate local_day(Millis t, int utc_offset_minutes);
// UTC milliseconds of the local midnight starting that day.
Millis local_midnight(CivilDate day, int utc_offset_minutes);

} // namespace cf::core
