// The center's reader of a push body (sync/push_parser.h): the fast path (read_push_text), the
// SAX reader behind it (parse_push_body), and the DOM reader it must agree with (parse_body and
// parse_push_request). Checks that
//  - a body the fast path takes (and whose batch checks) the DOM reader takes too, to the same
//    message;
//  - parse_push_body and the DOM reader agree on accept and refuse, but for what the SAX reader
//    alone refuses (a key twice, a payload nested too deep: invalid_value, or an earlier error
//    when the SAX reader stops at the first of two values, such as "protocol":0,"protocol":1),
//    and on the message;
//  - an accepted message written out and read again is the same message.
#include "fuzz_support.h"
#include "sync/json_fields.h"
#include "sync/push_parser.h"
#include "sync/request_body.h"
#include "sync/wire_text_reader.h"
#include "wire_checks.h"

namespace {

using namespace cf::sync;
using cf::fuzz::why;
using nlohmann::json;

// The message as JSON, with what the fast path may write differently made equal.
json canonical(const PushRequest& m) {
    return cf::fuzz::without_empty_customer_fields(to_json(m));
}

Parsed<PushRequest> dom_read(std::string_view body) {
    auto j = parse_body(body);
    if (!j) {
        return std::unexpected(j.error());
    }
    return parse_push_request(*j);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body = cf::fuzz::as_text(data, size);
    const auto fast = read_push_text(body);
    const auto full = parse_push_body(body);
    const auto dom = dom_read(body);

    if (fast && check_push_batch(*fast)) {
        FUZZ_CHECK(dom.has_value(), "fast path took it, DOM: " + why(dom));
        FUZZ_CHECK(canonical(*fast) == canonical(*dom),
                   cf::fuzz::dump(canonical(*fast)) + "\n" + cf::fuzz::dump(canonical(*dom)));
    }
    if (full) {
        FUZZ_CHECK(dom.has_value(), "parse_push_body took it, DOM: " + why(dom));
        FUZZ_CHECK(canonical(*full) == canonical(*dom),
                   cf::fuzz::dump(canonical(*full)) + "\n" + cf::fuzz::dump(canonical(*dom)));
        const std::string again = to_json(*full).dump();
        const auto reread = parse_push_body(again);
        FUZZ_CHECK(reread.has_value(), again + "\n" + why(reread));
        FUZZ_CHECK(canonical(*reread) == canonical(*full), again);
    } else if (dom) {
        // The DOM reader keeps the last of two values of a key; the SAX reader reads the first
        // and may refuse it before it sees the second. The bounded request reader names the
        // key given twice (or the nesting or NUL) that only the stricter readers refuse.
        FUZZ_CHECK(full.error().code == "invalid_value" || !parse_request_body(body), why(full));
    }
    return 0;
}
