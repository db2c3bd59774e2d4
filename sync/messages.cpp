#include "sync/messages.h"

#include "core/lifecycle.h"
#include "core/ticket_number.h"
#include "sync/json_fields.h"
#include "sync/request_body.h"
#include "sync/wire_text_reader.h"

#include <algorithm>
#include <limits>

namespace cf::sync {

using nlohmann::json;

namespace {

constexpr std::int64_t k_max_int = std::numeric_limits<std::int64_t>::max();

template <class T> Parsed<T> done(JsonFields& f, T value) {
    if (auto r = f.finish(); !r) {
        return std::unexpected(r.error());
    }
    return value;
}

json cursor_json(const PullCursor& c) {
    return {{"events", c.events}, {"assets", c.assets}};
}

std::optional<PullCursor> read_cursor(JsonFields& f) {
    const json* c = f.object("cursor");
    if (c == nullptr) {
        return std::nullopt;
    }
    JsonFields cf(*c, f.path_of("cursor"));
    auto events = cf.integer("events", 0, k_max_int);
    auto assets = cf.integer("assets", 0, k_max_int);
    if (auto r = cf.finish(); !r) {
        f.fail(r.error().code, "cursor", r.error().message);
        return std::nullopt;
    }
    return PullCursor{*events, *assets};
}

} // namespace

bool valid_asset_name(std::string_view name) {
    auto id_ok = [](std::string_view id) {
        return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        });
    };
    auto in_folder = [&](std::string_view folder) {
        if (!name.starts_with(folder) || !name.ends_with(".json")) {
            return false;
        }
        return id_ok(name.substr(folder.size(), name.size() - folder.size() - 5));
    };
    return name == "categories.json" || name == "classifier/rules.json" ||
           name == "classifier/model.json" || name == "sla/policy.json" ||
           name == "branches.json" || name == "scripts/phrases.json" ||
           name == "knowledge/articles.json" || in_folder("forms/") || in_folder("calendars/");
}

// ----------------------------------------------------------------------------- to_json

json to_json(const EnrollRequest& m) {
    return {{"protocol", k_protocol_version},
            {"code", m.code},
            {"branch", m.branch},
            {"terminal", m.terminal}};
}

json to_json(const EnrollResponse& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"device", m.device},
            {"branch", m.branch},
            {"token", m.token}};
}

json to_json(const DeviceStatus& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"device", m.device},
            {"branch", m.branch},
            {"acked_seq", m.acked_seq},
            {"server_time", m.server_time}};
}

json to_json(const PushRequest& m) {
    json events = json::array();
    for (const auto& e : m.events) {
        events.push_back(to_json(e));
    }
    json skips = json::array();
    for (const auto& s : m.skips) {
        skips.push_back(
            {{"device_seq", s.device_seq}, {"event_id", s.event_id}, {"reason", s.reason}});
    }
    return {{"protocol", k_protocol_version},
            {"device", m.device},
            {"events", std::move(events)},
            {"skips", std::move(skips)}};
}

json to_json(PushRequest&& m) {
    json events = json::array();
    for (auto& e : m.events) {
        events.push_back(to_json(std::move(e)));
    }
    json skips = json::array();
    for (const auto& s : m.skips) {
        skips.push_back(
            {{"device_seq", s.device_seq}, {"event_id", s.event_id}, {"reason", s.reason}});
    }
    return {{"protocol", k_protocol_version},
            {"device", m.device},
            {"events", std::move(events)},
            {"skips", std::move(skips)}};
}

json to_json(const PushResponse& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"device", m.device},
            {"acked_seq", m.acked_seq}};
}

json to_json(const PullRequest& m) {
    return {{"protocol", k_protocol_version},
            {"device", m.device},
            {"epoch", m.epoch},
            {"cursor", cursor_json(m.cursor)},
            {"limit", m.limit}};
}

json to_json(const PullResponse& m) {
    json events = json::array();
    for (const auto& e : m.events) {
        events.push_back(to_json(e));
    }
    json assets = json::array();
    for (const auto& a : m.assets) {
        assets.push_back({{"name", a.name}, {"version", a.version}, {"content", a.content}});
    }
    return {{"protocol", k_protocol_version},  {"epoch", m.epoch}, {"reset", m.reset},
            {"cursor", cursor_json(m.cursor)}, {"more", m.more},   {"events", std::move(events)},
            {"assets", std::move(assets)}};
}

