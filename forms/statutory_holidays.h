#pragma once
// Public holidays fixed by law, for the days after a business calendar's own lists end
// (covers_until). They carry no make-up workdays (调休, 補行上班): those are announced year by
// year and cannot be derived.
//   cn-mainland  国务院 rules as amended for 2025: 元旦, 春节 (除夕 to 初三), 清明, 劳动节
//                (1-2 May), 端午, 中秋, 国庆 (1-3 Oct). No substitute days.
//   hong-kong    the general holidays (banks observe them); a holiday on a Sunday moves to the
//                next day that is neither a Sunday nor a holiday.
//   taiwan       紀念日及節日實施條例 (2025): 1 Jan, 小年夜 and 除夕 to 初三, 2/28, 兒童節
//                4/4, 清明, 5/1, 端午, 中秋, 9/28, 10/10, 10/25, 12/25; a holiday on a Saturday
//                is made up on the weekday before, on a Sunday on the weekday after (補假);
//                春節 days on a weekend after the festival; 兒童節 on 清明's day the weekday
//                before (after, when 4 April is a Thursday). No 彈性放假: it is announced.
// Lunar holidays are known for the years of the lunar table (lunar_calendar.h) only.

#include "core/clock.h"
#include "forms/localized_text.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>

namespace cf::forms {

enum class StatutoryRules { none, cn_mainland, hong_kong, taiwan };

// "cn-mainland", "hong-kong", "taiwan"; nullopt for any other name.
std::optional<StatutoryRules> statutory_rules_named(std::string_view name);

// The days off by law in Gregorian `year`, as days since 1970-01-01, with their names;
// substitute days (補假) are named after their holiday. Empty for StatutoryRules::none.
std::map<std::int64_t, LocalizedText> statutory_holidays(StatutoryRules rules, int year);

// The day in April of the 清明 solar term at UTC+8, for years 2000-2099 (a formula of the
// sun's mean motion; checked against the ephemeris for 2020-2060).
int qingming_day(int year);

// Easter Sunday of the Gregorian calendar (the anonymous algorithm in Meeus, Astronomical
// Algorithms, ch. 8).
core::CivilDate easter_sunday(int year);

} // namespace cf::forms
