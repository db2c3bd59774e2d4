// An enquiry answered from the knowledge base (SOP 002 知识库标准答案): the kiosk files it
// naming the article, acknowledged and resolved in the filing's own transaction; the rule lets
// the kiosk take those two steps on such an enquiry and nothing else; the article id reads
// back from every body and counts in the statistics.
#include "core/ticket_json.h"
#include "core/ticket_store.h"
#include "core/ticket_text.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cf;
using cf::test::StoreFixture;
using core::Role;
using core::Step;
using nlohmann::json;

namespace {

const core::Actor k_kiosk{"kiosk", Role::kiosk, {}};

core::NewTicket answered_enquiry(std::string article = "bank.card_lost") {
    core::NewTicket t = test::sample_complaint();
    t.request_type = core::RequestType::enquiry;
    t.channel = core::Channel::kiosk;
    t.category = "product_quality.card_or_device";
    t.severity = core::Severity::general;
    t.customer = {};
    t.description = "银行卡丢了怎么办";
    t.knowledge_article = std::move(article);
    return t;
}

std::vector<core::TicketStore::FollowingStep> answer_steps() {
    return {{Step::acknowledge, json::object()},
            {Step::resolve, {{"resolution", "answered by knowledge article bank.card_lost"}}}};
}

} // namespace

TEST_CASE("an enquiry the knowledge base answered is filed resolved in one transaction") {
    StoreFixture f;
    auto filed = f.store->file_with_steps(answered_enquiry(), k_kiosk, answer_steps());
    INFO((filed ? std::string() : filed.error().message));
    REQUIRE(filed.has_value());
    CHECK(filed->state == core::State::resolved);
    CHECK(filed->knowledge_article == "bank.card_lost");
    CHECK(filed->acknowledged_at == filed->received_at);
    CHECK(filed->resolved_at == filed->received_at);
    CHECK(filed->assignee.empty()); // the kiosk takes nobody's place in the queue

    auto stored = f.store->get(filed->number);
    REQUIRE(stored);
    CHECK(stored->state == core::State::resolved);
    CHECK(stored->knowledge_article == "bank.card_lost");
    auto events = f.store->events(stored->id);
    REQUIRE(events);
    REQUIRE(events->size() == 3);
    CHECK((*events)[0].kind == "create");
    CHECK((*events)[1].kind == "acknowledge");
    CHECK((*events)[2].kind == "resolve");
    CHECK((*events)[2].actor == "kiosk");
}

TEST_CASE("the kiosk may not resolve a complaint or an enquiry without an article") {
    StoreFixture f;
    core::NewTicket complaint = answered_enquiry();
    complaint.request_type = core::RequestType::complaint;
    auto refused = f.store->file_with_steps(complaint, k_kiosk, answer_steps());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == core::ErrorCode::rejected_step);
    CHECK(refused.error().message.find("kiosk") != std::string::npos);

    auto plain = f.store->file_with_steps(answered_enquiry(""), k_kiosk, answer_steps());
    REQUIRE_FALSE(plain);
    // Nothing of either attempt was written.
    auto count = f.store->count(core::ListQuery{});
    REQUIRE(count);
    CHECK(*count == 0);
}

TEST_CASE("a major enquiry still needs a supervisor's approval before any resolution") {
    StoreFixture f;
    core::NewTicket major = answered_enquiry();
    major.severity = core::Severity::major;
    auto refused = f.store->file_with_steps(major, k_kiosk, answer_steps());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("approval") != std::string::npos);
}

TEST_CASE("the kiosk takes no other step on an answered enquiry") {
    StoreFixture f;
    auto filed = f.store->file_with_steps(answered_enquiry(), k_kiosk, answer_steps());
    REQUIRE(filed);
    auto close = f.store->act(filed->number, Step::close, k_kiosk, {{"reason", "done"}});
    CHECK_FALSE(close);
    auto satisfied =
        f.store->act(filed->number, Step::satisfaction, k_kiosk, {{"level", "satisfied"}});
    CHECK_FALSE(satisfied);
    // Staff carry on as with any resolved ticket.
    auto by_staff = f.store->act(filed->number, Step::satisfaction, test::frontdesk(),
                                 {{"level", "satisfied"}});
    CHECK(by_staff);
}

TEST_CASE("the article id is written only when set and read back by both readers") {
    core::Ticket t;
    t.id = "0190f2a4-0000-7000-8000-000000000001";
    t.locale = "zh-Hans";
    const json without = core::to_json(t, core::PiiMode::omit);
    CHECK_FALSE(without.contains("knowledge_article"));
    t.knowledge_article = "tel.roaming";
    const json with = core::to_json(t, core::PiiMode::omit);
    CHECK(with.at("knowledge_article") == "tel.roaming");
    auto read = core::ticket_from_json(with);
    REQUIRE(read);
    CHECK(read->knowledge_article == "tel.roaming");
    core::Ticket fast;
    const std::string text = with.dump();
    core::JsonScan scan(text);
    REQUIRE(core::read_ticket_text(scan, fast));
    CHECK(fast.knowledge_article == "tel.roaming");
}

TEST_CASE("statistics count the enquiries answered from the knowledge base, per article") {
    StoreFixture f;
    REQUIRE(f.store->file_with_steps(answered_enquiry("bank.card_lost"), k_kiosk, answer_steps()));
    REQUIRE(f.store->file_with_steps(answered_enquiry("bank.card_lost"), k_kiosk, answer_steps()));
    REQUIRE(f.store->file_with_steps(answered_enquiry("tel.roaming"), k_kiosk, answer_steps()));
    REQUIRE(f.store->file(test::sample_complaint(), test::frontdesk()));
    auto stats =
        f.store->stats(test::k_monday_10am - core::k_day, test::k_monday_10am + core::k_day);
    REQUIRE(stats);
    CHECK(stats->total == 4);
    CHECK(stats->knowledge_answered == 3);
    REQUIRE(stats->by_knowledge_article.size() == 2);
    CHECK(stats->by_knowledge_article[0].key == "bank.card_lost");
    CHECK(stats->by_knowledge_article[0].count == 2);
    CHECK(stats->by_knowledge_article[1].key == "tel.roaming");
    CHECK(core::to_json(*stats).at("knowledge_answered") == 3);
}
