// The center's network edge (issue 13, findings 3 and 6; docs/SECURITY.md, "The network edge"):
// everything arrives through the nginx front shipped in packaging/nginx, on loopback ports.
// The attacks come from other loopback addresses (127.0.0.2 and up) than the terminal and the
// health checks (127.0.0.1), as they would from other machines; each is bounded in count and
// time and stops by itself.
//
// COUNTERFOIL_EDGE_BARE=1 sends the same attacks to the bare center instead of nginx, which
// is how the findings were reproduced: the test then fails.
#include "tests/center/console_fixture.h"
#include "tests/center/raw_connection.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/nginx_front.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <fstream>
#include <thread>

using namespace cf::test;
using nlohmann::json;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

namespace {

bool bare() {
    const char* env = std::getenv("COUNTERFOIL_EDGE_BARE");
    return env != nullptr && std::string(env) == "1";
}

// A kB figure of /proc/PID/status: VmHWM is the most the process ever held.
long status_kb(pid_t pid, const std::string& key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with(key + ":")) {
            return std::atol(line.c_str() + key.size() + 1);
        }
    }
    return -1;
}

double ms_since(SteadyClock::time_point t) {
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - t).count();
}

// One GET /healthz on a new connection from 127.0.0.1: the milliseconds until its status line
// arrived, or -1 when it did not come within two seconds or was not 200.
double health_check(const Endpoint& to) {
    const auto started = SteadyClock::now();
    auto c = RawConnection::open(to, "127.0.0.1", 2s);
    if (!c || !c->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
        return -1;
    }
    return c->read_status(2s) == 200 ? ms_since(started) : -1;
}

// Health checks every quarter of a second until a deadline.
struct Health {
    std::vector<double> ms;
    int unanswered = 0;
    double worst() const { return ms.empty() ? -1 : *std::max_element(ms.begin(), ms.end()); }
};

Health watch_health(const Endpoint& to, SteadyClock::time_point until) {
    Health h;
    while (SteadyClock::now() < until) {
        const auto started = SteadyClock::now();
        const double ms = health_check(to);
        if (ms < 0) {
            ++h.unanswered;
        } else {
            h.ms.push_back(ms);
        }
        std::this_thread::sleep_until(started + 250ms);
    }
    return h;
}

// The attacks of issue 13, each on threads of its own from its own address, until a deadline.
struct Attacks {
    Endpoint to;
    SteadyClock::time_point until{};
    std::atomic<int> slow_open{0};        // slow connections open now
    std::atomic<int> slow_peak{0};        // the most open at once
    std::atomic<int> slow_cut{0};         // slow connections the server closed
    std::atomic<int> header_floods{0};    // header floods sent
    std::atomic<int> header_refused{0};   // ... answered 4xx, or cut before all was sent
    std::atomic<int> chunked_floods{0};   // chunked bodies sent
    std::atomic<int> chunked_refused{0};  // ... answered 413, or cut before all was sent
    std::atomic<long> chunked_bytes{0};   // body bytes written (nginx throws away what follows 413)
    std::atomic<int> sign_ins{0};         // sign-ins sent
    std::atomic<int> sign_ins_limited{0}; // ... answered 429
    std::vector<std::thread> threads;

    Attacks(const Endpoint& endpoint, std::chrono::seconds duration)
        : to(endpoint), until(SteadyClock::now() + duration) {}
    ~Attacks() { join(); }
    Attacks(const Attacks&) = delete;
    Attacks& operator=(const Attacks&) = delete;

    bool running() const { return SteadyClock::now() < until; }

    // Slowloris: count connections, each sending its request head a byte at a time, one byte a
    // second, never the blank line that ends it; a connection the server closes is opened
    // again.
    void slowloris(int count) {
        threads.emplace_back([this, count] {
            const std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            const std::string more = "X-Slow: s\r\n";
            auto byte = [&](std::size_t i) {
                return i < head.size()
                           ? std::string_view(head).substr(i, 1)
                           : std::string_view(more).substr((i - head.size()) % more.size(), 1);
            };
            struct Slow {
                std::unique_ptr<RawConnection> c;
                std::size_t sent = 0;
            };
            std::vector<Slow> slow(static_cast<std::size_t>(count));
            for (int opened = 0; running() && opened < 20 * count;) {
                const auto round = SteadyClock::now();
                for (auto& s : slow) {
                    if (!running()) {
                        break;
                    }
                    if (s.c && !s.c->send(byte(s.sent++))) {
                        s.c.reset();
                        ++slow_cut;
                        --slow_open;
                    }
                    if (!s.c) {
                        s.c = RawConnection::open(to, "127.0.0.2", 2s);
                        s.sent = 0;
                        ++opened;
                        if (s.c) {
                            slow_peak = std::max(slow_peak.load(), ++slow_open);
                        }
                    }
                }
                std::this_thread::sleep_until(round + 1s);
            }
        });
    }

