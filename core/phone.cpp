#include "core/phone.h"

#include <optional>

namespace cf::core {

namespace {

struct Classified {
    PhoneKind kind = PhoneKind::invalid;
    std::string normalized;
};

bool starts_with_any(std::string_view s, std::string_view firsts) {
    return !s.empty() && firsts.find(s.front()) != std::string_view::npos;
}

// The digits of the text and whether it began with '+'; nullopt when anything but digits and
// the separators people type (space, - ( ) .) is present.
struct Digits {
    std::string digits;
    bool plus = false;
};

std::optional<Digits> extract_digits(std::string_view text) {
    Digits out;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            out.digits += c;
        } else if (c == '+') {
            // Only once and before any digit: "+86 138...", "(+852) 9123 4567".
            if (out.plus || !out.digits.empty()) {
                return std::nullopt;
            }
            out.plus = true;
        } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '\t') {
            continue;
        } else {
            return std::nullopt;
        }
    }
    if (out.digits.empty()) {
        return std::nullopt;
    }
    return out;
}

bool is_mainland_mobile(std::string_view d) {
    return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

// 0 + area code + subscriber: 010 and 02x have 2-digit area codes, 03xx..09xx 3-digit ones;
// subscriber numbers have 7 or 8 digits and do not start with 0.
bool is_mainland_landline(std::string_view d) {
    if (d.size() < 10 || d.size() > 12 || d[0] != '0') {
        return false;
    }
    std::size_t area_digits = 0;
    if (d[1] == '1') {
        if (d[2] != '0') {
            return false;
        }
        area_digits = 2;
    } else if (d[1] == '2') {
        area_digits = 2;
    } else if (d[1] >= '3' && d[1] <= '9') {
        area_digits = 3;
    } else {
        return false;
    }
    const std::string_view subscriber = d.substr(1 + area_digits);
    return subscriber.size() >= 7 && subscriber.size() <= 8 && subscriber[0] != '0';
}

bool is_hong_kong(std::string_view d) {
    return d.size() == 8 && starts_with_any(d, "2356789");
}

bool is_macau(std::string_view d) {
    return d.size() == 8 && (d[0] == '6' || (d[0] == '2' && d[1] == '8'));
}

// Without the trunk 0: mobiles 9 digits starting 9, landlines 8-9 digits starting 2-8.
bool is_taiwan(std::string_view d) {
    if (d.size() == 9 && d[0] == '9') {
        return true;
    }
    return (d.size() == 8 || d.size() == 9) && starts_with_any(d, "2345678");
}

// The national part after a country code. People often keep the trunk 0 after +86 or +886
// ("+86 010 ...", "+886 0912 ..."), so it is tolerated there.
Classified classify_international(std::string_view d) {
    if (d.starts_with("852")) {
        const std::string_view rest = d.substr(3);
        if (is_hong_kong(rest)) {
            return {PhoneKind::hong_kong, std::string(d)};
        }
        return {};
    }
    if (d.starts_with("853")) {
        const std::string_view rest = d.substr(3);
        if (is_macau(rest)) {
            return {PhoneKind::macau, std::string(d)};
        }
        return {};
    }
    if (d.starts_with("886")) {
        std::string_view rest = d.substr(3);
        if (rest.starts_with("0")) {
            rest.remove_prefix(1);
        }
        if (is_taiwan(rest)) {
            return {PhoneKind::taiwan, "886" + std::string(rest)};
        }
        return {};
    }
    if (d.starts_with("86")) {
        const std::string_view rest = d.substr(2);
        if (is_mainland_mobile(rest)) {
            return {PhoneKind::mainland_mobile, std::string(rest)};
        }
        const std::string landline =
            rest.starts_with("0") ? std::string(rest) : "0" + std::string(rest);
        if (is_mainland_landline(landline)) {
            return {PhoneKind::mainland_landline, landline};
        }
        return {};
    }
    return {};
}

Classified classify(std::string_view text) {
    const std::optional<Digits> parsed = extract_digits(text);
    if (!parsed) {
        return {};
    }
    std::string_view d = parsed->digits;
    if (parsed->plus) {
        return classify_international(d);
    }
    if (d.starts_with("00")) {
        d.remove_prefix(2);
        return classify_international(d);
    }
    if (is_mainland_mobile(d)) {
        return {PhoneKind::mainland_mobile, std::string(d)};
    }
    // Taiwan mobiles written locally: 09xx xxx xxx. Mainland landlines of 10 digits have a
    // 2-digit area code (010, 02x), so they never start with 09.
    if (d.size() == 10 && d.starts_with("09")) {
        return {PhoneKind::taiwan, "886" + std::string(d.substr(1))};
    }
    if (is_mainland_landline(d)) {
        return {PhoneKind::mainland_landline, std::string(d)};
    }
    // A bare 8-digit number is a Hong Kong mobile (5, 6, 9) or fixed line (2, 3); mainland
    // numbers always have 10 or more digits.
    if (d.size() == 8 && starts_with_any(d, "23569")) {
        return {PhoneKind::hong_kong, "852" + std::string(d)};
    }
    // A country code typed without + or 00, as the canonical form writes it. None of these
    // overlap local mainland numbers: mobiles start with 1 and landlines with 0. Taiwan's
    // national part has 8 or 9 digits (a landline), so 886 comes with 11 or 12.
    if ((d.size() == 13 && d.starts_with("86")) || (d.size() == 11 && d.starts_with("85")) ||
        ((d.size() == 11 || d.size() == 12) && d.starts_with("886"))) {
        return classify_international(d);
    }
    return {};
}

} // namespace

PhoneKind classify_phone(std::string_view text) {
    return classify(text).kind;
}

std::string normalize_phone(std::string_view text) {
    return classify(text).normalized;
}

} // namespace cf::core
