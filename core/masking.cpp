#include "core/masking.h"

#include "core/phone.h"

#include <vector>

namespace cf::core {

namespace {

// Splits UTF-8 text into code points (as byte ranges). A malformed byte counts as one code
// point of its own, so masking never emits a partial sequence of the original.
std::vector<std::string_view> code_points(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = 1;
        if (lead >= 0xf0 && lead <= 0xf4) {
            len = 4;
        } else if (lead >= 0xe0) {
            len = lead <= 0xef ? 3 : 1;
        } else if (lead >= 0xc2) {
            len = 2;
        }
        if (i + len > text.size()) {
            len = 1;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) {
                len = 1;
                break;
            }
        }
        out.push_back(text.substr(i, len));
        i += len;
    }
    return out;
}

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

// The first code point followed by one '*' per further code point; "*" for a single one.
std::string keep_first(std::string_view text) {
    const std::vector<std::string_view> points = code_points(text);
    if (points.empty()) {
        return {};
    }
    if (points.size() == 1) {
        return "*";
    }
    std::string out(points.front());
    out.append(points.size() - 1, '*');
    return out;
}

} // namespace

std::string mask_phone(std::string_view phone) {
    // A valid phone is masked in its canonical form, so "+86 138..." and "138..." look alike.
    std::string digits = normalize_phone(phone);
    if (digits.empty()) {
        for (const char c : phone) {
            if (c >= '0' && c <= '9') {
                digits += c;
            }
        }
    }
    if (digits.empty()) {
        // Not a phone number at all: show that something was there, but nothing of it.
        return trim(phone).empty() ? std::string() : std::string("***");
    }
    const std::size_t n = digits.size();
    if (n >= 10) {
        return digits.substr(0, 3) + std::string(n - 7, '*') + digits.substr(n - 4);
    }
    if (n >= 7) {
        return std::string(n - 4, '*') + digits.substr(n - 4);
    }
    if (n >= 3) {
        return std::string(n - 2, '*') + digits.substr(n - 2);
    }
    return std::string(n, '*');
}

std::string mask_name(std::string_view name) {
    return keep_first(trim(name));
}

std::string mask_email(std::string_view email) {
    email = trim(email);
    const std::size_t at = email.rfind('@');
    if (at == std::string_view::npos || at == 0) {
        return keep_first(email);
    }
    return keep_first(email.substr(0, at)) + std::string(email.substr(at));
}

std::string mask_account(std::string_view value) {
    const std::vector<std::string_view> points = code_points(trim(value));
    if (points.empty()) {
        return {};
    }
    std::string out = "****";
    if (points.size() > 4) {
        for (std::size_t i = points.size() - 4; i < points.size(); ++i) {
            out.append(points[i]);
        }
    }
    return out;
}

} // namespace cf::core
