// Core's fast reader of a ticket's JSON text (core/ticket_text.h). Checks that a ticket it
// reads whole ticket_from_json reads to the same ticket (it may refuse more, never read
// differently), and that the ticket written by to_json (omit form) reads back the same.
#include "core/json_scan.h"
#include "core/ticket_json.h"
#include "core/ticket_text.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::core;
    using nlohmann::json;
    const std::string_view text = cf::fuzz::as_text(data, size);
    JsonScan scan(text);
    Ticket fast;
    const bool read = read_ticket_text(scan, fast) && scan.at_end();
    const json doc = json::parse(text, nullptr, false);
    const auto slow =
        doc.is_discarded() ? Result<Ticket>(std::unexpected(Error{})) : ticket_from_json(doc);
    if (!read) {
        return 0;
    }
    FUZZ_CHECK(slow.has_value(), std::string(text));
    const json mine = to_json(fast, PiiMode::omit);
    FUZZ_CHECK(mine == to_json(*slow, PiiMode::omit),
               cf::fuzz::dump(mine) + "\n" + cf::fuzz::dump(to_json(*slow, PiiMode::omit)));
    const std::string again = mine.dump();
    JsonScan rescan(again);
    Ticket back;
    FUZZ_CHECK(read_ticket_text(rescan, back) && rescan.at_end(), again);
    FUZZ_CHECK(to_json(back, PiiMode::omit) == mine, again);
    return 0;
}
