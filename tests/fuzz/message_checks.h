#pragma once
// The check the message harnesses share: a message a strict parse_* accepts, written by its
// to_json and parsed again, is the same message (to_json gives the same JSON); a refusal names
// a code. A ticket's customer is left out of the comparison: the console's answers write it
// masked, and masking a masked text masks it further.

#include "fuzz_support.h"
#include "sync/protocol.h"

namespace cf::fuzz {

inline nlohmann::json without_customer(nlohmann::json j) {
    if (j.is_object() && j.contains("ticket") && j["ticket"].is_object()) {
        j["ticket"].erase("customer");
    }
    return j;
}

template <class Parse> void check_round_trip(const nlohmann::json& j, Parse parse) {
    const auto m = parse(j);
    if (!m) {
        FUZZ_CHECK(!m.error().code.empty(), m.error().message);
        return;
    }
    const nlohmann::json out = to_json(*m);
    const auto again = parse(out);
    FUZZ_CHECK(again.has_value(), dump(out) + "\n" + again.error().code + " " +
                                      again.error().field + " " + again.error().message);
    FUZZ_CHECK(without_customer(to_json(*again)) == without_customer(out),
               dump(out) + "\n" + dump(to_json(*again)));
}

} // namespace cf::fuzz
