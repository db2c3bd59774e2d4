#include "core/hybrid_clock.h"

#include <doctest/doctest.h>

using namespace cf::core;

namespace {

constexpr Millis k_t = 1'795'397'400'000; // 2026-11-23T01:30:00Z

} // namespace

TEST_SUITE("hybrid_clock") {

    TEST_CASE("hlc packs milliseconds above a 16-bit counter") {
        const Hlc h = make_hlc(k_t, 7);
        CHECK(hlc_physical(h) == k_t);
        CHECK(hlc_counter(h) == 7);
        CHECK(make_hlc(k_t, 0xffff) < make_hlc(k_t + 1, 0));
    }

    TEST_CASE("tick follows wall time when it moves forward") {
        HybridClock clock;
        CHECK(clock.tick(k_t) == make_hlc(k_t, 0));
        CHECK(clock.tick(k_t + 5) == make_hlc(k_t + 5, 0));
        CHECK(clock.last() == make_hlc(k_t + 5, 0));
    }

    TEST_CASE("tick within the same millisecond counts up") {
        HybridClock clock;
        clock.tick(k_t);
        CHECK(clock.tick(k_t) == make_hlc(k_t, 1));
        CHECK(clock.tick(k_t) == make_hlc(k_t, 2));
    }

    TEST_CASE("tick never goes backwards when the wall clock is set back") {
        HybridClock clock;
        clock.tick(k_t);
        const Hlc after_jump = clock.tick(k_t - k_hour);
        CHECK(after_jump == make_hlc(k_t, 1));
        CHECK(clock.tick(k_t - k_hour + 1) == make_hlc(k_t, 2));
        // Once wall time catches up, it takes over again.
        CHECK(clock.tick(k_t + 1) == make_hlc(k_t + 1, 0));
    }

    TEST_CASE("tick continues from a saved timestamp") {
        HybridClock clock(make_hlc(k_t, 3));
        CHECK(clock.tick(k_t - 10) == make_hlc(k_t, 4));
    }

    TEST_CASE("tick borrows the next millisecond when the counter is used up") {
        HybridClock clock(make_hlc(k_t, 0xfffe));
        CHECK(clock.tick(k_t) == make_hlc(k_t, 0xffff));
        const Hlc overflowed = clock.tick(k_t);
        CHECK(overflowed == make_hlc(k_t + 1, 0));
        CHECK(overflowed > make_hlc(k_t, 0xffff));
        CHECK(clock.tick(k_t) == make_hlc(k_t + 1, 1));
    }

    TEST_CASE("tick issues strictly increasing timestamps under a stuck wall clock") {
        HybridClock clock;
        Hlc previous = clock.tick(k_t);
        bool increasing = true;
        for (int i = 0; i < 200'000; ++i) {
            const Hlc next = clock.tick(k_t);
            increasing = increasing && next > previous;
            previous = next;
        }
        CHECK(increasing);
        CHECK(hlc_physical(previous) == k_t + 3);
    }

    TEST_CASE("observe of a remote timestamp ahead of us moves past it") {
        HybridClock clock;
        clock.tick(k_t);
        const Hlc remote = make_hlc(k_t + k_minute, 4);
        const Hlc merged = clock.observe(remote, k_t + 1);
        CHECK(merged == make_hlc(k_t + k_minute, 5));
        CHECK(merged > remote);
        // Local events after that stay ahead of the remote one even with our slow wall clock.
        CHECK(clock.tick(k_t + 2) == make_hlc(k_t + k_minute, 6));
    }

    TEST_CASE("observe of a remote timestamp behind us keeps our own time") {
        HybridClock clock;
        clock.tick(k_t);
        clock.tick(k_t);
        CHECK(clock.observe(make_hlc(k_t - 100, 9), k_t) == make_hlc(k_t, 2));
    }

    TEST_CASE("observe with the same millisecond on both sides takes the larger counter") {
        HybridClock clock(make_hlc(k_t, 3));
        CHECK(clock.observe(make_hlc(k_t, 10), k_t - 1) == make_hlc(k_t, 11));
        HybridClock other(make_hlc(k_t, 10));
        CHECK(other.observe(make_hlc(k_t, 3), k_t - 1) == make_hlc(k_t, 11));
    }

    TEST_CASE("observe uses wall time when it is ahead of both") {
        HybridClock clock(make_hlc(k_t, 3));
        CHECK(clock.observe(make_hlc(k_t + 1, 8), k_t + 50) == make_hlc(k_t + 50, 0));
    }

    TEST_CASE("observe borrows the next millisecond when the remote counter is used up") {
        HybridClock clock;
        const Hlc remote = make_hlc(k_t, 0xffff);
        const Hlc merged = clock.observe(remote, k_t);
        CHECK(merged == make_hlc(k_t + 1, 0));
        CHECK(merged > remote);
    }

    TEST_CASE("tick at the largest timestamp stays there instead of wrapping negative") {
        // Issue 13: a terminal sent hlc 2^63-1; the next tick wrapped to a negative number.
        HybridClock clock(k_max_hlc);
        CHECK(clock.tick(k_t) == k_max_hlc);
        CHECK(clock.tick(k_t) == k_max_hlc);
        CHECK(static_cast<std::int64_t>(clock.last()) > 0);
        HybridClock near_top(k_max_hlc - 1);
        CHECK(near_top.tick(k_t) == k_max_hlc);
        CHECK(near_top.tick(k_t) == k_max_hlc);
    }

    TEST_CASE("observe of a timestamp at or past the largest one saturates") {
        HybridClock clock;
        clock.tick(k_t);
        CHECK(clock.observe(k_max_hlc, k_t) == k_max_hlc);
        CHECK(clock.observe(~Hlc{0}, k_t) == k_max_hlc);
        HybridClock other;
        CHECK(other.observe(~Hlc{0}, k_t) == k_max_hlc);
        CHECK(static_cast<std::int64_t>(other.tick(k_t)) > 0);
    }

    TEST_CASE("a clock continued from a timestamp past the largest one starts at the largest") {
        HybridClock clock(~Hlc{0});
        CHECK(clock.last() == k_max_hlc);
        CHECK(clock.tick(k_t) == k_max_hlc);
    }

    TEST_CASE("format_hlc shows UTC time with milliseconds and the counter") {
        CHECK(format_hlc(make_hlc(k_t + 123, 2)) == "2026-11-23T01:30:00.123Z#0002");
        CHECK(format_hlc(make_hlc(0, 0)) == "1970-01-01T00:00:00.000Z#0000");
        CHECK(format_hlc(make_hlc(k_t, 0xffff)) == "2026-11-23T01:30:00.000Z#65535");
    }

} // TEST_SUITE
