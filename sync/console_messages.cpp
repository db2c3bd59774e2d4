#include "sync/console_messages.h"

#include "core/lifecycle.h"
#include "core/ticket_json.h"
#include "sync/json_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace cf::sync {

using nlohmann::json;

namespace {

constexpr std::int64_t k_max_int = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t k_max_list = 100000;

template <class T> Parsed<T> done(JsonFields& f, T value) {
    if (auto r = f.finish(); !r) {
        return std::unexpected(r.error());
    }
    return value;
}

bool code_chars(std::string_view s, std::size_t max, bool upper, bool dot) {
    return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
               (upper && c >= 'A' && c <= 'Z') || (dot && c == '.');
    });
}

// ---------------------------------------------------------------- query strings

std::string url_encode(std::string_view s) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += k_hex[c >> 4];
            out += k_hex[c & 15];
        }
    }
    return out;
}

class QueryWriter {
public:
    void add(const char* key, std::string_view value) {
        if (value.empty()) {
            return;
        }
        m_out += m_out.empty() ? "" : "&";
        m_out += key;
        m_out += '=';
        m_out += url_encode(value);
    }
    void add(const char* key, std::int64_t value) { add(key, std::to_string(value)); }
    void add_filter(const ConsoleFilter& f) {
        add("branch", f.branch);
        add("category", f.category);
        if (f.priority) {
            add("priority", core::to_string(*f.priority));
        }
        if (f.from) {
            add("from", *f.from);
        }
        if (f.to) {
            add("to", *f.to);
        }
        add("department", f.department);
    }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
};

// Reads query parameters: each known once, unknown ones refused.
class QueryReader {
public:
    explicit QueryReader(const QueryParams& params) : m_params(params) {}

    bool ok() const { return !m_error.has_value(); }

    std::string text(const char* key) {
        if (!ok()) {
            return {};
        }
        m_known.push_back(key);
        if (m_params.count(key) > 1) {
            fail("invalid_value", key, std::string(key) + ": given more than once");
            return {};
        }
        auto it = m_params.find(key);
        return it == m_params.end() ? std::string() : it->second;
    }

    std::optional<std::int64_t> integer(const char* key, std::int64_t min, std::int64_t max) {
        const std::string s = text(key);
        if (!ok() || s.empty()) {
            return std::nullopt;
        }
        std::int64_t value = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec != std::errc() || end != s.data() + s.size()) {
            fail("wrong_type", key, std::string(key) + ": must be a whole number");
            return std::nullopt;
        }
        if (value < min || value > max) {
            fail("invalid_value", key,
                 std::string(key) + ": must be between " + std::to_string(min) + " and " +
                     std::to_string(max));
            return std::nullopt;
        }
        return value;
    }

    ConsoleFilter filter() {
        ConsoleFilter f;
        f.branch = text("branch");
        if (ok() && !f.branch.empty() && !code_chars(f.branch, 32, true, false)) {
            fail("invalid_value", "branch", "branch: not a branch code");
        }
        f.category = text("category");
        if (ok() && !f.category.empty() && !code_chars(f.category, 128, false, true)) {
            fail("invalid_value", "category", "category: not a category code");
        }
        const std::string priority = text("priority");
        if (ok() && !priority.empty()) {
            f.priority = core::parse_priority(priority);
            if (!f.priority) {
                fail("invalid_value", "priority",
                     "priority: '" + priority + "' is not normal, important or urgent");
            }
        }
        f.from = integer("from", 0, k_max_int);
        f.to = integer("to", 0, k_max_int);
        if (ok() && f.from && f.to && *f.from >= *f.to) {
            fail("invalid_value", "to", "to: must be after from");
        }
        f.department = text("department");
        if (ok() && !f.department.empty() && !code_chars(f.department, 32, false, false)) {
            fail("invalid_value", "department", "department: not a department code");
        }
        return f;
    }

    void fail(std::string code, const char* key, std::string message) {
        if (ok()) {
            m_error = ProtocolError{std::move(code), key, std::move(message)};
        }
    }

    template <class T> Parsed<T> finish(T value) {
        for (const auto& [key, _] : m_params) {
            if (ok() && std::find(m_known.begin(), m_known.end(), key) == m_known.end()) {
                fail("unknown_field", "", "'" + cut_name(key) + "' is not a parameter here");
                m_error->field = cut_name(key);
            }
        }
        if (!ok()) {
            return std::unexpected(*m_error);
        }
        return value;
    }

