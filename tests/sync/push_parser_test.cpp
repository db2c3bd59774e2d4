// The center's SAX reader of push bodies: the same answers as the DOM parser for good and bad
// batches, and no crash, hang or silent acceptance for hostile ones.
#include "core/ticket_json.h"
#include "sync/json_text.h"
#include "sync/messages.h"
#include "sync/push_parser.h"

#include <doctest/doctest.h>

#include <string>

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
            {"payload", {{"text", "x"}, {"list", {1, 2.5, nullptr, true, "y"}}}}};
}

json create_event(std::int64_t seq) {
    json e = event(seq);
    e["kind"] = "create";
    e["payload"] = {{"ticket", {{"id", "t"}, {"description", "电费账单 \"异常\"\n"}}},
                    {"customer", {{"name", "张三"}, {"phone", "13800131234"}}}};
    return e;
}

json batch(json events) {
    return {{"protocol", 1}, {"device", "SZ01/K1"}, {"events", std::move(events)}};
}

// The error code and field of parse_push_body, or "ok".
std::pair<std::string, std::string> outcome(const std::string& body) {
    auto parsed = parse_push_body(body);
    if (parsed) {
        return {"ok", ""};
    }
    CHECK(parsed.error().message.find(parsed.error().field) != std::string::npos);
    return {parsed.error().code, parsed.error().field};
}

std::string nested(const std::string& open, const std::string& close, int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) {
        s += open;
    }
    s += "1";
    for (int i = 0; i < depth; ++i) {
        s += close;
    }
    return s;
}

} // namespace

TEST_CASE("a push body reads the same through SAX as through the DOM") {
    json b = batch(json::array({create_event(1), event(2), event(3)}));
    b["skips"] = json::array({{{"device_seq", 4}, {"event_id", "e4"}, {"reason", "dead"}}});
    auto sax = parse_push_body(b.dump());
    auto dom = parse_push_request(b);
    REQUIRE(sax);
    REQUIRE(dom);
    CHECK(to_json(*sax) == to_json(*dom));
    CHECK(sax->events[0].payload.at("ticket").at("description") == "电费账单 \"异常\"\n");
    CHECK(sax->skips.at(0).reason == "dead");
}

