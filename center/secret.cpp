#include "center/secret.h"

#include "core/ticket_number.h"

#include <sodium.h>

#include <cctype>

namespace cf::center {
namespace {

std::string random_hex(std::size_t bytes) {
    std::vector<std::uint8_t> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
}

} // namespace

std::string new_token() {
    if (sodium_init() < 0) {
        std::abort();
    }
    return "cft1_" + random_hex(32);
}

std::string new_enroll_code() {
    if (sodium_init() < 0) {
        std::abort();
    }
    const std::string_view alphabet = core::k_number_alphabet;
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0) {
            code += '-';
        }
        code += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
    return code;
}

std::string normalize_enroll_code(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == '-' || c == ' ') {
            continue;
        }
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::vector<std::uint8_t> secret_hash(std::span<const std::uint8_t, 32> key,
                                      std::string_view text) {
    std::vector<std::uint8_t> out(32);
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), key.data(), key.size());
    return out;
}

std::string new_epoch() {
    if (sodium_init() < 0) {
        std::abort();
    }
    return random_hex(16);
}

} // namespace cf::center