private:
    const QueryParams& m_params;
    std::vector<std::string> m_known;
    std::optional<ProtocolError> m_error;
};

// ---------------------------------------------------------------- shared pieces

json count_list(const std::vector<CountBy>& list) {
    json out = json::array();
    for (const auto& c : list) {
        out.push_back({{"key", c.key}, {"count", c.count}});
    }
    return out;
}

// Reads each object of the array `key` with `row`, naming the element of a bad one.
template <class T, class Row> std::vector<T> read_rows(JsonFields& f, const char* key, Row row) {
    std::vector<T> out;
    const json* arr = f.array(key, k_max_list);
    if (arr == nullptr) {
        return out;
    }
    for (std::size_t i = 0; i < arr->size() && f.ok(); ++i) {
        const std::string path = f.path_of(key) + "[" + std::to_string(i) + "]";
        if (auto r = require_object((*arr)[i], path); !r) {
            f.fail(r.error().code, key, r.error().message);
            break;
        }
        JsonFields e((*arr)[i], path);
        T value = row(e);
        if (auto r = e.finish(); !r) {
            f.fail(r.error().code, key, r.error().message);
            break;
        }
        out.push_back(std::move(value));
    }
    return out;
}

std::vector<CountBy> read_counts(JsonFields& f, const char* key) {
    return read_rows<CountBy>(f, key, [](JsonFields& e) {
        CountBy c;
        c.key = e.text("key", 256).value_or("");
        c.count = e.integer("count", 0, k_max_int).value_or(0);
        return c;
    });
}

