// Fast entry at the counter: typing, classifier suggestions and overrides, field errors, Enter
// to save, the acknowledgement, and pinyin on the on-screen keyboard.

#include "tests/support/ui/counter_harness.h"
#include "tests/support/ui/kiosk_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using counter::Screen;

namespace {

void signed_in(test::CounterHarness& h) {
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.sign_in("S001", "135790");
    h.click("nav.entry");
    REQUIRE(h.controller().screen() == Screen::entry);
}

} // namespace

TEST_CASE("a complaint typed at the counter is saved, classified and acknowledged") {
    test::CounterHarness h;
    signed_in(h);
    h.fill("entry.description", "上个月话费多扣了 58 元");
    h.fill("entry.customer_phone", "13800138000");
    h.fill("entry.customer_name", "张伟");
    // The suggestion is shown before saving, with the word behind it.
    const forms::Classification cl = counter::suggest(h.catalog(), h.controller().draft());
    CHECK(cl.result.category.value_or("") == "billing.overcharge");

    h.click("entry.save");
    REQUIRE(h.controller().screen() == Screen::acknowledgement);
    REQUIRE(h.controller().saved().has_value());
    const std::string number = h.controller().saved()->number;
    auto t = h.store->get(number);
    REQUIRE(t.has_value());
    CHECK(t->receiver == "S001");
    CHECK(t->channel == core::Channel::counter);
    CHECK(t->category == "billing.overcharge");
    CHECK(t->customer.phone == "13800138000");
    CHECK(t->state == core::State::received);
    CHECK_FALSE(h.controller().saved_explanation().empty());

    // Reading the script to the customer is the first response.
    h.click("ack.acknowledged");
    CHECK(h.store->get(number)->state == core::State::acknowledged);
    CHECK(h.store->get(number)->assignee == "S001");
}

TEST_CASE("staff override the classifier by choosing a value") {
    test::CounterHarness h;
    signed_in(h);
    h.fill("entry.description", "上个月话费多扣了 58 元");
    h.click("entry.request_type.suggestion");
    h.fill("entry.customer_phone", "13800138000");
    h.click("entry.save");
    REQUIRE(h.controller().saved().has_value());
    CHECK(h.controller().saved()->request_type == core::RequestType::suggestion);
}

TEST_CASE("a media exposure risk makes the ticket urgent") {
    test::CounterHarness h;
    signed_in(h);
    h.fill("entry.description", "要找记者曝光");
    h.fill("entry.customer_phone", "13800138000");
    h.controller().draft().choice["special_type"] = "media_exposure";
    h.controller().draft().choice["priority"] = "normal";
    h.click("entry.save");
    REQUIRE(h.controller().saved().has_value());
    CHECK(h.controller().saved()->priority == core::Priority::urgent);
}

TEST_CASE("bad fields are named and nothing is saved; Enter saves once they are right") {
    test::CounterHarness h;
    signed_in(h);
    h.fill("entry.customer_phone", "12345");
    h.click("entry.save");
    CHECK(h.controller().screen() == Screen::entry);
    CHECK(h.controller().draft().errors.contains("description"));
    CHECK(h.controller().draft().errors.contains("customer_phone"));
    CHECK(h.store->count({}).value() == 0);

    h.fill("entry.description", "网络一直断线");
    h.fill("entry.customer_phone", "13800138000");
    h.press(ImGuiKey_Enter); // in a single-line field: save
    CHECK(h.controller().screen() == Screen::acknowledgement);
    CHECK(h.store->count({}).value() == 1);
}

TEST_CASE("Enter in the description makes a new line instead of saving") {
    test::CounterHarness h;
    signed_in(h);
    h.click("entry.description");
    h.type("第一行");
    h.press(ImGuiKey_Enter);
    CHECK(h.controller().screen() == Screen::entry);
    h.type("第二行");
    h.click("entry.customer_phone");
    CHECK(h.controller().draft().text["description"] == "第一行\n第二行");
}

TEST_CASE("pinyin on the on-screen keyboard types into the field last typed in") {
    test::CounterHarness h({.pinyin = true, .timings = {}});
    signed_in(h);
    if (!test::shared_composer().available()) {
        FAIL("librime is unavailable: " << test::shared_composer().unavailable_reason());
    }
    h.click("entry.pinyin");
    h.click("entry.description");
    h.type("话费");
    for (char c : std::string("tousu")) {
        h.click(std::string("key.") + c);
    }
    REQUIRE(h.shows("cand.0"));
    h.click("cand.0");
    CHECK(h.controller().draft().text["description"] == "话费投诉");
}
