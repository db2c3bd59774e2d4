// Core's strict JSON scanner (core/json_scan.h), the base of both fast paths. Checks that a
// value it reads whole is one nlohmann::json reads to the same value (it may refuse more,
// never accept more or read differently), within its depth limit, and that a top-level string
// or whole number it takes is the one nlohmann reads.
#include "core/json_scan.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using cf::core::JsonScan;
    using nlohmann::json;
    const std::string_view text = cf::fuzz::as_text(data, size);
    const json reference = json::parse(text, nullptr, false);

    JsonScan scan(text);
    json value;
    if (scan.value(value, 16) && scan.at_end()) {
        FUZZ_CHECK(!reference.is_discarded(), std::string(text));
        FUZZ_CHECK(value == reference, cf::fuzz::dump(value) + "\n" + cf::fuzz::dump(reference));
        FUZZ_CHECK(cf::fuzz::depth(value) <= 16, std::string(text));
    }

    JsonScan strings(text);
    std::string s;
    if (strings.string(s) && strings.at_end()) {
        FUZZ_CHECK(reference.is_string() && reference.get<std::string>() == s, std::string(text));
    }
    JsonScan plain(text);
    std::string_view view;
    if (plain.plain_string(view) && plain.at_end()) {
        FUZZ_CHECK(reference.is_string() && reference.get<std::string>() == view,
                   std::string(text));
    }
    JsonScan numbers(text);
    std::int64_t n = 0;
    if (numbers.integer(n) && numbers.at_end()) {
        FUZZ_CHECK(reference.is_number_integer() && reference == json(n), std::string(text));
    }
    return 0;
}
