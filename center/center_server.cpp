// [SECTION] plumbing: bodies, errors, auth, logging
// [SECTION] routes
#include "center/center_server.h"

#include "center/console_routes.h"
#include "center/cpu_slots.h"
#include "center/loopback.h"

#include "core/ticket_json.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/push_parser.h"
#include "sync/request_body.h"

#include <httplib.h>

#include <sys/socket.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <functional>

namespace cf::center {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// What a route handler produces: an answer body, or an error. Large answers (a pull page)
// are written as JSON text directly (TextAnswer).
using Answer = CenterResult<json>;
using TextAnswer = CenterResult<std::string>;

TextAnswer as_text(Answer&& answer) {
    if (!answer) {
        return std::unexpected(std::move(answer.error()));
    }
    return answer->dump(-1, ' ', false, json::error_handler_t::replace);
}

TextAnswer as_text(TextAnswer&& answer) {
    return std::move(answer);
}

struct RequestInfo {
    std::string device; // for the log: who asked
    json log_fields = json::object();
};

double milliseconds(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// Every error answer fits in this, whatever the client sent: a message or field that repeats
// a client's text is cut (issue 13: a 4 MiB key once came back in an 8 MiB answer).
constexpr std::size_t k_max_error_bytes = 4096;

// Requests on one keep-alive connection before the center closes it (nginx's upstream
// keepalive_requests in packaging/nginx is the same).
constexpr std::size_t k_keep_alive_max_requests = 100;

// text cut to at most max bytes, between UTF-8 characters, marked with "…" when cut.
std::string cut_text(std::string_view text, std::size_t max) {
    if (text.size() <= max) {
        return std::string(text);
    }
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return std::string(text.substr(0, end)) + "…";
}

json error_json(const std::string& epoch, const CenterError& e, std::size_t message_bytes) {
    sync::ErrorBody body;
    body.epoch = epoch;
    body.error = e.code;
    body.field = cut_text(e.field, message_bytes / 4);
    body.message = cut_text(e.message, message_bytes);
    body.index = e.index;
    body.event_id = e.event_id ? std::optional(cut_text(*e.event_id, 64)) : std::nullopt;
    body.expected_seq = e.expected_seq;
    json j = sync::to_json(body);
    if (e.locked_until) {
        j["locked_until"] = *e.locked_until;
    }
    return j;
}

// The error answer's text, within k_max_error_bytes: the message is cut shorter until it fits
// (escapes can make a text up to six times longer in JSON).
std::string error_text(const std::string& epoch, const CenterError& e) {
    std::size_t budget = 2048;
    while (true) {
        std::string text =
            error_json(epoch, e, budget).dump(-1, ' ', false, json::error_handler_t::replace);
        if (text.size() <= k_max_error_bytes || budget < 64) {
            return text;
        }
        budget /= 2;
    }
}

// Seconds until a throttled sign-in may be tried again (Retry-After), at least one.
std::string retry_after(const CenterError& e, core::Millis now) {
    if (e.locked_until) {
        return std::to_string(std::max<core::Millis>(1, (*e.locked_until - now + 999) / 1000));
    }
    return "1";
}

std::string bearer_token(const httplib::Request& req) {
    const std::string h = req.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    return h.starts_with(prefix) ? h.substr(prefix.size()) : std::string();
}

// Who sent the request, for per-address limits: behind the nginx front every TCP peer is
// nginx on loopback, which names the client in X-Real-IP (one header, set by nginx itself).
std::string source_address(const httplib::Request& req) {
    const bool one_header = req.get_header_value_count("X-Real-IP") == 1;
    return client_address(req.remote_addr, one_header ? req.get_header_value("X-Real-IP") : "");
}

// A console request as the console routes read it; the body comes later, for a POST.
ConsoleCall console_call(const httplib::Request& req) {
    return ConsoleCall{.token = bearer_token(req),
                       .number = req.matches.size() > 1 ? req.matches[1].str() : "",
                       .params = req.params,
                       .body = json(),
                       .source = source_address(req),
                       .who = {},
                       .log_fields = json::object()};
}

json ticket_json(const core::Ticket& t) {
    return core::to_json(t, core::PiiMode::masked);
}

// The step as the console token makes it: its name, role and department act, never what the
// body says. A body that names another one is refused, so a script that thinks it acts as a
// manager learns that it does not.
CenterResult<void> act_as_token(const Principal& who, sync::StepRequest& step) {
    const std::string role(core::to_string(who.role));
    const std::pair<const char*, std::pair<std::string*, const std::string*>> claims[] = {
        {"actor", {&step.actor, &who.device}},
        {"role", {&step.role, &role}},
        {"department", {&step.department, &who.department}},
    };
    for (const auto& [field, claim] : claims) {
        auto& [claimed, own] = claim;
        if (!claimed->empty() && *claimed != *own) {
            return center_error(
                403, "wrong_role",
                std::string(field) + ": this console token acts as " + who.device + " (" + role +
                    (who.department.empty() ? "" : ", " + who.department) + "), not '" + *claimed +
                    "'; make a token for that with counterfoil-center "
                    "console-token --role ROLE",
                field);
        }
        *claimed = *own;
    }
    return {};
}

json event_json(const core::Event& e) {
    json j = core::to_json(e);
    // The create payload holds sealed personal data: never over the console API.
    if (e.kind == core::k_create_kind) {
        j["payload"] = json::object();
    }
    return j;
}

} // namespace

struct CenterServer::Impl {
    CenterStorage& storage;
    const core::Clock& clock;
    JsonLog& log;
    ServeOptions options;
    std::unique_ptr<httplib::Server> server;

