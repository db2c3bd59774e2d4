#include "forms/sla_state.h"

#include <cmath>

namespace cf::forms {

std::string_view to_string(SlaState s) {
    switch (s) {
    case SlaState::on_track:
        return "on_track";
    case SlaState::warning:
        return "warning";
    case SlaState::overdue:
        return "overdue";
    }
    return "on_track";
}

bool is_overdue(core::Millis due, core::Millis now) {
    return now > due;
}

SlaState sla_state(core::Millis start, core::Millis due, core::Millis now, double warning_ratio) {
    if (is_overdue(due, now)) {
        return SlaState::overdue;
    }
    // Integer arithmetic in parts per ten thousand, so that exactly 80 % is a warning whatever
    // rounding 0.8 suffers as a double.
    constexpr std::int64_t k_parts = 10'000;
    const auto ratio_parts = static_cast<std::int64_t>(std::llround(warning_ratio * k_parts));
    const core::Millis used = now - start;
    const core::Millis total = due - start;
    if (used * k_parts >= ratio_parts * total) {
        return SlaState::warning;
    }
    return SlaState::on_track;
}

} // namespace cf::forms
