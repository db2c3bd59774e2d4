#include "forms/business_calendar.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <functional>

using namespace cf;
using cf::test::at;
using cf::test::beijing;
using cf::test::has_error;

namespace {

constexpr core::Millis k_24h = 24 * core::k_hour;

const forms::BusinessCalendar& cn(const forms::Catalog& catalog) {
    const forms::BusinessCalendar* calendar = catalog.find_calendar("cn-mainland");
    REQUIRE(calendar != nullptr);
    return *calendar;
}

std::vector<forms::AssetError> calendar_errors(const std::function<void(nlohmann::json&)>& change) {
    test::AssetsCopy assets;
    nlohmann::json doc = assets.read("calendars/cn-mainland.json");
    change(doc);
    assets.write("calendars/cn-mainland.json", doc);
    return assets.errors();
}

constexpr const char* k_cn_file = "calendars/cn-mainland.json";

} // namespace

TEST_SUITE("business calendar") {

    TEST_CASE("weekends, holidays and make-up workdays decide the working days") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        CHECK(c.is_working_day({2026, 3, 6}));        // Friday
        CHECK_FALSE(c.is_working_day({2026, 3, 7}));  // Saturday
        CHECK_FALSE(c.is_working_day({2026, 3, 8}));  // Sunday
        CHECK_FALSE(c.is_working_day({2025, 10, 8})); // Wednesday in the National Day week
        CHECK(c.is_working_day({2025, 10, 11}));      // Saturday worked (调休)
        CHECK(c.is_working_day({2025, 1, 26}));       // Sunday worked before Spring Festival
        CHECK_FALSE(c.is_working_day({2026, 6, 19})); // Dragon Boat Festival, a Friday
        CHECK(c.is_working_day({2026, 2, 14}));       // Saturday worked
        CHECK(c.is_working_day({2026, 2, 28}));       // Saturday worked
        CHECK_FALSE(c.is_working_day({2026, 3, 1}));  // an ordinary Sunday
    }

    TEST_CASE("holidays and make-up workdays carry their names in three locales") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        REQUIRE(c.special_day_name({2026, 2, 17}) != nullptr);
        CHECK(c.special_day_name({2026, 2, 17})->in("zh-Hans") == "春节");
        CHECK(c.special_day_name({2026, 2, 17})->in("zh-Hant") == "春節");
        CHECK(c.special_day_name({2026, 2, 17})->in("en") == "Spring Festival");
        REQUIRE(c.special_day_name({2026, 2, 14}) != nullptr);
        CHECK(c.special_day_name({2026, 2, 14})->in("zh-Hans") == "春节调休上班");
        CHECK(c.special_day_name({2026, 3, 4}) == nullptr);
        CHECK(c.name().in("en") == "Mainland China public holidays");
    }

    TEST_CASE("24 business hours from Friday 15:00 end on Monday 15:00") {
        const forms::Catalog catalog = test::real_catalog();
        const core::Millis due = cn(catalog).add_business_time(at("2026-03-06T15:00+08:00"), k_24h);
        CHECK(beijing(due) == "2026-03-09T15:00:00+08:00");
    }

    TEST_CASE("business time is counted in the calendar's time zone, not UTC") {
        const forms::Catalog catalog = test::real_catalog();
        // 07:00 UTC on Friday is 15:00 in Beijing.
        const core::Millis due = cn(catalog).add_business_time(at("2026-03-06T07:00Z"), k_24h);
        CHECK(due == at("2026-03-09T15:00+08:00"));
    }

    TEST_CASE("filing on a Saturday starts counting on Monday at 00:00") {
        const forms::Catalog catalog = test::real_catalog();
        const core::Millis due =
            cn(catalog).add_business_time(at("2026-03-07T10:00+08:00"), 2 * core::k_hour);
        CHECK(beijing(due) == "2026-03-09T02:00:00+08:00");
    }

    TEST_CASE("the Spring Festival week is skipped and its make-up Saturdays count") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        // Friday 13 Feb 15:00: 9 h left that day, then Saturday 14 Feb is worked.
        CHECK(beijing(c.add_business_time(at("2026-02-13T15:00+08:00"), k_24h)) ==
              "2026-02-14T15:00:00+08:00");
        // Saturday 14 Feb 18:00: 6 h that day, 15-23 Feb off, then Tuesday 24 Feb.
        CHECK(beijing(c.add_business_time(at("2026-02-14T18:00+08:00"), k_24h)) ==
              "2026-02-24T18:00:00+08:00");
        // Filed during the holiday: counting starts on 24 Feb at 00:00.
        CHECK(beijing(c.add_business_time(at("2026-02-18T11:00+08:00"), 2 * core::k_hour)) ==
              "2026-02-24T02:00:00+08:00");
        // Friday 27 Feb 15:00: Saturday 28 Feb is worked.
        CHECK(beijing(c.add_business_time(at("2026-02-27T15:00+08:00"), k_24h)) ==
              "2026-02-28T15:00:00+08:00");
    }

    TEST_CASE("three working days from the make-up Saturday jump the Spring Festival") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(beijing(cn(catalog).add_working_days(at("2026-02-14T10:00+08:00"), 3)) ==
              "2026-02-26T10:00:00+08:00");
    }

    TEST_CASE("New Year across the year boundary: 1-3 Jan off, Sunday 4 Jan worked") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(beijing(cn(catalog).add_business_time(at("2025-12-31T15:00+08:00"), k_24h)) ==
              "2026-01-04T15:00:00+08:00");
    }

    TEST_CASE("a weekdays-only calendar crosses the year boundary without holidays") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar* weekdays = catalog.find_calendar("weekdays");
        REQUIRE(weekdays != nullptr);
        CHECK(beijing(weekdays->add_business_time(at("2025-12-31T15:00+08:00"), k_24h)) ==
              "2026-01-01T15:00:00+08:00");
    }

    TEST_CASE("a duration that ends exactly at midnight ends at the end of that day") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        CHECK(beijing(c.add_business_time(at("2026-03-09T00:00+08:00"), k_24h)) ==
              "2026-03-10T00:00:00+08:00");
        // Friday 00:00 + 24 h is Friday 24:00, written as Saturday 00:00.
        CHECK(beijing(c.add_business_time(at("2026-03-06T00:00+08:00"), k_24h)) ==
              "2026-03-07T00:00:00+08:00");
        // One millisecond more spills into Monday.
        CHECK(c.add_business_time(at("2026-03-06T00:00+08:00"), k_24h + 1) ==
              at("2026-03-09T00:00+08:00") + 1);
    }

    TEST_CASE(
        "starting exactly at midnight of a non-working day counts from the next working day") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        CHECK(beijing(c.add_business_time(at("2026-03-07T00:00+08:00"), core::k_hour)) ==
              "2026-03-09T01:00:00+08:00");
        CHECK(beijing(c.add_business_time(at("2026-03-08T23:59:59.999+08:00"), 0)) ==
              "2026-03-09T00:00:00+08:00");
    }

    TEST_CASE("the default calendar counts every day, so business time is wall time") {
        const forms::BusinessCalendar every_day;
        const core::Millis saturday = at("2026-03-07T10:00+08:00");
        CHECK(every_day.add_business_time(saturday, 5 * core::k_hour) ==
              saturday + 5 * core::k_hour);
    }

    TEST_CASE("a date listed both as a holiday and as a workday is rejected") {
        const auto errors = calendar_errors([](nlohmann::json& doc) {
            doc["workdays"].push_back(nlohmann::json::parse(
                R"({"date": "2025-10-03", "name": {"zh-Hans": "x", "zh-Hant": "x", "en": "x"}})"));
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_cn_file, "workdays[11].date",
                        "2025-10-03 is listed both as a workday and as a holiday"));
    }

    TEST_CASE("malformed and impossible dates are rejected") {
        const auto errors = calendar_errors([](nlohmann::json& doc) {
            doc["holidays"][0]["date"] = "2025/01/01";
            doc["holidays"][1]["from"] = "2025-02-30";
            doc["workdays"][0]["date"] = "26 Jan 2025";
            doc["workdays"][1]["date"] = "2025-13-01";
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_cn_file, "holidays[0].date", "not a date written YYYY-MM-DD"));
        CHECK(has_error(errors, k_cn_file, "holidays[1].from", "not a real date"));
        CHECK(has_error(errors, k_cn_file, "workdays[0].date", "not a date written YYYY-MM-DD"));
        CHECK(has_error(errors, k_cn_file, "workdays[1].date", "not a real date"));
    }

    TEST_CASE("a holiday range that ends before it starts is rejected") {
        const auto errors =
            calendar_errors([](nlohmann::json& doc) { doc["holidays"][1]["to"] = "2025-01-20"; });
        CHECK(has_error(errors, k_cn_file, "holidays[1].to", "ends before the range starts"));
    }

    TEST_CASE("a weekend of seven days and an unknown weekday are rejected") {
        const auto errors = calendar_errors([](nlohmann::json& doc) {
            doc["weekend"] = {"monday", "tuesday",  "wednesday", "thursday",
                              "friday", "saturday", "sunday",    "caturday"};
        });
        CHECK(has_error(errors, k_cn_file, "weekend[7]", "weekday name"));
        CHECK(has_error(errors, k_cn_file, "weekend", "no working day"));
    }

    TEST_CASE("a calendar without a name in every locale is rejected") {
        const auto errors =
            calendar_errors([](nlohmann::json& doc) { doc["name"].erase("zh-Hant"); });
        CHECK(has_error(errors, k_cn_file, "name.zh-Hant", "is missing"));
    }

    TEST_CASE("strict dates: YYYY-MM-DD only, and only dates that exist") {
        CHECK(forms::parse_calendar_date("2024-02-29").has_value());
        CHECK_FALSE(forms::parse_calendar_date("2025-02-29").has_value());
        CHECK_FALSE(forms::parse_calendar_date("2025-2-28").has_value());
        CHECK_FALSE(forms::parse_calendar_date("2025-02-28T00:00").has_value());
        CHECK(forms::parse_calendar_date("1970-01-02") == 1);
    }

    TEST_CASE("past covers_until the statutory rules close 春节 2027, 除夕 included") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        CHECK_FALSE(c.is_working_day({2027, 2, 5})); // 除夕, a Friday
        CHECK_FALSE(c.is_working_day({2027, 2, 6})); // 初一
        CHECK_FALSE(c.is_working_day({2027, 2, 8})); // 初三, a Monday
        CHECK(c.is_working_day({2027, 2, 9}));
        CHECK_FALSE(c.is_working_day({2027, 1, 1}));
        CHECK_FALSE(c.is_working_day({2027, 10, 1}));
        REQUIRE(c.special_day_name({2027, 2, 6}) != nullptr);
        CHECK(c.special_day_name({2027, 2, 6})->in("zh-Hans") == "春节");
        // Filed on 除夕: counting starts on Tuesday 9 February.
        CHECK(beijing(c.add_business_time(at("2027-02-05T10:00+08:00"), 2 * core::k_hour)) ==
              "2027-02-09T02:00:00+08:00");
    }

    TEST_CASE("past covers_until there are no make-up workdays: weekends stay off") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar& c = cn(catalog);
        CHECK_FALSE(c.is_working_day({2027, 2, 20})); // a Saturday after 春节
        CHECK_FALSE(c.is_working_day({2027, 10, 9})); // a Saturday after 国庆
        CHECK(c.is_working_day({2027, 10, 4}));       // only 1-3 October are statutory
    }

    TEST_CASE("the calendar says the last day its lists cover") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(cn(catalog).covers_until() == core::CivilDate{2026, 12, 31});
        CHECK(cn(catalog).statutory() == forms::StatutoryRules::cn_mainland);
        CHECK_FALSE(catalog.find_calendar("weekdays")->covers_until().has_value());
    }

    TEST_CASE("no coverage warning more than 30 days before covers_until") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK_FALSE(cn(catalog).coverage_warning(at("2026-11-30T23:59+08:00")).has_value());
        CHECK_FALSE(cn(catalog).coverage_warning(at("2026-03-01T12:00+08:00")).has_value());
    }

    TEST_CASE("a coverage warning 30 days before covers_until, in the calendar's time zone") {
        const forms::Catalog catalog = test::real_catalog();
        // 16:00 UTC on 30 November is already 1 December in Beijing.
        const auto warning = cn(catalog).coverage_warning(at("2026-11-30T16:00Z"));
        REQUIRE(warning.has_value());
        CHECK(warning->covers_until == core::CivilDate{2026, 12, 31});
        CHECK(warning->days_left == 30);
        CHECK(cn(catalog).coverage_warning(at("2026-12-31T12:00+08:00"))->days_left == 0);
    }

    TEST_CASE("a coverage warning once the calendar has run out counts the days past") {
        const forms::Catalog catalog = test::real_catalog();
        const auto warning = cn(catalog).coverage_warning(at("2027-01-05T09:00+08:00"));
        REQUIRE(warning.has_value());
        CHECK(warning->days_left == -5);
    }

    TEST_CASE("a calendar without lists never warns") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK_FALSE(catalog.find_calendar("weekdays")
                        ->coverage_warning(at("2040-01-01T00:00+08:00"))
                        .has_value());
    }

    TEST_CASE("Hong Kong and Taiwan calendars load with names in three locales") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar* hk = catalog.find_calendar("hong-kong");
        const forms::BusinessCalendar* tw = catalog.find_calendar("taiwan");
        REQUIRE(hk != nullptr);
        REQUIRE(tw != nullptr);
        CHECK(hk->name().in("zh-Hant") == "香港公眾假期");
        CHECK(tw->name().in("en") == "Taiwan public holidays");
        CHECK(hk->special_day_name({2026, 4, 7})->in("en") == "The day following Easter Monday");
        CHECK_FALSE(hk->is_working_day({2027, 3, 26})); // Good Friday 2027, from the rules
        CHECK(tw->is_working_day({2025, 2, 8}));        // 補行上班
        CHECK_FALSE(tw->is_working_day({2027, 2, 5}));  // 除夕 2027, from the rules
        CHECK(tw->special_day_name({2025, 10, 24})->in("zh-Hant") == "臺灣光復節補假");
    }

    TEST_CASE("a calendar that lists holidays must say covers_until") {
        const auto errors = calendar_errors([](nlohmann::json& doc) { doc.erase("covers_until"); });
        CHECK(has_error(errors, k_cn_file, "covers_until", "is missing"));
    }

    TEST_CASE("covers_until must be a real date") {
        const auto errors =
            calendar_errors([](nlohmann::json& doc) { doc["covers_until"] = "2026-12-32"; });
        CHECK(has_error(errors, k_cn_file, "covers_until", "not a real date"));
    }

    TEST_CASE("a day listed after covers_until is rejected") {
        const auto errors =
            calendar_errors([](nlohmann::json& doc) { doc["covers_until"] = "2026-09-30"; });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_cn_file, "holidays[12]", "2026-10-01 is after covers_until"));
        CHECK(has_error(errors, k_cn_file, "workdays[10]", "2026-10-10 is after covers_until"));
    }

    TEST_CASE("unknown statutory rules are rejected") {
        const auto errors =
            calendar_errors([](nlohmann::json& doc) { doc["statutory"] = "china"; });
        CHECK(has_error(errors, k_cn_file, "statutory", "'china' is not a set of statutory"));
    }

    TEST_CASE("statutory rules without covers_until are rejected") {
        test::AssetsCopy assets;
        nlohmann::json doc = assets.read("calendars/weekdays.json");
        doc["statutory"] = "cn-mainland";
        assets.write("calendars/weekdays.json", doc);
        CHECK(has_error(assets.errors(), "calendars/weekdays.json", "covers_until", "is missing"));
    }

    TEST_CASE("another weekend keeps the holidays and the make-up workdays") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::BusinessCalendar open_saturday =
            cn(catalog).with_weekend({false, false, false, false, false, false, true});
        CHECK(open_saturday.is_working_day({2026, 3, 7}));        // an ordinary Saturday
        CHECK_FALSE(open_saturday.is_working_day({2026, 3, 8}));  // Sunday
        CHECK_FALSE(open_saturday.is_working_day({2026, 10, 3})); // a Saturday in 国庆
        CHECK_FALSE(open_saturday.is_working_day({2027, 2, 6}));  // 春节 2027, a Saturday
        CHECK(open_saturday.is_working_day({2026, 9, 20}));       // a Sunday worked (调休)
    }
}
