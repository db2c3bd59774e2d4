#include "core/stats_sql.h"

namespace cf::core {
namespace {

std::optional<double> hours(const Query& q, int column) {
    if (q.is_null(column)) {
        return std::nullopt;
    }
    return q.real(column) / static_cast<double>(k_hour);
}

std::int64_t count_at(const Query& q, int column) {
    return q.is_null(column) ? 0 : q.int64(column);
}

} // namespace

// Each dispatch naming a department is an assignment (a dispatch, or an audit_reject sending
// the ticket back to its departments). It is answered by that department's first handle event
// after it; audit_reject comes only after every department answered, so a later assignment
// never takes an earlier one's handle. Event times are the physical part of the HLC (ms).
std::string department_breakdown_sql(std::string_view period_ids) {
    return "WITH period AS (" + std::string(period_ids) + R"sql(),
assignment AS (
    SELECT e.ticket_id, e.hlc, d.value AS department,
           json_extract(e.payload, '$.deadline') AS deadline
    FROM period p JOIN events e ON e.ticket_id = p.id, json_each(e.payload, '$.departments') d
    WHERE e.kind IN ('dispatch', 'audit_reject')),
answered AS (
    SELECT a.*, (SELECT min(h.hlc) FROM events h
                 WHERE h.ticket_id = a.ticket_id AND h.kind = 'handle' AND h.hlc > a.hlc
                   AND json_extract(h.payload, '$.department') = a.department) AS handle_hlc
    FROM assignment a)
SELECT department, count(DISTINCT ticket_id), count(*), count(handle_hlc),
       avg((handle_hlc >> 16) - (hlc >> 16)),
       sum(handle_hlc IS NOT NULL AND (handle_hlc >> 16) <= deadline),
       sum(handle_hlc IS NOT NULL OR deadline < ?3),
       sum(handle_hlc IS NULL AND deadline < ?3)
FROM answered GROUP BY department ORDER BY 2 DESC, 1
)sql";
}

std::string event_field_counts_sql(std::string_view period_ids, std::string_view kind,
                                   std::string_view field) {
    return "SELECT json_extract(e.payload, '$." + std::string(field) + "'), count(*) FROM (" +
           std::string(period_ids) + ") p JOIN events e ON e.ticket_id = p.id WHERE e.kind = '" +
           std::string(kind) + "' GROUP BY 1 ORDER BY 2 DESC, 1";
}

std::string knowledge_article_counts_sql(std::string_view body, std::string_view where) {
    const std::string article = "json_extract(" + std::string(body) + ", '$.knowledge_article')";
    return "SELECT " + article + ", count(*) FROM tickets WHERE " + std::string(where) + " AND " +
           article + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1";
}

DepartmentRow read_department_row(const Query& q) {
    DepartmentRow r;
    r.department = q.text(0);
    r.tickets = q.int64(1);
    r.assignments = q.int64(2);
    r.handled = q.int64(3);
    r.average_handling_hours = hours(q, 4);
    r.deadline_met = count_at(q, 5);
    r.deadline_counted = count_at(q, 6);
    r.deadline_compliance = ratio(r.deadline_met, r.deadline_counted);
    r.overdue_now = count_at(q, 7);
    return r;
}

StaffRow read_staff_row(const Query& q, int first) {
    StaffRow r;
    r.staff = q.text(first);
    r.tickets = q.int64(first + 1);
    r.satisfied = count_at(q, first + 2);
    r.mostly_satisfied = count_at(q, first + 3);
    r.unsatisfied = count_at(q, first + 4);
    r.resolved = count_at(q, first + 5);
    r.resolution_rate = ratio(r.resolved, r.tickets);
    r.average_first_response_hours = hours(q, first + 6);
    r.records_complete = count_at(q, first + 7);
    return r;
}

CountRow read_count_row(const Query& q) {
    return CountRow{q.is_null(0) ? std::string() : q.text(0), q.int64(1)};
}

} // namespace cf::core
