// [SECTION] wire conversion
// [SECTION] one pass: device check, push, pull
// [SECTION] enrolment
#include "sync/sync_client.h"

#include "core/sync_state.h"
#include "sync/asset_files.h"
#include "sync/json_fields.h"
#include "sync/json_text.h"

#include <future>
#include <map>

namespace cf::sync {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* k_customer_fields[] = {"name", "phone", "email", "customer_no", "order_no"};

SyncError storage_failure(const core::Error& e) {
    return SyncError{SyncError::Kind::storage, e.message};
}

SyncError transport_failure(const TransportError& e, const std::string& url) {
    switch (e.kind) {
    case TransportError::Kind::tls:
        return SyncError{SyncError::Kind::unreachable,
                         "the center " + url + " did not prove its identity: " + e.message};
    case TransportError::Kind::cancelled:
        return SyncError{SyncError::Kind::cancelled, "sync was stopped"};
    default:
        return SyncError{SyncError::Kind::unreachable,
                         "cannot reach the center " + url + ": " + e.message};
    }
}

// ======================================================= [SECTION] wire conversion

// A local event as it is sent: a create carries the customer opened from the local seal.
core::Result<WireEvent> to_wire(const core::Event& e, const core::PiiSealer& sealer) {
    WireEvent w;
    w.id = e.id;
    w.ticket_id = e.ticket_id;
    w.origin_device = e.origin_device;
    w.device_seq = e.device_seq;
    w.hlc = e.hlc;
    w.actor = e.actor;
    w.actor_role = e.actor_role;
    w.kind = e.kind;
    if (e.kind != core::k_create_kind) {
        w.payload = e.payload.is_object() ? e.payload : json::object();
        return w;
    }
    json customer = json::object();
    const json sealed = e.payload.value("customer_sealed", json::object());
    for (const char* field : k_customer_fields) {
        auto it = sealed.find(field);
        if (it == sealed.end() || !it->is_string()) {
            continue;
        }
        auto blob = core::from_base64(it->get<std::string>());
        if (!blob) {
            return core::fail(core::ErrorCode::corrupt,
                              "event " + e.id + ": a sealed customer field is damaged");
        }
        auto plain = sealer.open(*blob, e.ticket_id, field);
        if (!plain) {
            return std::unexpected(plain.error());
        }
        customer[field] = std::move(*plain);
    }
    w.payload = json{{"ticket", e.payload.value("ticket", json::object())},
                     {"customer", std::move(customer)}};
    return w;
}

// The same as to_wire, written as the event's JSON text straight from the stored row: the
// payload is spliced in as stored (a create's ticket too), only the sealed customer is opened.
// Fails with corrupt when the row does not read back.
core::Result<void> append_wire_text(std::string& out, const core::StoredEventText& e,
                                    const core::PiiSealer& sealer) {
    static constexpr std::string_view k_ticket_prefix = R"({"ticket":)";
    static constexpr std::string_view k_sealed_key = R"(,"customer_sealed":)";
    if (!e.payload_valid) {
        return core::fail(core::ErrorCode::corrupt,
                          "event " + e.id + ": the stored payload is damaged");
    }
    std::string_view payload = e.payload;
    out += '{';
    append_json_key(out, "id", true);
    append_json_string(out, e.id);
    append_json_key(out, "ticket_id");
    append_json_string(out, e.ticket_id);
    append_json_key(out, "origin_device");
    append_json_string(out, e.origin_device);
    append_json_key(out, "device_seq");
    append_json_int(out, e.device_seq);
    append_json_key(out, "hlc");
    append_json_int(out, static_cast<std::int64_t>(e.hlc));
    append_json_key(out, "actor");
    append_json_string(out, e.actor);
    append_json_key(out, "actor_role");
    append_json_string(
        out, core::to_string(core::parse_role(e.actor_role).value_or(core::Role::frontdesk)));
    append_json_key(out, "kind");
    append_json_string(out, e.kind);
    append_json_key(out, "payload");
    if (e.kind != core::k_create_kind) {
        // A step's payload travels as stored, when it is an object (json_valid said it parses).
        out += payload.starts_with('{') ? payload : std::string_view("{}");
        out += '}';
        return {};
    }
    // Stored as {"ticket":BODY,"customer_sealed":{...}} (filing and apply_remote write it so).
    // The sealed object holds base64 texts only, so the key's last occurrence is the real one.
    const auto sealed_at = payload.rfind(k_sealed_key);
    if (!payload.starts_with(k_ticket_prefix) || sealed_at == std::string_view::npos ||
        !payload.ends_with('}')) {
        core::Event parsed;
        parsed.id = e.id;
        parsed.ticket_id = e.ticket_id;
        parsed.kind = e.kind;
        parsed.payload = json::parse(payload, nullptr, false);
        if (!parsed.payload.is_object()) {
            return core::fail(core::ErrorCode::corrupt,
                              "event " + e.id + ": the stored payload is damaged");
        }
        auto w = to_wire(parsed, sealer);
        if (!w) {
            return std::unexpected(w.error());
        }
        out += w->payload.dump(-1, ' ', false, json::error_handler_t::replace);
        out += '}';
        return {};
    }
    const json sealed =
        json::parse(payload.substr(sealed_at + k_sealed_key.size(),
                                   payload.size() - 1 - sealed_at - k_sealed_key.size()),
                    nullptr, false);
    if (!sealed.is_object()) {
        return core::fail(core::ErrorCode::corrupt,
                          "event " + e.id + ": a sealed customer field is damaged");
    }
    out += payload.substr(0, sealed_at);
    out += R"(,"customer":{)";
    bool first = true;
    for (const char* field : k_customer_fields) {
        auto it = sealed.find(field);
        if (it == sealed.end() || !it->is_string()) {
            continue;
        }
        auto blob = core::from_base64(it->get_ref<const std::string&>());
        if (!blob) {
            return core::fail(core::ErrorCode::corrupt,
                              "event " + e.id + ": a sealed customer field is damaged");
        }
        auto plain = sealer.open(*blob, e.ticket_id, field);
        if (!plain) {
            return std::unexpected(plain.error());
        }
        append_json_key(out, field, first);
        append_json_string(out, *plain);
        first = false;
    }
    out += "}}}";
    return {};
}

core::RemoteEvent from_wire(WireEvent&& w) {
    core::RemoteEvent r;
    r.event.id = w.id;
    r.event.ticket_id = w.ticket_id;
    r.event.origin_device = w.origin_device;
    r.event.device_seq = w.device_seq;
    r.event.hlc = w.hlc;
    r.event.actor = w.actor;
    r.event.actor_role = w.actor_role;
    r.event.kind = w.kind;
    if (w.create) {
        // Read by the fast path: the ticket's text as the center sent it.
        r.ticket_text = w.create->ticket_text;
        r.customer = w.create->ticket.customer;
        r.event.payload = json::object();
    } else if (w.kind == core::k_create_kind) {
        // Written here, on the fetch thread, so the store reads the ticket from text while
        // the next page is on its way.
        r.ticket_text = w.payload.at("ticket").dump();
        r.event.payload = json{{"ticket", std::move(w.payload.at("ticket"))}};
        const json& c = w.payload.at("customer");
        core::Customer customer;
        customer.name = c.value("name", "");
        customer.phone = c.value("phone", "");
        customer.email = c.value("email", "");
        customer.customer_no = c.value("customer_no", "");
        customer.order_no = c.value("order_no", "");
        r.customer = std::move(customer);
    } else {
        r.event.payload = std::move(w.payload);
    }
    return r;
}

ErrorBody error_of(const HttpReply& reply) {
    auto body = parse_body(reply.body);
    if (body) {
        if (auto e = parse_error_body(*body)) {
            return *e;
        }
    }
    ErrorBody e;
    e.error = "http_" + std::to_string(reply.status);
    e.message = "the center answered HTTP " + std::to_string(reply.status);
    return e;
}

} // namespace

