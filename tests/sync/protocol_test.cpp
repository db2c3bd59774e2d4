// The message parsers: strict about types, fields, kinds and order, and naming the field.
#include "sync/json_fields.h"
#include "sync/messages.h"

#include <doctest/doctest.h>

using namespace cf::sync;
using nlohmann::json;

namespace {

json event(std::int64_t seq) {
    return {{"id", "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0e"},
            {"ticket_id", "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f"},
            {"origin_device", "SZ01/K1"},
            {"device_seq", seq},
            {"hlc", 123456},
            {"actor", "S001"},
            {"actor_role", "frontdesk"},
            {"kind", "note"},
            {"payload", {{"text", "x"}}}};
}

json batch(json events) {
    return {{"protocol", 1}, {"device", "SZ01/K1"}, {"events", std::move(events)}};
}

} // namespace

TEST_CASE("a well-formed push batch parses and round-trips") {
    json b = batch(json::array({event(1), event(2)}));
    auto parsed = parse_push_request(b);
    REQUIRE(parsed);
    CHECK(parsed->events.size() == 2);
    CHECK(to_json(*parsed).at("events") == b.at("events"));
}

TEST_CASE("push batches are refused with the field named") {
    struct Case {
        json body;
        std::string code;
        std::string field;
    };
    json wrong_type = event(1);
    wrong_type["hlc"] = "soon";
    json unknown_kind = event(1);
    unknown_kind["kind"] = "delete_everything";
    json unknown_role = event(1);
    unknown_role["actor_role"] = "root";
    json bad_id = event(1);
    bad_id["id"] = "1";
    json extra = event(1);
    extra["sneaky"] = true;
    json other_device = event(1);
    other_device["origin_device"] = "SZ01/K2";
    json create = event(1);
    create["kind"] = "create";
    create["payload"] = {{"ticket", json::object()}, {"customer", {{"ssn", "1"}}}};
    json old = batch(json::array({event(1)}));
    old["protocol"] = 2;
    const Case cases[] = {
        {batch(json::array({wrong_type})), "wrong_type", "events[0].hlc"},
        {batch(json::array({unknown_kind})), "unknown_kind", "events[0].kind"},
        {batch(json::array({unknown_role})), "unknown_role", "events[0].actor_role"},
        {batch(json::array({bad_id})), "invalid_value", "events[0].id"},
        {batch(json::array({extra})), "unknown_field", "events[0].sneaky"},
        {batch(json::array({other_device})), "wrong_device", "events[0].origin_device"},
        {batch(json::array({create})), "unknown_field", "events[0].payload.customer.ssn"},
        {batch(json::array({event(2), event(1)})), "events_out_of_order", "events[1].device_seq"},
        {batch(json::array({event(1), event(3)})), "events_out_of_order", "events[1].device_seq"},
        {batch(json::array()), "invalid_value", "events"},
        {batch("all"), "wrong_type", "events"},
        {old, "unsupported_protocol", "protocol"},
        {json::array(), "wrong_type", ""},
    };
    for (const auto& c : cases) {
        auto parsed = parse_push_request(c.body);
        INFO(c.body.dump());
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == c.code);
        CHECK(parsed.error().field == c.field);
        CHECK(parsed.error().message.find(c.field) != std::string::npos);
    }
}

TEST_CASE("UTF-8 is checked before JSON is parsed") {
    CHECK(valid_utf8("投诉 complaint"));
    CHECK_FALSE(valid_utf8("\xc0\xaf"));         // overlong '/'
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // surrogate
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(valid_utf8("\xe6\x8a"));         // cut short
    CHECK(parse_body("{\"a\":\"\xe6\x8a\"}").error().code == "invalid_utf8");
    CHECK(parse_body("{\"a\":").error().code == "malformed_json");
}

TEST_CASE("asset names cannot leave the assets directory") {
    CHECK(valid_asset_name("forms/kiosk.json"));
    CHECK(valid_asset_name("categories.json"));
    CHECK(valid_asset_name("calendars/cn-mainland.json"));
    CHECK(valid_asset_name("branches.json"));
    CHECK(valid_asset_name("scripts/phrases.json"));
    CHECK_FALSE(valid_asset_name("scripts/other.json"));
    CHECK(valid_asset_name("knowledge/articles.json"));
    CHECK_FALSE(valid_asset_name("knowledge/other.json"));
    CHECK_FALSE(valid_asset_name("branches/SZ01.json"));
    CHECK_FALSE(valid_asset_name("forms/../../etc/passwd.json"));
    CHECK_FALSE(valid_asset_name("/etc/passwd"));
    CHECK_FALSE(valid_asset_name("forms/a/b.json"));
    CHECK_FALSE(valid_asset_name("counterfoil.key"));
}

TEST_CASE("a pull answer with an unknown field or a bad asset name is refused") {
    json answer = {{"protocol", 1},          {"epoch", "e"},
                   {"reset", false},         {"cursor", {{"events", 1}, {"assets", 0}}},
                   {"more", false},          {"events", json::array({event(1)})},
                   {"assets", json::array()}};
    CHECK(parse_pull_response(answer));
    answer["assets"] = json::array({{{"name", "../x.json"}, {"version", 1}, {"content", "{}"}}});
    CHECK(parse_pull_response(answer).error().field == "assets[0].name");
    answer["assets"] = json::array();
    answer["cursor"]["extra"] = 1;
    CHECK_FALSE(parse_pull_response(answer));
}
