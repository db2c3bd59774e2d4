// [SECTION] set-up and helpers
// [SECTION] session
// [SECTION] answers
// [SECTION] queues and filters
// [SECTION] detail and steps
// [SECTION] dashboard
// [SECTION] reports

#include "console/console_controller.h"

#include "core/escalation.h"
#include "core/lifecycle.h"

#include "core/csv_file.h"
#include "core/uuid.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

namespace cf::console {

// [SECTION] set-up and helpers

namespace {

bool is_console_step(std::string_view step) {
    return std::ranges::any_of(k_console_steps, [&](const char* s) { return step == s; });
}

// Local midnight of a "YYYY-MM-DD" date, or none.
std::optional<core::Millis> local_date(const std::string& text, int offset) {
    if (text.size() != 10) {
        return std::nullopt;
    }
    return core::parse_iso8601(text, offset);
}

} // namespace

int handling_hours_from_policy(const std::filesystem::path& assets_dir) {
    std::ifstream in(assets_dir / "sla" / "policy.json");
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object()) {
        const auto h = j.find("handling");
        if (h != j.end() && h->is_object()) {
            const auto hours = h->find("hours");
            if (hours != h->end() && hours->is_number_integer() && hours->get<int>() > 0) {
                return hours->get<int>();
            }
        }
    }
    return 48;
}

ConsoleController::ConsoleController(ConsoleServices services)
    : m_services(std::move(services)), m_client(std::make_unique<ConsoleClient>(
                                           m_services.http, *m_services.clock, m_services.wake)) {}

ConsoleController::~ConsoleController() {
    sign_out(); // the client sends it before it stops, so the session ends on the center too
}

std::uint64_t ConsoleController::send(RequestKind kind, std::string path,
                                      std::optional<nlohmann::json> body) {
    return m_client->send(kind, std::move(path), std::move(body), m_token);
}

bool ConsoleController::waiting() const {
    return m_sign_in_req != 0 || m_queue_req != 0 || m_detail_req != 0 || m_step_req != 0 ||
           m_dashboard_req != 0 || m_reports_req != 0;
}

void ConsoleController::go(Screen s) {
    if (!signed_in()) {
        m_screen = Screen::sign_in;
        return;
    }
    if ((s == Screen::dashboard || s == Screen::reports) && !dashboard_allowed()) {
        return;
    }
    m_screen = s;
    if (s == Screen::dashboard && !m_dashboard.has() && m_dashboard_req == 0) {
        reload_dashboard();
    }
    if (s == Screen::reports && !m_reports.has() && m_reports_req == 0) {
        reload_reports();
    }
    if (s == Screen::queue && !m_queue_loaded && m_queue_req == 0) {
        reload_queue();
    }
}

bool ConsoleController::dashboard_allowed() const {
    return signed_in() && m_staff->role != core::Role::handler;
}

void ConsoleController::error_notice(const ConsoleError& e) {
    if (e.kind == ConsoleError::Kind::unreachable) {
        m_notice = {"console.error.unreachable", {{"error", e.message}}, true, {}};
    } else if (e.code == "wrong_department") {
        m_notice = {"console.error.wrong_department", {}, true, {}};
    } else if (e.code == "not_found") {
        m_notice = {"console.error.not_found", {}, true, {}};
    } else {
        m_notice = {"console.error.refused",
                    {{"status", std::to_string(e.status)}, {"message", e.message}},
                    true,
                    {}};
    }
}

// [SECTION] session

void ConsoleController::sign_in() {
    m_notice = {};
    if (m_sign_in_req != 0) {
        return;
    }
    if (m_sign_in_id.empty()) {
        m_notice = {"console.sign_in.need_id", {}, true, {}};
        return;
    }
    if (m_sign_in_password.empty()) {
        m_notice = {"console.sign_in.need_password", {}, true, {}};
        return;
    }
    const sync::SignInRequest r{m_sign_in_id, m_sign_in_password};
    m_sign_in_req =
        m_client->send(RequestKind::sign_in, sync::k_path_console_sign_in, sync::to_json(r), "");
    // The password is not kept once it is on its way.
    std::fill(m_sign_in_password.begin(), m_sign_in_password.end(), '\0');
    m_sign_in_password.clear();
}