std::vector<std::string> read_texts(JsonFields& f, const char* key, std::size_t max_bytes) {
    std::vector<std::string> out;
    const json* arr = f.array(key, 1000);
    if (arr == nullptr) {
        return out;
    }
    for (const auto& v : *arr) {
        if (!v.is_string() || v.get_ref<const std::string&>().size() > max_bytes) {
            f.fail("wrong_type", key, f.path_of(key) + ": every item must be a short text");
            break;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::optional<core::Ticket> read_ticket(JsonFields& f, const char* key) {
    const json* t = f.object(key);
    if (t == nullptr) {
        return std::nullopt;
    }
    auto ticket = core::ticket_from_json(*t);
    if (!ticket) {
        f.fail("invalid_value", key, f.path_of(key) + ": " + ticket.error().message);
        return std::nullopt;
    }
    return std::move(*ticket);
}

template <class E>
E read_enum(JsonFields& f, const char* key, E fallback,
            std::optional<E> (*parse)(std::string_view)) {
    auto text = f.text(key, 64);
    if (!text) {
        return fallback;
    }
    auto value = parse(*text);
    if (!value) {
        f.fail("invalid_value", key, f.path_of(key) + ": '" + *text + "' is not known");
        return fallback;
    }
    return *value;
}

std::optional<core::Role> parse_role_text(std::string_view s) {
    return core::parse_role(s);
}

} // namespace

// ----------------------------------------------------------------------------- queues

std::string_view to_string(ConsoleQueue q) {
    switch (q) {
    case ConsoleQueue::review:
        return "review";
    case ConsoleQueue::dispatch:
        return "dispatch";
    case ConsoleQueue::departments:
        return "departments";
    case ConsoleQueue::audit:
        return "audit";
    case ConsoleQueue::answer:
        return "answer";
    case ConsoleQueue::overdue:
        return "overdue";
    case ConsoleQueue::second_round:
        return "second_round";
    case ConsoleQueue::all:
        return "all";
    case ConsoleQueue::escalated:
        return "escalated";
    }
    return "review";
}

std::optional<ConsoleQueue> parse_console_queue(std::string_view s) {
    for (ConsoleQueue q : k_console_queues) {
        if (to_string(q) == s) {
            return q;
        }
    }
    return std::nullopt;
}

// ----------------------------------------------------------------------------- query strings

std::string to_query_string(const QueueRequest& m) {
    QueryWriter w;
    w.add("queue", to_string(m.queue));
    w.add_filter(m.filter);
    w.add("limit", m.limit);
    w.add("offset", m.offset);
    return w.take();
}

std::string to_query_string(const DashboardRequest& m) {
    QueryWriter w;
    w.add_filter(m.filter);
    w.add("utc_offset_min", m.utc_offset_min);
    return w.take();
}

Parsed<QueueRequest> parse_queue_request(const QueryParams& params) {
    QueryReader r(params);
    QueueRequest m;
    const std::string queue = r.text("queue");
    if (r.ok()) {
        if (queue.empty()) {
            r.fail("missing_field", "queue", "queue: which list is asked for is missing");
        } else if (auto q = parse_console_queue(queue)) {
            m.queue = *q;
        } else {
            r.fail("invalid_value", "queue", "queue: '" + queue + "' is not a console queue");
        }
    }
    m.filter = r.filter();
    m.limit = static_cast<int>(r.integer("limit", 1, 500).value_or(50));
    m.offset = static_cast<int>(r.integer("offset", 0, 1'000'000'000).value_or(0));
    return r.finish(std::move(m));
}

Parsed<DashboardRequest> parse_dashboard_request(const QueryParams& params) {
    QueryReader r(params);
    DashboardRequest m;
    m.filter = r.filter();
    m.utc_offset_min = static_cast<int>(r.integer("utc_offset_min", -840, 840).value_or(480));
    return r.finish(std::move(m));
}

std::string to_query_string(const ReportsRequest& m) {
    QueryWriter w;
    w.add_filter(m.filter);
    return w.take();
}

Parsed<ReportsRequest> parse_reports_request(const QueryParams& params) {
    QueryReader r(params);
    ReportsRequest m;
    m.filter = r.filter();
    return r.finish(std::move(m));
}

// ----------------------------------------------------------------------------- to_json

json to_json(const StaffInfo& m) {
    return {{"id", m.id},
            {"name", m.name},
            {"role", core::to_string(m.role)},
            {"department", m.department}};
}

json to_json(const SignInRequest& m) {
    return {{"protocol", k_protocol_version}, {"staff", m.staff}, {"password", m.password}};
}

json to_json(const SignInResponse& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"token", m.token},
            {"staff", to_json(m.staff)},
            {"expires_at", m.expires_at}};
}

json to_json(const QueueRow& m) {
    json j = {{"number", m.number},
              {"branch", m.branch},
              {"request_type", core::to_string(m.request_type)},
              {"category", m.category},
              {"priority", core::to_string(m.priority)},
              {"state", core::to_string(m.state)},
              {"round", m.round},
              {"received_at", m.received_at},
              {"updated_at", m.updated_at},
              {"due_at", m.due_at},
              {"departments", m.departments},
              {"departments_pending", m.departments_pending},
              {"customer", m.customer}};
    if (m.handling_deadline) {
        j["handling_deadline"] = *m.handling_deadline;
    }
    return j;
}

json to_json(const QueueResponse& m) {
    json rows = json::array();
    for (const auto& r : m.rows) {
        rows.push_back(to_json(r));
    }
    json j = {{"protocol", k_protocol_version},
              {"epoch", m.epoch},
              {"queue", to_string(m.queue)},
              {"total", m.total},
              {"counts", m.counts},
              {"rows", std::move(rows)}};
    if (!m.calendars.empty()) {
        json calendars = json::array();
        for (const auto& c : m.calendars) {
            calendars.push_back({{"calendar", c.calendar},
                                 {"covers_until", c.covers_until},
                                 {"days_left", c.days_left}});
        }
        j["calendars"] = std::move(calendars);
    }
    return j;
}

json to_json(const TimelineEntry& m) {
    return {{"id", m.id},
            {"kind", m.kind},
            {"origin_device", m.origin_device},
            {"actor", m.actor},
            {"actor_role", m.actor_role},
            {"at", m.at},
            {"payload", m.payload}};
}

json to_json(const TicketDetail& m) {
    json timeline = json::array();
    for (const auto& e : m.timeline) {
        timeline.push_back(to_json(e));
    }
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"ticket", core::to_json(m.ticket, core::PiiMode::masked)},
            {"timeline", std::move(timeline)},
            {"allowed_steps", m.allowed_steps}};
}

