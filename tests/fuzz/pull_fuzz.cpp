// The terminal's reader of a pull answer (sync/messages.h parse_pull_body): the fast path
// (read_pull_text) and the DOM reader (parse_body and parse_pull_response). Checks that an
// answer the fast path takes the DOM reader takes to the same message, that parse_pull_body
// accepts exactly what the DOM reader accepts, and that an accepted answer written out and
// read again is the same answer.
#include "fuzz_support.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/wire_text_reader.h"

namespace {

using namespace cf::sync;
using nlohmann::json;

// As push_fuzz.cpp: a create read by the fast path leaves out the customer's empty fields.
json canonical(const PullResponse& m) {
    json j = to_json(m);
    for (json& e : j["events"]) {
        if (e["kind"] == "create" && e["payload"].contains("customer")) {
            json& customer = e["payload"]["customer"];
            for (auto it = customer.begin(); it != customer.end();) {
                it = it->is_string() && it->get_ref<const std::string&>().empty()
                         ? customer.erase(it)
                         : std::next(it);
            }
        }
    }
    return j;
}

Parsed<PullResponse> dom_read(std::string_view body) {
    auto j = parse_body(body);
    if (!j) {
        return std::unexpected(j.error());
    }
    return parse_pull_response(*j);
}

std::string why(const Parsed<PullResponse>& r) {
    return r ? std::string("accepted") : r.error().code + " " + r.error().message;
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