void ConsoleController::clear_session() {
    m_staff.reset();
    m_token.clear();
    m_screen = Screen::sign_in;
    m_queue_req = m_detail_req = m_step_req = m_dashboard_req = m_reports_req = 0;
    m_retry_at.reset();
    m_counts.clear();
    m_rows.clear();
    m_total = 0;
    m_offset = 0;
    m_queue_loaded = false;
    m_filter_draft = {};
    m_filter = {};
    m_filter_errors.clear();
    m_detail.reset();
    m_detail_number.clear();
    m_dialog.reset();
    m_dashboard.clear();
    m_dash_draft = {};
    m_dash_filter = {};
    m_reports.clear();
    m_report_period = ReportPeriod::this_month;
}

void ConsoleController::sign_out() {
    if (!signed_in()) {
        return;
    }
    m_client->send(RequestKind::sign_out, sync::k_path_console_sign_out, nlohmann::json::object(),
                   m_token);
    clear_session();
    m_notice = {};
}

void ConsoleController::touch() {
    m_last_input = now();
}

std::optional<core::Millis> ConsoleController::next_deadline() const {
    std::optional<core::Millis> at;
    auto earliest = [&at](core::Millis t) {
        at = at ? std::min(*at, t) : t;
    };
    if (signed_in()) {
        earliest(m_last_input + m_services.timings.idle_sign_out);
        if (m_retry_at) {
            earliest(*m_retry_at);
        }
        if (m_screen == Screen::queue && m_queue_loaded) {
            earliest(m_last_queue_load + m_services.timings.refresh);
        }
    }
    return at;
}

void ConsoleController::tick() {
    for (ConsoleReply& r : m_client->poll()) {
        take(std::move(r));
    }
    if (!signed_in()) {
        return;
    }
    const core::Millis t = now();
    if (t - m_last_input >= m_services.timings.idle_sign_out) {
        sign_out();
        m_notice = {"console.sign_in.idle", {}, false, {}};
        return;
    }
    if (m_retry_at && t >= *m_retry_at) {
        retry_now();
    }
    if (m_screen == Screen::queue && m_queue_loaded && m_queue_req == 0 && !m_retry_at &&
        t - m_last_queue_load >= m_services.timings.refresh) {
        reload_queue();
    }
}

void ConsoleController::retry_now() {
    m_retry_at.reset();
    if (!signed_in()) {
        return;
    }
    switch (m_screen) {
    case Screen::queue:
        if (m_queue_req == 0) {
            reload_queue();
        }
        break;
    case Screen::detail:
        if (m_detail_req == 0 && !m_detail_number.empty()) {
            request_ticket(m_detail_number);
        }
        break;
    case Screen::dashboard:
        if (m_dashboard_req == 0) {
            reload_dashboard();
        }
        break;
    case Screen::reports:
        if (m_reports_req == 0) {
            reload_reports();
        }
        break;
    case Screen::sign_in:
        break;
    }
}

// [SECTION] answers

void ConsoleController::take(ConsoleReply reply) {
    std::uint64_t* slot = nullptr;
    switch (reply.kind) {
    case RequestKind::sign_in:
        slot = &m_sign_in_req;
        break;
    case RequestKind::queue:
        slot = &m_queue_req;
        break;
    case RequestKind::ticket:
        slot = &m_detail_req;
        break;
    case RequestKind::step:
        slot = &m_step_req;
        break;
    case RequestKind::dashboard:
        slot = &m_dashboard_req;
        break;
    case RequestKind::reports:
        slot = &m_reports_req;
        break;
    case RequestKind::sign_out:
        return; // nothing waits for it
    }
    if (*slot != reply.id) {
        return; // replaced by a newer request, or sent before a sign-out
    }
    *slot = 0;
    switch (reply.kind) {
    case RequestKind::sign_in:
        on_sign_in(reply.result);
        break;
    case RequestKind::queue:
        on_queue(reply.result);
        break;
    case RequestKind::ticket:
        on_ticket(reply.result);
        break;
    case RequestKind::step:
        on_step(reply.result);
        break;
    case RequestKind::dashboard:
        on_dashboard(reply.result);
        break;
    case RequestKind::reports:
        on_reports(reply.result);
        break;
    case RequestKind::sign_out:
        break;
    }
}

