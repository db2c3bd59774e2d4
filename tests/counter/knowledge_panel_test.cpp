// The knowledge base beside an enquiry at the counter (SOP 002 知识库标准答案): staff see the
// standard answers to what the customer asks while they type it, in the customer's language,
// and nothing for a complaint.

#include "tests/support/ui/counter_harness.h"

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

TEST_CASE("an enquiry shows the knowledge base's answers beside the form") {
    test::CounterHarness h;
    signed_in(h);
    CHECK_FALSE(h.shows("entry.knowledge"));
    h.click("entry.request_type.enquiry");
    h.fill("entry.description", "客户问出国怎么开通国际漫游，流量怎么收费");
    h.frame();
    CHECK(h.shows("entry.knowledge"));
    CHECK(h.shows("entry.knowledge.0"));
    CHECK_FALSE(h.shows("entry.knowledge.3"));
    const forms::Classification cl = counter::suggest(h.catalog(), h.controller().draft());
    const auto answers = counter::knowledge_answers(h.catalog(), h.controller().draft(), cl);
    REQUIRE_FALSE(answers.empty());
    CHECK(answers.size() <= 3);
    CHECK(answers.front()->id == "tel.roaming");
}

TEST_CASE("a complaint shows no knowledge-base answers") {
    test::CounterHarness h;
    signed_in(h);
    h.click("entry.request_type.complaint");
    h.fill("entry.description", "出国漫游流量多扣了 200 元");
    h.frame();
    CHECK_FALSE(h.shows("entry.knowledge"));
    const forms::Classification cl = counter::suggest(h.catalog(), h.controller().draft());
    CHECK(counter::knowledge_answers(h.catalog(), h.controller().draft(), cl).empty());
}

TEST_CASE("the answers follow the customer's language chosen on the form") {
    test::CounterHarness h;
    signed_in(h);
    h.click("entry.request_type.enquiry");
    h.fill("entry.description", "How do I report a lost bank card?");
    h.frame();
    REQUIRE(h.shows("entry.knowledge.0"));
    const forms::Classification cl = counter::suggest(h.catalog(), h.controller().draft());
    const auto answers = counter::knowledge_answers(h.catalog(), h.controller().draft(), cl);
    REQUIRE_FALSE(answers.empty());
    CHECK(answers.front()->id == "bank.card_lost");
}
