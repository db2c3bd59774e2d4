// The terminal's reader of a pull answer (sync/messages.h parse_pull_body): the fast path
// (read_pull_text) and the DOM reader (parse_body and parse_pull_response). Checks that an
// answer the fast path takes the DOM reader takes to the same message, that parse_pull_body
// accepts exactly what the DOM reader accepts, and that an accepted answer written out and
// read again is the same answer.
#include "fuzz_support.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/wire_text_reader.h"
#include "wire_checks.h"

namespace {

using namespace cf::sync;
using cf::fuzz::why;
using nlohmann::json;

// The message as JSON, with what the fast path may write differently made equal.
json canonical(const PullResponse& m) {
    return cf::fuzz::without_empty_customer_fields(to_json(m));
}

Parsed<PullResponse> dom_read(std::string_view body) {
    auto j = parse_body(body);
    if (!j) {
        return std::unexpected(j.error());
    }
    return parse_pull_response(*j);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body = cf::fuzz::as_text(data, size);
    const auto fast = read_pull_text(body);
    const auto full = parse_pull_body(body);
    const auto dom = dom_read(body);

    if (fast) {
        FUZZ_CHECK(dom.has_value(), "fast path took it, DOM: " + why(dom));
        FUZZ_CHECK(canonical(*fast) == canonical(*dom),
                   cf::fuzz::dump(canonical(*fast)) + "\n" + cf::fuzz::dump(canonical(*dom)));
    }
    FUZZ_CHECK(full.has_value() == dom.has_value(), why(full) + " / " + why(dom));
    if (full) {
        FUZZ_CHECK(canonical(*full) == canonical(*dom), std::string(body));
        const std::string again = to_json(*full).dump();
        const auto reread = parse_pull_body(again);
        FUZZ_CHECK(reread.has_value(), again + "\n" + why(reread));
        FUZZ_CHECK(canonical(*reread) == canonical(*full), again);
    } else {
        FUZZ_CHECK(full.error().code == dom.error().code, why(full) + " / " + why(dom));
    }
    return 0;
}