TEST_CASE("SAX refuses what the DOM parser refuses, naming the same field") {
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
    json no_customer = create_event(1);
    no_customer["payload"].erase("customer");
    json old = batch(json::array({event(1)}));
    old["protocol"] = 2;
    json missing = event(1);
    missing.erase("actor");
    json empty_actor = event(1);
    empty_actor["actor"] = "";
    json negative = event(1);
    negative["device_seq"] = -1;
    json fraction = event(1);
    fraction["device_seq"] = 1.5;
    json huge = event(1);
    huge["device_seq"] = std::numeric_limits<std::uint64_t>::max();
    json list_payload = event(1);
    list_payload["payload"] = json::array();
    json text_payload = event(1);
    text_payload["payload"] = "x";
    json null_kind = event(1);
    null_kind["kind"] = nullptr;
    json bad_skip = batch(json::array({event(1)}));
    bad_skip["skips"] = json::array({{{"device_seq", 2}, {"event_id", "e"}}});
    json skip_extra = batch(json::array({event(1)}));
    skip_extra["skips"] =
        json::array({{{"device_seq", 2}, {"event_id", "e"}, {"reason", "r"}, {"x", 1}}});
    json no_device = batch(json::array({event(1)}));
    no_device.erase("device");
    json bad_device = batch(json::array({event(1)}));
    bad_device["device"] = "../../etc";
    json object_events = batch(json::object());
    json text_element = batch(json::array({"x"}));
    json list_element = batch(json::array({json::array()}));
    const std::pair<json, std::pair<std::string, std::string>> cases[] = {
        {batch(json::array({wrong_type})), {"wrong_type", "events[0].hlc"}},
        {batch(json::array({unknown_kind})), {"unknown_kind", "events[0].kind"}},
        {batch(json::array({unknown_role})), {"unknown_role", "events[0].actor_role"}},
        {batch(json::array({bad_id})), {"invalid_value", "events[0].id"}},
        {batch(json::array({extra})), {"unknown_field", "events[0].sneaky"}},
        {batch(json::array({other_device})), {"wrong_device", "events[0].origin_device"}},
        {batch(json::array({create})), {"unknown_field", "events[0].payload.customer.ssn"}},
        {batch(json::array({no_customer})), {"missing_field", "events[0].payload.customer"}},
        {batch(json::array({event(2), event(1)})), {"events_out_of_order", "events[1].device_seq"}},
        {batch(json::array({event(1), event(3)})), {"events_out_of_order", "events[1].device_seq"}},
        {batch(json::array()), {"invalid_value", "events"}},
        {batch("all"), {"wrong_type", "events"}},
        {old, {"unsupported_protocol", "protocol"}},
        {json::array(), {"wrong_type", ""}},
        {json("text"), {"wrong_type", ""}},
        {batch(json::array({missing})), {"missing_field", "events[0].actor"}},
        {batch(json::array({empty_actor})), {"invalid_value", "events[0].actor"}},
        {batch(json::array({negative})), {"invalid_value", "events[0].device_seq"}},
        {batch(json::array({fraction})), {"wrong_type", "events[0].device_seq"}},
        {batch(json::array({huge})), {"invalid_value", "events[0].device_seq"}},
        {batch(json::array({list_payload})), {"wrong_type", "events[0].payload"}},
        {batch(json::array({text_payload})), {"wrong_type", "events[0].payload"}},
        {batch(json::array({null_kind})), {"wrong_type", "events[0].kind"}},
        {bad_skip, {"missing_field", "skips[0].reason"}},
        {skip_extra, {"unknown_field", "skips[0].x"}},
        {no_device, {"missing_field", "device"}},
        {bad_device, {"invalid_value", "device"}},
        {object_events, {"wrong_type", "events"}},
        {text_element, {"wrong_type", "events[0]"}},
        {list_element, {"wrong_type", "events[0]"}},
    };
    for (const auto& [body, expected] : cases) {
        INFO(body.dump());
        CHECK(outcome(body.dump()) == expected);
        auto dom = parse_push_request(body);
        REQUIRE_FALSE(dom);
        CHECK(dom.error().code == expected.first);
    }
}

TEST_CASE("SAX refuses malformed JSON and invalid UTF-8") {
    const std::string good = batch(json::array({event(1)})).dump();
    CHECK(outcome(good).first == "ok");
    CHECK(outcome("").first == "malformed_json");
    CHECK(outcome("null").first == "wrong_type");
    CHECK(outcome(good.substr(0, good.size() / 2)).first == "malformed_json");
    CHECK(outcome(good + " {}").first == "malformed_json");
    CHECK(outcome("{\"protocol\":1,}").first == "malformed_json");
    CHECK(outcome("{\"protocol\" 1}").first == "malformed_json");
    CHECK(outcome("{\"protocol\":1 \"device\":\"SZ01/K1\"}").first == "malformed_json");
    CHECK(outcome("{\"device\":\"\xc0\xaf\"}").first == "invalid_utf8");
    CHECK(outcome("{\"device\":\"\xed\xa0\x80\"}").first == "invalid_utf8");
    // A lone surrogate written as an escape is not valid JSON text either.
    CHECK(outcome(R"({"protocol":1,"device":"\ud800","events":[]})").first == "malformed_json");
}

