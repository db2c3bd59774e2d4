#include "sync/backoff.h"

#include <doctest/doctest.h>

using cf::sync::Backoff;
using std::chrono::milliseconds;

TEST_CASE("backoff doubles with jitter between half and all of the step, capped at 5 minutes") {
    Backoff b(42);
    std::int64_t step = 1000;
    for (int i = 0; i < 30; ++i) {
        const auto d = b.next_delay().count();
        const std::int64_t ceiling = std::min<std::int64_t>(step, 300'000);
        CHECK(d >= ceiling / 2);
        CHECK(d <= ceiling);
        step *= 2;
    }
    b.reset();
    CHECK(b.next_delay() <= milliseconds(1000));
}

TEST_CASE("two terminals failing together do not retry in step") {
    Backoff a(1);
    Backoff b(2);
    int same = 0;
    for (int i = 0; i < 10; ++i) {
        same += a.next_delay() == b.next_delay() ? 1 : 0;
    }
    CHECK(same < 3);
}
