#pragma once
// Secrets the center hands out: device and console tokens, and one-time enrolment codes.
// Only their keyed hashes are stored, so a copy of the database cannot be used to sync.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::center {

// 32 random bytes as 64 hex digits, prefixed "cft1_" so a leaked token is recognisable.
std::string new_token();
// 12 characters of the ticket-number alphabet in three groups, e.g. "K7QM-2HXA-9RZD" (59
// bits), short enough to read over the phone to a technician at the branch.
std::string new_enroll_code();
// Codes are compared without dashes and spaces and in upper case.
std::string normalize_enroll_code(std::string_view code);
// Keyed BLAKE2b-256 of a token or normalised code under the center's secret.
std::vector<std::uint8_t> secret_hash(std::span<const std::uint8_t, 32> key, std::string_view text);
// A new random epoch id (16 bytes as hex).
std::string new_epoch();

} // namespace cf::center