json to_json(PullResponse&& m) {
    json events = json::array();
    for (auto& e : m.events) {
        events.push_back(to_json(std::move(e)));
    }
    json assets = json::array();
    for (auto& a : m.assets) {
        assets.push_back(
            {{"name", a.name}, {"version", a.version}, {"content", std::move(a.content)}});
    }
    return {{"protocol", k_protocol_version},  {"epoch", m.epoch}, {"reset", m.reset},
            {"cursor", cursor_json(m.cursor)}, {"more", m.more},   {"events", std::move(events)},
            {"assets", std::move(assets)}};
}

json to_json(const StepRequest& m) {
    return {{"protocol", k_protocol_version},
            {"step", m.step},
            {"actor", m.actor},
            {"role", m.role},
            {"department", m.department},
            {"payload", m.payload}};
}

json to_json(const AssetPublishRequest& m) {
    return {{"protocol", k_protocol_version}, {"name", m.name}, {"content", m.content}};
}

json to_json(const ErrorBody& m) {
    json j = {{"protocol", k_protocol_version},
              {"epoch", m.epoch},
              {"error", m.error},
              {"field", m.field},
              {"message", m.message}};
    if (m.index) {
        j["index"] = *m.index;
    }
    if (m.event_id) {
        j["event_id"] = *m.event_id;
    }
    if (m.expected_seq) {
        j["expected_seq"] = *m.expected_seq;
    }
    return j;
}

// ------------------------------------------------------------------------------- parse

Parsed<EnrollRequest> parse_enroll_request(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    EnrollRequest m;
    m.code = f.text("code", 64).value_or("");
    m.branch = f.text("branch", 16).value_or("");
    m.terminal = f.text("terminal", 16).value_or("");
    if (f.ok() && !core::valid_branch_code(m.branch)) {
        f.fail("invalid_value", "branch", "'" + m.branch + "' is not a branch code");
    }
    if (f.ok() && !core::valid_terminal_id(m.terminal)) {
        f.fail("invalid_value", "terminal", "'" + m.terminal + "' is not a terminal id");
    }
    return done(f, std::move(m));
}

Parsed<EnrollResponse> parse_enroll_response(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    EnrollResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.device = f.text("device", 16).value_or("");
    m.branch = f.text("branch", 16).value_or("");
    m.token = f.text("token", 256).value_or("");
    return done(f, std::move(m));
}

Parsed<DeviceStatus> parse_device_status(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    DeviceStatus m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.device = f.text("device", 16).value_or("");
    m.branch = f.text("branch", 16).value_or("");
    m.acked_seq = f.integer("acked_seq", 0, k_max_int).value_or(0);
    m.server_time = f.integer("server_time", 0, k_max_int).value_or(0);
    return done(f, std::move(m));
}

Parsed<PushRequest> parse_push_request(const json& j) {
    json copy = j;
    return parse_push_request(std::move(copy));
}

Parsed<PushRequest> parse_push_request(json&& j) {
    JsonFields f(j, "");
    f.protocol();
    PushRequest m;
    m.device = f.text("device", 16).value_or("");
    json* events = const_cast<json*>(f.array("events", k_max_batch_events));
    const json* skips = f.optional_array("skips", k_max_batch_events);
    if (f.ok() && !valid_device_id(m.device)) {
        f.fail("invalid_value", "device", "'" + m.device + "' is not a device id like SZ01/K1");
    }
    if (auto r = f.finish(); !r) {
        return std::unexpected(r.error());
    }
    for (std::size_t i = 0; i < events->size(); ++i) {
        const std::string path = "events[" + std::to_string(i) + "]";
        auto e = parse_wire_event(std::move((*events)[i]), path);
        if (!e) {
            return std::unexpected(e.error());
        }
        if (e->origin_device != m.device) {
            return protocol_error("wrong_device", path + ".origin_device",
                                  path + ".origin_device: the event comes from '" +
                                      e->origin_device + "', not from the device '" + m.device +
                                      "' that sends the batch");
        }
        m.events.push_back(std::move(*e));
    }
    if (skips != nullptr) {
        for (std::size_t i = 0; i < skips->size(); ++i) {
            JsonFields s((*skips)[i], "skips[" + std::to_string(i) + "]");
            Skip skip;
            skip.device_seq = s.integer("device_seq", 1, k_max_int).value_or(0);
            skip.event_id = s.text("event_id", 36).value_or("");
            skip.reason = s.text("reason", 1000).value_or("");
            if (auto r = s.finish(); !r) {
                return std::unexpected(r.error());
            }
            m.skips.push_back(std::move(skip));
        }
    }
    if (auto r = check_push_batch(m); !r) {
        return std::unexpected(r.error());
    }
    return m;
}

