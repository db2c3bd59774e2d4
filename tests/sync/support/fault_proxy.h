#pragma once
// A TCP proxy on loopback between the sync client and the center that injects faults. It
// counts responses (the first bytes the server sends after the client sent a request) across
// all connections and asks the policy what to do with each:
//   pass      forward as is
//   drop      close both sides before the request reaches the server
//   reset     let the server answer (so it has committed), then reset the client's connection
//             instead of forwarding the answer
//   truncate  forward half of the answer's first chunk, then close
//   delay     wait delay_ms before forwarding
// It stops by itself when destroyed.

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cf::test {

enum class ProxyFault { pass, drop, reset, truncate, delay };

class FaultProxy {
public:
    using Policy = std::function<ProxyFault(int response_index)>;

    FaultProxy(int upstream_port, Policy policy, int delay_ms = 200);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    int faults_injected() const { return m_faults.load(); }
    // Points the proxy at another upstream port (a restarted center).
    void set_upstream(int port) { m_upstream = port; }

private:
    void accept_loop();
    void serve(int client);
    ProxyFault next_fault();

    std::atomic<int> m_upstream;
    Policy m_policy;
    int m_delay_ms;
    int m_listen = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_responses{0};
    std::atomic<int> m_faults{0};
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
    std::thread m_acceptor;
};

} // namespace cf::test
