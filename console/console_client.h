#pragma once
// The console's link to the center: requests go into a queue that one worker thread sends in
// order with its own sync::HttpClient; the answers, already parsed into the contract's types
// (sync/console_messages.h), wait in a mailbox that the UI thread empties once per frame. The
// UI thread never waits on the network. The worker also tracks whether the center answers at
// all: a transport failure (no connection, timeout, TLS) marks it unreachable until the next
// request gets any HTTP answer.

#include "core/clock.h"
#include "sync/console_messages.h"
#include "sync/http_client.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace cf::console {

// What went wrong with one request, as the UI shows it.
struct ConsoleError {
    enum class Kind {
        unreachable, // no HTTP answer: connection refused or cut, timeout, TLS
        refused,     // the center answered with an error status (code, field, message)
        bad_answer,  // the center's answer did not parse
    } kind = Kind::unreachable;
    int status = 0;      // HTTP status for `refused`
    std::string code;    // "bad_credentials", "locked", "wrong_department", ...
    std::string field;   // the field the center named, if any
    std::string message; // for a person (the center's or the transport's words)
    std::optional<core::Millis> locked_until; // 423 locked
};

enum class RequestKind { sign_in, sign_out, queue, ticket, step, dashboard, reports };

using ConsoleAnswer =
    std::variant<std::monostate, sync::SignInResponse, sync::QueueResponse, sync::TicketDetail,
                 sync::ConsoleStepResponse, sync::Dashboard, sync::Reports>;

struct ConsoleReply {
    std::uint64_t id = 0;
    RequestKind kind = RequestKind::queue;
    std::expected<ConsoleAnswer, ConsoleError> result;
};

// Whether the center answered the last request that was sent.
struct Reachability {
    bool reachable = true;
    core::Millis since = 0; // when it last changed (0: never failed)
    std::string last_error; // the last transport failure
};

// How long closing the console waits for its sign-out to reach the center.
inline constexpr std::chrono::milliseconds k_close_wait{2000};

class ConsoleClient {
public:
    // `wake` (may be empty) is called on the worker after each answer is in the mailbox.
    ConsoleClient(sync::HttpOptions options, const core::Clock& clock,
                  std::function<void()> wake = {});
    // Sends the sign-outs still queued, for at most k_close_wait, and drops other requests.
    ~ConsoleClient();
    ConsoleClient(const ConsoleClient&) = delete;
    ConsoleClient& operator=(const ConsoleClient&) = delete;

    // Queues a request and returns its id at once. `body` is POSTed when present, else GET.
    std::uint64_t send(RequestKind kind, std::string path, std::optional<nlohmann::json> body,
                       std::string token);
    // The answers that arrived since the last call, oldest first.
    std::vector<ConsoleReply> poll();
    // Requests sent whose answers were not taken by poll() yet.
    int pending() const { return m_pending.load(); }
    Reachability reachability() const;

private:
    struct Request {
        std::uint64_t id = 0;
        RequestKind kind = RequestKind::queue;
        std::string path;
        std::optional<nlohmann::json> body;
        std::string token;
    };
    void run();
    ConsoleReply perform(sync::HttpClient& http, const Request& r);

    sync::HttpOptions m_options;
    const core::Clock& m_clock;
    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<Request> m_queue;
    std::vector<ConsoleReply> m_mailbox;
    Reachability m_reach;
    std::uint64_t m_next_id = 1;
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_stop{false};
    bool m_closing = false; // the destructor runs: send what is queued (sign-outs), then end
    bool m_done = false;    // the worker has ended
    std::thread m_thread;
};

// The answer of a center that refused (status >= 400) as a ConsoleError; the body is the
// ErrorBody of docs/SYNC_PROTOCOL.md, read leniently (a proxy may answer with plain text).
ConsoleError refused_error(int status, const std::string& body);

} // namespace cf::console
