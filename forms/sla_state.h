#pragma once
// Where a running deadline stands, for lists, countdowns and the weekly SLA report.

#include "core/clock.h"
#include "forms/sla_policy.h"

#include <string_view>

namespace cf::forms {

enum class SlaState {
    on_track, // less than the warning share of the time used
    warning,  // at least the warning share used, not yet past the deadline
    overdue,  // past the deadline (now > due)
};

std::string_view to_string(SlaState s);

// The state of a deadline that ran from `start` to `due`, at `now` (wall-clock shares). At
// exactly `due` it is still warning; one millisecond later it is overdue.
SlaState sla_state(core::Millis start, core::Millis due, core::Millis now,
                   double warning_ratio = k_default_warning_ratio);

// True once `now` is past `due`.
bool is_overdue(core::Millis due, core::Millis now);

} // namespace cf::forms
