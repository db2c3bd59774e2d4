// The business calendar reader (forms/business_calendar.h, assets/calendars/<id>.json) and
// its date reader. Checks that an accepted calendar's offset is within -12:00..+14:00, that
// business time never runs backwards (adding a longer duration never ends earlier, and never
// before the start), and that a date parse_calendar_date takes is a real date that prints
// back to the same text; a refusal names the file and reasons.
#include "asset_checks.h"
#include "core/clock.h"
#include "forms/business_calendar.h"

#include <cstdio>

namespace {

using namespace cf;

void check_date_text(std::string_view text) {
    const auto day = forms::parse_calendar_date(text);
    if (!day) {
        return;
    }
    const core::CivilDate d = core::civil_from_days(*day);
    FUZZ_CHECK(core::valid_civil_date(d), std::string(text));
    char printed[16];
    std::snprintf(printed, sizeof printed, "%04d-%02d-%02d", static_cast<int>(d.year),
                  static_cast<int>(d.month), static_cast<int>(d.day));
    FUZZ_CHECK(text == printed, std::string(text) + " reads as " + printed);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    check_date_text(text);
    const auto doc = fuzz::asset_doc(text);
    if (!doc) {
        return 0;
    }
    const auto calendar = forms::parse_business_calendar(*doc, "calendars/test.json");
    if (!calendar) {
        fuzz::check_errors(calendar.error(), "calendars/test.json");
        return 0;
    }
    FUZZ_CHECK(calendar->utc_offset_minutes() >= -12 * 60 &&
                   calendar->utc_offset_minutes() <= 14 * 60,
               fuzz::dump(*doc));
    // 2026-01-01T00:00Z and a week around it, a few durations up to 30 days.
    const core::Millis start = 1'767'225'600'000;
    core::Millis previous = start;
    for (const core::Millis length :
         {core::Millis{0}, core::k_hour, core::k_day, 3 * core::k_day, 30 * core::k_day}) {
        const core::Millis end = calendar->add_business_time(start, length);
        FUZZ_CHECK(end >= start + length && end >= previous, fuzz::dump(*doc));
        previous = end;
    }
    return 0;
}