    Impl(CenterStorage& s, const core::Clock& c, JsonLog& l, ServeOptions o)
        : storage(s), clock(c), log(l), options(std::move(o)) {}

    // ============================================ [SECTION] plumbing: bodies, errors, auth,
    // logging

    void respond(const httplib::Request& req, httplib::Response& res, TextAnswer&& answer,
                 const RequestInfo& info, Clock::time_point started) {
        if (answer) {
            res.status = 200;
            res.set_content(std::move(*answer), "application/json");
        } else {
            res.status = answer.error().status;
            res.set_content(error_text(storage.epoch(), answer.error()), "application/json");
            if (res.status == 423 || res.status == 429 || res.status == 503) {
                res.set_header("Retry-After", retry_after(answer.error(), clock.now()));
            }
        }
        json fields = {
            {"method", req.method},
            {"path", req.path},
            {"status", res.status},
            {"ms", std::chrono::duration<double, std::milli>(Clock::now() - started).count()}};
        if (!info.device.empty()) {
            fields["device"] = info.device;
        }
        if (!answer) {
            fields["error"] = answer.error().code;
            fields["field"] = answer.error().field;
        }
        for (const auto& [k, v] : info.log_fields.items()) {
            fields[k] = v;
        }
        log.write(res.status >= 500   ? "error"
                  : res.status >= 400 ? "warn"
                                      : "info",
                  "request", fields);
    }

    // A body announced with its length is read into one allocation, not grown by doubling
    // (a push of 1,000 events is about a megabyte). Compressed bodies grow as they inflate.
    void reserve_body(const httplib::Request& req, std::string& body) const {
        if (req.has_header("Content-Encoding")) {
            return;
        }
        const std::string length = req.get_header_value("Content-Length");
        std::size_t n = 0;
        const auto r = std::from_chars(length.data(), length.data() + length.size(), n);
        if (r.ec == std::errc() && n <= options.max_body_bytes) {
            body.reserve(n);
        }
    }

    // Reads the body through httplib (which undoes gzip) and stops at the limit, also for a
    // chunked or compressed body whose length was not announced.
    CenterResult<json> read_json(const httplib::Request& req, const httplib::ContentReader& reader,
                                 httplib::Response& res) {
        auto body = read_body(req, reader, res);
        if (!body) {
            return std::unexpected(body.error());
        }
        auto parsed = sync::parse_request_body(*body);
        if (!parsed) {
            return std::unexpected(from_protocol(parsed.error()));
        }
        return std::move(*parsed);
    }

