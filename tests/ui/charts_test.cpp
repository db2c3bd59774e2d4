#include "ui/charts.h"

#include <doctest/doctest.h>

#include <vector>

using cf::ui::chart_number;
using cf::ui::nice_ticks;

TEST_CASE("nice_ticks steps by 1, 2 or 5 times a power of ten and ends at or above the max") {
    CHECK(nice_ticks(87, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(nice_ticks(1234, 4) == std::vector<double>{0, 500, 1000, 1500});
    CHECK(nice_ticks(7, 4) == std::vector<double>{0, 2, 4, 6, 8});
}

TEST_CASE("nice_ticks adds no extra tick when the max is itself a tick") {
    CHECK(nice_ticks(100, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(nice_ticks(10, 5) == std::vector<double>{0, 2, 4, 6, 8, 10});
}

TEST_CASE("nice_ticks never divides counts below one ticket") {
    CHECK(nice_ticks(3, 4, 1.0) == std::vector<double>{0, 1, 2, 3});
    CHECK(nice_ticks(1, 4, 1.0) == std::vector<double>{0, 1});
}

TEST_CASE("nice_ticks gives an empty chart an axis of 0 to 1") {
    CHECK(nice_ticks(0, 4) == std::vector<double>{0, 1});
    CHECK(nice_ticks(-3, 4, 1.0) == std::vector<double>{0, 1});
}

TEST_CASE("nice_ticks writes fractional ticks without rounding noise") {
    const std::vector<double> ticks = nice_ticks(0.37, 4);
    REQUIRE(ticks.size() == 5);
    CHECK(ticks[3] == 0.3);
    CHECK(ticks.back() == 0.4);
}

TEST_CASE("chart numbers: integers without decimals, others with one") {
    CHECK(chart_number(3) == "3");
    CHECK(chart_number(1500) == "1500");
    CHECK(chart_number(2.5) == "2.5");
    CHECK(chart_number(0.3) == "0.3");
}
