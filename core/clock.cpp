#include "core/clock.h"

#include <cassert>
#include <chrono>
#include <cstdio>

// Index of this file:
// [SECTION] Clocks
// [SECTION] Civil dates
// [SECTION] ISO 8601 text

namespace cf::core {

// [SECTION] Clocks

Millis SystemClock::now() const {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// [SECTION] Civil dates (Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms")

std::int64_t days_from_civil(CivilDate d) {
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;                          // [0, 399]
    const std::int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9; // [0, 11]
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;         // [0, 365]
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;                                      // [0, 146096]
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; // [0, 399]
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               // [0, 365]
    const std::int64_t mp = (5 * doy + 2) / 153;                                    // [0, 11]
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return CivilDate{static_cast<int>(year), month, day};
}

int weekday_iso(std::int64_t days) {
    // 1970-01-01 (day 0) was a Thursday.
    const std::int64_t from_monday = ((days + 3) % 7 + 7) % 7;
    return static_cast<int>(from_monday) + 1;
}

namespace {

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : k_days[month - 1];
}

} // namespace

bool valid_civil_date(CivilDate d) {
    if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) {
        return false;
    }
    return d.day <= days_in_month(d.year, d.month);
}

// [SECTION] ISO 8601 text

namespace {

Millis floor_div(Millis a, Millis b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

std::string format_iso8601(Millis t, int utc_offset_minutes) {
    const Millis local = t + static_cast<Millis>(utc_offset_minutes) * k_minute;
    const Millis days = floor_div(local, k_day);
    const Millis in_day = local - days * k_day;
    const CivilDate date = civil_from_days(days);
    const int hour = static_cast<int>(in_day / k_hour);
    const int minute = static_cast<int>(in_day % k_hour / k_minute);
    const int second = static_cast<int>(in_day % k_minute / 1000);
    const int millis = static_cast<int>(in_day % 1000);

    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month,
                          date.day, hour, minute, second);
    std::string out(buf, static_cast<std::size_t>(n));
    if (millis != 0) {
        n = std::snprintf(buf, sizeof buf, ".%03d", millis);
        out.append(buf, static_cast<std::size_t>(n));
    }
    if (utc_offset_minutes == 0) {
        out += 'Z';
    } else {
        const int magnitude = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
        n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+',
                          magnitude / 60, magnitude % 60);
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

namespace {

// Reads exactly `count` decimal digits at text[pos]; advances pos. -1 when they are not there.
int read_digits(std::string_view text, std::size_t& pos, std::size_t count) {
    if (text.size() - pos < count) {
        return -1;
    }
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

} // namespace

std::optional<Millis> parse_iso8601(std::string_view text, int default_offset_minutes) {
    std::size_t pos = 0;
    const int year = read_digits(text, pos, 4);
    if (year < 0 || !expect(text, pos, '-')) {
        return std::nullopt;
    }
    const int month = read_digits(text, pos, 2);
    if (month < 0 || !expect(text, pos, '-')) {
        return std::nullopt;
    }
    const int day = read_digits(text, pos, 2);
    if (day < 0) {
        return std::nullopt;
    }
    const CivilDate date{year, month, day};
    if (!valid_civil_date(date)) {
        return std::nullopt;
    }
    const Millis midnight = days_from_civil(date) * k_day;
    if (pos == text.size()) {
        return midnight - static_cast<Millis>(default_offset_minutes) * k_minute;
    }

    if (!expect(text, pos, 'T')) {
        return std::nullopt;
    }
    const int hour = read_digits(text, pos, 2);
    if (hour < 0 || hour > 23 || !expect(text, pos, ':')) {
        return std::nullopt;
    }
    const int minute = read_digits(text, pos, 2);
    if (minute < 0 || minute > 59) {
        return std::nullopt;
    }
    int second = 0;
    int millis = 0;
    if (expect(text, pos, ':')) {
        second = read_digits(text, pos, 2);
        if (second < 0 || second > 59) {
            return std::nullopt;
        }
        if (expect(text, pos, '.')) {
            // Any number of fraction digits; everything below a millisecond is dropped.
            std::size_t digits = 0;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                if (digits < 3) {
                    millis = millis * 10 + (text[pos] - '0');
                }
                ++digits;
                ++pos;
            }
            if (digits == 0) {
                return std::nullopt;
            }
            for (std::size_t i = digits; i < 3; ++i) {
                millis *= 10;
            }
        }
    }

    int offset = 0;
    if (expect(text, pos, 'Z')) {
        offset = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const bool negative = text[pos] == '-';
        ++pos;
        const int oh = read_digits(text, pos, 2);
        if (oh < 0 || oh > 23 || !expect(text, pos, ':')) {
            return std::nullopt;
        }
        const int om = read_digits(text, pos, 2);
        if (om < 0 || om > 59) {
            return std::nullopt;
        }
        offset = (negative ? -1 : 1) * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    return midnight + hour * k_hour + minute * k_minute + second * Millis{1000} + millis -
           offset * k_minute;
}

} // namespace cf::core
