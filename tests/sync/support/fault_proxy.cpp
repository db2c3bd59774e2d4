#include "tests/sync/support/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

namespace cf::test {
namespace {

int connect_to(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

bool send_all(int fd, const char* data, std::size_t n) {
    while (n > 0) {
        ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0) {
            return false;
        }
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

void reset(int fd) {
    linger l{1, 0}; // close with RST instead of FIN
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(fd);
}

} // namespace

FaultProxy::FaultProxy(int upstream_port, Policy policy, int delay_ms)
    : m_upstream(upstream_port), m_policy(std::move(policy)), m_delay_ms(delay_ms) {
    m_listen = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(m_listen, 64) != 0) {
        throw std::runtime_error("the proxy cannot listen");
    }
    socklen_t len = sizeof addr;
    getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptor = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    m_stop = true;
    shutdown(m_listen, SHUT_RDWR);
    close(m_listen);
    m_acceptor.join();
    std::lock_guard lock(m_mutex);
    for (auto& t : m_threads) {
        t.join();
    }
}

void FaultProxy::accept_loop() {
    while (!m_stop) {
        pollfd p{m_listen, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) {
            continue;
        }
        int client = accept(m_listen, nullptr, nullptr);
        if (client < 0) {
            continue;
        }
        std::lock_guard lock(m_mutex);
        m_threads.emplace_back([this, client] { serve(client); });
    }
}

ProxyFault FaultProxy::next_fault() {
    const int index = m_responses.fetch_add(1);
    const ProxyFault f = m_policy ? m_policy(index) : ProxyFault::pass;
    if (f != ProxyFault::pass) {
        m_faults.fetch_add(1);
    }
    return f;
}

void FaultProxy::serve(int client) {
    int server = connect_to(m_upstream.load());
    if (server < 0) {
        reset(client);
        return;
    }
    bool awaiting_response = false;
    char buf[65536];
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!m_stop && std::chrono::steady_clock::now() < deadline) {
        pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (poll(fds, 2, 100) <= 0) {
            continue;
        }
        if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            ssize_t n = recv(client, buf, sizeof buf, 0);
            if (n <= 0) {
                break;
            }
            if (!awaiting_response) {
                awaiting_response = true;
                // Drop decides per request: the server never sees this one.
                if (m_policy && m_policy(m_responses.load()) == ProxyFault::drop) {
                    m_responses.fetch_add(1);
                    m_faults.fetch_add(1);
                    reset(client);
                    close(server);
                    return;
                }
            }
            if (!send_all(server, buf, static_cast<std::size_t>(n))) {
                break;
            }
        }
        if ((fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
            ssize_t n = recv(server, buf, sizeof buf, 0);
            if (n <= 0) {
                break;
            }
            ProxyFault f = ProxyFault::pass;
            if (awaiting_response) {
                awaiting_response = false;
                f = next_fault();
            }
            if (f == ProxyFault::reset || f == ProxyFault::drop) {
                reset(client);
                close(server);
                return;
            }
            if (f == ProxyFault::truncate) {
                send_all(client, buf, static_cast<std::size_t>(n) / 2);
                close(client);
                close(server);
                return;
            }
            if (f == ProxyFault::delay) {
                // In steps, so destroying the proxy does not wait out a long delay.
                for (int waited = 0; waited < m_delay_ms && !m_stop; waited += 20) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
            }
            if (!send_all(client, buf, static_cast<std::size_t>(n))) {
                break;
            }
        }
    }
    close(client);
    close(server);
}

} // namespace cf::test
