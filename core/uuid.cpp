#include "core/uuid.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace cf::core {

namespace {

// libsodium must be initialised once before randombytes; a function-local static makes that
// thread-safe without a global constructor.
void ensure_sodium() {
    static const bool ready = [] {
        if (sodium_init() < 0) {
            std::fputs("counterfoil: libsodium could not be initialised\n", stderr);
            std::abort();
        }
        return true;
    }();
    (void)ready;
}

} // namespace

std::string uuid_v7(Millis now) {
    ensure_sodium();
    std::array<std::uint8_t, 16> b{};
    randombytes_buf(b.data(), b.size());

    // 48-bit big-endian Unix milliseconds, then version 7 and variant 0b10 (RFC 9562, 5.7).
    const auto ms = static_cast<std::uint64_t>(now) & 0xffff'ffff'ffffULL;
    for (int i = 0; i < 6; ++i) {
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    }
    b[6] = static_cast<std::uint8_t>(0x70 | (b[6] & 0x0f));
    b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f));

    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) {
            out += '-';
        }
        out += k_hex[b[i] >> 4];
        out += k_hex[b[i] & 0x0f];
    }
    return out;
}

bool valid_uuid(std::string_view text) {
    if (text.size() != 36) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-') {
                return false;
            }
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace cf::core
