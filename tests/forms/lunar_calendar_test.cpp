#include "forms/lunar_calendar.h"

#include <doctest/doctest.h>

using namespace cf;
using forms::gregorian_from_lunar;

namespace {

core::CivilDate lunar(int year, int month, int day, bool leap = false) {
    const std::optional<core::CivilDate> date = gregorian_from_lunar(year, month, day, leap);
    REQUIRE_MESSAGE(date.has_value(), "no date for lunar ", year, "/", month, "/", day);
    return *date;
}

} // namespace

TEST_SUITE("lunar calendar") {

    TEST_CASE("正月初一 falls on the published Spring Festival dates") {
        CHECK(lunar(2025, 1, 1) == core::CivilDate{2025, 1, 29});
        CHECK(lunar(2026, 1, 1) == core::CivilDate{2026, 2, 17});
        CHECK(lunar(2027, 1, 1) == core::CivilDate{2027, 2, 6});
        CHECK(lunar(2028, 1, 1) == core::CivilDate{2028, 1, 26});
        CHECK(lunar(2029, 1, 1) == core::CivilDate{2029, 2, 13});
        CHECK(lunar(2030, 1, 1) == core::CivilDate{2030, 2, 3});
        CHECK(lunar(2031, 1, 1) == core::CivilDate{2031, 1, 23});
        CHECK(lunar(2033, 1, 1) == core::CivilDate{2033, 1, 31});
        CHECK(lunar(2035, 1, 1) == core::CivilDate{2035, 2, 8});
        CHECK(lunar(2040, 1, 1) == core::CivilDate{2040, 2, 12});
        CHECK(lunar(2050, 1, 1) == core::CivilDate{2050, 1, 23});
    }

    TEST_CASE("端午, 中秋, 佛誕 and 重陽 fall on their known dates") {
        CHECK(lunar(2027, 5, 5) == core::CivilDate{2027, 6, 9});
        CHECK(lunar(2027, 8, 15) == core::CivilDate{2027, 9, 15});
        CHECK(lunar(2025, 4, 8) == core::CivilDate{2025, 5, 5});
        CHECK(lunar(2026, 4, 8) == core::CivilDate{2026, 5, 24});
        CHECK(lunar(2026, 9, 9) == core::CivilDate{2026, 10, 18});
        CHECK(lunar(2025, 8, 15) == core::CivilDate{2025, 10, 6});
    }

    TEST_CASE("除夕 is the day before 正月初一") {
        CHECK(forms::lunar_new_years_eve(2027) == core::CivilDate{2027, 2, 5});
        CHECK(forms::lunar_new_years_eve(2025) == core::CivilDate{2025, 1, 28});
        CHECK_FALSE(forms::lunar_new_years_eve(2061).has_value());
    }

    TEST_CASE("a leap month follows the month it repeats and shifts the months after it") {
        CHECK(lunar(2025, 6, 1, true) == core::CivilDate{2025, 7, 25});
        CHECK(lunar(2033, 11, 1, true) == core::CivilDate{2033, 12, 22});
        CHECK(lunar(2036, 6, 1, true) == core::CivilDate{2036, 7, 23});
        CHECK(lunar(2055, 6, 1, true) == core::CivilDate{2055, 7, 24});
        CHECK(lunar(2025, 7, 1) == core::CivilDate{2025, 8, 23});
    }

    TEST_CASE("2060 follows the new moon of 30 April, not liblunar-date") {
        CHECK(lunar(2060, 3, 1) == core::CivilDate{2060, 4, 1});
        CHECK(lunar(2060, 4, 1) == core::CivilDate{2060, 4, 30});
        CHECK(lunar(2060, 5, 1) == core::CivilDate{2060, 5, 30});
    }

    TEST_CASE("dates outside the table or the month are refused") {
        CHECK_FALSE(gregorian_from_lunar(2019, 1, 1).has_value());
        CHECK_FALSE(gregorian_from_lunar(2061, 1, 1).has_value());
        CHECK_FALSE(gregorian_from_lunar(2026, 6, 1, true).has_value()); // 2026 has no 闰月
        CHECK_FALSE(gregorian_from_lunar(2025, 5, 1, true).has_value()); // 2025's is 闰六月
        CHECK_FALSE(gregorian_from_lunar(2025, 13, 1).has_value());
        CHECK_FALSE(gregorian_from_lunar(2025, 1, 0).has_value());
        CHECK_FALSE(gregorian_from_lunar(2025, 1, 31).has_value());
        CHECK_FALSE(gregorian_from_lunar(2020, 1, 30).has_value()); // 2020's 正月 has 29 days
    }

    TEST_CASE("every year of the table ends the day before the next one starts") {
        for (int year = forms::k_first_lunar_year; year < forms::k_last_lunar_year; ++year) {
            CAPTURE(year);
            std::optional<core::CivilDate> last = gregorian_from_lunar(year, 12, 30);
            if (!last) {
                last = gregorian_from_lunar(year, 12, 29);
            }
            REQUIRE(last.has_value());
            CHECK(core::days_from_civil(*last) + 1 == core::days_from_civil(lunar(year + 1, 1, 1)));
        }
    }
}
