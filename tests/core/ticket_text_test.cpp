// The fast ticket reader: what it takes reads to the same ticket as ticket_from_json, and
// whatever could differ (unknown keys, personal data, bad fields) is left to the slow path.
#include "core/ticket_json.h"
#include "core/ticket_text.h"

#include <doctest/doctest.h>

#include <string>

using namespace cf::core;
using nlohmann::json;

namespace {

Ticket rich_ticket() {
    Ticket t;
    t.id = "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f";
    t.number = "SZ01-20261123-K1-0001-X";
    t.branch = "SZ01";
    t.terminal = "K1";
    t.state = State::dispatched;
    t.request_type = RequestType::complaint;
    t.category = "billing.overcharge";
    t.severity = Severity::important;
    t.priority = Priority::urgent;
    t.emotion = Emotion::agitated;
    t.channel = Channel::kiosk;
    t.description = "电费账单金额明显异常 \"三倍\"\n请核查 / 退费 \\ 谢谢";
    t.demand = "退還多收取的費用";
    t.remedies = {"refund", "apology"};
    t.expected_time = "三个工作日内";
    t.occurred_at = 1'763'000'000'000;
    t.occurred_place = "营业厅";
    t.evidence = {"receipt.jpg"};
    t.tried_before = true;
    t.tried_how = "called twice";
    t.receiver = "S001";
    t.locale = "zh-Hant";
    t.first_response_due = 1'763'000'100'000;
    t.due_at = 1'763'500'000'000;
    t.satisfaction = Satisfaction::mostly_satisfied;
    t.round = 2;
    t.received_at = 1'763'000'000'500;
    t.updated_at = 1'763'000'200'000;
    t.acknowledged_at = 1'763'000'050'000;
    t.departments = {"billing", "network"};
    t.departments_pending = {"network"};
    t.departments_signed = {"network"};
    t.departments_answered = {"billing"};
    t.departments_approved = {"billing"};
    t.handling_deadline = 1'763'100'000'000;
    t.feedback = "已退费";
    t.assignee = "S009";
    return t;
}

// The ticket read by read_ticket_text, or nullopt when it leaves the text to the slow path.
std::optional<Ticket> fast(const std::string& text) {
    JsonScan s(text);
    Ticket t;
    if (!read_ticket_text(s, t) || !s.at_end()) {
        return std::nullopt;
    }
    return t;
}

std::string same_as_slow(const std::string& text) {
    auto f = fast(text);
    REQUIRE(f);
    auto slow = ticket_from_json(json::parse(text));
    REQUIRE(slow);
    return to_json(*f, PiiMode::plain).dump() == to_json(*slow, PiiMode::plain).dump()
               ? "same"
               : to_json(*f, PiiMode::plain).dump() +
                     " != " + to_json(*slow, PiiMode::plain).dump();
}

} // namespace

TEST_CASE("a ticket's text reads to the same ticket as ticket_from_json") {
    CHECK(same_as_slow(to_json(rich_ticket(), PiiMode::omit).dump()) == "same");
    CHECK(same_as_slow(to_json(Ticket{}, PiiMode::omit).dump()) == "same");
    // Spaces, another key order, nulls for the optional fields, and missing keys.
    json j = to_json(rich_ticket(), PiiMode::omit);
    j["closed_at"] = nullptr;
    j["description"] = nullptr;
    j["remedies"] = nullptr;
    j["tried_before"] = nullptr;
    j["state"] = nullptr;
    j.erase("locale");
    j.erase("round");
    CHECK(same_as_slow(j.dump(2)) == "same");
    CHECK(same_as_slow("{}") == "same");
    CHECK(same_as_slow(R"({"round": 3, "id": "x", "acknowledged_at": 5})") == "same");
}

TEST_CASE("the fast ticket reader leaves unknown keys, personal data and bad fields to "
          "ticket_from_json") {
    json base = to_json(rich_ticket(), PiiMode::omit);
    auto with = [&](const char* key, json value) {
        json j = base;
        j[key] = std::move(value);
        return j.dump();
    };
    const std::string slow_path[] = {
        with("customer", {{"name", "张三"}}), // personal data must never reach a body
        with("sneaky", 1),                    // an unknown key
        with("state", "teleported"),          // not a state
        with("priority", 2),                  // wrong type
        with("received_at", "today"),
        with("received_at", 1.5),
        with("remedies", {1, 2}),
        with("tried_before", "yes"),
        with("round", nullptr),
        with("round", 1LL << 40),
        R"({"id":"a","id":"b"})", // a key twice
        R"({"st\u0061te":"received"})",
        R"({"state":"rec\u0065ived"})",
        "[]",
        R"({"id":"a")",
    };
    for (const auto& text : slow_path) {
        CAPTURE(text);
        CHECK_FALSE(fast(text));
    }
}
