// Staff sign-in at the counter: PIN checks, the lockout, and the idle sign-out.

#include "tests/support/ui/counter_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using counter::Screen;

TEST_CASE("staff sign in with id and PIN and out again") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790", "李四");
    CHECK(h.controller().screen() == Screen::sign_in);
    CHECK_FALSE(h.shows("nav.queue")); // nothing behind the sign-in

    h.sign_in("S001", "135790");
    REQUIRE(h.controller().signed_in());
    CHECK(h.controller().member().id == "S001");
    CHECK(h.controller().screen() == Screen::queue);
    CHECK(h.controller().sign_in_pin().empty()); // the PIN is not kept

    h.click("nav.sign_out");
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().screen() == Screen::sign_in);
}

TEST_CASE("a wrong PIN is refused and five lock the id for five minutes") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.sign_in("S001", "000000");
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "counter.sign_in.wrong");
    for (int i = 0; i < 4; ++i) {
        h.sign_in("S001", "000000");
    }
    h.sign_in("S001", "135790"); // the right PIN, but locked now
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "counter.sign_in.locked");

    h.advance(5 * core::k_minute + core::k_second);
    h.sign_in("S001", "135790");
    CHECK(h.controller().signed_in());
}

TEST_CASE("an unknown id gets the same answer as a wrong PIN") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.sign_in("S999", "135790");
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "counter.sign_in.wrong");
}

TEST_CASE("idle staff are signed out; their unsaved entry waits for them only") {
    counter::CounterTimings timings;
    timings.idle_sign_out = 3 * core::k_minute;
    test::CounterHarness h({.pinyin = false, .timings = timings});
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.add_staff("S002", core::Role::frontdesk, "246801");
    h.sign_in("S001", "135790");
    h.click("nav.entry");
    h.fill("entry.description", "draft that is not saved yet");

    REQUIRE(h.controller().next_deadline().has_value());
    h.advance(2 * core::k_minute);
    CHECK(h.controller().signed_in()); // not yet
    h.advance(core::k_minute + core::k_second);
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "counter.signed_out_idle");

    // The same person comes back to their draft.
    h.sign_in("S001", "135790");
    CHECK(h.controller().screen() == Screen::entry);
    CHECK(h.controller().draft().text["description"] == "draft that is not saved yet");
    h.click("nav.sign_out");

    // Someone else does not see it.
    h.sign_in("S002", "246801");
    CHECK(h.controller().screen() == Screen::queue);
    CHECK(h.controller().draft().empty());
}