    // One request with 500,000 headers, then one with a header of 16 MiB, rounds times.
    void header_flood(int rounds) {
        threads.emplace_back([this, rounds] {
            std::string block;
            for (int i = 0; i < 5000; ++i) {
                block += "X-Flood-" + std::to_string(i) + ": v\r\n";
            }
            const std::string mib(1 << 20, 'h');
            for (int round = 0; running() && round < rounds; ++round) {
                auto c = RawConnection::open(to, "127.0.0.3", 2s);
                if (!c) {
                    continue;
                }
                ++header_floods;
                bool sent = c->send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                if (round % 2 == 0) {
                    for (int i = 0; sent && i < 100 && running(); ++i) {
                        sent = c->send(block);
                    }
                } else {
                    sent = sent && c->send("X-Huge: ");
                    for (int i = 0; sent && i < 16 && running(); ++i) {
                        sent = c->send(mib);
                    }
                    sent = sent && c->send("\r\n");
                }
                sent = sent && c->send("\r\n");
                const int status = c->read_status(5s);
                if (c->closed_by_peer() || (status >= 400 && status < 500)) {
                    ++header_refused;
                }
            }
        });
    }

    // PUT /healthz (a path without that route) with a chunked body of 384 MiB, rounds times.
    void chunked_flood(int rounds) {
        threads.emplace_back([this, rounds] {
            const std::string chunk = "10000\r\n" + std::string(0x10000, 'c') + "\r\n";
            for (int round = 0; running() && round < rounds; ++round) {
                auto c = RawConnection::open(to, "127.0.0.4", 2s);
                if (!c) {
                    continue;
                }
                ++chunked_floods;
                bool sent = c->send("PUT /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n");
                for (int i = 0; sent && i < 384 * 16 && running(); ++i) {
                    sent = c->send(chunk);
                    if (sent) {
                        chunked_bytes += 0x10000;
                    }
                }
                sent = sent && c->send("0\r\n\r\n");
                const int status = c->read_status(5s);
                if (c->closed_by_peer() || status == 413) {
                    ++chunked_refused;
                }
            }
        });
    }

    // Wrong passwords for one id after another, each sent when the last was answered.
    void sign_in_flood(int count) {
        threads.emplace_back([this, count] {
            for (int i = 0; running() && i < count; ++i) {
                auto c = RawConnection::open(to, "127.0.0.5", 2s);
                if (!c) {
                    continue;
                }
                ++sign_ins;
                const json body = {
                    {"protocol", 1}, {"staff", "X" + std::to_string(i)}, {"password", "guess-1"}};
                if (c->send(json_request("/v1/console/sign-in", body.dump())) &&
                    c->read_status(5s) == 429) {
                    ++sign_ins_limited;
                }
            }
        });
    }

    void join() {
        for (auto& t : threads) {
            if (t.joinable()) {
                t.join();
            }
        }
    }
};

// A center on loopback with the nginx front of packaging/nginx before it; `to` is where the
// attacks go (the front, or the bare center with COUNTERFOIL_EDGE_BARE=1).
struct Edge {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    NginxFront front{center.port(), tmp / "nginx", make_certificate(tmp / "tls")};
    Endpoint to = bare() ? Endpoint{center.port(), false} : Endpoint{front.port(), true};

    Edge() {
        // A write to a connection the server closed must fail, not end the test.
        std::signal(SIGPIPE, SIG_IGN);
        REQUIRE(health_check(to) > 0);
    }
    long center_kb(const std::string& key) const { return status_kb(center.pid(), key); }
};

} // namespace

TEST_CASE("200 slow connections, a byte a second each, do not keep the health check from "
          "answering within a second") {
    Edge e;
    Attacks attacks(e.to, 8s);
    attacks.slowloris(200);
    std::this_thread::sleep_for(3s); // every slow connection is open
    const Health h = watch_health(e.to, attacks.until - 1s);
    attacks.join();
    MESSAGE("slow connections at once: ", attacks.slow_peak.load(), "; health checks answered ",
            h.ms.size(), ", worst ", h.worst(), " ms, unanswered ", h.unanswered);
    CHECK(attacks.slow_peak >= 200);
    CHECK(h.unanswered == 0);
    CHECK(h.worst() < 1000);
}

