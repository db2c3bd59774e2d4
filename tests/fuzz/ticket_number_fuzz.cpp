// Ticket numbers typed by a person (core/ticket_number.h). Checks that a number that parses
// formats to a text that parses to the same parts, that normalising is idempotent, and that
// parts made from the input's bytes either fail to format or format and parse back.
#include "core/ticket_number.h"
#include "fuzz_support.h"

namespace {

using namespace cf::core;

std::string describe(const TicketNumber& n) {
    return n.branch + " " + std::to_string(n.year) + "-" + std::to_string(n.month) + "-" +
           std::to_string(n.day) + " " + n.terminal + " " + std::to_string(n.sequence);
}

void check_round_trip(const TicketNumber& parts, std::string_view from) {
    const auto text = format_ticket_number(parts);
    if (!text) {
        return;
    }
    const auto back = parse_ticket_number(*text);
    FUZZ_CHECK(back.has_value(), *text + " from " + std::string(from));
    FUZZ_CHECK(*back == parts, *text + ": " + describe(*back) + " != " + describe(parts));
    const auto again = normalize_ticket_number(*text);
    FUZZ_CHECK(again && *again == *text, *text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = cf::fuzz::as_text(data, size);
    if (const auto parsed = parse_ticket_number(text)) {
        const auto canonical = normalize_ticket_number(text);
        FUZZ_CHECK(canonical.has_value(), std::string(text));
        const auto formatted = format_ticket_number(*parsed);
        FUZZ_CHECK(formatted && *formatted == *canonical, std::string(text));
        check_round_trip(*parsed, text);
    } else {
        FUZZ_CHECK(!normalize_ticket_number(text), std::string(text));
    }
    // The bytes as parts: 6 of branch, 3 of terminal, then the date and sequence.
    if (size >= 14) {
        TicketNumber parts;
        parts.branch = std::string(text.substr(0, 1 + data[0] % 6));
        parts.terminal = std::string(text.substr(6, 1 + data[6] % 3));
        parts.year = 1990 + data[9] % 120;
        parts.month = data[10] % 14;
        parts.day = data[11] % 33;
        parts.sequence = (data[12] << 8 | data[13]) % 10'002;
        check_round_trip(parts, text);
    }
    return 0;
}