Parsed<void> check_push_batch(const PushRequest& m) {
    for (std::size_t i = 0; i < m.events.size(); ++i) {
        if (m.events[i].origin_device != m.device) {
            const std::string path = "events[" + std::to_string(i) + "]";
            return protocol_error("wrong_device", path + ".origin_device",
                                  path + ".origin_device: the event comes from '" +
                                      m.events[i].origin_device + "', not from the device '" +
                                      m.device + "' that sends the batch");
        }
    }
    if (m.events.size() + m.skips.size() > k_max_batch_events) {
        return protocol_error("too_many_items", "events",
                              "events: a batch holds at most " +
                                  std::to_string(k_max_batch_events) + " events and skips");
    }
    if (m.events.empty() && m.skips.empty()) {
        return protocol_error("invalid_value", "events", "events: the batch is empty");
    }
    // Events and skips must each be ascending and together one gapless run. Paths are made
    // only for an error: a batch has up to a thousand entries.
    auto seq_path = [&](std::size_t entry) {
        return entry < m.events.size()
                   ? "events[" + std::to_string(entry) + "].device_seq"
                   : "skips[" + std::to_string(entry - m.events.size()) + "].device_seq";
    };
    std::vector<std::pair<std::int64_t, std::size_t>> seqs;
    seqs.reserve(m.events.size() + m.skips.size());
    for (std::size_t i = 0; i < m.events.size(); ++i) {
        if (i > 0 && m.events[i].device_seq <= m.events[i - 1].device_seq) {
            const std::string path = seq_path(i);
            return protocol_error("events_out_of_order", path,
                                  path + ": device_seq " + std::to_string(m.events[i].device_seq) +
                                      " follows " + std::to_string(m.events[i - 1].device_seq) +
                                      "; a batch must be in ascending order");
        }
        seqs.emplace_back(m.events[i].device_seq, i);
    }
    for (std::size_t i = 0; i < m.skips.size(); ++i) {
        if (i > 0 && m.skips[i].device_seq <= m.skips[i - 1].device_seq) {
            const std::string path = seq_path(m.events.size() + i);
            return protocol_error("events_out_of_order", path,
                                  path + ": skips must be in ascending order");
        }
        seqs.emplace_back(m.skips[i].device_seq, m.events.size() + i);
    }
    std::sort(seqs.begin(), seqs.end());
    for (std::size_t i = 1; i < seqs.size(); ++i) {
        if (seqs[i].first != seqs[i - 1].first + 1) {
            const std::string path = seq_path(seqs[i].second);
            return protocol_error("events_out_of_order", path,
                                  path + ": device_seq " + std::to_string(seqs[i].first) +
                                      " does not follow " + std::to_string(seqs[i - 1].first) +
                                      "; a batch must have no gaps and no repeats");
        }
    }
    return {};
}

Parsed<PushResponse> parse_push_response(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    PushResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.device = f.text("device", 16).value_or("");
    m.acked_seq = f.integer("acked_seq", 0, k_max_int).value_or(0);
    return done(f, std::move(m));
}

Parsed<PullRequest> parse_pull_request(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    PullRequest m;
    m.device = f.text("device", 16).value_or("");
    m.epoch = f.optional_text("epoch", 64);
    if (auto c = read_cursor(f)) {
        m.cursor = *c;
    }
    m.limit = f.optional_integer("limit", 1, static_cast<std::int64_t>(k_max_pull_limit), 500)
                  .value_or(500);
    if (f.ok() && !valid_device_id(m.device)) {
        f.fail("invalid_value", "device", "'" + m.device + "' is not a device id like SZ01/K1");
    }
    return done(f, std::move(m));
}

Parsed<PullResponse> parse_pull_response(const json& j) {
    json copy = j;
    return parse_pull_response(std::move(copy));
}

