#pragma once
// Customer personal data at rest: each field sealed on its own with XChaCha20-Poly1305, bound
// by associated data to its ticket and field, so a value copied to another ticket or field
// fails to open. Phone lookup goes through a keyed blind index instead of plaintext.
//
// The key lives in a file outside the database (created with 0600 permissions by init). From
// its master key, libsodium's KDF derives one subkey for sealing, one for the blind index and
// one pepper for staff PINs.

#include "core/error.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

using Bytes = std::vector<std::uint8_t>;

class PiiSealer {
public:
    // Creates a new key file (0600, parent directory 0700 if it has to be made): the line
    // "counterfoil-key v1", a line of 64 hex digits (the 32-byte master key), flushed to disk.
    // Fails with key if the file exists already or cannot be written.
    static Result<PiiSealer> create_key_file(const std::filesystem::path& key_file);

    // Loads an existing key file. Fails with key when it is missing, unreadable, has other
    // permissions than owner-only, or is not a Counterfoil key.
    static Result<PiiSealer> load_key_file(const std::filesystem::path& key_file);

    // For tests and tools that need a throwaway key.
    static PiiSealer from_master_key(std::span<const std::uint8_t, 32> master);

    // nonce (24 bytes) || ciphertext+tag. Empty plaintext seals to an empty blob.
    Bytes seal(std::string_view plaintext, std::string_view ticket_id,
               std::string_view field) const;

    // Fails with corrupt when the blob was tampered with, or belongs to another ticket/field.
    Result<std::string> open(std::span<const std::uint8_t> sealed, std::string_view ticket_id,
                             std::string_view field) const;

    // Keyed BLAKE2b (16 bytes) of an already normalized value; equal inputs give equal output.
    Bytes blind_index(std::string_view normalized) const;

    // Secret mixed into staff PIN hashes (used by the counter's staff sign-in).
    std::span<const std::uint8_t, 32> pin_pepper() const { return m_pepper; }

private:
    PiiSealer() = default;
    std::array<std::uint8_t, 32> m_seal_key{};
    std::array<std::uint8_t, 32> m_index_key{};
    std::array<std::uint8_t, 32> m_pepper{};
};

// Base64 (standard alphabet, '=' padding) for blobs that travel in JSON. from_base64 fails with
// invalid_input for anything else, including missing padding and whitespace.
std::string to_base64(std::span<const std::uint8_t> bytes);
Result<Bytes> from_base64(std::string_view text);

} // namespace cf::core