    // The body as text, within the limit (read_json without the parse).
    CenterResult<std::string> read_body(const httplib::Request& req,
                                        const httplib::ContentReader& reader,
                                        httplib::Response& res) {
        std::string body;
        reserve_body(req, body);
        bool too_big = false;
        const bool ok = reader([&](const char* data, std::size_t n) {
            if (body.size() + n > options.max_body_bytes) {
                too_big = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        if (too_big || res.status == 413) {
            res.set_header("Connection", "close");
            return center_error(413, "body_too_large",
                                "the body is larger than " +
                                    std::to_string(options.max_body_bytes) +
                                    " bytes; send smaller batches");
        }
        if (!ok) {
            res.set_header("Connection", "close");
            return center_error(400, "unreadable_body",
                                "the body could not be read (broken gzip data or a cut "
                                "connection)");
        }
        return body;
    }

    CenterResult<Principal> authenticate(const httplib::Request& req, RequestInfo& info,
                                         Principal::Kind kind) {
        auto who = storage.authenticate(bearer_token(req), clock.now());
        if (!who) {
            return who;
        }
        info.device = who->device;
        if (who->kind != kind) {
            return center_error(403, "wrong_scope",
                                kind == Principal::Kind::device
                                    ? "this endpoint is for enrolled devices"
                                    : "this endpoint is for the center console");
        }
        return who;
    }

    // Wraps a handler so no exception from a library escapes into httplib, and every answer
    // is logged.
    template <class F> auto guarded(F handler) {
        return [this, handler](const httplib::Request& req, httplib::Response& res,
                               const httplib::ContentReader& reader) {
            const auto started = Clock::now();
            RequestInfo info;
            TextAnswer answer = center_error(500, "internal", "the request failed");
            try {
                answer = as_text(handler(req, res, reader, info));
            } catch (const std::exception& e) {
                answer =
                    center_error(500, "internal", std::string("the center failed: ") + e.what());
            }
            respond(req, res, std::move(answer), info, started);
        };
    }

    template <class F> auto guarded_get(F handler) {
        return [this, handler](const httplib::Request& req, httplib::Response& res) {
            const auto started = Clock::now();
            RequestInfo info;
            TextAnswer answer = center_error(500, "internal", "the request failed");
            try {
                answer = as_text(handler(req, info));
            } catch (const std::exception& e) {
                answer =
                    center_error(500, "internal", std::string("the center failed: ") + e.what());
            }
            respond(req, res, std::move(answer), info, started);
        };
    }

    // A console route (console_routes.h): the call read from the request, the answer logged.
    template <class F> auto console_get(F handler) {
        return guarded_get([this, handler](const httplib::Request& req, RequestInfo& info) {
            ConsoleCall call = console_call(req);
            auto answer = handler(ConsoleContext{storage, clock.now(), options.session_ttl}, call);
            info.device = call.who;
            info.log_fields = std::move(call.log_fields);
            return answer;
        });
    }
    template <class F> auto console_post(F handler) {
        return guarded([this, handler](const httplib::Request& req, httplib::Response& res,
                                       const httplib::ContentReader& reader,
                                       RequestInfo& info) -> Answer {
            ConsoleCall call = console_call(req);
            // An empty body reads as {}: sign-out needs none, the others then name what is
            // missing.
            auto text = read_body(req, reader, res);
            if (!text) {
                return std::unexpected(text.error());
            }
            auto body = text->empty() ? sync::Parsed<json>(json::object())
                                      : sync::parse_request_body(*text);
            if (!body) {
                return std::unexpected(from_protocol(body.error()));
            }
            call.body = std::move(*body);
            auto answer = handler(ConsoleContext{storage, clock.now(), options.session_ttl}, call);
            info.device = call.who;
            info.log_fields = std::move(call.log_fields);
            return answer;
        });
    }

    // ==================================================================== [SECTION] routes

    void install_routes() {
        using Reader = httplib::ContentReader;
        const std::string tickets = sync::k_path_console_tickets;
        server->Post(sync::k_path_console_sign_in, console_post(console_sign_in));
        server->Post(sync::k_path_console_sign_out, console_post(console_sign_out));
        server->Get(sync::k_path_console_queue, console_get(console_queue));
        server->Get(tickets + "/([^/]+)", console_get(console_ticket));
        server->Post(tickets + "/([^/]+)/steps", console_post(console_step));
        server->Get(sync::k_path_console_dashboard, console_get(console_dashboard));
        server->Get(sync::k_path_console_reports, console_get(console_reports));
        server->Get(sync::k_path_health,
                    guarded_get([this](const httplib::Request&, RequestInfo&) -> Answer {
                        return json{{"protocol", sync::k_protocol_version},
                                    {"status", "ok"},
                                    {"epoch", storage.epoch()}};
                    }));

        server->Post(sync::k_path_enroll,
                     guarded([this](const httplib::Request& req, httplib::Response& res,
                                    const Reader& reader, RequestInfo& info) -> Answer {
                         auto body = read_json(req, reader, res);
                         if (!body) {
                             return std::unexpected(body.error());
                         }
                         auto request = sync::parse_enroll_request(*body);
                         if (!request) {
                             return std::unexpected(from_protocol(request.error()));
                         }
                         info.device = request->branch + "/" + request->terminal;
                         auto enrolled = storage.enroll(*request, clock.now());
                         if (!enrolled) {
                             return std::unexpected(enrolled.error());
                         }
                         return sync::to_json(*enrolled);
                     }));

        server->Get(sync::k_path_device,
                    guarded_get([this](const httplib::Request& req, RequestInfo& info) -> Answer {
                        auto who = authenticate(req, info, Principal::Kind::device);
                        if (!who) {
                            return std::unexpected(who.error());
                        }
                        auto status = storage.device_status(*who, clock.now());
                        if (!status) {
                            return std::unexpected(status.error());
                        }
                        return sync::to_json(*status);
                    }));

        server->Post(sync::k_path_push,
                     guarded([this](const httplib::Request& req, httplib::Response& res,
                                    const Reader& reader, RequestInfo& info) -> Answer {
                         auto who = authenticate(req, info, Principal::Kind::device);
                         if (!who) {
                             return std::unexpected(who.error());
                         }
                         const auto t0 = Clock::now();
                         auto body = read_body(req, reader, res);
                         if (!body) {
                             return std::unexpected(body.error());
                         }
                         // Read straight into the batch: no DOM of the whole body.
                         auto batch = [&] {
                             CpuSlots::Slot slot(CpuSlots::for_pushes());
                             return sync::parse_push_body(*body);
                         }();
                         if (!batch) {
                             return std::unexpected(from_protocol(batch.error()));
                         }
                         const auto t1 = Clock::now();
                         info.log_fields["events"] = batch->events.size();
                         info.log_fields["skips"] = batch->skips.size();
                         auto answer = storage.push(*who, *batch, clock.now());
                         // Where the time went: reading and parsing, then storing.
                         info.log_fields["ms_read"] = milliseconds(t1 - t0);
                         info.log_fields["ms_store"] = milliseconds(Clock::now() - t1);
                         if (!answer) {
                             return std::unexpected(answer.error());
                         }
                         info.log_fields["acked_seq"] = answer->acked_seq;
                         return sync::to_json(*answer);
                     }));

        server->Post(sync::k_path_pull,
                     guarded([this](const httplib::Request& req, httplib::Response& res,
                                    const Reader& reader, RequestInfo& info) -> TextAnswer {
                         auto who = authenticate(req, info, Principal::Kind::device);
                         if (!who) {
                             return std::unexpected(who.error());
                         }
                         auto body = read_json(req, reader, res);
                         if (!body) {
                             return std::unexpected(body.error());
                         }
                         auto request = sync::parse_pull_request(*body);
                         if (!request) {
                             return std::unexpected(from_protocol(request.error()));
                         }
                         info.log_fields["limit"] = request->limit;
                         return storage.pull(*who, *request);
                     }));

        server->Get(
            sync::k_path_center_tickets,
            guarded_get([this](const httplib::Request& req, RequestInfo& info) -> Answer {
                auto who = authenticate(req, info, Principal::Kind::console);
                if (!who) {
                    return std::unexpected(who.error());
                }
                CenterQuery query;
                if (req.has_param("state")) {
                    query.state = core::parse_state(req.get_param_value("state"));
                    if (!query.state) {
                        return center_error(400, "invalid_value", "state: unknown state", "state");
                    }
                }
                query.branch = req.get_param_value("branch");
                if (req.has_param("limit")) {
                    try {
                        query.limit = std::clamp(std::stoi(req.get_param_value("limit")), 1, 1000);
                    } catch (const std::exception&) {
                        return center_error(400, "wrong_type", "limit: must be a whole number",
                                            "limit");
                    }
                }
                auto list = storage.list(query);
                if (!list) {
                    return std::unexpected(list.error());
                }
                json arr = json::array();
                for (const auto& t : *list) {
                    arr.push_back(ticket_json(t));
                }
                return json{{"protocol", sync::k_protocol_version},
                            {"epoch", storage.epoch()},
                            {"tickets", std::move(arr)}};
            }));

        server->Get(R"(/v1/center/tickets/([^/]+))",
                    guarded_get([this](const httplib::Request& req, RequestInfo& info) -> Answer {
                        auto who = authenticate(req, info, Principal::Kind::console);
                        if (!who) {
                            return std::unexpected(who.error());
                        }
                        auto found = storage.get(req.matches[1].str());
                        if (!found) {
                            return std::unexpected(found.error());
                        }
                        json t = ticket_json(found->ticket);
                        t["events"] = json::array();
                        for (const auto& e : found->events) {
                            t["events"].push_back(event_json(e));
                        }
                        return json{{"protocol", sync::k_protocol_version},
                                    {"epoch", storage.epoch()},
                                    {"ticket", std::move(t)}};
                    }));

        server->Post(R"(/v1/center/tickets/([^/]+)/steps)",
                     guarded([this](const httplib::Request& req, httplib::Response& res,
                                    const Reader& reader, RequestInfo& info) -> Answer {
                         auto who = authenticate(req, info, Principal::Kind::console);
                         if (!who) {
                             return std::unexpected(who.error());
                         }
                         auto body = read_json(req, reader, res);
                         if (!body) {
                             return std::unexpected(body.error());
                         }
                         auto step = sync::parse_step_request(*body);
                         if (!step) {
                             return std::unexpected(from_protocol(step.error()));
                         }
                         info.log_fields["step"] = step->step;
                         if (auto own = act_as_token(*who, *step); !own) {
                             return std::unexpected(own.error());
                         }
                         auto t = storage.act(req.matches[1].str(), *step, clock.now());
                         if (!t) {
                             return std::unexpected(t.error());
                         }
                         return json{{"protocol", sync::k_protocol_version},
                                     {"epoch", storage.epoch()},
                                     {"ticket", ticket_json(*t)}};
                     }));

        server->Get(sync::k_path_center_overdue,
                    guarded_get([this](const httplib::Request& req, RequestInfo& info) -> Answer {
                        auto who = authenticate(req, info, Principal::Kind::console);
                        if (!who) {
                            return std::unexpected(who.error());
                        }
                        auto lists = storage.overdue(clock.now());
                        if (!lists) {
                            return std::unexpected(lists.error());
                        }
                        json handling = json::array();
                        json ticket = json::array();
                        for (const auto& t : lists->handling) {
                            handling.push_back(ticket_json(t));
                        }
                        for (const auto& t : lists->ticket) {
                            ticket.push_back(ticket_json(t));
                        }
                        return json{{"protocol", sync::k_protocol_version},
                                    {"epoch", storage.epoch()},
                                    {"handling", std::move(handling)},
                                    {"ticket", std::move(ticket)}};
                    }));

        server->Post(sync::k_path_center_assets,
                     guarded([this](const httplib::Request& req, httplib::Response& res,
                                    const Reader& reader, RequestInfo& info) -> Answer {
                         auto who = authenticate(req, info, Principal::Kind::console);
                         if (!who) {
                             return std::unexpected(who.error());
                         }
                         // The category tree, forms and policy of every terminal: a manager's.
                         if (who->role != core::Role::manager) {
                             return center_error(
                                 403, "wrong_role",
                                 "this console token acts as " + who->device + " (" +
                                     std::string(core::to_string(who->role)) +
                                     "); only a manager's token publishes assets (counterfoil-"
                                     "center console-token --role manager)",
                                 "role");
                         }
                         auto body = read_json(req, reader, res);
                         if (!body) {
                             return std::unexpected(body.error());
                         }
                         auto asset = sync::parse_asset_publish_request(*body);
                         if (!asset) {
                             return std::unexpected(from_protocol(asset.error()));
                         }
                         auto version = storage.publish_asset(*asset, clock.now());
                         if (!version) {
                             return std::unexpected(version.error());
                         }
                         info.log_fields["asset"] = asset->name;
                         return json{{"protocol", sync::k_protocol_version},
                                     {"epoch", storage.epoch()},
                                     {"name", asset->name},
                                     {"version", *version}};
                     }));

        // Errors httplib finds itself (no such route, a body over the announced limit, a
        // request it cannot parse) get the same JSON shape.
        server->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty()) {
                return; // a route already answered with its own JSON error
            }
            CenterError e;
            e.status = res.status;
            if (res.status == 404) {
                e.code = "not_found";
                e.message = "there is no endpoint " + req.method + " " + req.path;
            } else if (res.status == 413) {
                e.code = "body_too_large";
                e.message = "the body is larger than " + std::to_string(options.max_body_bytes) +
                            " bytes; send smaller batches";
            } else {
                e.code = "bad_request";
                e.message = "the request could not be read";
            }
            res.set_content(error_text(storage.epoch(), e), "application/json");
            log.write("warn", "request",
                      {{"method", req.method},
                       {"path", req.path},
                       {"status", res.status},
                       {"error", e.code}});
        });
        server->set_exception_handler([this](const httplib::Request&, httplib::Response& res,
                                             std::exception_ptr) {
            res.status = 500;
            res.set_content(
                error_text(storage.epoch(),
                           CenterError{500, "internal", "the center failed", {}, {}, {}, {}, {}}),
                "application/json");
        });
    }
};

CenterServer::CenterServer(CenterStorage& storage, const core::Clock& clock, JsonLog& log,
                           ServeOptions options)
    : m_impl(std::make_unique<Impl>(storage, clock, log, std::move(options))) {}

CenterServer::~CenterServer() = default;

core::Result<int> CenterServer::bind() {
    auto& o = m_impl->options;
    // Plain HTTP on loopback: TLS, slow clients and oversized requests are nginx's
    // (docs/SECURITY.md, "The network edge"); serve refuses any other address.
    if (!is_loopback(o.host)) {
        return core::fail(core::ErrorCode::invalid_input,
                          "the center listens on loopback only (127.0.0.1 or ::1), not " + o.host +
                              "; nginx in front of it is the network-facing listener "
                              "(docs/OPERATIONS.md, \"nginx in front\")");
    }
    m_impl->server = std::make_unique<httplib::Server>();
    auto& s = *m_impl->server;
    const int threads = std::max(1, o.threads);
    s.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    s.set_payload_max_length(o.max_body_bytes);
    // Answers are written in pieces; without this, Nagle and delayed ACKs add 40 ms to each.
    s.set_tcp_nodelay(true);
    // A second line behind nginx, which sends whole requests at once: these bound what one
    // connection holds of a thread if something reaches the center directly.
    s.set_read_timeout(10, 0);
    s.set_write_timeout(30, 0);
    // Short, so a graceful stop does not wait long for idle keep-alive connections; nginx
    // closes its idle upstream connections after 2 s, before this.
    s.set_keep_alive_timeout(3);
    s.set_keep_alive_max_count(k_keep_alive_max_requests);
    // httplib listens with a backlog of 5 (compiled into Debian's libcpp-httplib). When 200
    // terminals connect at once the accept queue overflows, the kernel answers with SYN
    // cookies, and the connections whose cookie comes back while the queue is still full are
    // reset (TcpExtListenOverflows, TcpExtSyncookiesFailed). Remember the listening socket so
    // its backlog can be raised after the bind below: listen() on a listening socket only
    // changes the backlog.
    int listen_fd = -1;
    s.set_socket_options([&listen_fd](socket_t sock) {
        httplib::default_socket_options(sock);
        listen_fd = sock;
    });
    m_impl->install_routes();
    int port = o.port;
    if (port == 0) {
        port = s.bind_to_any_port(o.host);
        if (port < 0) {
            port = 0;
        }
    } else if (!s.bind_to_port(o.host, port)) {
        port = 0;
    }
    if (port == 0) {
        return core::fail(core::ErrorCode::storage,
                          "cannot listen on " + o.host + ":" + std::to_string(o.port) +
                              " (address in use, or not an address of this machine)");
    }
    if (listen_fd < 0 || ::listen(listen_fd, SOMAXCONN) != 0) {
        return core::fail(core::ErrorCode::storage, "cannot raise the listen backlog on " + o.host +
                                                        ":" + std::to_string(port) + ": " +
                                                        std::strerror(errno));
    }
    s.set_socket_options(httplib::default_socket_options);
    return port;
}

void CenterServer::run() {
    m_impl->server->listen_after_bind();
}

bool CenterServer::running() const {
    return m_impl->server && m_impl->server->is_running();
}

void CenterServer::stop() {
    if (m_impl->server) {
        m_impl->server->stop();
    }
}

} // namespace cf::center
