// Whole customer journeys on the headless harness: every step is a tap on the widget a
// customer would touch, and the stored ticket is read back from the store.

#include "core/ticket_number.h"
#include "tests/support/faulty_vfs.h"
#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

// Files a complaint about a double charge with the description typed on the on-screen keys.
std::string file_complaint(test::KioskHarness& h, std::string_view language) {
    h.tap("language." + std::string(language));
    CHECK(h.state().screen == Screen::choose_type);
    h.tap("type.complaint");
    CHECK(h.state().screen == Screen::category);
    h.tap("category.billing");
    h.tap("category.billing.overcharge");
    CHECK(h.state().screen == Screen::describe);
    // English letters, whatever the language: switch the keyboard to EN where it starts in 中.
    if (h.state().keyboard.chinese) {
        h.tap("key.mode");
    }
    h.tap_keys("double");
    h.tap("key.space");
    h.tap_keys("charged");
    CHECK(h.state().draft.description == "double charged");
    h.tap("nav.next");
    CHECK(h.state().screen == Screen::contact);
    h.tap_keys("13800138000");
    h.tap("nav.next");
    CHECK(h.state().screen == Screen::remedies);
    h.tap("remedy.refund");
    h.tap("nav.next");
    CHECK(h.state().screen == Screen::review);
    h.tap("review.consent");
    h.tap("review.submit");
    REQUIRE(h.state().screen == Screen::receipt);
    REQUIRE(h.state().receipt.has_value());
    return h.state().receipt->number;
}

} // namespace

TEST_SUITE("kiosk flow") {
    TEST_CASE("a complaint filed in each language is stored with its choices and locale") {
        for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
            CAPTURE(language);
            test::KioskHarness h(test::no_pinyin());
            const std::string number = file_complaint(h, language);
            CHECK(core::parse_ticket_number(number).has_value());
            CHECK(h.shows("receipt.qr"));

            auto t = h.store->get(number);
            REQUIRE(t.has_value());
            CHECK(t->request_type == core::RequestType::complaint);
            CHECK(t->category == "billing.overcharge");
            CHECK(t->channel == core::Channel::kiosk);
            CHECK(t->description == "double charged");
            CHECK(t->customer.phone == "13800138000");
            CHECK(t->remedies == std::vector<std::string>{"refund"});
            CHECK(t->locale == language);
            CHECK(t->receiver == "kiosk");
            CHECK(t->first_response_due > t->received_at);

            // Done: the next customer sees nothing of this one.
            h.tap("receipt.done");
            CHECK(h.state().screen == Screen::attract);
            CHECK(h.state().draft.description.empty());
            CHECK_FALSE(h.state().receipt.has_value());
        }
    }

    TEST_CASE("a suggestion skips the category and the remedies") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.en");
        h.tap("type.suggestion");
        h.tap("category.skip");
        h.tap_keys("more chairs please");
        CHECK(h.state().draft.description == "more chairs please");
        h.tap("nav.next");
        h.tap_keys("91234567");
        h.tap("nav.next");
        CHECK(h.state().screen == Screen::review);
        CHECK_FALSE(h.shows("review.edit.remedies"));
        h.tap("review.consent");
        h.tap("review.submit");
        REQUIRE(h.state().receipt.has_value());
        auto t = h.store->get(h.state().receipt->number);
        REQUIRE(t);
        CHECK(t->request_type == core::RequestType::suggestion);
        CHECK(t->customer.phone == "85291234567"); // stored with its country code
        CHECK(t->remedies.empty());
    }

    TEST_CASE("a description that is too short stays on its screen with the reason") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.en");
        h.tap("type.enquiry");
        h.tap("category.skip");
        h.tap_keys("a");
        h.tap("nav.next");
        CHECK(h.state().screen == Screen::describe);
        CHECK(h.state().notice.key == "describe.too_short");
    }

    TEST_CASE("a phone number that cannot be right is refused before review") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.en");
        h.tap("type.enquiry");
        h.tap("category.skip");
        h.tap_keys("where is the atm");
        h.tap("nav.next");
        CHECK(h.state().screen == Screen::answers);
        h.tap("nav.next");
        h.tap("nav.next");
        CHECK(h.state().notice.key == "contact.phone_required");
        h.tap_keys("12345");
        h.tap("nav.next");
        CHECK(h.state().screen == Screen::contact);
        CHECK(h.state().notice.key == "contact.phone_invalid");
    }

    TEST_CASE("submitting needs the consent tick") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.en");
        h.tap("type.praise");
        h.tap("category.skip");
        h.tap_keys("great staff");
        h.tap("nav.next");
        h.tap_keys("13800138000");
        h.tap("nav.next");
        h.tap("review.submit");
        CHECK(h.state().screen == Screen::review);
        CHECK(h.state().notice.key == "review.need_consent");
        CHECK(h.store->count({}) == 0);
    }

    TEST_CASE("the keyword classifier sets priority behind the scenes") {
        test::KioskHarness h(test::no_pinyin());
        h.tap("language.zh-Hans");
        h.tap("type.complaint");
        h.tap("category.skip");
        h.type("排队一个多小时，态度很差，我要找记者曝光");
        h.tap("nav.next");
        h.tap_keys("13800138000");
        h.tap("nav.next");
        h.tap("nav.next");
        h.tap("review.consent");
        h.tap("review.submit");
        REQUIRE(h.state().receipt.has_value());
        auto t = h.store->get(h.state().receipt->number);
        REQUIRE(t);
        CHECK(t->priority == core::Priority::urgent);
        CHECK(t->description == "排队一个多小时，态度很差，我要找记者曝光");
    }

    TEST_CASE("a failed commit keeps the draft for staff and shows no number") {
        test::HarnessOptions options = test::no_pinyin();
        options.vfs = test::k_faulty_vfs;
        test::KioskHarness h(options);
        REQUIRE(h.staff().add({"S001", "李四", core::Role::frontdesk, false}, "135790", 0));
        h.tap("language.en");
        h.tap("type.enquiry");
        h.tap("category.skip");
        h.tap_keys("opening hours");
        h.tap("nav.next");
        // The knowledge base has an answer; the customer carries on to file all the same.
        CHECK(h.state().screen == Screen::answers);
        h.tap("nav.next");
        h.tap_keys("13800138000");
        h.tap("nav.next");
        h.tap("review.consent");
        test::set_vfs_fault(test::Fault::disk_full);
        h.tap("review.submit");
        test::set_vfs_fault(test::Fault::none);
        CHECK(h.state().screen == Screen::failure);
        CHECK_FALSE(h.state().receipt.has_value());
        CHECK(h.store->count({}) == 0);
        REQUIRE(h.state().failures.size() == 1);
        CHECK(h.state().failures[0].draft.description == "opening hours");
        CHECK_FALSE(h.state().failures[0].error.empty());

        // The customer leaves; staff sign in, see the error and submit again once there is room.
        h.tap("failure.done");
        CHECK(h.state().screen == Screen::attract);
        CHECK(h.state().draft.description.empty());
        h.tap("staff.open");
        h.tap_keys("S001");
        h.tap("field.staff_pin");
        h.tap_keys("135790");
        h.tap("staff.sign_in");
        REQUIRE(h.state().screen == Screen::staff_menu);
        CHECK(h.shows("staff.retry.0"));
        h.tap("staff.retry.0");
        REQUIRE(h.state().receipt.has_value());
        CHECK(h.store->get(h.state().receipt->number)->description == "opening hours");
        CHECK(h.state().failures.empty());
    }
}