json to_json(const ConsoleStepRequest& m) {
    return {{"protocol", k_protocol_version},
            {"request_id", m.request_id},
            {"step", m.step},
            {"payload", m.payload}};
}

json to_json(const ConsoleStepResponse& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"replayed", m.replayed},
            {"ticket", core::to_json(m.ticket, core::PiiMode::masked)}};
}

json to_json(const Dashboard& m) {
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"from", m.from},
            {"to", m.to},
            {"total", m.total},
            {"by_branch", count_list(m.by_branch)},
            {"by_category", count_list(m.by_category)},
            {"by_week", count_list(m.by_week)},
            {"first_response_met", m.first_response_met},
            {"first_response_total", m.first_response_total},
            {"handling_met", m.handling_met},
            {"handling_total", m.handling_total},
            {"avg_handling_ms", m.avg_handling_ms},
            {"resolved", m.resolved},
            {"satisfied", m.satisfied},
            {"mostly_satisfied", m.mostly_satisfied},
            {"unsatisfied", m.unsatisfied},
            {"top_problems", count_list(m.top_problems)},
            {"most_overdue", count_list(m.most_overdue)}};
}

// ----------------------------------------------------------------------------- parse_*

Parsed<StaffInfo> parse_staff_info(const json& j) {
    if (auto r = require_object(j, "staff"); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "staff");
    StaffInfo m;
    m.id = f.text("id", 64).value_or("");
    m.name = f.text("name", 200, true).value_or("");
    m.role = read_enum<core::Role>(f, "role", core::Role::reviewer, parse_role_text);
    m.department = f.optional_text("department", 64);
    if (f.ok() && !core::is_center_role(m.role)) {
        f.fail("invalid_value", "role", "staff.role: not a center role");
    }
    return done(f, std::move(m));
}

Parsed<SignInRequest> parse_sign_in_request(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    SignInRequest m;
    m.staff = f.text("staff", 64).value_or("");
    m.password = f.text("password", 256).value_or("");
    return done(f, std::move(m));
}

Parsed<SignInResponse> parse_sign_in_response(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    SignInResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.token = f.text("token", 256).value_or("");
    m.expires_at = f.integer("expires_at", 0, k_max_int).value_or(0);
    if (const json* staff = f.object("staff")) {
        auto s = parse_staff_info(*staff);
        if (!s) {
            f.fail(s.error().code, "staff", s.error().message);
        } else {
            m.staff = std::move(*s);
        }
    }
    return done(f, std::move(m));
}

