// Check a ticket: number (with its check character) and the last 4 phone digits show the
// status in plain words and the center's answer, and nothing personal.

#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

std::string filed_number(test::KioskHarness& h) {
    auto t = h.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(t);
    return t->number;
}

void open_check(test::KioskHarness& h) {
    h.tap("language.en");
    h.tap("type.check");
    REQUIRE(h.state().screen == Screen::check);
}

} // namespace

TEST_SUITE("kiosk check a ticket") {
    TEST_CASE("the right number and digits show the status in plain words") {
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        open_check(h);
        h.type(number);
        CHECK(h.state().check.number == number);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        CHECK(h.state().check.phone4 == "8000");
        h.tap("check.submit");
        REQUIRE(h.state().screen == Screen::check_result);
        CHECK(h.state().check_result->number == number);
        CHECK(h.state().check_result->state == core::State::received);
        CHECK(h.state().check_result->feedback.empty());
        CHECK(h.state().check.phone4.empty());
    }

    TEST_CASE("a number typed in lower case without dashes is understood") {
        test::KioskHarness h(test::no_pinyin());
        std::string number = filed_number(h);
        open_check(h);
        std::string typed;
        for (char c : number) {
            if (c != '-') {
                typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        h.type(typed);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        h.tap("check.submit");
        CHECK(h.state().screen == Screen::check_result);
    }

    TEST_CASE("a mistyped character is caught by the check character") {
        test::KioskHarness h(test::no_pinyin());
        std::string number = filed_number(h);
        number.back() = number.back() == '5' ? '6' : '5';
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        h.tap("check.submit");
        CHECK(h.state().screen == Screen::check);
        CHECK(h.state().notice.key == "check.bad_number");
    }

    TEST_CASE("wrong digits and an unknown number get the same answer") {
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        h.tap_keys("1234");
        h.tap("check.submit");
        CHECK(h.state().notice.key == "check.not_found");
        CHECK(h.state().screen == Screen::check);
    }

    TEST_CASE("after five wrong attempts checking stops until the screen is wiped") {
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        for (int i = 0; i < 5; ++i) {
            h.tap("key.clear");
            h.tap_keys("1234");
            h.tap("check.submit");
        }
        h.tap("key.clear");
        h.tap_keys("8000");
        h.tap("check.submit");
        CHECK(h.state().notice.key == "check.unavailable");
        CHECK(h.state().screen == Screen::check);
    }

    TEST_CASE("the center's feedback is shown once it arrived") {
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        const core::Actor staff = test::frontdesk();
        REQUIRE(h.store->act(number, core::Step::acknowledge, staff, {}));
        REQUIRE(h.store->act(number, core::Step::submit, staff, {{"reason", "needs billing"}}));
        REQUIRE(
            h.store->act(number, core::Step::review_accept, test::as(core::Role::reviewer), {}));
        REQUIRE(h.store->act(
            number, core::Step::dispatch, test::as(core::Role::dispatcher),
            {{"departments", {"billing"}}, {"deadline", h.clock.now() + core::k_day}}));
        REQUIRE(h.store->act(number, core::Step::sign_for,
                             test::as(core::Role::handler, "H1", "billing"),
                             {{"department", "billing"}}));
        REQUIRE(h.store->act(number, core::Step::handle,
                             test::as(core::Role::handler, "H1", "billing"),
                             {{"department", "billing"},
                              {"investigation", "double charge confirmed"},
                              {"responsibility", "our_department"},
                              {"solution", "refund 50 yuan"}}));
        REQUIRE(h.store->act(number, core::Step::audit_approve, test::as(core::Role::auditor), {}));
        REQUIRE(h.store->act(number, core::Step::feedback, test::as(core::Role::reviewer),
                             {{"text", "We refunded 50 yuan on 24 November."}}));
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        h.tap("check.submit");
        REQUIRE(h.state().screen == Screen::check_result);
        CHECK(h.state().check_result->state == core::State::answered);
        CHECK(h.state().check_result->feedback == "We refunded 50 yuan on 24 November.");
    }
}

TEST_SUITE("kiosk check a ticket: the last contact") {
    TEST_CASE("the last contact shows when and how, never what staff wrote") {
        // Issue 14: the kiosk's check-a-ticket showed no sign that anyone had called.
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        const core::Actor staff = test::frontdesk();
        REQUIRE(h.store->act(number, core::Step::acknowledge, staff, {}));
        REQUIRE(h.store->act(number, core::Step::contact, staff,
                             {{"channel", "visit"}, {"outcome", "customer shouted, note for HR"}}));
        h.clock.advance(core::k_hour);
        const core::Millis called = h.clock.now();
        REQUIRE(h.store->act(number, core::Step::contact, staff,
                             {{"channel", "phone"}, {"outcome", "promised a refund by Friday"}}));
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        h.tap("check.submit");
        REQUIRE(h.state().screen == Screen::check_result);
        const auto& r = *h.state().check_result;
        REQUIRE(r.last_contact_at);
        CHECK(*r.last_contact_at == called);
        CHECK(r.last_contact_channel == "phone"); // the latest of the two, and only how
        h.frame(); // drawn in words from assets/i18n (a missing text would abort here)
        CHECK(h.shows("check.done"));
    }

    TEST_CASE("without a contact there is no contact line") {
        test::KioskHarness h(test::no_pinyin());
        const std::string number = filed_number(h);
        open_check(h);
        h.type(number);
        h.tap("field.check_phone4");
        h.tap_keys("8000");
        h.tap("check.submit");
        REQUIRE(h.state().screen == Screen::check_result);
        CHECK_FALSE(h.state().check_result->last_contact_at);
    }
}
