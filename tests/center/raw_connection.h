#pragma once
// A connection that sends whatever bytes a test wants, as slowly or as much as it wants, from a
// chosen address of 127.0.0.0/8: the attacks of issue 13 on the center's network edge. TLS
// (OpenSSL, no certificate check: the attacker does not care) through the nginx front, plain
// TCP to a bare center.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

struct ssl_st; // OpenSSL's SSL

namespace cf::test {

struct Endpoint {
    int port = 0; // on 127.0.0.1
    bool tls = false;
};

class RawConnection {
public:
    // Connects from source (an address of 127.0.0.0/8) within timeout, with the TLS handshake
    // when the endpoint has TLS; nullptr when that fails.
    static std::unique_ptr<RawConnection> open(const Endpoint& to, const std::string& source,
                                               std::chrono::milliseconds timeout);
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // Sends all of data; false when the peer closed or did not take it within the timeout
    // (closed_by_peer() tells which).
    bool send(std::string_view data);
    bool closed_by_peer() const { return m_closed; }
    // The status code of the answer, read within timeout; 0 when the connection closed or the
    // time ran out first.
    int read_status(std::chrono::milliseconds timeout);
    // The whole answer (head and body), read until the peer closes or timeout.
    std::string read_all(std::chrono::milliseconds timeout);

private:
    RawConnection() = default;
    // Up to n bytes; 0 at the end or on a timeout.
    long receive(char* data, std::size_t n);
    void set_timeout(std::chrono::milliseconds timeout);

    int m_fd = -1;
    ::ssl_st* m_ssl = nullptr;
    bool m_closed = false;
};

// "POST path HTTP/1.1" with a JSON body, closing after the answer.
std::string json_request(const std::string& path, const std::string& body,
                         const std::string& extra_headers = {});

} // namespace cf::test
