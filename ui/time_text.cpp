#include "ui/time_text.h"

#include <cstdio>

namespace cf::ui {

namespace {

std::int64_t local_day(core::Millis t, int offset_minutes) {
    const core::Millis local = t + static_cast<core::Millis>(offset_minutes) * core::k_minute;
    return local >= 0 ? local / core::k_day : (local - core::k_day + 1) / core::k_day;
}

} // namespace

std::string when_text(const forms::UiStrings& strings, Locale locale, core::Millis at,
                      core::Millis now, int utc_offset_minutes) {
    const std::string loc(code(locale));
    const std::int64_t day = local_day(at, utc_offset_minutes);
    const core::Millis local = at + static_cast<core::Millis>(utc_offset_minutes) * core::k_minute;
    const core::Millis in_day = local - day * core::k_day;
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", static_cast<int>(in_day / core::k_hour),
                  static_cast<int>(in_day % core::k_hour / core::k_minute));
    const std::int64_t today = local_day(now, utc_offset_minutes);
    if (day == today) {
        return strings.format(loc, "time.today", {{"time", hm}});
    }
    if (day == today + 1) {
        return strings.format(loc, "time.tomorrow", {{"time", hm}});
    }
    const core::CivilDate d = core::civil_from_days(day);
    const std::string date =
        strings.format(loc, "time.date",
                       {{"month", strings.get(loc, "month." + std::to_string(d.month))},
                        {"day", std::to_string(d.day)}});
    return strings.format(loc, "time.date_time", {{"date", date}, {"time", hm}});
}

} // namespace cf::ui