SyncClient::SyncClient(core::TicketStore& store, fs::path data_dir, SyncConfig config,
                       std::string token, fs::path installed_assets)
    : m_store(&store), m_data_dir(std::move(data_dir)), m_config(std::move(config)),
      m_token(std::move(token)), m_installed_assets(std::move(installed_assets)),
      m_http(HttpOptions{m_config.center_url, m_config.tls, std::chrono::milliseconds(5000),
                         std::chrono::milliseconds(60000)}) {}

void SyncClient::set_cancel_flag(const std::atomic<bool>* cancel) {
    m_http.set_cancel_flag(cancel);
}

void SyncClient::set_batch_size(int events) {
    m_batch_size = std::clamp(events, 1, static_cast<int>(k_max_batch_events));
}

std::expected<HttpReply, SyncError> SyncClient::call(const std::string& path, const json* body) {
    return checked(body != nullptr ? m_http.post(path, *body, m_token) : m_http.get(path, m_token));
}

std::expected<HttpReply, SyncError> SyncClient::call_text(const std::string& path,
                                                          const std::string& body) {
    return checked(m_http.post_text(path, body, m_token));
}

std::expected<HttpReply, SyncError>
SyncClient::checked(std::expected<HttpReply, TransportError>&& reply) {
    if (!reply) {
        return std::unexpected(transport_failure(reply.error(), m_config.center_url));
    }
    if (reply->status >= 500 || reply->status == 0) {
        const ErrorBody e = error_of(*reply);
        return std::unexpected(
            SyncError{SyncError::Kind::unreachable,
                      "the center failed (" + std::to_string(reply->status) + "): " + e.message});
    }
    if (reply->status == 401 || reply->status == 403) {
        const ErrorBody e = error_of(*reply);
        // A pull or push with another device's id is our bug, not the token's: still refused.
        return std::unexpected(
            SyncError{SyncError::Kind::refused, "the center refused this terminal: " + e.message});
    }
    return std::move(*reply);
}

