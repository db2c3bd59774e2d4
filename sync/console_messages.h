#pragma once
// The center console's API (docs/SYNC_PROTOCOL.md, "Console API"): staff sign in against the
// center with an id and a password, and every later request carries the session token. The
// center takes the actor, role and department of a step from the session, never from the
// body, and scopes what a department handler sees to tickets dispatched to their department.
// Shared by the center (which answers) and the console mode of the app (which asks).

#include "core/clock.h"
#include "core/stats.h"
#include "core/ticket.h"
#include "sync/protocol.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::sync {

inline constexpr const char* k_path_console_sign_in = "/v1/console/sign-in";
inline constexpr const char* k_path_console_sign_out = "/v1/console/sign-out";
inline constexpr const char* k_path_console_queue = "/v1/console/queue";
// GET k_path_console_tickets + "/NUMBER"; POST k_path_console_tickets + "/NUMBER/steps".
inline constexpr const char* k_path_console_tickets = "/v1/console/tickets";
inline constexpr const char* k_path_console_dashboard = "/v1/console/dashboard";
inline constexpr const char* k_path_console_reports = "/v1/console/reports";

// The work lists of the console.
enum class ConsoleQueue {
    review,       // submitted: awaiting 复核
    dispatch,     // accepted: awaiting 派单
    departments,  // dispatched: at departments, with the handling deadline counting down
    audit,        // handled: awaiting 审核
    answer,       // audited: awaiting 反馈 to the branch
    overdue,      // a center state whose handling deadline or ticket deadline has passed
    second_round, // the customer was unsatisfied: 二次处理 at the branch (read only here)
    all,          // every ticket (the dashboard's drill-down)
    escalated,    // the managers': 重大 and 外宣传型 tickets until closed, and a customer
                  // unsatisfied after the second round (core/escalation.h)
};
inline constexpr ConsoleQueue k_console_queues[] = {
    ConsoleQueue::review,       ConsoleQueue::dispatch, ConsoleQueue::departments,
    ConsoleQueue::audit,        ConsoleQueue::answer,   ConsoleQueue::overdue,
    ConsoleQueue::second_round, ConsoleQueue::all,      ConsoleQueue::escalated,
};
std::string_view to_string(ConsoleQueue q);
std::optional<ConsoleQueue> parse_console_queue(std::string_view s);

// A center staff account as the console sees it.
struct StaffInfo {
    std::string id;
    std::string name;
    core::Role role = core::Role::reviewer; // reviewer, dispatcher, handler, auditor, manager
    std::string department;                 // a handler's one department; empty otherwise
};

// POST /v1/console/sign-in (no token). Fails with 401 bad_credentials (unknown id or wrong
// password: the same answer for both), 403 account_disabled, 423 locked (with "locked_until").
struct SignInRequest {
    std::string staff;
    std::string password;
};
struct SignInResponse {
    std::string epoch;
    std::string token; // the session's bearer token; shown once
    StaffInfo staff;
    core::Millis expires_at = 0;
};

// Which tickets a list or the dashboard covers. Empty / absent members do not filter. Dates
// filter on received_at, in [from, to).
struct ConsoleFilter {
    std::string branch;
    std::string category; // a category code; also matches its subcategories ("billing.x")
    std::optional<core::Priority> priority;
    std::optional<core::Millis> from;
    std::optional<core::Millis> to;
    std::string department; // dispatched to this department (a handler's own is forced)
};

// GET /v1/console/queue?queue=&branch=&category=&priority=&from=&to=&department=&limit=&offset=
struct QueueRequest {
    ConsoleQueue queue = ConsoleQueue::review;
    ConsoleFilter filter;
    int limit = 50; // 1..500
    int offset = 0;
};

// One line of a list. The customer's name is masked by the center.
struct QueueRow {
    std::string number;
    std::string branch;
    core::RequestType request_type = core::RequestType::complaint;
    std::string category;
    core::Priority priority = core::Priority::normal;
    core::State state = core::State::submitted;
    int round = 1;
    core::Millis received_at = 0;
    core::Millis updated_at = 0;
    core::Millis due_at = 0;
    std::optional<core::Millis> handling_deadline;
    std::vector<std::string> departments;
    std::vector<std::string> departments_pending;
    std::string customer; // masked name
};

// A business calendar the center knows that runs out within 30 days or has run out (issue 14:
// the center sees the warning until a newer calendar is published).
struct CalendarNotice {
    std::string calendar;     // its id: "cn-mainland"
    std::string covers_until; // the last day its lists cover, "2026-12-31"
    int days_left = 0;        // 0 on that day, < 0 after it
};

struct QueueResponse {
    std::string epoch;
    ConsoleQueue queue = ConsoleQueue::review;
    std::int64_t total = 0;                     // rows in this queue under the filter
    std::map<std::string, std::int64_t> counts; // every queue's count under the filter
    std::vector<QueueRow> rows;                 // ordered by the queue's own order
    std::vector<CalendarNotice> calendars;      // written only when one runs out soon
};

// One event of the timeline, from the branch or the center.
struct TimelineEntry {
    std::string id;
    std::string kind;
    std::string origin_device; // "SZ01/K1", or k_center_device for the center
    std::string actor;
    std::string actor_role;
    core::Millis at = 0;                               // physical time of the event
    nlohmann::json payload = nlohmann::json::object(); // create: the ticket, personal data left out
};

