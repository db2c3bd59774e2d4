// Chinese input on the on-screen keyboard through librime: the keyboard edits the field's own
// buffer, candidates page, and Traditional customers get Traditional characters.

#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

void open_describe(test::KioskHarness& h, const char* language) {
    REQUIRE_MESSAGE(test::shared_composer().available(),
                    test::shared_composer().unavailable_reason());
    h.tap(std::string("language.") + language);
    h.tap("type.complaint");
    h.tap("category.skip");
    REQUIRE(h.state().screen == Screen::describe);
    REQUIRE(h.state().keyboard.chinese);
}

} // namespace

TEST_SUITE("kiosk pinyin") {
    TEST_CASE("tousu and the first candidate give 投诉 in Simplified") {
        test::KioskHarness h;
        open_describe(h, "zh-Hans");
        h.tap_keys("tousu");
        CHECK(h.state().draft.description.empty());
        CHECK(h.shows("cand.0"));
        h.tap("cand.0");
        CHECK(h.state().draft.description == "投诉");
    }

    TEST_CASE("tousu and the first candidate give 投訴 in Traditional") {
        test::KioskHarness h;
        open_describe(h, "zh-Hant");
        h.tap_keys("tousu");
        h.tap("cand.0");
        CHECK(h.state().draft.description == "投訴");
    }

    TEST_CASE("space takes the first candidate, delete edits the letters first") {
        test::KioskHarness h;
        open_describe(h, "zh-Hans");
        h.tap_keys("tousx");
        h.tap("key.delete");
        h.tap_keys("u");
        h.tap("key.space");
        CHECK(h.state().draft.description == "投诉");
        h.tap("key.delete");
        CHECK(h.state().draft.description == "投");
    }

    TEST_CASE("the candidate pages move forward and back") {
        test::KioskHarness h;
        open_describe(h, "zh-Hans");
        h.tap_keys("shi");
        const auto first_page = h.controller().composition().candidates;
        REQUIRE(h.shows("cand.next"));
        h.tap("cand.next");
        CHECK(h.controller().composition().candidates != first_page);
        h.tap("cand.prev");
        CHECK(h.controller().composition().candidates == first_page);
    }

    TEST_CASE("EN mode types letters into the field itself") {
        test::KioskHarness h;
        open_describe(h, "zh-Hans");
        h.tap("key.mode");
        CHECK_FALSE(h.state().keyboard.chinese);
        h.tap_keys("atm");
        CHECK(h.state().draft.description == "atm");
    }

    TEST_CASE("a wipe drops a half-typed composition") {
        test::KioskHarness h;
        open_describe(h, "zh-Hans");
        h.tap_keys("tou");
        CHECK(h.controller().composition().preedit.size() > 0);
        h.tap("nav.cancel");
        CHECK(h.state().screen == Screen::attract);
        CHECK(h.controller().composition().preedit.empty());
        CHECK(h.state().draft.description.empty());
    }

    TEST_CASE("without an input method the keyboard says so and still types letters") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.zh-Hans");
        h.tap("type.complaint");
        h.tap("category.skip");
        CHECK_FALSE(h.controller().composition().available);
        h.tap_keys("atm");
        CHECK(h.state().draft.description == "atm");
    }
}
