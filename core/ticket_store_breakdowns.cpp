// The 考核 figures of TicketStore::stats (DOMAIN.md "Analysis and improvement"): per
// responsible department, per responsibility, per staff member, and every round's
// satisfaction. Each is one aggregate query over the tickets received in the period and their
// events, so memory stays bounded by the number of departments and staff, never by tickets.
#include "core/stats_sql.h"
#include "core/ticket_store.h"

namespace cf::core {
namespace {

// The tickets of the period: ?1 <= received_at < ?2.
constexpr const char* k_period_tickets =
    "SELECT id FROM tickets WHERE received_at >= ?1 AND received_at < ?2";

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
    auto departments =
        each_row(m_db, department_breakdown_sql(k_period_tickets), s.from, s.to, now,
                 [&](const Query& q) { s.by_department.push_back(read_department_row(q)); });
    if (!departments) {
        return departments;
    }
    auto staff = each_row(m_db, k_staff_sql, s.from, s.to, now,
                          [&](const Query& q) { s.by_staff.push_back(read_staff_row(q, 0)); });
    if (!staff) {
        return staff;
    }
    const auto counts_into = [&](std::vector<CountRow>& out) {
        return [&out](const Query& q) {
            out.push_back(read_count_row(q));
        };
    };
    if (auto r =
            each_row(m_db, event_field_counts_sql(k_period_tickets, "handle", "responsibility"),
                     s.from, s.to, now, counts_into(s.by_responsibility));
        !r) {
        return r;
    }
    if (auto r = each_row(m_db, event_field_counts_sql(k_period_tickets, "satisfaction", "level"),
                          s.from, s.to, now, counts_into(s.satisfaction_events));
        !r) {
        return r;
    }
    auto articles = each_row(
        m_db, knowledge_article_counts_sql("body", "received_at >= ?1 AND received_at < ?2"),
        s.from, s.to, now, counts_into(s.by_knowledge_article));
    s.knowledge_answered = total_of(s.by_knowledge_article);
    return articles;
}

} // namespace cf::core