Parsed<PullResponse> parse_pull_response(json&& j) {
    JsonFields f(j, "");
    f.protocol();
    PullResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.reset = f.boolean("reset").value_or(false);
    if (auto c = read_cursor(f)) {
        m.cursor = *c;
    }
    m.more = f.boolean("more").value_or(false);
    json* events = const_cast<json*>(f.array("events", k_max_pull_limit));
    const json* assets = f.array("assets", 1000);
    if (auto r = f.finish(); !r) {
        return std::unexpected(r.error());
    }
    for (std::size_t i = 0; i < events->size(); ++i) {
        auto e = parse_wire_event(std::move((*events)[i]), "events[" + std::to_string(i) + "]");
        if (!e) {
            return std::unexpected(e.error());
        }
        m.events.push_back(std::move(*e));
    }
    for (std::size_t i = 0; i < assets->size(); ++i) {
        const std::string path = "assets[" + std::to_string(i) + "]";
        JsonFields a((*assets)[i], path);
        AssetVersion v;
        v.name = a.text("name", 128).value_or("");
        v.version = a.integer("version", 1, k_max_int).value_or(0);
        v.content = a.text("content", k_default_max_body_bytes).value_or("");
        if (a.ok() && !valid_asset_name(v.name)) {
            a.fail("invalid_value", "name", "'" + v.name + "' is not an asset this side accepts");
        }
        if (auto r = a.finish(); !r) {
            return std::unexpected(r.error());
        }
        m.assets.push_back(std::move(v));
    }
    return m;
}

Parsed<PullResponse> parse_pull_body(std::string_view body) {
    if (auto fast = read_pull_text(body)) {
        return std::move(*fast);
    }
    auto parsed = parse_body(body);
    if (!parsed) {
        return std::unexpected(parsed.error());
    }
    return parse_pull_response(std::move(*parsed));
}

Parsed<StepRequest> parse_step_request(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    StepRequest m;
    m.step = f.text("step", 32).value_or("");
    // The center takes them from the console token; when given they must be the token's.
    m.actor = f.optional_text("actor", 100);
    m.role = f.optional_text("role", 32);
    m.department = f.optional_text("department", 100);
    const json* payload = f.optional_object("payload");
    if (payload != nullptr) {
        m.payload = *payload;
    }
    if (f.ok() && !core::parse_step(m.step)) {
        f.fail("unknown_kind", "step", "'" + m.step + "' is not a known step");
    }
    if (f.ok() && !m.role.empty() && !core::parse_role(m.role)) {
        f.fail("unknown_role", "role", "'" + m.role + "' is not a known role");
    }
    return done(f, std::move(m));
}

Parsed<AssetPublishRequest> parse_asset_publish_request(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    AssetPublishRequest m;
    m.name = f.text("name", 128).value_or("");
    m.content = f.text("content", k_default_max_body_bytes).value_or("");
    if (f.ok() && !valid_asset_name(m.name)) {
        f.fail("invalid_value", "name",
               "'" + m.name +
                   "' is not a publishable asset (forms/ID.json, categories.json, "
                   "classifier/rules.json, classifier/model.json, sla/policy.json, "
                   "calendars/ID.json, branches.json, scripts/phrases.json, "
                   "knowledge/articles.json)");
    }
    // Read within the request body's limits: the content is checked again, as an asset, later.
    if (f.ok()) {
        if (auto content = parse_request_body(m.content); !content) {
            f.fail(content.error().code, "content", content.error().message);
        }
    }
    return done(f, std::move(m));
}

Parsed<ErrorBody> parse_error_body(const json& j) {
    JsonFields f(j, "");
    f.protocol();
    ErrorBody m;
    m.epoch = f.optional_text("epoch", 64);
    m.error = f.text("error", 64).value_or("");
    m.field = f.optional_text("field", 256);
    m.message = f.text("message", 4096).value_or("");
    if (j.is_object() && j.contains("index")) {
        m.index = f.integer("index", 0, k_max_int);
    }
    if (j.is_object() && j.contains("event_id")) {
        m.event_id = f.text("event_id", 64);
    }
    if (j.is_object() && j.contains("expected_seq")) {
        m.expected_seq = f.integer("expected_seq", 1, k_max_int);
    }
    return done(f, std::move(m));
}

} // namespace cf::sync
