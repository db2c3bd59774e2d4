// After 60 s without a touch the kiosk asks whether the customer is still there; at 90 s it
// wipes everything and returns to the attract screen. Both times are configurable.

#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

void start_describing(test::KioskHarness& h) {
    h.tap("language.en");
    h.tap("type.complaint");
    h.tap("category.skip");
    h.tap_keys("my card was swallowed");
    REQUIRE(h.state().draft.description == "my card was swallowed");
}

} // namespace

TEST_SUITE("kiosk idle") {
    TEST_CASE("the warning comes at 60 s with a countdown and a touch keeps the draft") {
        test::KioskHarness h(test::no_pinyin());
        start_describing(h);
        h.advance(59 * core::k_second);
        CHECK_FALSE(h.state().idle_warning);
        h.advance(1 * core::k_second);
        CHECK(h.state().idle_warning);
        CHECK(h.shows("idle.continue"));
        CHECK(h.controller().idle_seconds_left() == 30);
        h.advance(10 * core::k_second);
        CHECK(h.controller().idle_seconds_left() == 20);
        h.tap("idle.continue");
        CHECK_FALSE(h.state().idle_warning);
        CHECK(h.state().draft.description == "my card was swallowed");
        CHECK(h.state().screen == Screen::describe);
    }

    TEST_CASE("at 90 s the draft is wiped and the attract screen returns") {
        test::KioskHarness h(test::no_pinyin());
        start_describing(h);
        h.tap("nav.next");
        h.tap_keys("1380013");
        const int generation = h.state().generation;
        h.advance(60 * core::k_second);
        h.advance(30 * core::k_second);
        CHECK(h.state().screen == Screen::attract);
        CHECK_FALSE(h.state().idle_warning);
        CHECK(h.state().draft.description.empty());
        CHECK(h.state().draft.phone.empty());
        CHECK(h.state().locale == ui::Locale::zh_hans);
        CHECK(h.state().generation == generation + 1);
        CHECK(h.store->count({}) == 0); // a draft is stored only when it is submitted
    }

    TEST_CASE("while the warning shows the loop wakes once a second, and not at all on the attract "
              "screen") {
        test::KioskHarness h(test::no_pinyin());
        CHECK_FALSE(h.controller().next_deadline().has_value());
        start_describing(h);
        CHECK(*h.controller().next_deadline() == h.clock.now() + 60 * core::k_second);
        h.advance(60 * core::k_second);
        CHECK(*h.controller().next_deadline() == h.clock.now() + core::k_second);
    }

    TEST_CASE("the times are configurable") {
        test::HarnessOptions options = test::no_pinyin();
        options.timings = {10 * core::k_second, 15 * core::k_second};
        test::KioskHarness h(options);
        start_describing(h);
        h.advance(10 * core::k_second);
        CHECK(h.state().idle_warning);
        h.advance(5 * core::k_second);
        CHECK(h.state().screen == Screen::attract);
    }

    TEST_CASE("a receipt left on screen goes away at the warning time") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.en");
        h.tap("type.praise");
        h.tap("category.skip");
        h.tap_keys("kind staff");
        h.tap("nav.next");
        h.tap_keys("13800138000");
        h.tap("nav.next");
        h.tap("review.consent");
        h.tap("review.submit");
        REQUIRE(h.state().screen == Screen::receipt);
        h.advance(60 * core::k_second);
        CHECK(h.state().screen == Screen::attract);
        CHECK_FALSE(h.state().receipt.has_value());
    }
}
