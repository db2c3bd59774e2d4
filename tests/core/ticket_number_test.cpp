#include "core/ticket_number.h"

#include <doctest/doctest.h>

#include <cctype>

#include <string>
#include <vector>

using namespace cf::core;

namespace {

const TicketNumber k_example{"GZ02", 2026, 11, 23, "K1", 42};
constexpr std::string_view k_example_text = "GZ02-261123-K1-0042M";

// Canonical numbers with every branch and terminal length at its extremes.
const std::vector<std::string> k_samples = {
    "GZ02-261123-K1-0042M",
    "AB-240229-7-00014",
    "HK2Q9Z-991231-Z9Y-9999S",
    "SZ01-261123-K1-00425",
};

std::string message_of(std::string_view text) {
    const Result<TicketNumber> parsed = parse_ticket_number(text);
    return parsed ? std::string("(parsed)") : parsed.error().message;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

// The characters of a canonical number without dashes, and the positions of its dashes.
struct Layout {
    std::string characters;
    std::vector<std::size_t> dashes;
};

Layout layout_of(std::string_view canonical) {
    Layout out;
    for (const char c : canonical) {
        if (c == '-') {
            out.dashes.push_back(out.characters.size());
        } else {
            out.characters += c;
        }
    }
    return out;
}

std::string with_dashes(const std::string& characters, const std::vector<std::size_t>& dashes) {
    std::string out;
    std::size_t next = 0;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        if (next < dashes.size() && dashes[next] == i) {
            out += '-';
            ++next;
        }
        out += characters[i];
    }
    return out;
}

// Sum of weight * value over a whole number; the check character makes it 0 modulo 31.
int weighted_sum(std::string_view characters) {
    int sum = 0;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        const int weight = static_cast<int>(characters.size() - i);
        sum += weight * static_cast<int>(k_number_alphabet.find(characters[i]));
    }
    return sum % 31;
}

} // namespace