// ============================================== [SECTION] one pass: device check, push, pull

std::expected<SyncReport, SyncError> SyncClient::sync_once() {
    SyncReport report;
    core::SyncState state(*m_store);
    auto run = [&]() -> std::expected<void, SyncError> {
        // An epoch change during the pass starts it over, at most a few times.
        for (int round = 0; round < 3; ++round) {
            if (auto r = check_device(report); !r) {
                return r;
            }
            const std::string epoch = m_epoch;
            if (auto r = push_all(report); !r) {
                return r;
            }
            if (m_epoch != epoch) {
                continue;
            }
            return pull_all(report);
        }
        return std::unexpected(SyncError{SyncError::Kind::unreachable,
                                         "the center's epoch kept changing; try again later"});
    };
    std::expected<void, SyncError> outcome;
    try {
        outcome = run();
    } catch (const std::exception& e) {
        // A stored event or an answer of a shape the checks missed: nlohmann's exceptions
        // stop here, so the worker thread lives on and the error is shown.
        outcome = std::unexpected(
            SyncError{SyncError::Kind::storage, std::string("sync failed: ") + e.what()});
    }
    const core::Millis now = core::SystemClock().now();
    if (!outcome) {
        if (outcome.error().kind != SyncError::Kind::cancelled) {
            // Best effort: the error itself may be that the database cannot be written.
            (void)state.record_attempt(now, outcome.error().message);
        }
        return std::unexpected(outcome.error());
    }
    if (auto r = state.record_attempt(now, ""); !r) {
        return std::unexpected(storage_failure(r.error()));
    }
    return report;
}

std::expected<void, SyncError> SyncClient::check_device(SyncReport& report) {
    auto reply = call(k_path_device, nullptr);
    if (!reply) {
        return std::unexpected(reply.error());
    }
    auto body = parse_body(reply->body);
    auto status = body ? parse_device_status(*body) : std::unexpected(body.error());
    if (reply->status != 200 || !status) {
        return std::unexpected(
            SyncError{SyncError::Kind::unreachable,
                      "the center's device status did not parse: " +
                          (status ? error_of(*reply).message : status.error().message)});
    }
    core::SyncState state(*m_store);
    auto record = state.read();
    if (!record) {
        return std::unexpected(storage_failure(record.error()));
    }
    if (record->epoch != status->epoch) {
        // First contact, or the center was restored: start the pull over, and let the mark
        // follow the center's (below), which re-sends whatever the restored center lacks.
        report.epoch_changed = !record->epoch.empty();
        if (auto r = state.reset_for_epoch(status->epoch); !r) {
            return std::unexpected(storage_failure(r.error()));
        }
    }
    m_epoch = status->epoch;
    if (record->acked_device_seq != status->acked_seq) {
        if (auto r = state.set_outbox_mark(status->acked_seq); !r) {
            return std::unexpected(storage_failure(r.error()));
        }
    }
    return {};
}