void ConsoleController::on_sign_in(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!r) {
        const ConsoleError& e = r.error();
        if (e.kind == ConsoleError::Kind::unreachable) {
            m_notice = {"console.sign_in.unreachable", {{"error", e.message}}, true, {}};
        } else if (e.code == "bad_credentials") {
            m_notice = {"console.sign_in.bad_credentials", {}, true, {}};
        } else if (e.code == "locked") {
            m_notice = {"console.sign_in.locked",
                        {{"time", e.locked_until ? local_time(*e.locked_until) : "—"}},
                        true,
                        {}};
        } else if (e.code == "account_disabled") {
            m_notice = {"console.sign_in.disabled", {}, true, {}};
        } else {
            error_notice(e);
        }
        return;
    }
    auto& s = std::get<sync::SignInResponse>(*r);
    clear_session();
    m_staff = s.staff;
    m_token = s.token;
    m_notice = {};
    m_last_input = now();
    const std::vector<sync::ConsoleQueue> qs = queues();
    m_queue = qs.empty() ? sync::ConsoleQueue::all : qs.front();
    m_screen = Screen::queue;
    reload_queue();
}

bool ConsoleController::session_lost(const ConsoleError& e) {
    if (e.kind == ConsoleError::Kind::refused && e.status == 401) {
        clear_session();
        m_notice = {"console.sign_in.expired", {}, true, {}};
        return true;
    }
    return false;
}

void ConsoleController::read_failed(const ConsoleError& e) {
    if (session_lost(e)) {
        return;
    }
    if (e.kind == ConsoleError::Kind::unreachable) {
        // The banner says so; reads are sent again on a timer.
        m_retry_at = now() + m_services.timings.retry_reads;
        return;
    }
    error_notice(e);
}

void ConsoleController::on_queue(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!r) {
        read_failed(r.error());
        return;
    }
    auto& q = std::get<sync::QueueResponse>(*r);
    m_counts = std::move(q.counts);
    m_rows = std::move(q.rows);
    m_calendars = std::move(q.calendars);
    m_total = q.total;
    m_queue_loaded = true;
    m_last_queue_load = now();
}

void ConsoleController::on_ticket(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!r) {
        const ConsoleError& e = r.error();
        if (e.kind == ConsoleError::Kind::refused && (e.status == 403 || e.status == 404)) {
            // Not this staff member's ticket (or none): back to the list, saying why.
            m_detail.reset();
            m_detail_number.clear();
            m_dialog.reset();
            if (m_screen == Screen::detail) {
                m_screen = Screen::queue;
            }
            error_notice(e);
            return;
        }
        read_failed(e);
        return;
    }
    auto& d = std::get<sync::TicketDetail>(*r);
    if (d.ticket.number != m_detail_number) {
        return;
    }
    m_detail = std::move(d);
    // A dialog whose step is no longer offered (someone else took it) closes, unless it has
    // an attempt whose outcome is unknown.
    if (m_dialog && m_dialog->request_id.empty()) {
        const std::vector<std::string> steps = offered_steps();
        if (std::ranges::find(steps, m_dialog->step) == steps.end()) {
            m_dialog.reset();
        }
    }
}

void ConsoleController::on_step(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!m_dialog) {
        return;
    }
    if (!r) {
        if (session_lost(r.error())) {
            return;
        }
        // The dialog keeps its input and request id: "retry" sends the same request again.
        m_dialog->error = r.error();
        m_notice = {"console.step.failed", {}, true, {}};
        return;
    }
    auto& s = std::get<sync::ConsoleStepResponse>(*r);
    m_notice = {"console.step.done",
                {{"number", s.ticket.number}},
                false,
                {{"step", "counter.step." + m_dialog->step}}};
    m_dialog.reset();
    if (m_detail) {
        m_detail->ticket = s.ticket;
    }
    request_ticket(m_detail_number); // the new timeline and steps
    reload_queue();                  // the counts moved
}

