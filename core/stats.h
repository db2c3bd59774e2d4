#pragma once
// Statistics for a period (DOMAIN.md "Analysis and improvement"), over tickets received in
// [from, to).

#include "core/clock.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

struct CountRow {
    std::string key; // a request type, category code, priority or satisfaction level
    std::int64_t count = 0;
};

// The request types, satisfaction levels and responsibilities (a handle event's) in the order
// screens and CSV files list them, every one even when its count is 0, so the axes do not
// change between periods.
inline constexpr std::array<std::string_view, 6> k_stats_types = {
    "complaint", "enquiry", "suggestion", "praise", "report", "other"};
inline constexpr std::array<std::string_view, 3> k_stats_satisfaction = {
    "satisfied", "mostly_satisfied", "unsatisfied"};
inline constexpr std::array<std::string_view, 3> k_stats_responsibilities = {
    "our_department", "supplier", "customer_misunderstanding"};

// The count of `key` in rows (0 when absent).
std::int64_t count_of(const std::vector<CountRow>& rows, std::string_view key);
// The sum of the counts of `rows`.
std::int64_t total_of(const std::vector<CountRow>& rows);
// met / counted, none when nothing counted.
std::optional<double> ratio(std::int64_t part, std::int64_t whole);

// One responsible department's figures over the center's events that synced back: each
// dispatch naming the department (a dispatch, or an audit_reject sending it back) is one
// assignment, met by the department's first handle event after it.
struct DepartmentRow {
    std::string department;
    std::int64_t tickets = 0;     // tickets dispatched to it (volume)
    std::int64_t assignments = 0; // dispatches naming it, a rework after an audit counted again
    std::int64_t handled = 0;     // assignments it answered with a handle event
    std::optional<double> average_handling_hours; // dispatch -> its handle, over handled ones
    std::int64_t deadline_met = 0;             // handled by the dispatch's deadline (处理时限)
    std::int64_t deadline_counted = 0;         // handled, or not handled and past the deadline now
    std::optional<double> deadline_compliance; // met / counted, 0..1
    std::int64_t overdue_now = 0;              // not handled and past the deadline now
};

// One staff member's figures. A ticket counts for its owner: the assignee (who acknowledged
// it first, or the supervisor given the second round), else the staff member who received
// it. Tickets only the kiosk has touched count for nobody.
struct StaffRow {
    std::string staff;  // staff id, never a customer's data
    std::string branch; // the staff member's branch in the center's regional figures; empty
                        // in a branch's own
    std::int64_t tickets = 0;
    std::int64_t satisfied = 0; // the ticket's last verdict, as in Stats::satisfaction
    std::int64_t mostly_satisfied = 0;
    std::int64_t unsatisfied = 0;
    std::int64_t resolved = 0;             // resolved at the branch or answered by the center
    std::optional<double> resolution_rate; // resolved / tickets, 0..1
    std::optional<double> average_first_response_hours; // received -> acknowledged
    // Closed with a complete record: acknowledged, resolved or answered, and the customer's
    // verdict recorded (a supervisor's close without confirmation is not complete).
    std::int64_t records_complete = 0;
};

struct Stats {
    Millis from = 0;
    Millis to = 0;
    std::int64_t total = 0;
    std::vector<CountRow> by_type;
    std::vector<CountRow> by_category;
    std::vector<CountRow> by_priority;
    std::vector<CountRow> satisfaction;           // satisfied, mostly_satisfied, unsatisfied
    std::vector<CountRow> top_categories;         // the five largest, most first
    std::int64_t resolved = 0;                    // tickets with a resolution or center feedback
    std::optional<double> average_handling_hours; // received -> first resolution/feedback
    std::int64_t first_response_met = 0;          // acknowledged by their first-response due time
    std::int64_t first_response_counted = 0;      // acknowledged, or already past due unanswered
    std::optional<double> first_response_compliance; // met / counted, 0..1
    // Every satisfaction event of these tickets (each round's verdict), where `satisfaction`
    // holds only each ticket's last one.
    std::vector<CountRow> satisfaction_events;
    std::vector<DepartmentRow> by_department; // most tickets first
    std::vector<CountRow> by_responsibility;  // handle events per responsibility
    std::vector<StaffRow> by_staff;           // most tickets first
    // Enquiries the customer said a knowledge-base answer settled (SOP 002 知识库标准答案): the
    // tickets naming an article, and their count per article id, most first.
    std::int64_t knowledge_answered = 0;
    std::vector<CountRow> by_knowledge_article;
};

nlohmann::json to_json(const Stats& s);

// One local day of the volume line chart (TicketStore::daily_volume).
struct DayCount {
    CivilDate day;
    std::int64_t received = 0; // tickets received that day
    std::int64_t closed = 0;   // tickets closed that day and not reopened since
    bool operator==(const DayCount&) const = default;
};

} // namespace cf::core