namespace {

// A batch ready to send: its body and the events in it, in order.
struct PreparedBatch {
    std::string body;
    std::vector<std::pair<std::string, std::int64_t>> sent; // body's events[i]: id, device_seq
    std::int64_t last_seq = 0; // of events and skips; 0 when there was nothing to send
    std::size_t events = 0;
};

} // namespace

std::expected<void, SyncError> SyncClient::push_all(SyncReport& report) {
    core::SyncState state(*m_store);
    int batch_size = m_batch_size;
    // Reads the events after `after`, turning dead letters into skips. The body is written as
    // text from the stored rows: parsing each stored payload only to serialise it again was
    // most of the terminal's work in a push.
    auto prepare = [&](std::int64_t after) -> std::expected<PreparedBatch, SyncError> {
        auto events = state.own_event_texts_after(after, batch_size);
        if (!events) {
            return std::unexpected(storage_failure(events.error()));
        }
        PreparedBatch p;
        if (events->empty()) {
            return p;
        }
        auto dead = state.dead_letters();
        if (!dead) {
            return std::unexpected(storage_failure(dead.error()));
        }
        std::map<std::string, std::string> dead_by_id;
        for (const auto& d : *dead) {
            dead_by_id[d.event_id] = d.error;
        }
        std::size_t bytes = 200;
        for (const auto& e : *events) {
            bytes += e.payload.size() + 400;
        }
        std::string& body = p.body;
        body.reserve(bytes);
        body += '{';
        append_json_key(body, "protocol", true);
        append_json_int(body, k_protocol_version);
        append_json_key(body, "device");
        append_json_string(body, m_store->identity().device_id());
        append_json_key(body, "events");
        body += '[';
        std::string skips = "[";
        auto add_skip = [&](std::int64_t seq, const std::string& id, const std::string& reason) {
            skips += skips.size() == 1 ? "{" : ",{";
            append_json_key(skips, "device_seq", true);
            append_json_int(skips, seq);
            append_json_key(skips, "event_id");
            append_json_string(skips, id);
            append_json_key(skips, "reason");
            append_json_string(skips, reason);
            skips += '}';
        };
        for (const auto& e : *events) {
            p.last_seq = e.device_seq;
            if (auto it = dead_by_id.find(e.id); it != dead_by_id.end()) {
                add_skip(e.device_seq, e.id, it->second);
                continue;
            }
            const std::size_t before = body.size();
            if (p.events > 0) {
                body += ',';
            }
            auto w = append_wire_text(body, e, m_store->sealer());
            if (!w) {
                body.resize(before);
                // The event cannot be read back here; the center could not use it either.
                if (auto r = state.add_dead_letter(
                        {e.id, e.device_seq, 0, w.error().message, core::SystemClock().now()});
                    !r) {
                    return std::unexpected(storage_failure(r.error()));
                }
                ++report.dead_lettered;
                add_skip(e.device_seq, e.id, w.error().message);
                continue;
            }
            p.sent.emplace_back(e.id, e.device_seq);
            ++p.events;
        }
        body += ']';
        skips += ']';
        append_json_key(body, "skips");
        body += skips;
        body += '}';
        return p;
    };
    auto send = [this](const std::string& body) {
        return std::async(std::launch::async,
                          [this, &body] { return call_text(k_path_push, body); });
    };

    auto mark = state.read();
    if (!mark) {
        return std::unexpected(storage_failure(mark.error()));
    }
    auto current = prepare(mark->acked_device_seq);
    if (!current) {
        return std::unexpected(current.error());
    }
    // The previous batch's answer, written to the outbox mark while the next batch is on
    // its way, so the terminal's commit overlaps the center's. A mark left behind by a crash
    // is harmless: the next pass takes the center's mark (check_device).
    std::int64_t unacked = 0;
    auto flush_ack = [&]() -> std::expected<void, SyncError> {
        if (unacked > 0) {
            if (auto r = m_store->acknowledge_outbox(unacked); !r) {
                return std::unexpected(storage_failure(r.error()));
            }
            unacked = 0;
        }
        return {};
    };
    // One batch in flight while the next is read and converted: the terminal's work overlaps
    // the center's. Each round either moves the mark or dead-letters an event, so this ends;
    // the bound guards against a center that answers nonsense.
    for (int round = 0; round < 1'000'000 && current->last_seq > 0; ++round) {
        auto inflight = send(current->body);
        std::expected<PreparedBatch, SyncError> next = PreparedBatch{};
        bool have_next = false;
        std::expected<void, SyncError> acked;
        auto reply = [&] {
            acked = flush_ack();
            // Read ahead only while the batch is on its way; on any answer but 200 it is
            // thrown away.
            next = prepare(current->last_seq);
            have_next = true;
            return inflight.get();
        }();
        if (!acked) {
            return acked;
        }
        if (!reply) {
            return std::unexpected(reply.error());
        }
        if (reply->status == 200) {
            auto parsed = parse_body(reply->body);
            auto answer = parsed ? parse_push_response(*parsed) : std::unexpected(parsed.error());
            if (!answer) {
                return std::unexpected(
                    SyncError{SyncError::Kind::unreachable,
                              "the center's push answer did not parse: " + answer.error().message});
            }
            if (answer->epoch != m_epoch) {
                m_epoch = answer->epoch; // restored meanwhile: the caller starts over
                return {};
            }
            unacked = answer->acked_seq;
            report.pushed += static_cast<std::int64_t>(current->events);
            batch_size = m_batch_size;
            if (!have_next || !next) {
                return std::unexpected(have_next ? next.error()
                                                 : SyncError{SyncError::Kind::storage, "no batch"});
            }
            if (answer->acked_seq == current->last_seq) {
                current = std::move(next);
                continue;
            }
        } else {
            const ErrorBody error = error_of(*reply);
            if (error.epoch != m_epoch && !error.epoch.empty()) {
                m_epoch = error.epoch;
                return {};
            }
            if (reply->status == 409 && error.error == "gap" && error.expected_seq) {
                if (auto r = state.set_outbox_mark(*error.expected_seq - 1); !r) {
                    return std::unexpected(storage_failure(r.error()));
                }
            } else if (reply->status == 413 && batch_size > 1) {
                batch_size = std::max(1, batch_size / 2);
            } else {
                // Any other 4xx is permanent for the event it names (or, naming none, the
                // first).
                const auto& sent = current->sent;
                const std::pair<std::string, std::int64_t>* culprit =
                    sent.empty() ? nullptr : &sent.front();
                if (error.index && *error.index >= 0 &&
                    static_cast<std::size_t>(*error.index) < sent.size()) {
                    culprit = &sent[static_cast<std::size_t>(*error.index)];
                } else if (error.event_id) {
                    for (const auto& e : sent) {
                        if (e.first == *error.event_id) {
                            culprit = &e;
                        }
                    }
                }
                if (culprit == nullptr) {
                    return std::unexpected(
                        SyncError{SyncError::Kind::unreachable,
                                  "the center refused a batch of skips: " + error.message});
                }
                if (auto r = state.add_dead_letter({culprit->first, culprit->second, reply->status,
                                                    error.error + ": " + error.message,
                                                    core::SystemClock().now()});
                    !r) {
                    return std::unexpected(storage_failure(r.error()));
                }
                ++report.dead_lettered;
            }
        }
        // Start again from the mark as it is now.
        if (auto r = flush_ack(); !r) {
            return r;
        }
        auto now_mark = state.read();
        if (!now_mark) {
            return std::unexpected(storage_failure(now_mark.error()));
        }
        current = prepare(now_mark->acked_device_seq);
        if (!current) {
            return std::unexpected(current.error());
        }
    }
    if (auto r = flush_ack(); !r) {
        return r;
    }
    if (current->last_seq == 0) {
        return {};
    }
    return std::unexpected(
        SyncError{SyncError::Kind::unreachable, "push did not finish; try again later"});
}

