#pragma once
// A strict reader of JSON text, token by token, for the hot paths (a push body of a thousand
// tickets, a pulled page): no DOM, and no allocation but the strings a caller keeps.
//
// It accepts only what RFC 8259 and nlohmann::json accept (strings of valid UTF-8 with valid
// escapes, numbers in JSON's grammar, nesting within a limit). It is a fast path, not a
// validator that explains: every method returns false at the first thing it does not take,
// and its callers then read the same text with nlohmann::json, which names the problem. So a
// false is never shown to a person, and anything unusual (a fraction, an escaped key, a huge
// number) may simply take the slow path.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cf::core {

class JsonScan {
public:
    explicit JsonScan(std::string_view text) : m_text(text) {}

    // The next non-space character, or '\0' at the end of the text.
    char peek();
    // Skips spaces and takes c; false when the next character is another.
    bool take(char c);
    // True when only spaces are left.
    bool at_end();

    // A string value, unescaped into out (replacing what out held).
    bool string(std::string& out);
    // A string without backslash escapes, as a view into the text (keys, ids, codes); false
    // for an escaped one.
    bool plain_string(std::string_view& out);
    // A whole number in int64 range; false for a fraction, an exponent or a larger number.
    bool integer(std::int64_t& out);
    // Any finite number, as the nearest double (an amount of money: 500 or 88.5).
    bool amount(double& out);
    // The literals.
    bool null();
    bool boolean(bool& out);

    // Any value as a DOM, as json::parse makes it, except that a key twice in one object, a
    // fraction or an exponent, or more than max_depth containers return false.
    bool value(nlohmann::json& out, int max_depth);

    // Where the reader is: the offset of the next character not yet read.
    std::size_t offset() const { return m_at; }
    std::string_view text() const { return m_text; }

private:
    void skip_spaces();
    // The string after its opening quote: its bytes checked, escapes decoded into out when
    // out is not null; m_at ends after the closing quote.
    bool string_body(std::string* out, bool& escaped);
    bool number(std::string_view& digits, bool& integral);

    std::string_view m_text;
    std::size_t m_at = 0;
};

} // namespace cf::core