namespace {

Parsed<QueueRow> parse_queue_row(const json& j, const std::string& path) {
    if (auto r = require_object(j, path); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, path);
    QueueRow m;
    m.number = f.text("number", 64).value_or("");
    m.branch = f.text("branch", 64).value_or("");
    m.request_type = read_enum<core::RequestType>(f, "request_type", core::RequestType::complaint,
                                                  core::parse_request_type);
    m.category = f.optional_text("category", 128);
    m.priority =
        read_enum<core::Priority>(f, "priority", core::Priority::normal, core::parse_priority);
    m.state = read_enum<core::State>(f, "state", core::State::submitted, core::parse_state);
    m.round = static_cast<int>(f.integer("round", 1, 9).value_or(1));
    m.received_at = f.integer("received_at", 0, k_max_int).value_or(0);
    m.updated_at = f.integer("updated_at", 0, k_max_int).value_or(0);
    m.due_at = f.integer("due_at", 0, k_max_int).value_or(0);
    if (j.contains("handling_deadline")) {
        m.handling_deadline = f.integer("handling_deadline", 0, k_max_int);
    }
    m.departments = read_texts(f, "departments", 64);
    m.departments_pending = read_texts(f, "departments_pending", 64);
    m.customer = f.optional_text("customer", 256);
    return done(f, std::move(m));
}

Parsed<CalendarNotice> parse_calendar_notice(const json& j, const std::string& path) {
    if (auto r = require_object(j, path); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, path);
    CalendarNotice m;
    m.calendar = f.text("calendar", 64).value_or("");
    if (!m.calendar.empty() && !code_chars(m.calendar, 64, false, false)) {
        f.fail("invalid_value", "calendar", "calendar: letters, digits, - and _ only");
    }
    m.covers_until = f.text("covers_until", 10).value_or("");
    if (f.ok() && (m.covers_until.size() != 10 || !core::parse_iso8601(m.covers_until))) {
        f.fail("invalid_value", "covers_until", "covers_until: a date YYYY-MM-DD");
    }
    m.days_left = static_cast<int>(f.integer("days_left", -100000, 100000).value_or(0));
    return done(f, std::move(m));
}

Parsed<TimelineEntry> parse_timeline_entry(const json& j, const std::string& path) {
    if (auto r = require_object(j, path); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, path);
    TimelineEntry m;
    m.id = f.text("id", 64).value_or("");
    m.kind = f.text("kind", 32).value_or("");
    m.origin_device = f.text("origin_device", 128).value_or("");
    m.actor = f.optional_text("actor", 128);
    m.actor_role = f.optional_text("actor_role", 32);
    m.at = f.integer("at", 0, k_max_int).value_or(0);
    if (const json* p = f.object("payload")) {
        m.payload = *p;
    }
    return done(f, std::move(m));
}

} // namespace

Parsed<QueueResponse> parse_queue_response(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    QueueResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.queue = read_enum<ConsoleQueue>(f, "queue", ConsoleQueue::review, parse_console_queue);
    m.total = f.integer("total", 0, k_max_int).value_or(0);
    if (const json* counts = f.object("counts")) {
        for (const auto& [key, value] : counts->items()) {
            if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
                f.fail("wrong_type", "counts", "counts." + key + ": must be a count");
                break;
            }
            m.counts[key] = value.get<std::int64_t>();
        }
    }
    if (const json* rows = f.array("rows", 1000)) {
        for (std::size_t i = 0; i < rows->size() && f.ok(); ++i) {
            auto row = parse_queue_row((*rows)[i], "rows[" + std::to_string(i) + "]");
            if (!row) {
                return std::unexpected(row.error());
            }
            m.rows.push_back(std::move(*row));
        }
    }
    if (const json* calendars = f.optional_array("calendars", 64)) {
        for (std::size_t i = 0; i < calendars->size() && f.ok(); ++i) {
            auto c = parse_calendar_notice((*calendars)[i], "calendars[" + std::to_string(i) + "]");
            if (!c) {
                return std::unexpected(c.error());
            }
            m.calendars.push_back(std::move(*c));
        }
    }
    return done(f, std::move(m));
}

Parsed<TicketDetail> parse_ticket_detail(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    TicketDetail m;
    m.epoch = f.text("epoch", 64).value_or("");
    if (auto t = read_ticket(f, "ticket")) {
        m.ticket = std::move(*t);
    }
    if (const json* timeline = f.array("timeline", k_max_list)) {
        for (std::size_t i = 0; i < timeline->size() && f.ok(); ++i) {
            auto e = parse_timeline_entry((*timeline)[i], "timeline[" + std::to_string(i) + "]");
            if (!e) {
                return std::unexpected(e.error());
            }
            m.timeline.push_back(std::move(*e));
        }
    }
    m.allowed_steps = read_texts(f, "allowed_steps", 32);
    return done(f, std::move(m));
}

