#include "core/clock.h"

#include <doctest/doctest.h>

#include <chrono>

using namespace cf::core;

namespace {

// 2026-11-23T01:30:00Z, the example used across the docs.
constexpr Millis k_sample = 1'795'397'400'000;

} // namespace

TEST_SUITE("clock") {

    TEST_CASE("system clock reads the current wall time in milliseconds") {
        using namespace std::chrono;
        const Millis before =
            duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
        const Millis now = SystemClock{}.now();
        const Millis after =
            duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
        CHECK(before <= now);
        CHECK(now <= after);
    }

    TEST_CASE("manual clock moves only when told to") {
        ManualClock clock(1000);
        CHECK(clock.now() == 1000);
        clock.advance(k_minute);
        CHECK(clock.now() == 1000 + k_minute);
        clock.set(5);
        CHECK(clock.now() == 5);
    }

    TEST_CASE("days_from_civil counts from 1970-01-01") {
        CHECK(days_from_civil({1970, 1, 1}) == 0);
        CHECK(days_from_civil({1970, 1, 2}) == 1);
        CHECK(days_from_civil({1969, 12, 31}) == -1);
        CHECK(days_from_civil({2000, 3, 1}) == 11017);
        CHECK(days_from_civil({2026, 11, 23}) == k_sample / k_day);
    }

    TEST_CASE("civil_from_days inverts days_from_civil for every day from 1970 to 9999") {
        const std::int64_t last = days_from_civil({9999, 12, 31});
        CivilDate expected{1970, 1, 1};
        std::int64_t first_wrong_day = -1;
        for (std::int64_t d = 0; d <= last; ++d) {
            const CivilDate got = civil_from_days(d);
            if (got != expected || days_from_civil(got) != d) {
                first_wrong_day = d;
                break;
            }
            // Step the expected date by hand so the test does not trust the algorithm under test.
            ++expected.day;
            if (!valid_civil_date(expected)) {
                expected.day = 1;
                if (++expected.month > 12) {
                    expected.month = 1;
                    ++expected.year;
                }
            }
        }
        CHECK(first_wrong_day == -1);
        CHECK(expected == CivilDate{10000, 1, 1});
    }

    TEST_CASE("weekday_iso numbers Monday 1 to Sunday 7") {
        CHECK(weekday_iso(days_from_civil({1970, 1, 1})) == 4);   // Thursday
        CHECK(weekday_iso(days_from_civil({2024, 2, 29})) == 4);  // Thursday
        CHECK(weekday_iso(days_from_civil({2026, 11, 23})) == 1); // Monday
        CHECK(weekday_iso(days_from_civil({2026, 11, 29})) == 7); // Sunday
        CHECK(weekday_iso(days_from_civil({1969, 12, 29})) == 1); // Monday before the epoch
    }

    TEST_CASE("valid_civil_date knows leap years") {
        CHECK(valid_civil_date({2024, 2, 29}));
        CHECK(valid_civil_date({2000, 2, 29}));
        CHECK_FALSE(valid_civil_date({2100, 2, 29}));
        CHECK_FALSE(valid_civil_date({2026, 2, 29}));
        CHECK(valid_civil_date({2026, 2, 28}));
    }

    TEST_CASE("valid_civil_date rejects impossible months and days") {
        CHECK_FALSE(valid_civil_date({2026, 0, 1}));
        CHECK_FALSE(valid_civil_date({2026, 13, 1}));
        CHECK_FALSE(valid_civil_date({2026, 4, 31}));
        CHECK_FALSE(valid_civil_date({2026, 1, 0}));
        CHECK_FALSE(valid_civil_date({2026, 1, 32}));
        CHECK(valid_civil_date({2026, 12, 31}));
    }

    TEST_CASE("format_iso8601 writes UTC with Z") {
        CHECK(format_iso8601(k_sample) == "2026-11-23T01:30:00Z");
        CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
    }

    TEST_CASE("format_iso8601 shows local time at a positive offset") {
        CHECK(format_iso8601(k_sample, 8 * 60) == "2026-11-23T09:30:00+08:00");
        CHECK(format_iso8601(k_sample + 23 * k_hour, 8 * 60) == "2026-11-24T08:30:00+08:00");
    }

    TEST_CASE("format_iso8601 shows local time at a negative offset across midnight") {
        CHECK(format_iso8601(k_sample, -(5 * 60 + 30)) == "2026-11-22T20:00:00-05:30");
    }

    TEST_CASE("format_iso8601 adds milliseconds only when there are some") {
        CHECK(format_iso8601(k_sample + 123) == "2026-11-23T01:30:00.123Z");
        CHECK(format_iso8601(k_sample + 7) == "2026-11-23T01:30:00.007Z");
    }

    TEST_CASE("format_iso8601 handles times before the epoch") {
        CHECK(format_iso8601(-1) == "1969-12-31T23:59:59.999Z");
    }

    TEST_CASE("parse_iso8601 reads UTC with Z") {
        CHECK(parse_iso8601("2026-11-23T01:30:00Z") == k_sample);
        CHECK(parse_iso8601("2026-11-23T01:30Z") == k_sample);
    }

    TEST_CASE("parse_iso8601 applies the written offset") {
        CHECK(parse_iso8601("2026-11-23T09:30:00+08:00") == k_sample);
        CHECK(parse_iso8601("2026-11-22T20:00:00-05:30") == k_sample);
        CHECK(parse_iso8601("2026-11-23T01:30:00+00:00") == k_sample);
    }

    TEST_CASE("parse_iso8601 reads fractional seconds to the millisecond") {
        CHECK(parse_iso8601("2026-11-23T01:30:00.123Z") == k_sample + 123);
        CHECK(parse_iso8601("2026-11-23T01:30:00.5Z") == k_sample + 500);
        CHECK(parse_iso8601("2026-11-23T01:30:00.123456789+00:00") == k_sample + 123);
    }

    TEST_CASE("parse_iso8601 reads a date alone as midnight at the default offset") {
        CHECK(parse_iso8601("2026-11-23") == k_sample - 90 * k_minute);
        CHECK(parse_iso8601("2026-11-23", 8 * 60) == k_sample - 90 * k_minute - 8 * k_hour);
    }

    TEST_CASE("parse_iso8601 accepts the leap day of a leap year only") {
        CHECK(parse_iso8601("2024-02-29") == days_from_civil({2024, 2, 29}) * k_day);
        CHECK_FALSE(parse_iso8601("2026-02-29").has_value());
        CHECK_FALSE(parse_iso8601("2100-02-29T00:00:00Z").has_value());
    }

    TEST_CASE("parse_iso8601 rejects impossible dates and times") {
        CHECK_FALSE(parse_iso8601("2026-02-30").has_value());
        CHECK_FALSE(parse_iso8601("2026-13-01").has_value());
        CHECK_FALSE(parse_iso8601("2026-00-10").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T24:00:00Z").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T12:60:00Z").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T12:00:60Z").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T12:00:00+24:00").has_value());
    }

    TEST_CASE("parse_iso8601 rejects text that is not in the format") {
        CHECK_FALSE(parse_iso8601("").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T01:30:00").has_value()); // no offset
        CHECK_FALSE(parse_iso8601("2026-11-23 01:30:00Z").has_value());
        CHECK_FALSE(parse_iso8601("26-11-23").has_value());
        CHECK_FALSE(parse_iso8601("2026-1-23").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T01:30:00.Z").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T01:30:00+0800").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23T01:30:00Z ").has_value());
        CHECK_FALSE(parse_iso8601("2026-11-23x").has_value());
    }

    TEST_CASE("format_iso8601 output parses back to the same instant") {
        for (const int offset : {0, 8 * 60, -7 * 60, 5 * 60 + 45}) {
            for (const Millis t :
                 {Millis{0}, k_sample, k_sample + 999, Millis{253'402'214'399'000}}) {
                CAPTURE(offset);
                CAPTURE(t);
                CHECK(parse_iso8601(format_iso8601(t, offset)) == t);
            }
        }
    }

} // TEST_SUITE
