#pragma once
// The Chinese lunar calendar (农历) as used in mainland China, Hong Kong and Taiwan, for the
// years a business calendar may need past its own holiday lists. Lunar holidays (春节, 端午,
// 中秋, ...) are fixed in it; the Gregorian date they fall on comes from a table of the years
// 2020-2060, because the calendar follows astronomical new moons at UTC+8 and has no formula.

#include "core/clock.h"

#include <optional>

namespace cf::forms {

inline constexpr int k_first_lunar_year = 2020;
inline constexpr int k_last_lunar_year = 2060;

// The Gregorian date of `day` (1..30) of lunar month `month` (1..12; `leap` for the leap month
// that follows it, 闰月) in lunar year `year`, the year whose 正月初一 falls in Gregorian
// `year`. Nullopt outside k_first_lunar_year..k_last_lunar_year, for a leap month the year
// does not have, and for day 30 of a 29-day month.
std::optional<core::CivilDate> gregorian_from_lunar(int year, int month, int day,
                                                    bool leap = false);

// 除夕, the last day of lunar year `year - 1`: the day before 正月初一 of `year`. Nullopt
// outside the table.
std::optional<core::CivilDate> lunar_new_years_eve(int year);

} // namespace cf::forms
