#pragma once
// UUIDv7 (RFC 9562): time-ordered ids for tickets and events, random in the low 74 bits
// (libsodium's randombytes).

#include "core/clock.h"

#include <string>
#include <string_view>

namespace cf::core {

// Lower-case canonical text, e.g. "01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6f". Ids of different
// milliseconds sort by time; ids of the same millisecond are in random order.
std::string uuid_v7(Millis now);

// True for a canonical lower-case UUID of any version.
bool valid_uuid(std::string_view text);

} // namespace cf::core
