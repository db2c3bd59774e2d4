// The center's reader of every request body but a push (sync/request_body.h). Checks it
// against parse_body: what it accepts parse_body accepts, to the same value, nested at most
// k_max_body_depth deep and without NUL characters; what parse_body refuses it refuses with
// the same code or an earlier invalid_value; what it alone refuses is invalid_value (a key
// twice, too deep, a NUL).
#include "fuzz_support.h"
#include "sync/json_fields.h"
#include "sync/request_body.h"

namespace {

using namespace cf::sync;

// True when a key or a text of j holds a NUL character.
bool has_nul(const nlohmann::json& j) {
    if (j.is_string()) {
        return j.get_ref<const std::string&>().find('\0') != std::string::npos;
    }
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            if (key.find('\0') != std::string::npos || has_nul(value)) {
                return true;
            }
        }
    }
    if (j.is_array()) {
        for (const auto& value : j) {
            if (has_nul(value)) {
                return true;
            }
        }
    }
    return false;
}

std::string why(const Parsed<nlohmann::json>& r) {
    return r ? std::string("accepted") : r.error().code + " " + r.error().message;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body = cf::fuzz::as_text(data, size);
    const auto strict = parse_request_body(body);
    const auto plain = parse_body(body);
    if (strict) {
        FUZZ_CHECK(plain.has_value(), why(plain));
        FUZZ_CHECK(*strict == *plain, cf::fuzz::dump(*strict) + "\n" + cf::fuzz::dump(*plain));
        FUZZ_CHECK(cf::fuzz::depth(*strict) <= k_max_body_depth, cf::fuzz::dump(*strict));
        FUZZ_CHECK(!has_nul(*strict), cf::fuzz::dump(*strict));
        const std::string again = strict->dump();
        const auto reread = parse_request_body(again);
        FUZZ_CHECK(reread && *reread == *strict, again + "\n" + why(reread));
    } else if (plain) {
        FUZZ_CHECK(strict.error().code == "invalid_value", why(strict));
    } else {
        FUZZ_CHECK(strict.error().code == plain.error().code ||
                       strict.error().code == "invalid_value",
                   why(strict) + " / " + why(plain));
    }
    return 0;
}
