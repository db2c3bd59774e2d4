#pragma once
// Time as milliseconds since the Unix epoch (UTC), and the clocks that give it. Everything that
// depends on "now" takes a Clock so tests can use a fixed one.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cf::core {

using Millis = std::int64_t;
constexpr Millis k_second = 1'000;
constexpr Millis k_minute = 60'000;
constexpr Millis k_hour = 60 * k_minute;
constexpr Millis k_day = 24 * k_hour;

class Clock {
public:
    virtual ~Clock() = default;
    virtual Millis now() const = 0;
};

class SystemClock final : public Clock {
public:
    Millis now() const override;
};

// A clock that only moves when told to; used by tests and by replay tools.
class ManualClock final : public Clock {
public:
    explicit ManualClock(Millis start) : m_now(start) {}
    Millis now() const override { return m_now; }
    void set(Millis t) { m_now = t; }
    void advance(Millis d) { m_now += d; }

private:
    Millis m_now;
};

// "2026-11-23T09:30:00+08:00" for t shown at a fixed UTC offset in minutes. Milliseconds are
// written (".123") only when there are some; offset 0 is written "Z".
std::string format_iso8601(Millis t, int utc_offset_minutes = 0);

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)" or "YYYY-MM-DD" (midnight at the given
// offset). Fractions may have any number of digits and are cut to milliseconds. Returns nullopt
// for anything else, including impossible dates, hour 24, leap seconds and a missing offset.
std::optional<Millis> parse_iso8601(std::string_view text, int default_offset_minutes = 0);

// Civil date helpers (proleptic Gregorian), exact for any year 1970..9999.
struct CivilDate {
    int year;
    int month; // 1..12
    int day;   // 1..31
    auto operator<=>(const CivilDate&) const = default;
};
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);
int weekday_iso(std::int64_t days); // 1 = Monday .. 7 = Sunday
bool valid_civil_date(CivilDate d); // a real day of a year 1..9999 (29 Feb in leap years only)

} // namespace cf::core