Parsed<ConsoleStepRequest> parse_console_step_request(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    ConsoleStepRequest m;
    m.request_id = f.text("request_id", 64).value_or("");
    if (f.ok() && (m.request_id.size() < 8 || !code_chars(m.request_id, 64, true, false))) {
        f.fail("invalid_value", "request_id",
               "request_id: 8 to 64 letters, digits, '-' or '_' (a UUID)");
    }
    m.step = f.text("step", 32).value_or("");
    if (f.ok() && !core::parse_step(m.step)) {
        f.fail("unknown_kind", "step", "'" + m.step + "' is not a known step");
    }
    if (const json* payload = f.optional_object("payload")) {
        m.payload = *payload;
    }
    return done(f, std::move(m));
}

Parsed<ConsoleStepResponse> parse_console_step_response(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    ConsoleStepResponse m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.replayed = f.boolean("replayed").value_or(false);
    if (auto t = read_ticket(f, "ticket")) {
        m.ticket = std::move(*t);
    }
    return done(f, std::move(m));
}

Parsed<Dashboard> parse_dashboard(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    Dashboard m;
    m.epoch = f.text("epoch", 64).value_or("");
    m.from = f.integer("from", 0, k_max_int).value_or(0);
    m.to = f.integer("to", 0, k_max_int).value_or(0);
    m.total = f.integer("total", 0, k_max_int).value_or(0);
    m.by_branch = read_counts(f, "by_branch");
    m.by_category = read_counts(f, "by_category");
    m.by_week = read_counts(f, "by_week");
    m.first_response_met = f.integer("first_response_met", 0, k_max_int).value_or(0);
    m.first_response_total = f.integer("first_response_total", 0, k_max_int).value_or(0);
    m.handling_met = f.integer("handling_met", 0, k_max_int).value_or(0);
    m.handling_total = f.integer("handling_total", 0, k_max_int).value_or(0);
    m.avg_handling_ms = f.integer("avg_handling_ms", 0, k_max_int).value_or(0);
    m.resolved = f.integer("resolved", 0, k_max_int).value_or(0);
    m.satisfied = f.integer("satisfied", 0, k_max_int).value_or(0);
    m.mostly_satisfied = f.integer("mostly_satisfied", 0, k_max_int).value_or(0);
    m.unsatisfied = f.integer("unsatisfied", 0, k_max_int).value_or(0);
    m.top_problems = read_counts(f, "top_problems");
    m.most_overdue = read_counts(f, "most_overdue");
    return done(f, std::move(m));
}

// ----------------------------------------------------------------------------- reports

namespace {

// Hours as whole milliseconds on the wire; absent when there is no value.
void put_ms(json& out, const char* key, const std::optional<double>& hours) {
    if (hours) {
        out[key] =
            static_cast<std::int64_t>(std::llround(*hours * static_cast<double>(core::k_hour)));
    }
}

std::optional<double> read_hours(JsonFields& f, const char* key) {
    constexpr std::int64_t k_absent = std::numeric_limits<std::int64_t>::min();
    const auto ms = f.optional_integer(key, -k_max_int, k_max_int, k_absent);
    if (!ms || *ms == k_absent) {
        return std::nullopt;
    }
    return static_cast<double>(*ms) / static_cast<double>(core::k_hour);
}

json core_counts(const std::vector<core::CountRow>& rows) {
    json out = json::array();
    for (const auto& r : rows) {
        out.push_back({{"key", r.key}, {"count", r.count}});
    }
    return out;
}

std::vector<core::CountRow> read_core_counts(JsonFields& f, const char* key) {
    std::vector<core::CountRow> out;
    for (CountBy& c : read_counts(f, key)) {
        out.push_back(core::CountRow{std::move(c.key), c.count});
    }
    return out;
}

} // namespace

