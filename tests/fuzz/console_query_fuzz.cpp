// The console's query strings (sync/console_messages.h parse_queue_request,
// parse_dashboard_request and parse_reports_request), with the parameters as cpp-httplib hands
// them over: the input is split at '&' and '=' and percent-decoded. Checks that an accepted
// request written by to_query_string and read again is the same request.
#include "fuzz_support.h"
#include "sync/console_messages.h"

namespace {

using namespace cf::sync;

int hex(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::string decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

QueryParams split(std::string_view query) {
    QueryParams params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t eq = pair.find('=');
        params.emplace(decode(pair.substr(0, eq)),
                       eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1)));
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    }
    return params;
}

template <class Parse> void check(const QueryParams& params, Parse parse) {
    const auto m = parse(params);
    if (!m) {
        FUZZ_CHECK(!m.error().code.empty(), m.error().message);
        return;
    }
    const std::string query = to_query_string(*m);
    const auto again = parse(split(query));
    FUZZ_CHECK(again.has_value(), query + "\n" + again.error().message);
    FUZZ_CHECK(to_query_string(*again) == query, query + "\n" + to_query_string(*again));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QueryParams params = split(cf::fuzz::as_text(data, size));
    check(params, [](const QueryParams& p) { return parse_queue_request(p); });
    check(params, [](const QueryParams& p) { return parse_dashboard_request(p); });
    check(params, [](const QueryParams& p) { return parse_reports_request(p); });
    return 0;
}
