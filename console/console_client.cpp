#include "console/console_client.h"

namespace cf::console {

namespace {

// Parses a 200 answer into the type the request kind expects.
std::expected<ConsoleAnswer, ConsoleError> parse_answer(RequestKind kind, const std::string& body) {
    if (kind == RequestKind::sign_out) {
        return ConsoleAnswer{};
    }
    nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        return std::unexpected(ConsoleError{ConsoleError::Kind::bad_answer, 200, "malformed_json",
                                            "", "the center's answer is not JSON", std::nullopt});
    }
    auto fail = [](const sync::ProtocolError& e) {
        return std::unexpected(ConsoleError{ConsoleError::Kind::bad_answer, 200, e.code, e.field,
                                            e.message, std::nullopt});
    };
    switch (kind) {
    case RequestKind::sign_in:
        if (auto m = sync::parse_sign_in_response(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::queue:
        if (auto m = sync::parse_queue_response(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::ticket:
        if (auto m = sync::parse_ticket_detail(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::step:
        if (auto m = sync::parse_console_step_response(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::dashboard:
        if (auto m = sync::parse_dashboard(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::reports:
        if (auto m = sync::parse_reports(j)) {
            return ConsoleAnswer{std::move(*m)};
        } else {
            return fail(m.error());
        }
    case RequestKind::sign_out:
        break;
    }
    return ConsoleAnswer{};
}

std::string text_member(const nlohmann::json& j, const char* name) {
    const auto it = j.find(name);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

ConsoleError refused_error(int status, const std::string& body) {
    ConsoleError e;
    e.kind = ConsoleError::Kind::refused;
    e.status = status;
    const nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_object()) {
        e.code = text_member(j, "error");
        e.field = text_member(j, "field");
        e.message = text_member(j, "message");
        if (const auto it = j.find("locked_until"); it != j.end() && it->is_number_integer()) {
            e.locked_until = it->get<core::Millis>();
        }
    }
    if (e.message.empty()) {
        e.message = "HTTP " + std::to_string(status);
    }
    return e;
}

ConsoleClient::ConsoleClient(sync::HttpOptions options, const core::Clock& clock,
                             std::function<void()> wake)
    : m_options(std::move(options)), m_clock(clock), m_wake(std::move(wake)) {
    m_thread = std::thread([this] { run(); });
}

ConsoleClient::~ConsoleClient() {
    // Only sign-outs are still worth sending (the session should end on the center too); the
    // worker gets k_close_wait for them, then a request in flight is cancelled.
    std::unique_lock lock(m_mutex);
    std::erase_if(m_queue, [](const Request& r) { return r.kind != RequestKind::sign_out; });
    m_closing = true;
    m_cv.notify_all();
    if (!m_cv.wait_for(lock, k_close_wait, [this] { return m_done; })) {
        m_stop = true;
        m_cv.notify_all();
    }
    lock.unlock();
    m_thread.join();
}

std::uint64_t ConsoleClient::send(RequestKind kind, std::string path,
                                  std::optional<nlohmann::json> body, std::string token) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_next_id++;
        m_queue.push_back(Request{id, kind, std::move(path), std::move(body), std::move(token)});
        ++m_pending;
    }
    m_cv.notify_one();
    return id;
}

std::vector<ConsoleReply> ConsoleClient::poll() {
    std::vector<ConsoleReply> out;
    {
        std::lock_guard lock(m_mutex);
        out.swap(m_mailbox);
    }
    m_pending -= static_cast<int>(out.size());
    return out;
}

Reachability ConsoleClient::reachability() const {
    std::lock_guard lock(m_mutex);
    return m_reach;
}

ConsoleReply ConsoleClient::perform(sync::HttpClient& http, const Request& r) {
    ConsoleReply reply;
    reply.id = r.id;
    reply.kind = r.kind;
    auto answer = r.body ? http.post(r.path, *r.body, r.token) : http.get(r.path, r.token);
    {
        std::lock_guard lock(m_mutex);
        const bool reachable = answer.has_value();
        if (reachable != m_reach.reachable) {
            m_reach.reachable = reachable;
            m_reach.since = m_clock.now();
        }
        if (!reachable) {
            m_reach.last_error = answer.error().message;
        }
    }
    if (!answer) {
        reply.result =
            std::unexpected(ConsoleError{ConsoleError::Kind::unreachable, 0, "unreachable", "",
                                         answer.error().message, std::nullopt});
        return reply;
    }
    if (answer->status >= 300) {
        reply.result = std::unexpected(refused_error(answer->status, answer->body));
        return reply;
    }
    reply.result = parse_answer(r.kind, answer->body);
    return reply;
}

void ConsoleClient::run() {
    sync::HttpClient http(m_options);
    http.set_cancel_flag(&m_stop);
    for (;;) {
        Request r;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || m_closing || !m_queue.empty(); });
            if (m_stop || (m_closing && m_queue.empty())) {
                m_done = true;
                m_cv.notify_all();
                return;
            }
            r = std::move(m_queue.front());
            m_queue.pop_front();
        }
        ConsoleReply reply = perform(http, r);
        {
            std::lock_guard lock(m_mutex);
            m_mailbox.push_back(std::move(reply));
        }
        if (m_wake) {
            m_wake();
        }
    }
}

} // namespace cf::console
