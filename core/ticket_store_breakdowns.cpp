// The 考核 figures of TicketStore::stats (DOMAIN.md "Analysis and improvement"): per
// responsible department, per responsibility, per staff member, and every round's
// satisfaction. Each is one aggregate query over the tickets received in the period and their
// events, so memory stays bounded by the number of departments and staff, never by tickets.
#include "core/ticket_store.h"

namespace cf::core {
namespace {

// The tickets of the period: ?1 <= received_at < ?2.
constexpr const char* k_period_tickets =
    "SELECT id FROM tickets WHERE received_at >= ?1 AND received_at < ?2";

// Each dispatch naming a department is an assignment (a dispatch, or an audit_reject sending
// the ticket back to its departments). It is answered by that department's first handle event
// after it; audit_reject comes only after every department answered, so a later assignment
// never takes an earlier one's handle. Event times are the physical part of the HLC (ms).
// ?3 is now.
constexpr const char* k_department_sql = R"sql(
WITH period AS (SELECT id FROM tickets WHERE received_at >= ?1 AND received_at < ?2),
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

// A ticket's owner: its assignee, else its receiver; "kiosk" is nobody's.
constexpr const char* k_staff_sql = R"sql(
SELECT owner, count(*), sum(satisfaction = 'satisfied'), sum(satisfaction = 'mostly_satisfied'),
       sum(satisfaction = 'unsatisfied'), count(resolved_at), avg(acknowledged_at - received_at),
       sum(state = 'closed' AND acknowledged_at IS NOT NULL AND resolved_at IS NOT NULL
           AND satisfaction != 'none')
FROM (SELECT *, CASE WHEN assignee != '' THEN assignee ELSE receiver END AS owner
      FROM tickets WHERE received_at >= ?1 AND received_at < ?2)
WHERE owner NOT IN ('', 'kiosk') GROUP BY owner ORDER BY 2 DESC, 1
)sql";

// The events of one kind of the period's tickets, counted per value of one payload field.
std::string event_field_counts(std::string_view kind, std::string_view field) {
    return std::string("SELECT json_extract(e.payload, '$.") + std::string(field) +
           "'), count(*) FROM (" + k_period_tickets +
           ") p JOIN events e ON e.ticket_id = p.id WHERE e.kind = '" + std::string(kind) +
           "' GROUP BY 1 ORDER BY 2 DESC, 1";
}

std::optional<double> ratio(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(part) / static_cast<double>(whole);
}

std::optional<double> hours(const Query& q, int column) {
    if (q.is_null(column)) {
        return std::nullopt;
    }
    return q.real(column) / static_cast<double>(k_hour);
}

std::int64_t count_at(const Query& q, int column) {
    return q.is_null(column) ? 0 : q.int64(column);
}

// Runs sql bound to the period (and now as ?3 when it uses it), calling row(q) per row.
template <class RowFn>
Result<void> each_row(Database& db, std::string_view sql, Millis from, Millis to, Millis now,
                      RowFn row) {
    auto q = db.query(sql);
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, from).bind(2, to);
    if (sql.find("?3") != std::string_view::npos) {
        q->bind(3, now);
    }
    while (true) {
        auto more = q->step();
        if (!more) {
            return std::unexpected(more.error());
        }
        if (!*more) {
            return {};
        }
        row(*q);
    }
}

} // namespace

Result<void> TicketStore::add_breakdowns(Stats& s) {
    const Millis now = m_clock->now();
    auto departments = each_row(m_db, k_department_sql, s.from, s.to, now, [&](const Query& q) {
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
        s.by_department.push_back(std::move(r));
    });
    if (!departments) {
        return departments;
    }
    auto staff = each_row(m_db, k_staff_sql, s.from, s.to, now, [&](const Query& q) {
        StaffRow r;
        r.staff = q.text(0);
        r.tickets = q.int64(1);
        r.satisfied = count_at(q, 2);
        r.mostly_satisfied = count_at(q, 3);
        r.unsatisfied = count_at(q, 4);
        r.resolved = q.int64(5);
        r.resolution_rate = ratio(r.resolved, r.tickets);
        r.average_first_response_hours = hours(q, 6);
        r.records_complete = count_at(q, 7);
        s.by_staff.push_back(std::move(r));
    });
    if (!staff) {
        return staff;
    }
    const auto counts_into = [&](std::vector<CountRow>& out) {
        return [&out](const Query& q) {
            out.push_back(CountRow{q.is_null(0) ? std::string() : q.text(0), q.int64(1)});
        };
    };
    if (auto r = each_row(m_db, event_field_counts("handle", "responsibility"), s.from, s.to, now,
                          counts_into(s.by_responsibility));
        !r) {
        return r;
    }
    return each_row(m_db, event_field_counts("satisfaction", "level"), s.from, s.to, now,
                    counts_into(s.satisfaction_events));
}

} // namespace cf::core