TEST_CASE("SAX refuses a key that appears twice, at every level") {
    const std::string e = event(1).dump();
    const std::string inner = e.substr(1, e.size() - 2);
    CHECK(outcome(R"({"protocol":1,"protocol":1,"device":"SZ01/K1","events":[)" + e + "]}") ==
          std::pair<std::string, std::string>{"invalid_value", "protocol"});
    CHECK(outcome(R"({"protocol":1,"device":"SZ01/K1","events":[{)" + inner + R"(,"hlc":1}]})") ==
          std::pair<std::string, std::string>{"invalid_value", "events[0].hlc"});
    CHECK(outcome(R"({"protocol":1,"device":"SZ01/K1","events":[{)" +
                  inner.substr(0, inner.find("\"payload\"")) + R"("payload":{"a":1,"a":2}}]})") ==
          std::pair<std::string, std::string>{"invalid_value", "events[0].payload"});
}

TEST_CASE("SAX refuses deep nesting without recursing") {
    const std::string head = R"({"protocol":1,"device":"SZ01/K1","events":[)";
    json e = event(1);
    e.erase("payload");
    const std::string text = e.dump();
    auto with_payload = [&](const std::string& payload) {
        return head + "{\"payload\":" + payload + "," + text.substr(1) + "]}";
    };
    CHECK(outcome(with_payload(R"({"a":)" + nested("[", "]", 20) + "}")).first == "ok");
    CHECK(outcome(with_payload(R"({"a":)" + nested("[", "]", 40) + "}")) ==
          std::pair<std::string, std::string>{"invalid_value", "events[0].payload"});
    CHECK(outcome(with_payload(R"({"a":)" + nested("[", "]", 200'000) + "}")).first ==
          "invalid_value");
    CHECK(outcome(with_payload(nested("{\"a\":", "}", 200'000))).first == "invalid_value");
    CHECK(outcome(nested("[", "]", 200'000)).first == "wrong_type");
    CHECK(outcome(head + nested("[", "]", 200'000) + "]}").first == "wrong_type");
}

TEST_CASE("SAX refuses huge strings and too many events") {
    json long_id = event(1);
    long_id["id"] = std::string(1'000'000, 'a');
    CHECK(outcome(batch(json::array({long_id})).dump()) ==
          std::pair<std::string, std::string>{"invalid_value", "events[0].id"});
    json long_reason = batch(json::array({event(1)}));
    long_reason["skips"] =
        json::array({{{"device_seq", 2}, {"event_id", "e"}, {"reason", std::string(5000, 'r')}}});
    CHECK(outcome(long_reason.dump()).first == "invalid_value");
    json events = json::array();
    for (int i = 1; i <= 1001; ++i) {
        events.push_back(event(i));
    }
    CHECK(outcome(batch(events).dump()) ==
          std::pair<std::string, std::string>{"too_many_items", "events"});
}

TEST_CASE("JSON text written by hand reads back as the same strings") {
    const std::string samples[] = {"",
                                   "plain",
                                   "引号\"与\\反斜杠",
                                   "tab\tnew\nline\r\x01\x1f",
                                   "emoji 😀",
                                   std::string("nul\0byte", 8)};
    for (const auto& s : samples) {
        std::string out;
        append_json_string(out, s);
        CHECK(json::parse(out).get<std::string>() == s);
        CHECK(out == json(s).dump());
    }
    std::string out;
    append_json_string(out, "bad \xff byte");
    CHECK(json::parse(out).get<std::string>() == "bad \xef\xbf\xbd byte");
    out.clear();
    append_json_key(out, "n", true);
    append_json_int(out, -42);
    CHECK(json::parse("{" + out + "}").at("n") == -42);
}

namespace {

// A create event as the terminal writes it: a whole ticket, kind before payload.
json full_create_event(std::int64_t seq) {
    cf::core::Ticket t;
    t.id = "01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f";
    t.number = "SZ01-20261123-K1-0001-X";
    t.branch = "SZ01";
    t.terminal = "K1";
    t.category = "billing";
    t.description = "电费账单 \"异常\"\n";
    t.remedies = {"refund"};
    t.received_at = 1'763'000'000'000;
    json e = event(seq);
    e["kind"] = "create";
    e["payload"] = {{"ticket", cf::core::to_json(t, cf::core::PiiMode::omit)},
                    {"customer", {{"name", "张三"}, {"phone", "13800131234"}}}};
    return e;
}

json step_event(std::int64_t seq) {
    json e = event(seq);
    e["payload"] = {{"text", "回电 \u00e9"}, {"list", {1, -2, nullptr, true, "y"}}};
    return e;
}

} // namespace

TEST_CASE("a well-formed push body takes the fast path and reads as the DOM parser reads it") {
    json b = batch(json::array({full_create_event(1), step_event(2), full_create_event(3)}));
    b["skips"] = json::array({{{"device_seq", 4}, {"event_id", "e4"}, {"reason", "dead"}}});
    auto fast = parse_push_body(b.dump());
    auto dom = parse_push_request(b);
    REQUIRE(fast);
    REQUIRE(dom);
    // The creates came by the fast path: their ticket read and their text kept.
    REQUIRE(fast->events[0].create);
    CHECK(fast->events[0].payload.is_null());
    CHECK(fast->events[0].create->ticket.customer.name == "张三");
    CHECK(fast->events[0].create->ticket.description == "电费账单 \"异常\"\n");
    CHECK(json::parse(fast->events[0].create->ticket_text) == b["events"][0]["payload"]["ticket"]);
    CHECK_FALSE(fast->events[1].create);
    CHECK(to_json(*fast) == to_json(*dom));
}

TEST_CASE("a body the fast path does not take reads the slow way, to the same request") {
    json unknown_key = full_create_event(1);
    unknown_key["payload"]["ticket"]["from_a_newer_terminal"] = 1;
    json fraction = step_event(1);
    fraction["payload"]["amount"] = 600.5;
    // Keys in another order than ours: the payload before the kind.
    const std::string payload_first =
        R"({"protocol":1,"device":"SZ01/K1","events":[{"payload":{"text":"x"},)"
        R"("id":"01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0e","ticket_id":)"
        R"("01936f3e-8f2a-7c3b-9d4e-5f6a7b8c9d0f","origin_device":"SZ01/K1","device_seq":1,)"
        R"("hlc":5,"actor":"S001","actor_role":"frontdesk","kind":"note"}]})";
    for (const std::string& body : {batch(json::array({unknown_key})).dump(),
                                    batch(json::array({fraction})).dump(), payload_first}) {
        CAPTURE(body);
        auto slow = parse_push_body(body);
        auto dom = parse_push_request(json::parse(body));
        REQUIRE(slow);
        REQUIRE(dom);
        CHECK_FALSE(slow->events[0].create);
        CHECK(to_json(*slow) == to_json(*dom));
    }
}

TEST_CASE("what the fast path refuses in a create is still named by the SAX reader") {
    json personal = full_create_event(1);
    personal["payload"]["ticket"]["customer"] = {{"name", "张三"}};
    json long_name = full_create_event(1);
    long_name["payload"]["customer"]["name"] = std::string(300, 'x');
    json twice = full_create_event(1);
    const std::string text = batch(json::array({twice})).dump();
    const std::string ticket_twice = text.substr(0, text.find("\"ticket\":{") + 10) +
                                     R"("id":"x",)" + text.substr(text.find("\"ticket\":{") + 10);
    CHECK(outcome(batch(json::array({long_name})).dump()) ==
          std::pair<std::string, std::string>{"invalid_value", "events[0].payload.customer.name"});
    CHECK(outcome(ticket_twice).first == "invalid_value");
    // Invalid UTF-8 in a ticket's text, which only the fast path reads before the SAX reader.
    std::string bad_text = batch(json::array({full_create_event(1)})).dump();
    bad_text.replace(bad_text.find("异常"), std::string("异常").size(), "\xff\xfe");
    CHECK(outcome(bad_text).first == "invalid_utf8");
    // Personal data inside the ticket is not refused by the reader, but it never takes the
    // fast path, whose text would be stored as the body: the center reads it the slow way.
    auto slow = parse_push_body(batch(json::array({personal})).dump());
    REQUIRE(slow);
    CHECK_FALSE(slow->events[0].create);
}
