#include "core/periods.h"

#include <doctest/doctest.h>

using namespace cf::core;

namespace {

Millis at(const char* iso) {
    auto t = parse_iso8601(iso);
    REQUIRE(t);
    return *t;
}

} // namespace

TEST_CASE("today runs from local midnight to the next") {
    const Period p = period_of(PeriodKind::today, at("2026-11-23T10:00+08:00"), 480);
    CHECK(p.from == at("2026-11-23T00:00+08:00"));
    CHECK(p.to == at("2026-11-24T00:00+08:00"));
}

TEST_CASE("today is the branch's local day, not the UTC day") {
    // 2026-11-23 23:30 UTC is already the 24th in Shenzhen; the 23rd in New York.
    const Millis t = at("2026-11-23T23:30Z");
    CHECK(period_of(PeriodKind::today, t, 480).from == at("2026-11-24T00:00+08:00"));
    CHECK(period_of(PeriodKind::today, t, -300).from == at("2026-11-23T00:00-05:00"));
    CHECK(period_of(PeriodKind::today, t, 0).from == at("2026-11-23T00:00Z"));
    // Just before and at local midnight.
    CHECK(period_of(PeriodKind::today, at("2026-11-23T23:59:59.999+08:00"), 480).to ==
          at("2026-11-24T00:00+08:00"));
    CHECK(period_of(PeriodKind::today, at("2026-11-24T00:00+08:00"), 480).from ==
          at("2026-11-24T00:00+08:00"));
}

TEST_CASE("this week runs Monday to Sunday") {
    const Period monday = period_of(PeriodKind::this_week, at("2026-11-23T00:00+08:00"), 480);
    CHECK(monday.from == at("2026-11-23T00:00+08:00"));
    CHECK(monday.to == at("2026-11-30T00:00+08:00"));
    const Period sunday = period_of(PeriodKind::this_week, at("2026-11-29T23:59+08:00"), 480);
    CHECK(sunday == monday);
    // A week across a month and a year boundary: Thursday 2026-12-31.
    const Period newyear = period_of(PeriodKind::this_week, at("2026-12-31T12:00+08:00"), 480);
    CHECK(newyear.from == at("2026-12-28T00:00+08:00"));
    CHECK(newyear.to == at("2027-01-04T00:00+08:00"));
    // Sunday 20:00 UTC is Monday morning in Shenzhen: the next week there.
    CHECK(period_of(PeriodKind::this_week, at("2026-11-29T20:00Z"), 480).from ==
          at("2026-11-30T00:00+08:00"));
}

TEST_CASE("this month runs from the first to the first of the next month") {
    const Period nov = period_of(PeriodKind::this_month, at("2026-11-23T10:00+08:00"), 480);
    CHECK(nov.from == at("2026-11-01T00:00+08:00"));
    CHECK(nov.to == at("2026-12-01T00:00+08:00"));
    const Period dec = period_of(PeriodKind::this_month, at("2026-12-31T23:00+08:00"), 480);
    CHECK(dec.from == at("2026-12-01T00:00+08:00"));
    CHECK(dec.to == at("2027-01-01T00:00+08:00"));
    const Period feb = period_of(PeriodKind::this_month, at("2028-02-29T08:00+08:00"), 480);
    CHECK(feb.to - feb.from == 29 * k_day);
    // 31 October 20:00 UTC is already November in Shenzhen.
    CHECK(period_of(PeriodKind::this_month, at("2026-10-31T20:00Z"), 480).from ==
          at("2026-11-01T00:00+08:00"));
    CHECK(period_of(PeriodKind::this_month, at("2026-10-31T20:00Z"), 0).from ==
          at("2026-10-01T00:00Z"));
}

TEST_CASE("this quarter runs from the first of its first month to the next quarter") {
    const Period q4 = period_of(PeriodKind::this_quarter, at("2026-11-23T10:00+08:00"), 480);
    CHECK(q4.from == at("2026-10-01T00:00+08:00"));
    CHECK(q4.to == at("2027-01-01T00:00+08:00"));
    const Period q1 = period_of(PeriodKind::this_quarter, at("2027-03-31T23:59+08:00"), 480);
    CHECK(q1.from == at("2027-01-01T00:00+08:00"));
    CHECK(q1.to == at("2027-04-01T00:00+08:00"));
    // 30 June 20:00 UTC is already the third quarter in Shenzhen.
    CHECK(period_of(PeriodKind::this_quarter, at("2026-06-30T20:00Z"), 480).from ==
          at("2026-07-01T00:00+08:00"));
    CHECK(to_string(PeriodKind::this_quarter) == "this_quarter");
}

TEST_CASE("local days and midnights at an offset") {
    CHECK(local_day(at("2026-11-23T16:00Z"), 480) == CivilDate{2026, 11, 24});
    CHECK(local_day(at("2026-11-23T16:00Z"), 0) == CivilDate{2026, 11, 23});
    CHECK(local_midnight(CivilDate{2026, 11, 24}, 480) == at("2026-11-24T00:00+08:00"));
    CHECK(to_string(PeriodKind::this_week) == "this_week");
}
