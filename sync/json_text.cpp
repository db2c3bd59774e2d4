#include "sync/json_text.h"

#include "sync/protocol.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace cf::sync {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char k_hex[] = "0123456789abcdef";
    if (!valid_utf8(s)) {
        // As the DOM path wrote it: broken bytes become U+FFFD.
        out += nlohmann::json(std::string(s))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += k_hex[c >> 4];
            out += k_hex[c & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void append_json_key(std::string& out, std::string_view key, bool first) {
    if (!first) {
        out += ',';
    }
    append_json_string(out, key);
    out += ':';
}

void append_json_int(std::string& out, std::int64_t n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr);
}

} // namespace cf::sync
