#include "forms/lunar_calendar.h"

#include <array>
#include <string_view>

namespace cf::forms {
namespace {

struct LunarYear {
    int new_year_month; // Gregorian month and day of 正月初一
    int new_year_day;
    int leap_month;        // 0 when the year has no 闰月, else the month it follows
    std::string_view days; // each month in order, the leap month after its month:
                           // '0' for 30 days (大月), '9' for 29 days (小月)
};

// Derived from liblunar-date 3.0.1 and lunar 2.2 (Debian; both agree for 2020-2049) and compared
// with the lunarInfo table common to JavaScript calendars (it agrees for 2020-2060), with
// every month start checked against the new moons at UTC+8 (Meeus, Astronomical Algorithms,
// ch. 49). 2060 follows the new moons where liblunar-date does not: the 4th month starts on
// 2060-04-30 (new moon 18:10 UTC+8), so the 3rd month has 29 days and the 4th 30.
constexpr std::array<LunarYear, k_last_lunar_year - k_first_lunar_year + 1> k_years = {{
    {1, 25, 4, "9000909909090"},  // 2020
    {2, 12, 0, "900909090909"},   // 2021
    {2, 1, 0, "090900909090"},    // 2022
    {1, 22, 2, "9099009009090"},  // 2023
    {2, 10, 0, "909909009009"},   // 2024
    {1, 29, 6, "0909909090009"},  // 2025
    {2, 17, 0, "090990990009"},   // 2026
    {2, 6, 0, "009099099009"},    // 2027
    {1, 26, 5, "0009099099009"},  // 2028
    {2, 13, 0, "009090909900"},   // 2029
    {2, 3, 0, "909009090909"},    // 2030
    {1, 23, 3, "9009090090909"},  // 2031
    {2, 11, 0, "099090090090"},   // 2032
    {1, 31, 11, "9099090900090"}, // 2033
    {2, 19, 0, "909909090090"},   // 2034
    {2, 8, 0, "090990990090"},    // 2035
    {1, 28, 6, "0090990990900"},  // 2036
    {2, 15, 0, "009099099090"},   // 2037
    {2, 4, 0, "009090909909"},    // 2038
    {1, 24, 5, "0090090909099"},  // 2039
    {2, 12, 0, "090090900909"},   // 2040
    {2, 1, 0, "909090090090"},    // 2041
    {1, 22, 2, "9099090900900"},  // 2042
    {2, 10, 0, "909909900900"},   // 2043
    {1, 30, 7, "0909909909000"},  // 2044
    {2, 17, 0, "090990990900"},   // 2045
    {2, 6, 0, "090909099090"},    // 2046
    {1, 26, 5, "0900909099090"},  // 2047
    {2, 14, 0, "900900909909"},   // 2048
    {2, 2, 0, "090900900909"},    // 2049
    {1, 23, 3, "9090909009009"},  // 2050
    {2, 11, 0, "099099009000"},   // 2051
    {2, 1, 8, "9099099090000"},   // 2052
    {2, 19, 0, "909909909000"},   // 2053
    {2, 8, 0, "900990990900"},    // 2054
    {1, 28, 6, "9009090990909"},  // 2055
    {2, 15, 0, "000909099090"},   // 2056
    {2, 4, 0, "900909009909"},    // 2057
    {1, 24, 4, "0909090090099"},  // 2058
    {2, 12, 0, "090909090009"},   // 2059
    {2, 2, 0, "099099090009"},    // 2060
}};

int month_length(char code) {
    return code == '0' ? 30 : 29;
}

const LunarYear* find_year(int year) {
    if (year < k_first_lunar_year || year > k_last_lunar_year) {
        return nullptr;
    }
    return &k_years[static_cast<std::size_t>(year - k_first_lunar_year)];
}

} // namespace

std::optional<core::CivilDate> gregorian_from_lunar(int year, int month, int day, bool leap) {
    const LunarYear* y = find_year(year);
    if (y == nullptr || month < 1 || month > 12 || day < 1 || (leap && y->leap_month != month)) {
        return std::nullopt;
    }
    // The position of the month in `days`: a leap month earlier in the year shifts it by one.
    std::size_t index = static_cast<std::size_t>(month - 1);
    if ((y->leap_month != 0 && y->leap_month < month) || leap) {
        ++index;
    }
    if (day > month_length(y->days[index])) {
        return std::nullopt;
    }
    std::int64_t days = core::days_from_civil({year, y->new_year_month, y->new_year_day});
    for (std::size_t i = 0; i < index; ++i) {
        days += month_length(y->days[i]);
    }
    return core::civil_from_days(days + day - 1);
}

std::optional<core::CivilDate> lunar_new_years_eve(int year) {
    const LunarYear* y = find_year(year);
    if (y == nullptr) {
        return std::nullopt;
    }
    return core::civil_from_days(core::days_from_civil({year, y->new_year_month, y->new_year_day}) -
                                 1);
}

} // namespace cf::forms
