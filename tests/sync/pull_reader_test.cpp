// The terminal's fast reader of pull answers: a well-formed page reads as the DOM reader reads
// it, with its creates' tickets kept as text; anything else is left to the DOM reader.
#include "core/ticket_json.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/wire_text_reader.h"

#include <doctest/doctest.h>

using namespace cf::sync;
using nlohmann::json;

namespace {

json wire(std::int64_t seq, const std::string& kind, json payload,
          const std::string& origin = "SZ01/K2") {
    return {{"id", "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d" + std::to_string(10 + seq)},
            {"ticket_id", "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f"},
            {"origin_device", origin},
            {"device_seq", seq},
            {"hlc", 123456 + seq},
            {"actor", "S002"},
            {"actor_role", "frontdesk"},
            {"kind", kind},
            {"payload", std::move(payload)}};
}

json page() {
    cf::core::Ticket t;
    t.id = "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f";
    t.number = "SZ01-20261123-K2-0001-X";
    t.branch = "SZ01";
    t.description = "电费账单 \"异常\"\n";
    json create = wire(1, "create",
                       {{"ticket", cf::core::to_json(t, cf::core::PiiMode::omit)},
                        {"customer", {{"name", "李四"}, {"phone", "13900139000"}}}});
    json review = wire(2, "review_accept", json::object(), "CENTER");
    review["actor_role"] = "reviewer";
    json note = wire(3, "note", {{"text", "回电"}, {"n", {1, -2, nullptr, true}}});
    return {{"protocol", 1},
            {"epoch", "e1"},
            {"reset", false},
            {"cursor", {{"events", 3}, {"assets", 1}}},
            {"more", true},
            {"events", json::array({create, review, note})},
            {"assets",
             json::array({{{"name", "forms/kiosk.json"}, {"version", 2}, {"content", "{}"}}})}};
}

} // namespace

TEST_CASE("a well-formed pull page takes the fast path and reads as the DOM reader reads it") {
    const json p = page();
    auto fast = read_pull_text(p.dump());
    auto dom = parse_pull_response(p);
    REQUIRE(fast);
    REQUIRE(dom);
    REQUIRE(fast->events[0].create);
    CHECK(fast->events[0].create->ticket.customer.name == "李四");
    CHECK(json::parse(fast->events[0].create->ticket_text) == p["events"][0]["payload"]["ticket"]);
    CHECK_FALSE(fast->events[1].create);
    CHECK(to_json(*fast) == to_json(*dom));
    CHECK(fast->more);
    CHECK(fast->cursor.events == 3);
    CHECK(fast->assets.at(0).content == "{}");
}

TEST_CASE("a pull page the fast path does not take is left to the DOM reader") {
    auto with = [](auto change) {
        json p = page();
        change(p);
        return p.dump();
    };
    const std::string unusual[] = {
        with([](json& p) { p["events"][2]["payload"]["amount"] = 1.5; }),
        with([](json& p) { p["events"][0]["payload"]["ticket"]["newer_key"] = 1; }),
        with([](json& p) { p.erase("reset"); }),
        with([](json& p) { p["extra"] = 1; }),
        with([](json& p) { p["protocol"] = 2; }),
        with([](json& p) { p["assets"][0]["name"] = "../../etc/passwd"; }),
        with([](json& p) { p["events"][1]["kind"] = "teleport"; }),
        page().dump() + "x",
        "{\"protocol\":1,\"epoch\":\"\xff\"}",
    };
    for (const auto& text : unusual) {
        CAPTURE(text);
        CHECK_FALSE(read_pull_text(text));
    }
}

TEST_CASE("parse_pull_body reads a good page either way and names what is wrong with a bad one") {
    json unusual = page();
    unusual["events"][2]["payload"]["amount"] = 1.5;
    for (const json& p : {page(), unusual}) {
        auto read = parse_pull_body(p.dump());
        REQUIRE(read);
        CHECK(to_json(*read) == to_json(*parse_pull_response(p)));
    }
    json bad = page();
    bad["events"][1]["kind"] = "teleport";
    auto refused = parse_pull_body(bad.dump());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "unknown_kind");
    CHECK(refused.error().field == "events[1].kind");
    CHECK(parse_pull_body("{\"protocol\":1,").error().code == "malformed_json");
}
