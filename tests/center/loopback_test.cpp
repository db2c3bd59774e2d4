// Which addresses the center takes as loopback (the only ones it listens on), and whose address
// a request comes from: X-Real-IP counts only when nginx on loopback sent it.
#include "center/loopback.h"

#include <doctest/doctest.h>

using cf::center::client_address;
using cf::center::is_loopback;

TEST_CASE("loopback is 127.0.0.0/8 and ::1, written as numbers") {
    for (const char* host : {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "::ffff:127.0.0.1"}) {
        INFO(host);
        CHECK(is_loopback(host));
    }
    for (const char* host : {"0.0.0.0", "::", "[::]", "192.0.2.7", "10.0.0.1", "128.0.0.1",
                             "::ffff:192.0.2.7", "localhost", "", "127.0.0.1.example"}) {
        INFO(host);
        CHECK_FALSE(is_loopback(host));
    }
}

TEST_CASE("X-Real-IP names the client only when the peer is on loopback") {
    CHECK(client_address("127.0.0.1", "203.0.113.9") == "203.0.113.9");
    CHECK(client_address("::1", "2001:db8::7") == "2001:db8::7");
    // A peer from elsewhere cannot choose the address its attempts are counted under.
    CHECK(client_address("192.0.2.7", "203.0.113.9") == "192.0.2.7");
    CHECK(client_address("2001:db8::5", "203.0.113.9") == "2001:db8::5");
}

TEST_CASE("an X-Real-IP that is not one address is ignored") {
    CHECK(client_address("127.0.0.1", "") == "127.0.0.1");
    CHECK(client_address("127.0.0.1", "203.0.113.9, 198.51.100.1") == "127.0.0.1");
    CHECK(client_address("127.0.0.1", "unknown") == "127.0.0.1");
    CHECK(client_address("127.0.0.1", "203.0.113.9 ") == "127.0.0.1");
}
