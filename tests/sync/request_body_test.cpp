// The center's reader of request bodies: what parse_body reads it reads the same, and it
// refuses deep nesting, a key given twice and a NUL character, naming where; names of keys in
// errors are cut to 64 bytes between characters.
#include "sync/json_fields.h"
#include "sync/request_body.h"

#include "core/utf8.h"

#include <doctest/doctest.h>

using namespace cf::sync;
using nlohmann::json;

TEST_CASE("a request body reads as parse_body reads it") {
    const std::string body = R"({"a":[1,-2,3.5,"x",true,null,{"b":{}}],"c":"投诉"})";
    auto read = parse_request_body(body);
    REQUIRE(read);
    CHECK(*read == *parse_body(body));
    CHECK(parse_request_body("{\"a\":\"\xe6\x8a\"}").error().code == "invalid_utf8");
    CHECK(parse_request_body("{\"a\":").error().code == "malformed_json");
    CHECK(parse_request_body("{} {}").error().code == "malformed_json");
}

TEST_CASE("nesting past the limit is refused where it starts, before it is built") {
    const auto deep = [](std::size_t levels) {
        return R"({"p":)" + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}";
    };
    CHECK(parse_request_body(deep(k_max_body_depth)));
    auto refused = parse_request_body(deep(k_max_body_depth + 1));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "invalid_value");
    CHECK(refused.error().field.starts_with("p[0][0]"));
    CHECK(refused.error().message.find("deeper than 32") != std::string::npos);
    // A million levels cost no more than 33.
    CHECK(parse_request_body(deep(1'000'000)).error().code == "invalid_value");
}

TEST_CASE("a key twice and a NUL character are refused, naming the field") {
    auto twice = parse_request_body(R"({"a":{"b":1,"b":2}})");
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == "invalid_value");
    CHECK(twice.error().field == "a.b");
    CHECK(twice.error().message.find("twice") != std::string::npos);
    CHECK(parse_request_body(R"({"a":["x","y\u0000"]})").error().field == "a[1]");
    auto key = parse_request_body(R"({"a\u0000":1})");
    REQUIRE_FALSE(key);
    CHECK(key.error().code == "invalid_value");
    CHECK(key.error().message.find("NUL") != std::string::npos);
}

TEST_CASE("a key's name in an error is cut to 64 bytes between characters") {
    CHECK(cut_name("step") == "step");
    std::string han;
    for (int i = 0; i < 100; ++i) {
        han += "字"; // 3 bytes each: 64 falls inside the 22nd
    }
    const std::string cut = cut_name(han);
    CHECK(cut.size() <= k_max_name_bytes + 3);
    CHECK(cut.ends_with("…"));
    CHECK(cf::core::valid_utf8(cut));
    CHECK(cut == han.substr(0, 63) + "…");
    json body = {{"protocol", 1}, {std::string(1'000'000, 'k'), 1}};
    JsonFields f(body, "");
    f.protocol();
    auto r = f.finish();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "unknown_field");
    CHECK(r.error().field.size() <= k_max_name_bytes + 3);
    CHECK(r.error().message.size() < 200);
}
