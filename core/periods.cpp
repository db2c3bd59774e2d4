#include "core/periods.h"

namespace cf::core {
namespace {

// Days since the epoch of the local day holding t (floor division, so times before the
// epoch work too).
std::int64_t local_day_number(Millis t, int utc_offset_minutes) {
    const Millis local = t + static_cast<Millis>(utc_offset_minutes) * k_minute;
    return local >= 0 ? local / k_day : (local - k_day + 1) / k_day;
}

Millis midnight_of(std::int64_t day_number, int utc_offset_minutes) {
    return day_number * k_day - static_cast<Millis>(utc_offset_minutes) * k_minute;
}

} // namespace

std::string_view to_string(PeriodKind k) {
    switch (k) {
    case PeriodKind::today:
        return "today";
    case PeriodKind::this_week:
        return "this_week";
    case PeriodKind::this_month:
        return "this_month";
    case PeriodKind::this_quarter:
        return "this_quarter";
    }
    return "today";
}

CivilDate local_day(Millis t, int utc_offset_minutes) {
    return civil_from_days(local_day_number(t, utc_offset_minutes));
}

Millis local_midnight(CivilDate day, int utc_offset_minutes) {
    return midnight_of(days_from_civil(day), utc_offset_minutes);
}

Period period_of(PeriodKind kind, Millis now, int utc_offset_minutes) {
    const std::int64_t today = local_day_number(now, utc_offset_minutes);
    std::int64_t first = today;
    std::int64_t after = today + 1;
    switch (kind) {
    case PeriodKind::today:
        break;
    case PeriodKind::this_week:
        first = today - (weekday_iso(today) - 1);
        after = first + 7;
        break;
    case PeriodKind::this_month: {
        const CivilDate d = civil_from_days(today);
        first = days_from_civil(CivilDate{d.year, d.month, 1});
        after = d.month == 12 ? days_from_civil(CivilDate{d.year + 1, 1, 1})
                              : days_from_civil(CivilDate{d.year, d.month + 1, 1});
        break;
    }
    case PeriodKind::this_quarter: {
        const CivilDate d = civil_from_days(today);
        const int first_month = (d.month - 1) / 3 * 3 + 1;
        first = days_from_civil(CivilDate{d.year, first_month, 1});
        after = first_month == 10 ? days_from_civil(CivilDate{d.year + 1, 1, 1})
                                  : days_from_civil(CivilDate{d.year, first_month + 3, 1});
        break;
    }
    }
    return Period{midnight_of(first, utc_offset_minutes), midnight_of(after, utc_offset_minutes)};
}

} // namespace cf::core
