#include "core/json_scan.h"
#include "core/utf8.h"

#include <charconv>

namespace cf::core {
namespace {

int hex_digit(char c) {
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

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

} // namespace

void JsonScan::skip_spaces() {
    while (m_at < m_text.size()) {
        const char c = m_text[m_at];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            return;
        }
        ++m_at;
    }
}

char JsonScan::peek() {
    skip_spaces();
    return m_at < m_text.size() ? m_text[m_at] : '\0';
}

bool JsonScan::take(char c) {
    if (peek() != c) {
        return false;
    }
    ++m_at;
    return true;
}

bool JsonScan::at_end() {
    skip_spaces();
    return m_at == m_text.size();
}

bool JsonScan::string_body(std::string* out, bool& escaped) {
    const auto* begin = reinterpret_cast<const unsigned char*>(m_text.data());
    const auto* end = begin + m_text.size();
    const auto* p = begin + m_at;
    escaped = false;
    while (true) {
        // A run of plain bytes is checked and copied at once.
        const auto* run = p;
        while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && *p < 0x80) {
            ++p;
        }
        if (p < end && *p >= 0x80) {
            const std::size_t n = utf8_sequence(p, end);
            if (n == 0) {
                return false;
            }
            p += n;
            if (out != nullptr) {
                out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
            }
            continue;
        }
        if (out != nullptr) {
            out->append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
        }
        if (p == end || *p < 0x20) {
            return false; // cut short, or a control character JSON wants escaped
        }
        if (*p == '"') {
            m_at = static_cast<std::size_t>(p + 1 - begin);
            return true;
        }
        // A backslash escape.
        escaped = true;
        if (end - p < 2) {
            return false;
        }
        const char e = static_cast<char>(p[1]);
        char plain = 0;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            plain = e;
            break;
        case 'b':
            plain = '\b';
            break;
        case 'f':
            plain = '\f';
            break;
        case 'n':
            plain = '\n';
            break;
        case 'r':
            plain = '\r';
            break;
        case 't':
            plain = '\t';
            break;
        case 'u':
            break;
        default:
            return false;
        }
        if (plain != 0) {
            if (out != nullptr) {
                *out += plain;
            }
            p += 2;
            continue;
        }
        auto hex4 = [&](const unsigned char* at, std::uint32_t& cp) {
            if (end - at < 4) {
                return false;
            }
            cp = 0;
            for (int i = 0; i < 4; ++i) {
                const int d = hex_digit(static_cast<char>(at[i]));
                if (d < 0) {
                    return false;
                }
                cp = (cp << 4) | static_cast<std::uint32_t>(d);
            }
            return true;
        };
        std::uint32_t cp = 0;
        if (!hex4(p + 2, cp)) {
            return false;
        }
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false; // a low surrogate without its high one
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, low) || low < 0xDC00 ||
                low > 0xDFFF) {
                return false;
            }
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (out != nullptr) {
            append_utf8(*out, cp);
        }
    }
}

bool JsonScan::string(std::string& out) {
    if (!take('"')) {
        return false;
    }
    out.clear();
    bool escaped = false;
    return string_body(&out, escaped);
}

bool JsonScan::plain_string(std::string_view& out) {
    if (!take('"')) {
        return false;
    }
    const std::size_t start = m_at;
    bool escaped = false;
    if (!string_body(nullptr, escaped) || escaped) {
        return false;
    }
    out = m_text.substr(start, m_at - 1 - start);
    return true;
}

bool JsonScan::number(std::string_view& digits, bool& integral) {
    skip_spaces();
    const std::size_t start = m_at;
    auto digit = [&] {
        return m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9';
    };
    if (m_at < m_text.size() && m_text[m_at] == '-') {
        ++m_at;
    }
    if (!digit()) {
        return false;
    }
    if (m_text[m_at] == '0') {
        ++m_at;
    } else {
        while (digit()) {
            ++m_at;
        }
    }
    integral = true;
    if (m_at < m_text.size() && m_text[m_at] == '.') {
        integral = false;
        ++m_at;
        if (!digit()) {
            return false;
        }
        while (digit()) {
            ++m_at;
        }
    }
    if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
        integral = false;
        ++m_at;
        if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-')) {
            ++m_at;
        }
        if (!digit()) {
            return false;
        }
        while (digit()) {
            ++m_at;
        }
    }
    digits = m_text.substr(start, m_at - start);
    return true;
}

bool JsonScan::integer(std::int64_t& out) {
    std::string_view digits;
    bool integral = false;
    if (!number(digits, integral) || !integral) {
        return false;
    }
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return r.ec == std::errc() && r.ptr == digits.data() + digits.size();
}

bool JsonScan::amount(double& out) {
    std::string_view digits;
    bool integral = false;
    if (!number(digits, integral)) {
        return false;
    }
    const auto r = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return r.ec == std::errc() && r.ptr == digits.data() + digits.size();
}

bool JsonScan::null() {
    skip_spaces();
    if (m_text.substr(m_at, 4) != "null") {
        return false;
    }
    m_at += 4;
    return true;
}

bool JsonScan::boolean(bool& out) {
    skip_spaces();
    if (m_text.substr(m_at, 4) == "true") {
        m_at += 4;
        out = true;
        return true;
    }
    if (m_text.substr(m_at, 5) == "false") {
        m_at += 5;
        out = false;
        return true;
    }
    return false;
}

bool JsonScan::value(nlohmann::json& out, int max_depth) {
    const char c = peek();
    if (c == '{' || c == '[') {
        if (max_depth <= 0) {
            return false;
        }
        ++m_at;
        const bool object = c == '{';
        out = object ? nlohmann::json::object() : nlohmann::json::array();
        if (take(object ? '}' : ']')) {
            return true;
        }
        std::string key;
        do {
            nlohmann::json element;
            if (object) {
                if (!string(key) || !take(':') || out.contains(key)) {
                    return false;
                }
                if (!value(element, max_depth - 1)) {
                    return false;
                }
                out.emplace(std::move(key), std::move(element));
            } else {
                if (!value(element, max_depth - 1)) {
                    return false;
                }
                out.push_back(std::move(element));
            }
        } while (take(','));
        return take(object ? '}' : ']');
    }
    if (c == '"') {
        std::string s;
        if (!string(s)) {
            return false;
        }
        out = std::move(s);
        return true;
    }
    if (c == 't' || c == 'f') {
        bool b = false;
        if (!boolean(b)) {
            return false;
        }
        out = b;
        return true;
    }
    if (c == 'n') {
        if (!null()) {
            return false;
        }
        out = nullptr;
        return true;
    }
    std::string_view digits;
    bool integral = false;
    if (!number(digits, integral) || !integral) {
        return false;
    }
    // As nlohmann stores them: a negative number signed, any other unsigned.
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    if (digits.starts_with('-')) {
        std::int64_t v = 0;
        const auto r = std::from_chars(first, last, v);
        if (r.ec != std::errc() || r.ptr != last) {
            return false;
        }
        out = v;
        return true;
    }
    std::uint64_t v = 0;
    const auto r = std::from_chars(first, last, v);
    if (r.ec != std::errc() || r.ptr != last) {
        return false;
    }
    out = v;
    return true;
}

} // namespace cf::core