TEST_SUITE("ticket_number") {

    TEST_CASE("the alphabet has 31 distinct characters without I, L, O, U, V") {
        CHECK(k_number_alphabet.size() == 31);
        CHECK(k_number_alphabet.find('S') != std::string_view::npos);
        for (const char c : std::string_view("ILOUV")) {
            CHECK(k_number_alphabet.find(c) == std::string_view::npos);
        }
        for (std::size_t i = 0; i < k_number_alphabet.size(); ++i) {
            CHECK(k_number_alphabet.find(k_number_alphabet[i]) == i);
        }
    }

    TEST_CASE("branch codes are 2 to 6 alphabet characters") {
        CHECK(valid_branch_code("GZ"));
        CHECK(valid_branch_code("GZ02"));
        CHECK(valid_branch_code("HK2Q9Z"));
        CHECK(valid_branch_code("SZ01"));
        CHECK_FALSE(valid_branch_code("G"));
        CHECK_FALSE(valid_branch_code("GZ02345"));
        CHECK_FALSE(valid_branch_code("VZ01"));
        CHECK_FALSE(valid_branch_code("gz02"));
        CHECK_FALSE(valid_branch_code("GZ-2"));
    }

    TEST_CASE("terminal ids are 1 to 3 alphabet characters") {
        CHECK(valid_terminal_id("7"));
        CHECK(valid_terminal_id("K1"));
        CHECK(valid_terminal_id("Z9Y"));
        CHECK_FALSE(valid_terminal_id(""));
        CHECK_FALSE(valid_terminal_id("K123"));
        CHECK_FALSE(valid_terminal_id("O1"));
    }

    TEST_CASE("the check character makes the weighted sum zero modulo 31") {
        for (const std::string& sample : k_samples) {
            CAPTURE(sample);
            const std::string characters = layout_of(sample).characters;
            CHECK(weighted_sum(characters) == 0);
            CHECK(number_check_character(characters.substr(0, characters.size() - 1)) ==
                  characters.back());
        }
    }

    TEST_CASE("format writes the canonical text with its check character") {
        const Result<std::string> text = format_ticket_number(k_example);
        REQUIRE(text.has_value());
        CHECK(*text == k_example_text);
    }

    TEST_CASE("format and parse round-trip") {
        for (const std::string& sample : k_samples) {
            CAPTURE(sample);
            const Result<TicketNumber> parsed = parse_ticket_number(sample);
            REQUIRE(parsed.has_value());
            const Result<std::string> formatted = format_ticket_number(*parsed);
            REQUIRE(formatted.has_value());
            CHECK(*formatted == sample);
        }
    }

    TEST_CASE("the canonical text and the same number typed otherwise read the same") {
        // The canonical text takes a short path; lower case, spaces or no dashes the full one.
        for (const std::string& sample : k_samples) {
            CAPTURE(sample);
            const Result<TicketNumber> canonical = parse_ticket_number(sample);
            REQUIRE(canonical.has_value());
            std::string typed;
            for (const char c : sample) {
                typed += c == '-' ? ' ' : static_cast<char>(std::tolower(c));
            }
            const Result<TicketNumber> spaced = parse_ticket_number("  " + typed + " ");
            REQUIRE(spaced.has_value());
            CHECK(*spaced == *canonical);
            // A doubled or trailing dash is not the canonical text, and the full reader says
            // what it makes of it.
            CHECK(parse_ticket_number(sample + "-").has_value() ==
                  parse_ticket_number(sample + " ").has_value());
        }
        CHECK_FALSE(parse_ticket_number("GZ02-261123-K1-0042M-X").has_value());
        CHECK_FALSE(parse_ticket_number("GZ02-261131-K1-0042M").has_value()); // no 31 Nov
    }

    TEST_CASE("parse returns the parts of the number") {
        const Result<TicketNumber> parsed = parse_ticket_number(k_example_text);
        REQUIRE(parsed.has_value());
        CHECK(*parsed == k_example);
    }

    TEST_CASE("format rejects each bad part by name") {
        TicketNumber n = k_example;
        n.branch = "VZ01";
        CHECK(contains(format_ticket_number(n).error().message, "branch code 'VZ01'"));
        n = k_example;
        n.month = 2;
        n.day = 30;
        CHECK(contains(format_ticket_number(n).error().message, "2026-02-30 is not a date"));
        n = k_example;
        n.year = 2100;
        CHECK(contains(format_ticket_number(n).error().message, "year 2100"));
        n = k_example;
        n.terminal = "K123";
        CHECK(contains(format_ticket_number(n).error().message, "terminal id 'K123'"));
        n = k_example;
        n.sequence = 10000;
        CHECK(contains(format_ticket_number(n).error().message, "sequence 10000"));
        n.sequence = 0;
        CHECK(format_ticket_number(n).error().code == ErrorCode::invalid_input);
    }

    TEST_CASE("parse accepts lower case and surrounding whitespace") {
        CHECK(normalize_ticket_number("  gz02-261123-k1-0042m \n") == k_example_text);
    }

    TEST_CASE("parse accepts spaces instead of dashes") {
        CHECK(normalize_ticket_number("GZ02 261123 K1 0042M") == k_example_text);
        CHECK(normalize_ticket_number("GZ02 - 261123 - K1 - 0042M") == k_example_text);
    }

    TEST_CASE("parse accepts the check character read out as its own group") {
        CHECK(normalize_ticket_number("GZ02 261123 K1 0042 M") == k_example_text);
    }

    TEST_CASE("parse accepts missing dashes when only one reading has a real date") {
        CHECK(normalize_ticket_number("GZ02261123K10042M") == k_example_text);
        CHECK(normalize_ticket_number("gz02-261123k10042m") == k_example_text);
        CHECK(normalize_ticket_number("GZ02261123-K1-0042M") == k_example_text);
    }

    TEST_CASE("parse asks for dashes when missing dashes allow two readings") {
        // "AB1-211123-..." and "AB12-111231-..." are both real numbers of the same characters.
        const Result<std::string> a = format_ticket_number({"AB1", 2021, 11, 23, "1K", 1});
        const Result<std::string> b = format_ticket_number({"AB12", 2011, 12, 31, "K", 1});
        REQUIRE(a.has_value());
        REQUIRE(b.has_value());
        REQUIRE(layout_of(*a).characters == layout_of(*b).characters);
        const std::string compact = layout_of(*a).characters;
        const std::string message = message_of(compact);
        CHECK(contains(message, "could be read as"));
        CHECK(contains(message, *a));
        CHECK(contains(message, *b));
        CHECK(normalize_ticket_number(*a) == *a);
        CHECK(normalize_ticket_number(*b) == *b);
    }

    TEST_CASE("parse names a mistyped or swapped character") {
        CHECK(message_of("GZ02-261123-K1-0042X") ==
              "ticket number 'GZ02-261123-K1-0042X': check character does not match (a character "
              "was mistyped or two were swapped)");
    }

    TEST_CASE("parse names a character the alphabet does not use") {
        CHECK(contains(message_of("GZO2-261123-K1-0042M"),
                       "ticket number 'GZO2-261123-K1-0042M': character 'O' is not used in ticket "
                       "numbers (did you mean 0?)"));
        CHECK(contains(message_of("VZ01-261123-K1-00425"),
                       "character 'V' is not used in ticket numbers (U and V are not used)"));
        CHECK(contains(message_of("uZ01-261123-K1-00425"),
                       "character 'u' is not used in ticket numbers (U and V are not used)"));
        CHECK(contains(message_of("gz02-26112l-K1-0042M"), "character 'l' is not used"));
        CHECK(contains(message_of("GZ02-261123-K1-0042M#"), "character '#' is not used"));
        CHECK(contains(message_of("GZ02－261123-K1-0042M"), "character '－' is not used"));
    }

    TEST_CASE("parse names an impossible date") {
        // The date is checked before the check character, so the message names the real mistake.
        CHECK(contains(message_of("GZ02-260230-K1-0042M"),
                       "ticket number 'GZ02-260230-K1-0042M': 2026-02-30 is not a date"));
        CHECK(contains(message_of("GZ02-261323-K1-0042M"), "2026-13-23 is not a date"));
        CHECK(contains(message_of("GZ02260230K10042M"), "2026-02-30 is not a date"));
    }

    TEST_CASE("parse names a sequence that is not 4 digits") {
        CHECK(contains(message_of("GZ02-261123-K1-042M"), "sequence must be 4 digits"));
        CHECK(contains(message_of("GZ02-261123-K1-00042M"), "sequence must be 4 digits"));
        CHECK(contains(message_of("GZ02-261123-K1-00A2M"), "sequence must be 4 digits"));
    }

    TEST_CASE("parse names a missing check character") {
        CHECK(contains(message_of("GZ02-261123-K1-0042"), "check character after the sequence is "
                                                          "missing"));
    }

    TEST_CASE("parse rejects sequence 0000") {
        CHECK(contains(message_of("GZ02-261123-K1-0000" +
                                  std::string(1, number_check_character("GZ02261123K10000"))),
                       "sequence 0000"));
    }

    TEST_CASE("parse names a group of the wrong length") {
        CHECK(contains(message_of("G-261123-K1-0042M"), "branch code 'G' must be 2 to 6"));
        CHECK(contains(message_of("GZ02345-261123-K1-0042M"),
                       "branch code 'GZ02345' must be 2 to 6"));
        CHECK(contains(message_of("GZ02-26112-K1-0042M"), "date '26112' must be 6 digits"));
        CHECK(contains(message_of("GZ02-2611A3-K1-0042M"), "date '2611A3' must be 6 digits"));
        CHECK(contains(message_of("GZ02-261123-K123-0042M"), "terminal id 'K123' must be 1 to 3"));
    }

    TEST_CASE("parse rejects too many groups, wrong lengths and empty text") {
        CHECK(contains(message_of("GZ-02-261123-K1-0042M"), "has 5 groups"));
        CHECK(contains(message_of("GZ02261123"), "has 10 characters"));
        CHECK(contains(message_of("GZ02261123K1230042M99"), "has 21 characters"));
        CHECK(message_of("   ") == "ticket number is empty");
        CHECK(parse_ticket_number("").error().code == ErrorCode::invalid_input);
    }

    TEST_CASE("every single-character substitution is rejected") {
        for (const std::string& sample : k_samples) {
            const Layout layout = layout_of(sample);
            int tried = 0;
            for (std::size_t i = 0; i < layout.characters.size(); ++i) {
                for (const char replacement : k_number_alphabet) {
                    if (replacement == layout.characters[i]) {
                        continue;
                    }
                    std::string changed = layout.characters;
                    changed[i] = replacement;
                    const std::string text = with_dashes(changed, layout.dashes);
                    CAPTURE(text);
                    REQUIRE_FALSE(parse_ticket_number(text).has_value());
                    ++tried;
                }
            }
            CHECK(tried == static_cast<int>(layout.characters.size()) * 30);
        }
    }

    TEST_CASE("every swap of two adjacent different characters is rejected") {
        for (const std::string& sample : k_samples) {
            const Layout layout = layout_of(sample);
            for (std::size_t i = 0; i + 1 < layout.characters.size(); ++i) {
                std::string swapped = layout.characters;
                if (swapped[i] == swapped[i + 1]) {
                    continue;
                }
                std::swap(swapped[i], swapped[i + 1]);
                const std::string text = with_dashes(swapped, layout.dashes);
                CAPTURE(text);
                REQUIRE_FALSE(parse_ticket_number(text).has_value());
            }
        }
    }

    TEST_CASE("the check character alone catches every substitution and adjacent swap") {
        // Independent of the other checks (alphabet, date, lengths): any such error leaves a
        // weighted sum that is not 0 modulo 31.
        for (const std::string& sample : k_samples) {
            const std::string characters = layout_of(sample).characters;
            bool all_caught = true;
            for (std::size_t i = 0; i < characters.size(); ++i) {
                for (const char replacement : k_number_alphabet) {
                    std::string changed = characters;
                    changed[i] = replacement;
                    all_caught = all_caught &&
                                 (replacement == characters[i]) == (weighted_sum(changed) == 0);
                }
                if (i + 1 < characters.size() && characters[i] != characters[i + 1]) {
                    std::string swapped = characters;
                    std::swap(swapped[i], swapped[i + 1]);
                    all_caught = all_caught && weighted_sum(swapped) != 0;
                }
            }
            CAPTURE(sample);
            CHECK(all_caught);
        }
    }

} // TEST_SUITE
