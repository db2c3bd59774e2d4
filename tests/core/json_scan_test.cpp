// The fast JSON reader: it takes what nlohmann::json takes and reads it to the same values,
// and refuses (false) whatever json::parse refuses, so its callers' slow path decides.
#include "core/json_scan.h"

#include <doctest/doctest.h>

#include <string>

using cf::core::JsonScan;
using nlohmann::json;

namespace {

// The value as JsonScan reads it, or nullopt when it refuses the text.
std::optional<json> scanned(const std::string& text, int depth = 32) {
    JsonScan s(text);
    json out;
    if (!s.value(out, depth) || !s.at_end()) {
        return std::nullopt;
    }
    return out;
}

} // namespace

TEST_CASE("JsonScan reads values to what json::parse makes of them") {
    const std::string texts[] = {
        R"({"a":1,"b":[true,false,null],"c":"x","d":{}})",
        R"(  { "text" : "电费账单 \"异常\"\n\t\\ \/ \u00e9 \ud83d\ude00" , "n" : -42 } )",
        R"(["", "\u0000", 0, -0, 18446744073709551615, -9223372036854775808])",
        R"({"nested":{"deeper":{"list":[[],[{}]]}}})",
        R"("just text")",
        "123",
    };
    for (const auto& text : texts) {
        CAPTURE(text);
        auto mine = scanned(text);
        REQUIRE(mine);
        CHECK(*mine == json::parse(text));
        CHECK(mine->dump() == json::parse(text).dump());
    }
}

TEST_CASE("JsonScan refuses what json::parse refuses") {
    const std::string bad[] = {
        "{",
        R"({"a":})",
        R"({"a":1,})",
        R"([1,])",
        R"({"a" 1})",
        R"({'a':1})",
        "01",
        "1.",
        "-",
        "tru",
        "nul",
        R"("unterminated)",
        "\"tab\tinside\"",
        R"("\x41")",
        R"("\u12")",
        R"("\udc00")",
        R"("\ud800x")",
        R"("\ud800\u0041")",
        "\"\xC0\xAF\"",         // overlong
        "\"\xED\xA0\x80\"",     // a surrogate in UTF-8
        "\"\xF4\x90\x80\x80\"", // beyond U+10FFFF
        "\"\xE4\xB8\"",         // cut short
        "\"\x80\"",             // a lone continuation byte
        R"({"a":1} x)",
    };
    for (const auto& text : bad) {
        CAPTURE(text);
        CHECK_FALSE(scanned(text));
        CHECK_FALSE(json::accept(text));
    }
}

TEST_CASE("JsonScan leaves to the slow path what it does not take: a key twice, fractions, "
          "exponents, deep nesting, huge numbers") {
    const std::string unusual[] = {
        R"({"a":1,"a":2})",     R"({"x":{"a":1,"a":1}})", "1.5", "1e3", "-1E-2",
        "18446744073709551616", "-9223372036854775809",
    };
    for (const auto& text : unusual) {
        CAPTURE(text);
        CHECK(json::accept(text));
        CHECK_FALSE(scanned(text));
    }
    std::string deep(40, '[');
    deep += std::string(40, ']');
    CHECK_FALSE(scanned(deep, 32));
    CHECK(scanned(deep, 40));
}

TEST_CASE("JsonScan's plain strings are views into the text, and escaped ones are refused") {
    const std::string text = R"(["SZ01/K1", "a\"b"])";
    JsonScan s(text);
    std::string_view view;
    REQUIRE(s.take('['));
    REQUIRE(s.plain_string(view));
    CHECK(view == "SZ01/K1");
    CHECK(view.data() == text.data() + 2);
    REQUIRE(s.take(','));
    CHECK_FALSE(s.plain_string(view));
}

TEST_CASE("JsonScan's whole numbers stay within int64") {
    std::int64_t v = 0;
    JsonScan max("9223372036854775807");
    CHECK(max.integer(v));
    CHECK(v == 9223372036854775807);
    JsonScan over("9223372036854775808");
    CHECK_FALSE(over.integer(v));
    JsonScan fraction("2.0");
    CHECK_FALSE(fraction.integer(v));
    JsonScan text("\"2\"");
    CHECK_FALSE(text.integer(v));
}