TEST_CASE("500,000 headers, or one header of 16 MiB, are refused before the center reads them") {
    Edge e;
    const long before_kb = e.center_kb("VmHWM");
    Attacks attacks(e.to, 20s);
    attacks.header_flood(2);
    attacks.join();
    const long grew_kb = e.center_kb("VmHWM") - before_kb;
    MESSAGE("header floods refused: ", attacks.header_refused.load(), " of ",
            attacks.header_floods.load(), "; the center grew by ", grew_kb / 1024, " MiB");
    CHECK(attacks.header_floods == 2);
    CHECK(attacks.header_refused == 2);
    CHECK(grew_kb < 16 * 1024);
    CHECK(health_check(e.to) > 0);
}

TEST_CASE("a chunked body of 384 MiB to a path without that route is refused at 8 MiB") {
    Edge e;
    Attacks attacks(e.to, 20s);
    attacks.chunked_flood(1);
    attacks.join();
    const long hwm_kb = e.center_kb("VmHWM");
    MESSAGE("chunked body refused: ", attacks.chunked_refused.load(), " after ",
            attacks.chunked_bytes.load() >> 20, " MiB; center VmHWM ", hwm_kb / 1024, " MiB");
    CHECK(attacks.chunked_refused == 1);
    // nginx stopped taking the body at 8 MiB and answered 413; what the client sent after the
    // answer was read and thrown away for at most lingering_time (5 s), never passed on.
    CHECK(e.front.error_log().find("client intended to send too large chunked body: 838") !=
          std::string::npos);
    CHECK(e.center.log().find(R"("method":"PUT")") == std::string::npos);
    CHECK(hwm_kb < 600L * 1024);
    CHECK(health_check(e.to) > 0);
}

TEST_CASE("one source address has at most 32 requests in progress, the next gets 503 busy and "
          "other addresses are served") {
    Edge e;
    // Each sends its head and then waits with the body: a request in progress, held by nginx.
    const std::string waiting = "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 32; ++i) {
        auto c = RawConnection::open(e.to, "127.0.0.6", 2s);
        REQUIRE(c);
        REQUIRE(c->send(waiting));
        held.push_back(std::move(c));
    }
    std::this_thread::sleep_for(500ms); // nginx has read every head
    auto next = RawConnection::open(e.to, "127.0.0.6", 2s);
    REQUIRE(next);
    REQUIRE(next->send(waiting));
    const std::string answer = next->read_all(3s);
    INFO("answer: ", answer);
    CHECK(answer.starts_with("HTTP/1.1 503"));
    CHECK(answer.find(R"("error":"busy")") != std::string::npos);
    CHECK(answer.find("Retry-After: 5") != std::string::npos);
    CHECK(health_check(e.to) > 0);
}