namespace {

// A pull page received and converted, ready to apply.
struct FetchedPage {
    PullResponse page; // its events and assets moved to the members below
    std::vector<core::RemoteEvent> events;
    std::vector<core::ReceivedAsset> assets;
};

} // namespace

std::expected<void, SyncError> SyncClient::pull_all(SyncReport& report) {
    core::SyncState state(*m_store);
    bool assets_received = false;
    // Fetches and converts one page; runs on its own thread while the previous page is applied.
    auto fetch = [this](PullRequest request) -> std::expected<FetchedPage, SyncError> {
        request.limit = static_cast<std::int64_t>(k_max_pull_limit);
        const json body = to_json(request);
        auto reply = call(k_path_pull, &body);
        if (!reply) {
            return std::unexpected(reply.error());
        }
        if (reply->status != 200) {
            const ErrorBody e = error_of(*reply);
            return std::unexpected(SyncError{SyncError::Kind::unreachable,
                                             "the center refused the pull: " + e.message});
        }
        // A page of 2,000 tickets is read without a DOM when it is well-formed.
        auto page = parse_pull_body(reply->body);
        if (!page) {
            return std::unexpected(
                SyncError{SyncError::Kind::unreachable,
                          "the center's pull answer did not parse: " + page.error().message});
        }
        FetchedPage out;
        out.events.reserve(page->events.size());
        for (auto& w : page->events) {
            out.events.push_back(from_wire(std::move(w)));
        }
        for (auto& a : page->assets) {
            out.assets.push_back(
                core::ReceivedAsset{std::move(a.name), a.version, std::move(a.content)});
        }
        page->events.clear();
        page->assets.clear();
        out.page = std::move(*page);
        return out;
    };
    auto record = state.read();
    if (!record) {
        return std::unexpected(storage_failure(record.error()));
    }
    PullRequest first;
    first.device = m_store->identity().device_id();
    first.epoch = record->epoch;
    first.cursor = PullCursor{record->pull_cursor_events, record->pull_cursor_assets};
    auto fetched = fetch(first);
    while (true) {
        if (!fetched) {
            return std::unexpected(fetched.error());
        }
        const PullResponse& page = fetched->page;
        // The next page is on its way while this one is applied; the request is the one the
        // stored cursor would make after the apply. On a failed apply it is thrown away.
        std::future<std::expected<FetchedPage, SyncError>> ahead;
        if (page.more) {
            PullRequest next;
            next.device = first.device;
            next.epoch = page.epoch;
            next.cursor = page.cursor;
            ahead = std::async(std::launch::async, fetch, std::move(next));
        }
        const auto& events = fetched->events;
        const auto& assets = fetched->assets;
        auto applied = m_store->apply_remote(
            events, assets,
            core::PullCheckpoint{page.epoch, page.cursor.events, page.cursor.assets});
        if (!applied) {
            return std::unexpected(storage_failure(applied.error()));
        }
        report.pulled += applied->applied;
        report.refused += static_cast<std::int64_t>(applied->refused.size());
        report.assets += static_cast<std::int64_t>(assets.size());
        assets_received = assets_received || !assets.empty();
        m_epoch = page.epoch;
        if (!page.more) {
            break;
        }
        fetched = ahead.get();
    }
    if (assets_received) {
        auto switched = materialize_assets(*m_store, m_data_dir, m_installed_assets);
        if (!switched) {
            report.asset_problem = switched.error().message;
        } else {
            report.assets_switched = *switched;
        }
    }
    return {};
}

