// The receipt screen's 话术 (kiosk/receipt_lines.h): a complaint's receipt thanks and
// apologises in the customer's language, a praise receipt thanks and never apologises.

#include "kiosk/receipt_lines.h"
#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

// Files a request of `type` ("complaint", "praise", ...) in `language` with no category and
// the words typed on the on-screen keys, up to the receipt.
void file_request(test::KioskHarness& h, std::string_view language, std::string_view type) {
    h.tap("language." + std::string(language));
    h.tap("type." + std::string(type));
    h.tap("category.skip");
    if (h.state().keyboard.chinese) {
        h.tap("key.mode");
    }
    h.tap_keys("the");
    h.tap("key.space");
    h.tap_keys("staff");
    h.tap("nav.next");
    h.tap_keys("13800138000");
    h.tap("nav.next");
    if (h.state().screen == Screen::remedies) {
        h.tap("nav.next");
    }
    h.tap("review.consent");
    h.tap("review.submit");
    REQUIRE(h.state().screen == Screen::receipt);
    REQUIRE(h.state().receipt.has_value());
}

bool has_line(const std::vector<kiosk::ReceiptLine>& lines, std::string_view id,
              std::string_view words) {
    for (const kiosk::ReceiptLine& l : lines) {
        if (l.id == id && l.text.find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_SUITE("kiosk receipt") {
    TEST_CASE("a complaint's receipt thanks and apologises in each language") {
        for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
            CAPTURE(language);
            test::KioskHarness h(test::no_pinyin());
            file_request(h, language, "complaint");
            CHECK(h.state().receipt->request_type == core::RequestType::complaint);
            CHECK(h.shows("receipt.thanks"));
            CHECK(h.shows("receipt.apology"));
        }
    }

    TEST_CASE("a praise receipt thanks and does not apologise") {
        for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
            CAPTURE(language);
            test::KioskHarness h(test::no_pinyin());
            file_request(h, language, "praise");
            CHECK(h.state().receipt->request_type == core::RequestType::praise);
            CHECK(h.shows("receipt.thanks"));
            CHECK_FALSE(h.shows("receipt.apology"));
        }
    }

    TEST_CASE("suggestions and enquiries are not apologised for either") {
        for (const char* type : {"suggestion", "enquiry"}) {
            CAPTURE(type);
            test::KioskHarness h(test::no_pinyin());
            file_request(h, "en", type);
            CHECK(h.shows("receipt.thanks"));
            CHECK_FALSE(h.shows("receipt.apology"));
        }
    }

    TEST_CASE("the receipt's words come from the asset in the customer's language") {
        test::KioskHarness h(test::no_pinyin());
        const forms::ScriptPhrases& p = h.catalog().phrases;
        const auto complaint_hans =
            kiosk::receipt_lines(p, core::RequestType::complaint, "zh-Hans");
        CHECK(has_line(complaint_hans, "receipt.apology", "深表歉意"));
        CHECK(has_line(kiosk::receipt_lines(p, core::RequestType::complaint, "zh-Hant"),
                       "receipt.apology", "深表歉意"));
        CHECK(has_line(kiosk::receipt_lines(p, core::RequestType::complaint, "en"),
                       "receipt.apology", "sorry"));
        const auto praise = kiosk::receipt_lines(p, core::RequestType::praise, "zh-Hans");
        REQUIRE(praise.size() == 1);
        CHECK(has_line(praise, "receipt.thanks", "感谢您的表扬"));
        CHECK(has_line(kiosk::receipt_lines(p, core::RequestType::praise, "en"), "receipt.thanks",
                       "Thank you for your kind words"));
    }
}
