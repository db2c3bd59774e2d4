#include "forms/statutory_holidays.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <set>

using namespace cf;

namespace {

std::int64_t day(int year, int month, int d) {
    return core::days_from_civil({year, month, d});
}

std::set<std::int64_t> days_of(forms::StatutoryRules rules, int year) {
    std::set<std::int64_t> days;
    for (const auto& [d, name] : forms::statutory_holidays(rules, year)) {
        days.insert(d);
    }
    return days;
}

// The days of 2025 and 2026 on which `shipped` and a calendar built from its statutory rules
// alone disagree about working.
std::vector<std::string> differences(const forms::BusinessCalendar& shipped) {
    const forms::BusinessCalendar rules_only(shipped.id(), shipped.name(),
                                             shipped.utc_offset_minutes(), shipped.weekend(), {},
                                             {}, day(2024, 12, 31), shipped.statutory());
    std::vector<std::string> out;
    for (std::int64_t d = day(2025, 1, 1); d <= day(2026, 12, 31); ++d) {
        const core::CivilDate date = core::civil_from_days(d);
        if (shipped.is_working_day(date) != rules_only.is_working_day(date)) {
            out.push_back(core::format_iso8601(d * core::k_day).substr(0, 10));
        }
    }
    return out;
}

} // namespace

TEST_SUITE("statutory holidays") {

    TEST_CASE("清明 falls on 4 or 5 April as the solar term does, 2020-2040") {
        const int known[] = {4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5, 5, 4};
        for (int year = 2020; year <= 2040; ++year) {
            CAPTURE(year);
            CHECK(forms::qingming_day(year) == known[year - 2020]);
        }
    }

    TEST_CASE("Easter Sunday by the anonymous Gregorian algorithm") {
        CHECK(forms::easter_sunday(2024) == core::CivilDate{2024, 3, 31});
        CHECK(forms::easter_sunday(2025) == core::CivilDate{2025, 4, 20});
        CHECK(forms::easter_sunday(2026) == core::CivilDate{2026, 4, 5});
        CHECK(forms::easter_sunday(2027) == core::CivilDate{2027, 3, 28});
        CHECK(forms::easter_sunday(2038) == core::CivilDate{2038, 4, 25});
    }

    TEST_CASE("mainland 2027: 元旦, 除夕 to 初三, 清明, 1-2 May, 端午, 中秋, 1-3 October") {
        const std::set<std::int64_t> expected = {
            day(2027, 1, 1),  day(2027, 2, 5),  day(2027, 2, 6), day(2027, 2, 7), day(2027, 2, 8),
            day(2027, 4, 5),  day(2027, 5, 1),  day(2027, 5, 2), day(2027, 6, 9), day(2027, 9, 15),
            day(2027, 10, 1), day(2027, 10, 2), day(2027, 10, 3)};
        CHECK(days_of(forms::StatutoryRules::cn_mainland, 2027) == expected);
    }

    TEST_CASE("the hong-kong rules give the published general holidays of 2025 and 2026") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar* hk = catalog.find_calendar("hong-kong");
        REQUIRE(hk != nullptr);
        CHECK(differences(*hk) == std::vector<std::string>{});
    }

    TEST_CASE("the taiwan rules give the published 2025 and 2026 days off, but not 補行上班") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar* tw = catalog.find_calendar("taiwan");
        REQUIRE(tw != nullptr);
        // 2025-01-27 was a bridge day (彈性放假), made up on Saturday 8 February; the 2025 law
        // made it 小年夜 from then on, so only the make-up Saturday is not statutory.
        CHECK(differences(*tw) == std::vector<std::string>{"2025-02-08"});
    }

    TEST_CASE("hong-kong: a holiday on a Sunday or on another holiday moves to the next day") {
        const std::set<std::int64_t> hk2026 = days_of(forms::StatutoryRules::hong_kong, 2026);
        // 清明 on Easter Sunday (5 April): Easter Monday is taken, so Tuesday 7 April.
        CHECK(hk2026.contains(day(2026, 4, 7)));
        // 佛誕 on Sunday 24 May, 重陽 on Sunday 18 October.
        CHECK(hk2026.contains(day(2026, 5, 25)));
        CHECK(hk2026.contains(day(2026, 10, 19)));
        // Christmas on a Sunday (2033): 26th is the first weekday after, the 27th its substitute.
        const std::set<std::int64_t> hk2033 = days_of(forms::StatutoryRules::hong_kong, 2033);
        CHECK(hk2033.contains(day(2033, 12, 26)));
        CHECK(hk2033.contains(day(2033, 12, 27)));
    }

    TEST_CASE("taiwan: 兒童節 on 清明's day is taken before, or after on a Thursday") {
        CHECK(days_of(forms::StatutoryRules::taiwan, 2025).contains(day(2025, 4, 3)));
        const std::set<std::int64_t> tw2029 = days_of(forms::StatutoryRules::taiwan, 2029);
        // 2029: 4 April is a Wednesday and 清明.
        CHECK(tw2029.contains(day(2029, 4, 3)));
    }

    TEST_CASE("rule names: cn-mainland, hong-kong, taiwan") {
        CHECK(forms::statutory_rules_named("hong-kong") == forms::StatutoryRules::hong_kong);
        CHECK(forms::statutory_rules_named("taiwan") == forms::StatutoryRules::taiwan);
        CHECK_FALSE(forms::statutory_rules_named("Hong Kong").has_value());
        CHECK(forms::statutory_holidays(forms::StatutoryRules::none, 2027).empty());
    }
}
