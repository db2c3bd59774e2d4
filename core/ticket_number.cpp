#include "core/ticket_number.h"

#include "core/clock.h"

#include <cassert>
#include <cstdio>
#include <optional>
#include <vector>

namespace cf::core {

// Index of this file:
// [SECTION] Alphabet and check character
// [SECTION] Formatting
// [SECTION] Parsing

// [SECTION] Alphabet and check character

namespace {

constexpr std::size_t k_min_branch = 2;
constexpr std::size_t k_max_branch = 6;
constexpr std::size_t k_min_terminal = 1;
constexpr std::size_t k_max_terminal = 3;
constexpr std::size_t k_date_chars = 6;
constexpr std::size_t k_sequence_chars = 4;
constexpr std::size_t k_min_chars = k_min_branch + k_date_chars + k_min_terminal + 5;
constexpr std::size_t k_max_chars = k_max_branch + k_date_chars + k_max_terminal + 5;
constexpr int k_modulus = static_cast<int>(k_number_alphabet.size());

static_assert(k_modulus == 31, "the check character proof needs a prime alphabet size");
// Weights run from 1 (check character) to k_max_chars; all must be distinct and non-zero
// modulo 31 for the proof in docs/TICKET_NUMBERS.md.
static_assert(k_max_chars < 31);

int alphabet_value(char c) {
    const std::size_t at = k_number_alphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

bool all_in_alphabet(std::string_view s) {
    for (const char c : s) {
        if (alphabet_value(c) < 0) {
            return false;
        }
    }
    return true;
}

bool all_digits(std::string_view s) {
    for (const char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int to_int(std::string_view digits) {
    int value = 0;
    for (const char c : digits) {
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

bool valid_branch_code(std::string_view code) {
    return code.size() >= k_min_branch && code.size() <= k_max_branch && all_in_alphabet(code);
}

bool valid_terminal_id(std::string_view id) {
    return id.size() >= k_min_terminal && id.size() <= k_max_terminal && all_in_alphabet(id);
}

// Weighted sum modulo 31 with weight 1 for the check character and weight k for the character
// k-1 places before it; the check character makes the sum of the whole number 0.
char number_check_character(std::string_view body) {
    assert(body.size() < 30);
    int sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const int value = alphabet_value(body[i]);
        assert(value >= 0);
        const int weight = static_cast<int>(body.size() - i) + 1;
        sum = (sum + weight * value) % k_modulus;
    }
    return k_number_alphabet[static_cast<std::size_t>((k_modulus - sum) % k_modulus)];
}

// [SECTION] Formatting

namespace {

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string date_text(int year, int month, int day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// "GZ02-261123-K1-0042" without the check character; parts must be valid.
std::string body_with_dashes(const TicketNumber& p) {
    char seq[8];
    std::snprintf(seq, sizeof seq, "%04d", p.sequence);
    return p.branch + "-" + two_digits(p.year % 100) + two_digits(p.month) + two_digits(p.day) +
           "-" + p.terminal + "-" + seq;
}

std::string without_dashes(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c != '-') {
            out += c;
        }
    }
    return out;
}

constexpr std::string_view k_alphabet_rule = "0-9 and A-Z without I, L, O, U, V";

} // namespace

Result<std::string> format_ticket_number(const TicketNumber& parts) {
    if (!valid_branch_code(parts.branch)) {
        return fail(ErrorCode::invalid_input, "branch code '" + parts.branch +
                                                  "' must be 2 to 6 characters from " +
                                                  std::string(k_alphabet_rule));
    }
    if (parts.year < 2000 || parts.year > 2099) {
        return fail(ErrorCode::invalid_input, "ticket number date: year " +
                                                  std::to_string(parts.year) +
                                                  " is outside 2000-2099");
    }
    if (!valid_civil_date({parts.year, parts.month, parts.day})) {
        return fail(ErrorCode::invalid_input,
                    "ticket number date: " + date_text(parts.year, parts.month, parts.day) +
                        " is not a date");
    }
    if (!valid_terminal_id(parts.terminal)) {
        return fail(ErrorCode::invalid_input, "terminal id '" + parts.terminal +
                                                  "' must be 1 to 3 characters from " +
                                                  std::string(k_alphabet_rule));
    }
    if (parts.sequence < 1 || parts.sequence > 9999) {
        return fail(ErrorCode::invalid_input,
                    "ticket number sequence " + std::to_string(parts.sequence) +
                        " is outside 1-9999 (a terminal files at most 9999 tickets a day)");
    }
    const std::string body = body_with_dashes(parts);
    return body + number_check_character(without_dashes(body));
}

// [SECTION] Parsing

namespace {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

bool is_separator(char c) {
    return c == '-' || c == ' ' || c == '\t';
}

char to_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// What people most likely meant by a letter the alphabet leaves out. U and V have no
// look-alike in the alphabet; pinyin never needs them, so there is nothing to suggest.
std::string lookalike_hint(char upper) {
    switch (upper) {
    case 'O':
        return " (did you mean 0?)";
    case 'I':
    case 'L':
        return " (did you mean 1?)";
    case 'U':
    case 'V':
        return " (U and V are not used)";
    default:
        return "";
    }
}

// The whole UTF-8 sequence starting at text[at], so the message shows the character typed.
std::string_view utf8_character_at(std::string_view text, std::size_t at) {
    std::size_t end = at + 1;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80 &&
           end - at < 4) {
        ++end;
    }
    return text.substr(at, end - at);
}

// One way to read the characters as branch, date, terminal and sequence plus check.
struct Split {
    std::size_t branch = 0;
    std::size_t terminal = 0;
};

class Parser {
public:
    explicit Parser(std::string_view text) : m_shown(trim(text)) {}

    Result<TicketNumber> run() {
        if (m_shown.empty()) {
            return fail(ErrorCode::invalid_input, "ticket number is empty");
        }
        if (auto scanned = scan(); !scanned) {
            return std::unexpected(scanned.error());
        }
        // "0042 M": the check character read out on its own belongs to the sequence.
        if (m_groups.size() == 5 && m_groups[3].size() == k_sequence_chars &&
            m_groups[4].size() == 1) {
            m_groups[3] += m_groups[4];
            m_groups.pop_back();
        }
        if (m_groups.size() > 4) {
            return bad("has " + std::to_string(m_groups.size()) +
                       " groups; it has 4: branch, date, terminal, and sequence with check "
                       "character, e.g. GZ02-261123-K1-0042M");
        }
        if (m_groups.size() == 4) {
            return parse_groups();
        }
        return parse_compact();
    }

private:
    std::unexpected<Error> bad(const std::string& why) const {
        return fail(ErrorCode::invalid_input,
                    "ticket number '" + std::string(m_shown) + "': " + why);
    }

    // Upper-cases, checks every character and splits the text at separators.
    Result<void> scan() {
        bool in_group = false;
        for (std::size_t i = 0; i < m_shown.size(); ++i) {
            const char c = m_shown[i];
            if (is_separator(c)) {
                in_group = false;
                continue;
            }
            const char upper = to_upper(c);
            if (alphabet_value(upper) < 0) {
                return bad("character '" + std::string(utf8_character_at(m_shown, i)) +
                           "' is not used in ticket numbers" + lookalike_hint(upper));
            }
            if (!in_group) {
                if (!m_compact.empty()) {
                    m_breaks.push_back(m_compact.size());
                }
                m_groups.emplace_back();
                in_group = true;
            }
            m_compact += upper;
            m_groups.back() += upper;
        }
        return {};
    }

    Result<TicketNumber> parse_groups() {
        const std::string& branch = m_groups[0];
        const std::string& date = m_groups[1];
        const std::string& terminal = m_groups[2];
        const std::string& last = m_groups[3];
        if (branch.size() < k_min_branch || branch.size() > k_max_branch) {
            return bad("branch code '" + branch + "' must be 2 to 6 characters");
        }
        if (date.size() != k_date_chars || !all_digits(date)) {
            return bad("date '" + date + "' must be 6 digits, YYMMDD");
        }
        if (terminal.size() < k_min_terminal || terminal.size() > k_max_terminal) {
            return bad("terminal id '" + terminal + "' must be 1 to 3 characters");
        }
        if (last.size() == k_sequence_chars && all_digits(last)) {
            return bad("the check character after the sequence is missing");
        }
        if (last.size() != k_sequence_chars + 1 || !all_digits(last.substr(0, k_sequence_chars))) {
            return bad("sequence must be 4 digits, followed by the check character");
        }
        return finish(Split{branch.size(), terminal.size()});
    }

    // Groups run together ("GZ02261123K10042M"): try every length of branch and terminal that
    // agrees with the separators typed and puts a real date in the middle.
    Result<TicketNumber> parse_compact() {
        const std::size_t n = m_compact.size();
        if (n < k_min_chars || n > k_max_chars) {
            return bad("has " + std::to_string(n) + " characters; a ticket number has " +
                       std::to_string(k_min_chars) + " to " + std::to_string(k_max_chars) +
                       " besides dashes, e.g. GZ02-261123-K1-0042M");
        }
        if (!all_digits(std::string_view(m_compact).substr(n - 5, k_sequence_chars))) {
            return bad("sequence must be 4 digits, followed by the check character");
        }
        std::vector<Split> dates;
        std::vector<Split> impossible_dates;
        for (std::size_t b = k_min_branch; b <= k_max_branch; ++b) {
            if (b + k_date_chars + 5 >= n) {
                break;
            }
            const std::size_t t = n - 5 - k_date_chars - b;
            if (t < k_min_terminal || t > k_max_terminal || !agrees_with_separators(b, t) ||
                !all_digits(std::string_view(m_compact).substr(b, k_date_chars))) {
                continue;
            }
            (date_of(b).valid ? dates : impossible_dates).push_back(Split{b, t});
        }
        if (dates.size() == 1) {
            return finish(dates.front());
        }
        if (dates.size() > 1) {
            std::string readings;
            for (const Split& s : dates) {
                readings += (readings.empty() ? "" : " or ") + with_dashes(s);
            }
            return bad("could be read as " + readings + "; type it with dashes");
        }
        // No reading has a real date. When only one has at least a real month, that is most
        // likely what was meant, so name its date.
        std::vector<Split> real_months;
        for (const Split& s : impossible_dates) {
            const int month = date_of(s.branch).date.month;
            if (month >= 1 && month <= 12) {
                real_months.push_back(s);
            }
        }
        if (impossible_dates.size() == 1 || real_months.size() == 1) {
            const Split s =
                impossible_dates.size() == 1 ? impossible_dates.front() : real_months.front();
            return bad(date_of(s.branch).text + " is not a date");
        }
        return bad("no date YYMMDD found after a branch code of 2 to 6 characters; type it with "
                   "dashes, e.g. GZ02-261123-K1-0042M");
    }

    bool agrees_with_separators(std::size_t b, std::size_t t) const {
        const std::size_t n = m_compact.size();
        for (const std::size_t at : m_breaks) {
            if (at != b && at != b + k_date_chars && at != b + k_date_chars + t && at != n - 1) {
                return false;
            }
        }
        return true;
    }

    struct DateAt {
        bool valid;
        std::string text;
        CivilDate date;
    };

    DateAt date_of(std::size_t b) const {
        const std::string_view d = std::string_view(m_compact).substr(b, k_date_chars);
        const CivilDate date{2000 + to_int(d.substr(0, 2)), to_int(d.substr(2, 2)),
                             to_int(d.substr(4, 2))};
        return {valid_civil_date(date), date_text(date.year, date.month, date.day), date};
    }

    std::string with_dashes(Split s) const {
        const std::string_view c = m_compact;
        return std::string(c.substr(0, s.branch)) + "-" +
               std::string(c.substr(s.branch, k_date_chars)) + "-" +
               std::string(c.substr(s.branch + k_date_chars, s.terminal)) + "-" +
               std::string(c.substr(s.branch + k_date_chars + s.terminal));
    }

    Result<TicketNumber> finish(Split s) const {
        const std::string_view c = m_compact;
        const DateAt date = date_of(s.branch);
        if (!date.valid) {
            return bad(date.text + " is not a date");
        }
        const int sequence = to_int(c.substr(c.size() - 5, k_sequence_chars));
        if (sequence == 0) {
            return bad("sequence 0000 is not used; sequences start at 0001");
        }
        if (number_check_character(c.substr(0, c.size() - 1)) != c.back()) {
            return bad(
                "check character does not match (a character was mistyped or two were swapped)");
        }
        TicketNumber number;
        number.branch = std::string(c.substr(0, s.branch));
        number.year = date.date.year;
        number.month = date.date.month;
        number.day = date.date.day;
        number.terminal = std::string(c.substr(s.branch + k_date_chars, s.terminal));
        number.sequence = sequence;
        return number;
    }

    std::string_view m_shown;
    std::string m_compact;
    std::vector<std::size_t> m_breaks; // positions in m_compact where a separator was typed
    std::vector<std::string> m_groups;
};

} // namespace

namespace {

// The canonical text as format_ticket_number writes it (upper case, one dash between groups),
// read without building strings on the way: what the center's push and every lookup by
// number see. Anything else, valid or not, is left to the Parser and its messages.
std::optional<TicketNumber> parse_canonical(std::string_view text) {
    std::string_view groups[4];
    std::size_t count = 0;
    while (count < 4) {
        const std::size_t dash = text.find('-');
        groups[count++] = text.substr(0, dash);
        if (dash == std::string_view::npos) {
            break;
        }
        text.remove_prefix(dash + 1);
    }
    if (count != 4 || groups[3].data() + groups[3].size() != text.data() + text.size()) {
        return std::nullopt;
    }
    const auto [branch, date, terminal, last] = groups;
    if (!valid_branch_code(branch) || date.size() != k_date_chars || !all_digits(date) ||
        !valid_terminal_id(terminal) || last.size() != k_sequence_chars + 1 ||
        !all_digits(last.substr(0, k_sequence_chars))) {
        return std::nullopt;
    }
    const CivilDate day{2000 + to_int(date.substr(0, 2)), to_int(date.substr(2, 2)),
                        to_int(date.substr(4, 2))};
    const int sequence = to_int(last.substr(0, k_sequence_chars));
    if (!valid_civil_date(day) || sequence == 0) {
        return std::nullopt;
    }
    char body[k_max_chars];
    std::size_t n = 0;
    for (const std::string_view g : {branch, date, terminal, last.substr(0, k_sequence_chars)}) {
        g.copy(body + n, g.size());
        n += g.size();
    }
    if (number_check_character(std::string_view(body, n)) != last.back()) {
        return std::nullopt;
    }
    return TicketNumber{std::string(branch),   day.year, day.month, day.day,
                        std::string(terminal), sequence};
}

} // namespace

Result<TicketNumber> parse_ticket_number(std::string_view text) {
    if (std::optional<TicketNumber> canonical = parse_canonical(text)) {
        return std::move(*canonical);
    }
    return Parser(text).run();
}

Result<std::string> normalize_ticket_number(std::string_view text) {
    const Result<TicketNumber> parsed = parse_ticket_number(text);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return format_ticket_number(*parsed);
}

} // namespace cf::core