// ================================================================ [SECTION] enrolment

std::expected<EnrollResponse, SyncError> enroll(core::TicketStore& store, const fs::path& data_dir,
                                                const std::string& center_url,
                                                const std::string& code, const TlsOptions& tls) {
    HttpClient http(HttpOptions{center_url, tls, std::chrono::milliseconds(5000),
                                std::chrono::milliseconds(30000)});
    EnrollRequest request{code, store.identity().branch, store.identity().terminal};
    auto reply = http.post(k_path_enroll, to_json(request), "");
    if (!reply) {
        return std::unexpected(transport_failure(reply.error(), center_url));
    }
    if (reply->status != 200) {
        const ErrorBody e = error_of(*reply);
        return std::unexpected(SyncError{reply->status >= 500 ? SyncError::Kind::unreachable
                                                              : SyncError::Kind::refused,
                                         "the center refused the enrolment: " + e.message});
    }
    auto parsed = parse_body(reply->body);
    auto answer = parsed ? parse_enroll_response(*parsed) : std::unexpected(parsed.error());
    if (!answer) {
        return std::unexpected(
            SyncError{SyncError::Kind::unreachable,
                      "the center's answer did not parse: " + answer.error().message});
    }
    SyncConfig config{center_url, answer->device, answer->branch, tls};
    if (auto r = save_enrolment(data_dir, config, answer->token); !r) {
        return std::unexpected(storage_failure(r.error()));
    }
    return std::move(*answer);
}

} // namespace cf::sync
