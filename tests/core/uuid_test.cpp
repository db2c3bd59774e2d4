#include "core/uuid.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace cf::core;

namespace {

constexpr Millis k_t = 1'795'397'400'000; // 2026-11-23T01:30:00Z

int hex_value(char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

} // namespace

TEST_SUITE("uuid") {

    TEST_CASE("uuid_v7 is canonical lower-case text") {
        const std::string id = uuid_v7(k_t);
        CHECK(id.size() == 36);
        CHECK(valid_uuid(id));
    }

    TEST_CASE("uuid_v7 carries version 7 and the RFC 9562 variant") {
        for (int i = 0; i < 1000; ++i) {
            const std::string id = uuid_v7(k_t);
            REQUIRE(id[14] == '7');
            const int variant = hex_value(id[19]);
            REQUIRE((variant & 0b1100) == 0b1000);
        }
    }

    TEST_CASE("uuid_v7 starts with the 48-bit milliseconds in hex") {
        // 1795397400000 = 0x01a2060635c0
        CHECK(uuid_v7(k_t).substr(0, 13) == "01a20606-35c0");
        CHECK(uuid_v7(0).substr(0, 13) == "00000000-0000");
    }

    TEST_CASE("uuid_v7 sorts by time across milliseconds") {
        std::string previous = uuid_v7(k_t);
        for (Millis t = k_t + 1; t < k_t + 500; ++t) {
            const std::string next = uuid_v7(t);
            REQUIRE(previous < next);
            previous = next;
        }
    }

    TEST_CASE("uuid_v7 is unique over 10000 ids in the same millisecond") {
        std::set<std::string> seen;
        for (int i = 0; i < 10'000; ++i) {
            seen.insert(uuid_v7(k_t));
        }
        CHECK(seen.size() == 10'000);
    }

    TEST_CASE("valid_uuid accepts canonical ids of any version") {
        CHECK(valid_uuid("01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6f"));
        CHECK(valid_uuid("123e4567-e89b-42d3-a456-426614174000"));
        CHECK(valid_uuid("00000000-0000-0000-0000-000000000000"));
    }

    TEST_CASE("valid_uuid rejects upper case, braces, wrong length and misplaced dashes") {
        CHECK_FALSE(valid_uuid(""));
        CHECK_FALSE(valid_uuid("01936B2E-7C4A-7D2E-9F10-3B5C2A1E4D6F"));
        CHECK_FALSE(valid_uuid("{01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6f}"));
        CHECK_FALSE(valid_uuid("01936b2e7c4a7d2e9f103b5c2a1e4d6f"));
        CHECK_FALSE(valid_uuid("01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6"));
        CHECK_FALSE(valid_uuid("01936b2e-7c4a-7d2e-9f103-b5c2a1e4d6f"));
        CHECK_FALSE(valid_uuid("01936b2e-7c4a-7d2e-9f10-3b5c2a1e4d6g"));
    }

} // TEST_SUITE
