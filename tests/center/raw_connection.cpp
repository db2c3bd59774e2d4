#include "tests/center/raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

namespace cf::test {

namespace {

SSL_CTX* client_context() {
    static std::once_flag once;
    static SSL_CTX* context = nullptr;
    std::call_once(once, [] {
        context = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
    });
    return context;
}

timeval as_timeval(std::chrono::milliseconds t) {
    return timeval{static_cast<time_t>(t.count() / 1000),
                   static_cast<suseconds_t>((t.count() % 1000) * 1000)};
}

} // namespace

std::unique_ptr<RawConnection> RawConnection::open(const Endpoint& to, const std::string& source,
                                                   std::chrono::milliseconds timeout) {
    std::unique_ptr<RawConnection> c(new RawConnection());
    c->m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c->m_fd < 0) {
        return nullptr;
    }
    // Many short connections from one address: reuse its ports at once.
    const int one = 1;
    ::setsockopt(c->m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    ::setsockopt(c->m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    c->set_timeout(timeout); // also bounds connect()
    sockaddr_in from{};
    from.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source.c_str(), &from.sin_addr) != 1 ||
        ::bind(c->m_fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
        return nullptr;
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(to.port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(c->m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        return nullptr;
    }
    if (to.tls) {
        c->m_ssl = SSL_new(client_context());
        SSL_set_fd(c->m_ssl, c->m_fd);
        if (SSL_connect(c->m_ssl) != 1) {
            return nullptr;
        }
    }
    return c;
}

RawConnection::~RawConnection() {
    if (m_ssl != nullptr) {
        SSL_free(m_ssl);
    }
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

void RawConnection::set_timeout(std::chrono::milliseconds timeout) {
    const timeval tv = as_timeval(timeout);
    ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(m_fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

bool RawConnection::send(std::string_view data) {
    while (!data.empty()) {
        long n = 0;
        errno = 0;
        if (m_ssl != nullptr) {
            n = SSL_write(m_ssl, data.data(), static_cast<int>(data.size()));
        } else {
            n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
        }
        if (n <= 0) {
            m_closed = errno != EAGAIN && errno != EWOULDBLOCK;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

long RawConnection::receive(char* data, std::size_t n) {
    const long got =
        m_ssl != nullptr ? SSL_read(m_ssl, data, static_cast<int>(n)) : ::recv(m_fd, data, n, 0);
    return got > 0 ? got : 0;
}

int RawConnection::read_status(std::chrono::milliseconds timeout) {
    set_timeout(timeout);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string head;
    char buffer[4096];
    while (head.find("\r\n") == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        const long n = receive(buffer, sizeof buffer);
        if (n == 0) {
            break;
        }
        head.append(buffer, static_cast<std::size_t>(n));
    }
    // "HTTP/1.1 200 OK"
    if (!head.starts_with("HTTP/1.") || head.size() < 12) {
        return 0;
    }
    return std::atoi(head.c_str() + 9);
}

std::string RawConnection::read_all(std::chrono::milliseconds timeout) {
    set_timeout(timeout);
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string all;
    char buffer[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        const long n = receive(buffer, sizeof buffer);
        if (n == 0) {
            break;
        }
        all.append(buffer, static_cast<std::size_t>(n));
    }
    return all;
}

std::string json_request(const std::string& path, const std::string& body,
                         const std::string& extra_headers) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
           "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n" + extra_headers + "\r\n" + body;
}

} // namespace cf::test