TEST_CASE("under 200 slow connections, header, chunked and sign-in floods at once, the health "
          "check answers within a second, a terminal syncs and the center stays under 600 MB") {
    Edge e;
    auto staff = run_center_with_input(e.center.dir(),
                                       {"staff", "add", "--id", "M01", "--name", "Manager",
                                        "--role", "manager", "--password-stdin"},
                                       std::string(k_password) + "\n");
    REQUIRE_MESSAGE(staff.exit_code == 0, staff.err);
    Terminal k1(e.tmp / "k1", "SZ01", "K1");
    k1.file(20);
    const std::string url = bare() ? e.center.url() : e.front.url();
    auto enrolled = k1.cli({"enroll", "--center", url, "--code", e.center.enroll_code("SZ01"),
                            "--ca", e.front.certificate().cert});
    REQUIRE_MESSAGE(enrolled.exit_code == 0, enrolled.err);

    // 16 s: longer than nginx's 10 s for a whole request head, so slow connections are cut.
    Attacks attacks(e.to, 16s);
    attacks.slowloris(200);
    attacks.header_flood(100);
    attacks.chunked_flood(100);
    attacks.sign_in_flood(2000);
    std::this_thread::sleep_for(4s); // every slow connection is open, the floods are going
    std::atomic<int> synced{-1};
    std::thread sync([&] { synced = k1.sync_once(); });
    const Health h = watch_health(e.to, attacks.until - 1s);
    sync.join();
    attacks.join();

    const long hwm_kb = e.center_kb("VmHWM");
    MESSAGE("health checks: ", h.ms.size(), " answered, worst ", h.worst(), " ms, ", h.unanswered,
            " unanswered within 2 s; sync exit ", synced.load(), "; center VmHWM ", hwm_kb / 1024,
            " MiB; slow connections: at once ", attacks.slow_peak.load(), ", cut by the server ",
            attacks.slow_cut.load(), "; header floods ", attacks.header_floods.load(), " (",
            attacks.header_refused.load(), " refused); chunked floods ",
            attacks.chunked_floods.load(), " (", attacks.chunked_refused.load(), " refused, ",
            attacks.chunked_bytes.load() >> 20, " MiB written); sign-ins ", attacks.sign_ins.load(),
            " (", attacks.sign_ins_limited.load(), " got 429)");

    // The attacks ran as described.
    CHECK(attacks.slow_peak >= 200);
    CHECK(attacks.header_floods >= 2);
    CHECK(attacks.chunked_floods >= 2);
    CHECK(attacks.sign_ins >= 30);
    // What a terminal and whoever watches the center notice.
    CHECK(h.unanswered == 0);
    CHECK(h.worst() < 1000);
    CHECK(synced == 0);
    CHECK(check_exactly_once(center_export(e.center.dir())) == 20);
    CHECK(hwm_kb < 600L * 1024);
    // How: slow heads are cut, the floods refused, the sign-ins limited.
    CHECK(attacks.slow_cut >= 100);
    CHECK(attacks.header_refused == attacks.header_floods);
    CHECK(attacks.chunked_refused == attacks.chunked_floods);
    CHECK(attacks.sign_ins_limited > 0);
}

namespace {

// A sign-in with a wrong password from source, through e.to; the answer's status and JSON.
std::pair<int, json> wrong_sign_in(const Edge& e, const std::string& source, const std::string& id,
                                   const std::string& extra_headers = {}) {
    auto c = RawConnection::open(e.to, source, 2s);
    REQUIRE(c);
    const json body = {{"protocol", 1}, {"staff", id}, {"password", "wrong password"}};
    REQUIRE(c->send(json_request("/v1/console/sign-in", body.dump(), extra_headers)));
    const std::string answer = c->read_all(10s);
    const auto blank = answer.find("\r\n\r\n");
    const bool whole = answer.starts_with("HTTP/1.1 ") && blank != std::string::npos;
    REQUIRE_MESSAGE(whole, answer);
    return {std::atoi(answer.c_str() + 9), json::parse(answer.substr(blank + 4), nullptr, false)};
}

} // namespace

TEST_CASE("behind nginx each client address has its own sign-in count, whatever X-Real-IP a "
          "client sends") {
    Edge e;
    // Ten wrong passwords from one address are free, each claiming to come from elsewhere.
    for (int i = 0; i < 10; ++i) {
        const auto [status, body] =
            wrong_sign_in(e, "127.0.0.7", "U" + std::to_string(i),
                          "X-Real-IP: 198.51.100." + std::to_string(i) + "\r\n");
        CHECK(status == 401);
    }
    const auto [status, body] =
        wrong_sign_in(e, "127.0.0.7", "U10", "X-Real-IP: 198.51.100.10\r\n");
    CHECK(status == 429);
    CHECK(body.value("error", "") == "too_many_attempts");
    // Another address is not held up by the first one's failures.
    CHECK(wrong_sign_in(e, "127.0.0.8", "U11").first == 401);
}

TEST_CASE("serve listens on loopback only, and says nginx is the network-facing listener") {
    TempDir tmp;
    for (const char* listen : {"0.0.0.0:0", "[::]:0", "192.0.2.7:8080", "localhost:8080"}) {
        INFO(listen);
        auto r = run_center(tmp / "center", {"serve", "--listen", listen});
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("loopback only") != std::string::npos);
        CHECK(r.err.find("nginx") != std::string::npos);
        CHECK(r.err.find("docs/OPERATIONS.md") != std::string::npos);
    }
}

TEST_CASE("serve refuses --cert and --key: TLS terminates at nginx") {
    TempDir tmp;
    auto r =
        run_center(tmp / "center", {"serve", "--listen", "127.0.0.1:0", "--cert",
                                    (tmp / "c.pem").string(), "--key", (tmp / "k.pem").string()});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("TLS terminates at nginx") != std::string::npos);
    CHECK(r.err.find("docs/OPERATIONS.md") != std::string::npos);
}