json to_json(const Reports& m) {
    const core::Stats& s = m.stats;
    json departments = json::array();
    for (const core::DepartmentRow& d : s.by_department) {
        json row = {{"department", d.department},     {"tickets", d.tickets},
                    {"assignments", d.assignments},   {"handled", d.handled},
                    {"deadline_met", d.deadline_met}, {"deadline_counted", d.deadline_counted},
                    {"overdue_now", d.overdue_now}};
        put_ms(row, "average_handling_ms", d.average_handling_hours);
        departments.push_back(std::move(row));
    }
    json staff = json::array();
    for (const core::StaffRow& r : s.by_staff) {
        json row = {{"branch", r.branch},
                    {"staff", r.staff},
                    {"tickets", r.tickets},
                    {"satisfied", r.satisfied},
                    {"mostly_satisfied", r.mostly_satisfied},
                    {"unsatisfied", r.unsatisfied},
                    {"resolved", r.resolved},
                    {"records_complete", r.records_complete}};
        put_ms(row, "average_first_response_ms", r.average_first_response_hours);
        staff.push_back(std::move(row));
    }
    return {{"protocol", k_protocol_version},
            {"epoch", m.epoch},
            {"from", s.from},
            {"to", s.to},
            {"total", s.total},
            {"by_type", core_counts(s.by_type)},
            {"satisfaction", core_counts(s.satisfaction)},
            {"satisfaction_events", core_counts(s.satisfaction_events)},
            {"by_responsibility", core_counts(s.by_responsibility)},
            {"by_knowledge_article", core_counts(s.by_knowledge_article)},
            {"by_department", std::move(departments)},
            {"by_staff", std::move(staff)}};
}

Parsed<Reports> parse_reports(const json& j) {
    if (auto r = require_object(j, ""); !r) {
        return std::unexpected(r.error());
    }
    JsonFields f(j, "");
    f.protocol();
    Reports m;
    core::Stats& s = m.stats;
    m.epoch = f.text("epoch", 64).value_or("");
    s.from = f.integer("from", 0, k_max_int).value_or(0);
    s.to = f.integer("to", 0, k_max_int).value_or(0);
    s.total = f.integer("total", 0, k_max_int).value_or(0);
    s.by_type = read_core_counts(f, "by_type");
    s.satisfaction = read_core_counts(f, "satisfaction");
    s.satisfaction_events = read_core_counts(f, "satisfaction_events");
    s.by_responsibility = read_core_counts(f, "by_responsibility");
    // Absent from a center older than the knowledge base: none counted.
    if (j.contains("by_knowledge_article")) {
        s.by_knowledge_article = read_core_counts(f, "by_knowledge_article");
    }
    s.knowledge_answered = core::total_of(s.by_knowledge_article);
    s.by_department = read_rows<core::DepartmentRow>(f, "by_department", [](JsonFields& e) {
        core::DepartmentRow d;
        d.department = e.text("department", 64).value_or("");
        d.tickets = e.integer("tickets", 0, k_max_int).value_or(0);
        d.assignments = e.integer("assignments", 0, k_max_int).value_or(0);
        d.handled = e.integer("handled", 0, k_max_int).value_or(0);
        d.average_handling_hours = read_hours(e, "average_handling_ms");
        d.deadline_met = e.integer("deadline_met", 0, k_max_int).value_or(0);
        d.deadline_counted = e.integer("deadline_counted", 0, k_max_int).value_or(0);
        d.deadline_compliance = core::ratio(d.deadline_met, d.deadline_counted);
        d.overdue_now = e.integer("overdue_now", 0, k_max_int).value_or(0);
        return d;
    });
    s.by_staff = read_rows<core::StaffRow>(f, "by_staff", [](JsonFields& e) {
        core::StaffRow r;
        r.branch = e.text("branch", 64, true).value_or("");
        r.staff = e.text("staff", 64).value_or("");
        r.tickets = e.integer("tickets", 0, k_max_int).value_or(0);
        r.satisfied = e.integer("satisfied", 0, k_max_int).value_or(0);
        r.mostly_satisfied = e.integer("mostly_satisfied", 0, k_max_int).value_or(0);
        r.unsatisfied = e.integer("unsatisfied", 0, k_max_int).value_or(0);
        r.resolved = e.integer("resolved", 0, k_max_int).value_or(0);
        r.resolution_rate = core::ratio(r.resolved, r.tickets);
        r.average_first_response_hours = read_hours(e, "average_first_response_ms");
        r.records_complete = e.integer("records_complete", 0, k_max_int).value_or(0);
        return r;
    });
    return done(f, std::move(m));
}

} // namespace cf::sync
