#pragma once
// Ticket numbers (工单编号): issued offline, unique across branches and terminals without
// coordination, short enough to read out over the phone, and guarded by a check character.
// Format and check-character proof: docs/TICKET_NUMBERS.md.
//
//     GZ02-261123-K1-0042M
//     |    |      |  |   +-- check character (alphabet below, weights by position, mod 31)
//     |    |      |  +------ sequence of that terminal on that day, 0001..9999
//     |    |      +--------- terminal id, 1-3 characters, unique within the branch
//     |    +---------------- local date of filing, YYMMDD
//     +--------------------- branch code, 2-6 characters, unique within the region

#include "core/error.h"

#include <string>
#include <string_view>

namespace cf::core {

// The 31 characters numbers are written in: digits and upper-case letters without I, L, O
// (they look like 1 and 0) and U, V (never needed in pinyin, and confused with each other).
// S stays in: branch codes use pinyin initials such as SZ (Shenzhen).
inline constexpr std::string_view k_number_alphabet = "0123456789ABCDEFGHJKMNPQRSTWXYZ";

struct TicketNumber {
    std::string branch;   // 2-6 characters of k_number_alphabet
    int year = 0;         // full year, 2000..2099
    int month = 0;        // 1..12
    int day = 0;          // 1..31, a real date
    std::string terminal; // 1-3 characters of k_number_alphabet
    int sequence = 0;     // 1..9999

    auto operator<=>(const TicketNumber&) const = default;
};

// True when code is a valid branch code / terminal id (used by init and by number parsing).
bool valid_branch_code(std::string_view code);
bool valid_terminal_id(std::string_view id);

// The check character for the characters of a number without separators or check character.
// Precondition: every character is in k_number_alphabet.
char number_check_character(std::string_view body);

// Formats parts into the canonical text with its check character.
// Fails with invalid_input naming the bad part (branch, date, terminal or sequence).
Result<std::string> format_ticket_number(const TicketNumber& parts);

// Parses text typed or read back by a person: case-insensitive, spaces and dashes optional
// between groups. Fails with invalid_input whose message says what is wrong: wrong length,
// a character outside the alphabet (named), an impossible date, or a check character that
// does not match (a mistyped or swapped character). Without separators the text must have only
// one reading with a real date; otherwise the message shows the readings and asks for dashes.
Result<TicketNumber> parse_ticket_number(std::string_view text);

// Canonical text for a number typed by a person, or the parse error.
Result<std::string> normalize_ticket_number(std::string_view text);

} // namespace cf::core
