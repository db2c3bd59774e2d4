// Enquiries answered from the knowledge base (SOP 002 知识库标准答案) on the headless harness:
// the answers to what the customer typed appear in their language; "this answered my
// question" files a resolved enquiry naming the article, with its number shown only after the
// commit; anything else carries on to the normal filing.

#include "tests/support/faulty_vfs.h"
#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using kiosk::Screen;

namespace {

// Starts an enquiry in `language` and types `question` on a physical keyboard.
void ask(test::KioskHarness& h, std::string_view language, std::string_view question) {
    h.tap("language." + std::string(language));
    h.tap("type.enquiry");
    h.tap("category.skip");
    h.type(question);
    h.tap("nav.next");
}

} // namespace

TEST_SUITE("kiosk answers") {
    TEST_CASE("an enquiry shows the knowledge base's answers in the customer's language") {
        struct Case {
            const char* language;
            const char* question;
            const char* answer_words; // from the article's answer in that language
        };
        for (const Case& c : {Case{"zh-Hans", "我的银行卡丢了怎么办", "挂失"},
                              Case{"zh-Hant", "我的提款卡唔見咗點算", "掛失"},
                              Case{"en", "I lost my bank card yesterday", "report the loss"}}) {
            CAPTURE(c.language);
            test::KioskHarness h(test::no_pinyin());
            ask(h, c.language, c.question);
            REQUIRE(h.state().screen == Screen::answers);
            REQUIRE_FALSE(h.state().answers.empty());
            CHECK(h.state().answers.size() <= 3);
            CHECK(h.state().answers.front() == "bank.card_lost");
            CHECK(h.shows("answer.0"));
            CHECK(h.shows("answer.text"));
            CHECK(h.shows("answer.helped"));
            const forms::KnowledgeArticle* a = h.catalog().knowledge.find("bank.card_lost");
            REQUIRE(a != nullptr);
            CHECK(a->answer.in(c.language).find(c.answer_words) != std::string::npos);
            // The step bar counts the answers screen among the steps.
            CHECK(h.shows("nav.back"));
        }
    }

    TEST_CASE("'this answered my question' files a resolved enquiry naming the article") {
        for (const char* language : {"zh-Hans", "zh-Hant", "en"}) {
            CAPTURE(language);
            test::KioskHarness h(test::no_pinyin());
            ask(h, language, "下个月去日本，手机怎么开通国际漫游");
            REQUIRE(h.state().screen == Screen::answers);
            CHECK(h.store->count({}) == 0);
            h.tap("answer.helped");
            REQUIRE(h.state().screen == Screen::receipt);
            REQUIRE(h.state().receipt.has_value());
            CHECK(h.state().receipt->answered);
            CHECK(h.state().receipt->request_type == core::RequestType::enquiry);
            CHECK(h.shows("receipt.qr"));

            auto t = h.store->get(h.state().receipt->number);
            REQUIRE(t.has_value());
            CHECK(t->request_type == core::RequestType::enquiry);
            CHECK(t->state == core::State::resolved);
            CHECK(t->knowledge_article == "tel.roaming");
            CHECK(t->category == "other.policy_question");
            CHECK(t->channel == core::Channel::kiosk);
            CHECK(t->locale == language);
            CHECK(t->customer.phone.empty());
            CHECK(t->resolution.find("tel.roaming") != std::string::npos);
            CHECK(h.store->count({}) == 1);

            h.tap("receipt.done");
            CHECK(h.state().screen == Screen::attract);
            CHECK(h.state().answers.empty());
        }
    }

    TEST_CASE("tapping another question opens its answer") {
        test::KioskHarness h(test::no_pinyin());
        ask(h, "zh-Hans", "宽带网速太慢了");
        REQUIRE(h.state().screen == Screen::answers);
        REQUIRE(h.state().answers.size() >= 2);
        CHECK(h.state().answer_open == 0);
        const std::string second = h.state().answers[1];
        h.tap("answer.1");
        CHECK(h.state().answer_open == 1);
        h.tap("answer.helped");
        REQUIRE(h.state().receipt.has_value());
        CHECK(h.store->get(h.state().receipt->number)->knowledge_article == second);
    }

    TEST_CASE("continuing past the answers files the enquiry as before, with no article") {
        test::KioskHarness h(test::no_pinyin());
        ask(h, "en", "How long does a transfer to another bank take?");
        REQUIRE(h.state().screen == Screen::answers);
        h.tap("nav.next");
        REQUIRE(h.state().screen == Screen::contact);
        h.tap_keys("13800138000");
        h.tap("nav.next");
        CHECK(h.state().screen == Screen::review);
        // Back from the phone goes to the answers again.
        h.tap("nav.back");
        CHECK(h.state().screen == Screen::contact);
        h.tap("nav.back");
        CHECK(h.state().screen == Screen::answers);
        h.tap("nav.next");
        h.tap("nav.next");
        h.tap("review.consent");
        h.tap("review.submit");
        REQUIRE(h.state().receipt.has_value());
        CHECK_FALSE(h.state().receipt->answered);
        auto t = h.store->get(h.state().receipt->number);
        REQUIRE(t);
        CHECK(t->state == core::State::received);
        CHECK(t->knowledge_article.empty());
        CHECK(t->customer.phone == "13800138000");
    }

    TEST_CASE("an enquiry the base has no answer for, and a complaint, go straight to the phone") {
        {
            test::KioskHarness h(test::no_pinyin());
            ask(h, "zh-Hans", "门口的台阶太滑了，我差点摔倒");
            CHECK(h.state().screen == Screen::contact);
            CHECK(h.state().answers.empty());
        }
        {
            test::KioskHarness h(test::no_pinyin());
            h.tap("language.zh-Hans");
            h.tap("type.complaint");
            h.tap("category.skip");
            h.type("我的银行卡丢了，挂失的时候柜员态度很差");
            h.tap("nav.next");
            CHECK(h.state().screen == Screen::contact);
        }
    }

    TEST_CASE("a crisis is never settled by the kiosk: the customer leaves a phone number") {
        test::KioskHarness h(test::no_pinyin());
        ask(h, "zh-Hans", "我的卡被盗刷了，不是我消费的，我要找记者曝光");
        REQUIRE(h.state().screen == Screen::answers);
        h.tap("answer.helped");
        CHECK(h.state().screen == Screen::contact);
        CHECK(h.state().notice.key == "answers.need_contact");
        CHECK(h.store->count({}) == 0);
    }

    TEST_CASE("a failed commit of an answered enquiry shows no number and is kept for staff") {
        test::HarnessOptions options = test::no_pinyin();
        options.vfs = test::k_faulty_vfs;
        test::KioskHarness h(options);
        REQUIRE(h.staff().add({"S001", "李四", core::Role::frontdesk, false}, "135790", 0));
        ask(h, "zh-Hans", "银行卡密码忘了怎么办");
        REQUIRE(h.state().screen == Screen::answers);
        test::set_vfs_fault(test::Fault::disk_full);
        h.tap("answer.helped");
        test::set_vfs_fault(test::Fault::none);
        CHECK(h.state().screen == Screen::failure);
        CHECK_FALSE(h.state().receipt.has_value());
        CHECK(h.store->count({}) == 0);
        REQUIRE(h.state().failures.size() == 1);
        CHECK(h.state().failures[0].draft.knowledge_article == "bank.password_reset");

        h.tap("failure.done");
        h.tap("staff.open");
        h.tap_keys("S001");
        h.tap("field.staff_pin");
        h.tap_keys("135790");
        h.tap("staff.sign_in");
        h.tap("staff.retry.0");
        REQUIRE(h.state().receipt.has_value());
        auto t = h.store->get(h.state().receipt->number);
        REQUIRE(t);
        CHECK(t->state == core::State::resolved);
        CHECK(t->knowledge_article == "bank.password_reset");
    }
}