// GET /v1/console/tickets/NUMBER. Fails with 404 not_found, 403 wrong_department (a handler
// asking for a ticket never dispatched to their department).
struct TicketDetail {
    std::string epoch;
    core::Ticket ticket; // customer fields masked
    std::vector<TimelineEntry> timeline;
    std::vector<std::string> allowed_steps; // steps the signed-in staff may take now
};

// POST /v1/console/tickets/NUMBER/steps. request_id (a UUID the console makes once per
// attempt at a step) makes a retry safe: a request_id already applied gets the first answer
// again with replayed = true and nothing new is stored.
struct ConsoleStepRequest {
    std::string request_id;
    std::string step; // review_accept, review_return, dispatch, handle, audit_approve,
                      // audit_reject, feedback, note
    nlohmann::json payload = nlohmann::json::object();
};
struct ConsoleStepResponse {
    std::string epoch;
    bool replayed = false;
    core::Ticket ticket; // customer fields masked
};

// GET /v1/console/dashboard?branch=&category=&priority=&from=&to=&utc_offset_min=
// from/to default to the last 12 weeks before now; weeks start on Monday at local midnight,
// local being UTC + utc_offset_min (default 480, China).
struct DashboardRequest {
    ConsoleFilter filter;
    int utc_offset_min = 480;
};

struct CountBy {
    std::string key; // a branch, a category code, or a week's first day "2026-11-16"
    std::int64_t count = 0;
};

struct Dashboard {
    std::string epoch;
    core::Millis from = 0;
    core::Millis to = 0;
    std::int64_t total = 0;
    std::vector<CountBy> by_branch;   // every branch with tickets, most first
    std::vector<CountBy> by_category; // top-level categories, most first
    std::vector<CountBy> by_week;     // every week of [from, to), oldest first, zeros included
    // First response (初步回应) before first_response_due, over tickets whose due time passed
    // or that were acknowledged.
    std::int64_t first_response_met = 0;
    std::int64_t first_response_total = 0;
    // Department handling finished before the handling deadline, over dispatched tickets that
    // were handled or whose deadline passed.
    std::int64_t handling_met = 0;
    std::int64_t handling_total = 0;
    std::int64_t avg_handling_ms = 0; // received_at to resolved_at over resolved tickets
    std::int64_t resolved = 0;        // tickets the average is over
    std::int64_t satisfied = 0;
    std::int64_t mostly_satisfied = 0;
    std::int64_t unsatisfied = 0;
    std::vector<CountBy> top_problems; // full category codes, most first, at most 10
    std::vector<CountBy> most_overdue; // branches by tickets overdue now, most first, at most 10
};

// GET /v1/console/reports?branch=&category=&priority=&from=&to=&department=
// The 考核 reports over the region's tickets received in [from, to) (default: the 12 weeks
// before now, as the dashboard): per responsible department, per responsibility, per branch
// staff member, every round's satisfaction and the volume per request type (core/stats.h). For
// reviewers, dispatchers, auditors and managers (403 not_for_handlers).
struct ReportsRequest {
    ConsoleFilter filter;
};

struct Reports {
    std::string epoch;
    // from, to, total, by_type, satisfaction (each ticket's last verdict), satisfaction_events,
    // by_department, by_responsibility, by_staff (each row with its branch); nothing else is
    // filled. Averages travel as whole milliseconds.
    core::Stats stats;
};

// Query strings (without "?") and their parsers. The parsers take the decoded parameters as
// cpp-httplib gives them and fail with invalid_value / wrong_type / unknown_field naming the
// parameter.
using QueryParams = std::multimap<std::string, std::string>;
std::string to_query_string(const QueueRequest& m);
std::string to_query_string(const DashboardRequest& m);
Parsed<QueueRequest> parse_queue_request(const QueryParams& params);
Parsed<DashboardRequest> parse_dashboard_request(const QueryParams& params);
std::string to_query_string(const ReportsRequest& m);
Parsed<ReportsRequest> parse_reports_request(const QueryParams& params);
nlohmann::json to_json(const Reports& m);
Parsed<Reports> parse_reports(const nlohmann::json& j);

nlohmann::json to_json(const StaffInfo& m);
nlohmann::json to_json(const SignInRequest& m);
nlohmann::json to_json(const SignInResponse& m);
nlohmann::json to_json(const QueueRow& m);
nlohmann::json to_json(const QueueResponse& m);
nlohmann::json to_json(const TimelineEntry& m);
nlohmann::json to_json(const TicketDetail& m);
nlohmann::json to_json(const ConsoleStepRequest& m);
nlohmann::json to_json(const ConsoleStepResponse& m);
nlohmann::json to_json(const Dashboard& m);

Parsed<StaffInfo> parse_staff_info(const nlohmann::json& j);
Parsed<SignInRequest> parse_sign_in_request(const nlohmann::json& j);
Parsed<SignInResponse> parse_sign_in_response(const nlohmann::json& j);
Parsed<QueueResponse> parse_queue_response(const nlohmann::json& j);
Parsed<TicketDetail> parse_ticket_detail(const nlohmann::json& j);
Parsed<ConsoleStepRequest> parse_console_step_request(const nlohmann::json& j);
Parsed<ConsoleStepResponse> parse_console_step_response(const nlohmann::json& j);
Parsed<Dashboard> parse_dashboard(const nlohmann::json& j);

} // namespace cf::sync