void ConsoleController::on_dashboard(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!r) {
        read_failed(r.error());
        return;
    }
    m_dashboard.set(std::move(std::get<sync::Dashboard>(*r)));
}

void ConsoleController::on_reports(std::expected<ConsoleAnswer, ConsoleError>& r) {
    if (!r) {
        read_failed(r.error());
        return;
    }
    m_reports.set(std::move(std::get<sync::Reports>(*r)));
}

std::string ConsoleController::local_time(core::Millis t) const {
    const std::string iso = core::format_iso8601(t, m_services.utc_offset_minutes);
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

// [SECTION] queues and filters

std::vector<sync::ConsoleQueue> ConsoleController::queues() const {
    using Q = sync::ConsoleQueue;
    if (!signed_in()) {
        return {};
    }
    switch (m_staff->role) {
    case core::Role::reviewer:
        return {Q::review, Q::answer, Q::overdue, Q::second_round, Q::all};
    case core::Role::dispatcher:
        return {Q::dispatch, Q::departments, Q::overdue, Q::all};
    case core::Role::handler:
        return {Q::departments, Q::overdue};
    case core::Role::auditor:
        return {Q::audit, Q::answer, Q::overdue, Q::second_round, Q::all};
    case core::Role::manager:
        // The escalated queue first: a crisis or a customer unsatisfied twice is theirs.
        return {Q::escalated, Q::review,  Q::dispatch,     Q::departments, Q::audit,
                Q::answer,    Q::overdue, Q::second_round, Q::all};
    default:
        return {};
    }
}

std::int64_t ConsoleController::count(sync::ConsoleQueue q) const {
    const auto it = m_counts.find(std::string(sync::to_string(q)));
    return it == m_counts.end() ? 0 : it->second;
}

void ConsoleController::set_queue(sync::ConsoleQueue q) {
    const std::vector<sync::ConsoleQueue> qs = queues();
    if (std::ranges::find(qs, q) == qs.end()) {
        return;
    }
    m_queue = q;
    m_offset = 0;
    m_screen = Screen::queue;
    reload_queue();
}

void ConsoleController::reload_queue() {
    if (!signed_in()) {
        return;
    }
    sync::QueueRequest r;
    r.queue = m_queue;
    r.filter = m_filter;
    r.limit = k_page_size;
    r.offset = m_offset;
    m_queue_req = send(RequestKind::queue,
                       std::string(sync::k_path_console_queue) + "?" + sync::to_query_string(r));
}

void ConsoleController::next_page() {
    if (m_offset + k_page_size < m_total) {
        m_offset += k_page_size;
        reload_queue();
    }
}

void ConsoleController::previous_page() {
    if (m_offset > 0) {
        m_offset = std::max(0, m_offset - k_page_size);
        reload_queue();
    }
}

std::optional<sync::ConsoleFilter>
ConsoleController::checked(const FilterDraft& d, std::map<std::string, std::string>& errors) {
    errors.clear();
    sync::ConsoleFilter f;
    f.branch = d.branch;
    f.category = d.category;
    f.priority = d.priority;
    const int off = m_services.utc_offset_minutes;
    if (!d.from.empty()) {
        if (auto t = local_date(d.from, off)) {
            f.from = *t;
        } else {
            errors["from"] = "console.filter.bad_date";
        }
    }
    if (!d.to.empty()) {
        if (auto t = local_date(d.to, off)) {
            f.to = *t + core::k_day; // the "to" day is included
        } else {
            errors["to"] = "console.filter.bad_date";
        }
    }
    if (f.from && f.to && *f.to <= *f.from) {
        errors["to"] = "console.filter.to_before_from";
    }
    if (!errors.empty()) {
        const std::string field = errors.begin()->first;
        m_notice = {"console.filter.invalid", {}, true, {{"field", "console.filter." + field}}};
        return std::nullopt;
    }
    return f;
}

void ConsoleController::apply_filter() {
    auto f = checked(m_filter_draft, m_filter_errors);
    if (!f) {
        return;
    }
    m_notice = {};
    m_filter = *f;
    m_offset = 0;
    reload_queue();
}

void ConsoleController::clear_filter() {
    m_filter_draft = {};
    m_filter_errors.clear();
    m_filter = {};
    m_offset = 0;
    reload_queue();
}

// [SECTION] detail and steps

void ConsoleController::request_ticket(const std::string& number) {
    m_detail_req =
        send(RequestKind::ticket, std::string(sync::k_path_console_tickets) + "/" + number);
}

void ConsoleController::open(std::string_view number) {
    if (!signed_in()) {
        return;
    }
    if (m_detail_number != number) {
        m_detail.reset();
        m_dialog.reset();
    }
    m_detail_number = std::string(number);
    m_screen = Screen::detail;
    m_notice = {};
    request_ticket(m_detail_number);
}

std::vector<std::string> ConsoleController::offered_steps() const {
    std::vector<std::string> out;
    if (m_detail) {
        for (const std::string& s : m_detail->allowed_steps) {
            if (is_console_step(s)) {
                out.push_back(s);
            }
        }
    }
    return out;
}

std::vector<std::string> ConsoleController::pending_departments(bool signed_for) const {
    if (!signed_in() || !m_detail) {
        return {};
    }
    if (m_staff->role == core::Role::handler) {
        return {m_staff->department};
    }
    std::vector<std::string> out;
    for (const std::string& d : m_detail->ticket.departments_pending) {
        if (core::has_signed_for(m_detail->ticket, d) == signed_for) {
            out.push_back(d);
        }
    }
    return out;
}

std::vector<std::string> ConsoleController::part_departments() const {
    return m_detail ? core::parts_to_audit(m_detail->ticket) : std::vector<std::string>{};
}

std::vector<std::string> ConsoleController::suggested_departments() const {
    if (!m_detail) {
        return {};
    }
    return m_services.category_departments.suggested(m_detail->ticket.category,
                                                     catalog().categories);
}

void ConsoleController::begin_step(std::string_view step) {
    const std::vector<std::string> steps = offered_steps();
    if (std::ranges::find(steps, step) == steps.end()) {
        return;
    }
    if (m_dialog && m_dialog->step == step) {
        return; // already open, input kept
    }
    const int generation = m_dialog ? m_dialog->generation + 1 : 0;
    m_dialog = StepDialog{};
    m_dialog->step = std::string(step);
    m_dialog->generation = generation;
    m_dialog->deadline_hours = m_services.default_deadline_hours;
    // One department to choose from: it is chosen.
    const std::vector<std::string> one = step == "handle"       ? handle_departments()
                                         : step == "sign_for"   ? sign_for_departments()
                                         : step == "audit_part" ? part_departments()
                                                                : std::vector<std::string>{};
    if (one.size() == 1) {
        m_dialog->fields["department"] = one.front();
    }
    if (step == "dispatch") {
        // The departments of the ticket's category, as it stands after any correction.
        const std::vector<std::string> suggested = suggested_departments();
        m_dialog->departments.insert(suggested.begin(), suggested.end());
    }
    if (step == "reclassify" && m_detail) {
        // 复核 二次确认 starts from the classification as the branch filed it.
        const nlohmann::json now = core::classification_of(m_detail->ticket);
        for (const auto& [key, value] : now.items()) {
            m_dialog->fields[key] = value.get<std::string>();
        }
    }
    if (step == "audit_reject" && m_detail) {
        m_dialog->departments.insert(m_detail->ticket.departments.begin(),
                                     m_detail->ticket.departments.end());
    }
}

void ConsoleController::take_step() {
    if (!m_dialog || m_step_req != 0 || !m_detail) {
        return;
    }
    StepDialog& d = *m_dialog;
    d.field_errors.clear();
    nlohmann::json payload = nlohmann::json::object();
    auto text = [&](const char* field) {
        std::string v = d.fields[field];
        const auto first = v.find_first_not_of(" \t\r\n");
        if (first == std::string::npos) {
            d.field_errors[field] = "console.field.required";
            return;
        }
        v = v.substr(first, v.find_last_not_of(" \t\r\n") - first + 1);
        payload[field] = v;
    };
    auto departments_and_deadline = [&] {
        if (d.departments.empty()) {
            d.field_errors["departments"] = "console.field.pick_department";
        }
        payload["departments"] =
            std::vector<std::string>(d.departments.begin(), d.departments.end());
        payload["deadline"] = now() + d.deadline_hours * core::k_hour;
    };
    if (d.step == "review_return" || d.step == "audit_reject") {
        text("reason");
    }
    if (d.step == "dispatch" || d.step == "audit_reject") {
        departments_and_deadline();
    }
    if (d.step == "handle") {
        text("department");
        text("investigation");
        const std::string& resp = d.fields["responsibility"];
        if (!core::parse_responsibility(resp)) {
            d.field_errors["responsibility"] = "console.field.pick_responsibility";
        } else {
            payload["responsibility"] = resp;
        }
        text("solution");
    }
    if (d.step == "feedback" || d.step == "note") {
        text("text");
    }
    if (d.step == "sign_for") {
        text("department");
    }
    if (d.step == "audit_part") {
        text("department");
        const std::string& verdict = d.fields["verdict"];
        if (verdict != "approved" && verdict != "rejected") {
            d.field_errors["verdict"] = "console.field.pick_verdict";
        } else {
            payload["verdict"] = verdict;
        }
        if (verdict == "rejected") {
            text("reason");
            payload["deadline"] = now() + d.deadline_hours * core::k_hour;
        }
    }
    if (d.step == "reclassify") {
        // Before as the center showed it (a stale view is refused), after only what changes.
        const nlohmann::json before = core::classification_of(m_detail->ticket);
        nlohmann::json after = nlohmann::json::object();
        for (const auto& [key, value] : before.items()) {
            if (d.fields[key] != value.get<std::string>()) {
                after[key] = d.fields[key];
            }
        }
        if (after.empty()) {
            d.field_errors["classification"] = "console.field.change_something";
        }
        payload["before"] = before;
        payload["after"] = after;
        text("reason");
    }
    if (d.step == "checklist") {
        if (!core::is_checklist_item(d.fields["item"])) {
            d.field_errors["item"] = "console.field.pick_item";
        } else {
            payload["item"] = d.fields["item"];
        }
    }
    if (!d.field_errors.empty()) {
        const std::string field = d.field_errors.begin()->first;
        m_notice = {"console.step.invalid", {}, true, {{"field", "counter.payload." + field}}};
        return;
    }
    if (d.request_id.empty()) {
        d.request_id = core::uuid_v7(now());
    }
    d.error.reset();
    m_notice = {};
    sync::ConsoleStepRequest r;
    r.request_id = d.request_id;
    r.step = d.step;
    r.payload = std::move(payload);
    m_step_req = send(RequestKind::step,
                      std::string(sync::k_path_console_tickets) + "/" + m_detail_number + "/steps",
                      sync::to_json(r));
}

// [SECTION] dashboard

void ConsoleController::set_period(int weeks) {
    m_period_weeks = weeks;
    reload_dashboard();
}

void ConsoleController::apply_dashboard_filter() {
    std::map<std::string, std::string> errors;
    FilterDraft d = m_dash_draft;
    d.from.clear(); // the period chooses the dates
    d.to.clear();
    auto f = checked(d, errors);
    if (!f) {
        return;
    }
    m_notice = {};
    m_dash_filter = *f;
    if (m_screen == Screen::reports) {
        m_dashboard.clear();
        reload_reports();
    } else {
        m_reports.clear();
        reload_dashboard();
    }
}

// The period: whole weeks (Monday local midnight) ending with the current one.
static std::pair<core::Millis, core::Millis> period_of(core::Millis now, int weeks, int offset) {
    const core::Millis local = now + offset * core::k_minute;
    const core::Millis day =
        local >= 0 ? local / core::k_day : (local - core::k_day + 1) / core::k_day;
    const core::Millis weekday = ((day + 3) % 7 + 7) % 7; // 1970-01-01 was a Thursday
    const core::Millis monday = (day - weekday) * core::k_day - offset * core::k_minute;
    return {monday - (weeks - 1) * 7 * core::k_day, monday + 7 * core::k_day};
}

void ConsoleController::reload_dashboard() {
    if (!dashboard_allowed()) {
        return;
    }
    sync::DashboardRequest r;
    r.filter = m_dash_filter;
    const auto [from, to] = period_of(now(), m_period_weeks, m_services.utc_offset_minutes);
    r.filter.from = from;
    r.filter.to = to;
    r.utc_offset_min = m_services.utc_offset_minutes;
    m_dashboard_req = send(RequestKind::dashboard, std::string(sync::k_path_console_dashboard) +
                                                       "?" + sync::to_query_string(r));
}

void ConsoleController::drill_down(DrillDown kind, std::string_view key) {
    if (!signed_in()) {
        return;
    }
    sync::ConsoleFilter f = m_dash_filter;
    const auto [from, to] = period_of(now(), m_period_weeks, m_services.utc_offset_minutes);
    f.from = from;
    f.to = to;
    sync::ConsoleQueue q = sync::ConsoleQueue::all;
    switch (kind) {
    case DrillDown::branch:
        f.branch = std::string(key);
        break;
    case DrillDown::category:
    case DrillDown::problem:
        f.category = std::string(key);
        break;
    case DrillDown::week:
        if (auto t = local_date(std::string(key), m_services.utc_offset_minutes)) {
            f.from = *t;
            f.to = *t + 7 * core::k_day;
        }
        break;
    case DrillDown::overdue_branch:
        f.branch = std::string(key);
        f.from.reset(); // overdue now, whenever it was received
        f.to.reset();
        q = sync::ConsoleQueue::overdue;
        break;
    }
    m_filter = f;
    // The filter row shows what is in force, so it can be changed from there.
    const int off = m_services.utc_offset_minutes;
    m_filter_draft = {f.branch, f.category, f.priority,
                      f.from ? core::format_iso8601(*f.from, off).substr(0, 10) : "",
                      f.to ? core::format_iso8601(*f.to - core::k_day, off).substr(0, 10) : ""};
    m_filter_errors.clear();
    m_queue = q;
    m_offset = 0;
    m_screen = Screen::queue;
    m_notice = {};
    reload_queue();
}

bool ConsoleController::export_csv(const std::filesystem::path& path) {
    if (!m_dashboard.has()) {
        m_notice = {"console.export.nothing", {}, true, {}};
        return false;
    }
    const std::string csv =
        m_dashboard.csv(*m_services.catalog, m_locale, m_services.utc_offset_minutes);
    if (auto r = core::write_file_atomically(path, csv); !r) {
        m_notice = {"console.export.failed", {{"error", r.error().message}}, true, {}};
        return false;
    }
    m_notice = {"console.export.done", {{"path", path.string()}}, false, {}};
    return true;
}

// [SECTION] reports

void ConsoleController::set_report_period(ReportPeriod p) {
    m_report_period = p;
    reload_reports();
}

void ConsoleController::reload_reports() {
    if (!dashboard_allowed()) {
        return;
    }
    sync::ReportsRequest r;
    r.filter = m_dash_filter;
    const auto [from, to] =
        console::report_period(m_report_period, now(), m_services.utc_offset_minutes);
    r.filter.from = from;
    r.filter.to = to;
    m_reports_req = send(RequestKind::reports, std::string(sync::k_path_console_reports) + "?" +
                                                   sync::to_query_string(r));
}

bool ConsoleController::export_report(ReportTable table, const std::filesystem::path& dir) {
    if (!m_reports.has()) {
        m_notice = {"console.export.nothing", {}, true, {}};
        return false;
    }
    const std::filesystem::path path =
        dir / m_reports.file_name(table, m_services.utc_offset_minutes);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec); // a failure is named by the write below
    const std::string csv = m_reports.csv(table, *m_services.catalog, m_services.departments,
                                          m_locale, m_services.utc_offset_minutes);
    if (auto r = core::write_file_atomically(path, csv); !r) {
        m_notice = {"console.export.failed", {{"error", r.error().message}}, true, {}};
        return false;
    }
    m_notice = {"console.export.done", {{"path", path.string()}}, false, {}};
    return true;
}

} // namespace cf::console
