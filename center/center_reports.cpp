// The console's 考核 reports (docs/DOMAIN.md "Analysis and improvement") across the region:
// the definitions of core/stats.h, computed with the branch's own event queries
// (core/stats_sql.h) over the center's tickets and events, plus the center's columns for each
// ticket's owner and verdict. Every figure is one aggregate query, so memory stays bounded by
// the number of departments and staff members, never by tickets.
#include "center/center_schema.h"
#include "center/sqlite_center_storage.h"
#include "center/ticket_facts.h"

#include "core/stats_sql.h"

namespace cf::center {
namespace {

// The period's tickets under the filter. ?1 from, ?2 to (received_at), ?4 branch, ?5 category
// (or one of its subcategories), ?6 priority (its position, -1 for any), ?7 a department the
// ticket was dispatched to; empty text filters nothing.
constexpr const char* k_period_where =
    "received_at >= ?1 AND received_at < ?2 AND (?4 = '' OR branch = ?4) "
    "AND (?5 = '' OR category = ?5 OR substr(category, 1, length(?5) + 1) = ?5 || '.') "
    "AND (?6 < 0 OR priority = ?6) "
    "AND (?7 = '' OR instr(',' || departments || ',', ',' || ?7 || ',') > 0)";

std::string period_ids() {
    return std::string("SELECT id FROM tickets WHERE ") + k_period_where;
}

// The request type of each ticket, from its body.
std::string type_sql() {
    return std::string("SELECT json_extract(") + k_ticket_body +
           ", '$.request_type'), count(*) FROM tickets WHERE " + k_period_where +
           " GROUP BY 1 ORDER BY 2 DESC, 1";
}

// Each ticket's last verdict (the satisfaction column: 1 satisfied, 2 mostly, 3 unsatisfied).
std::string verdict_sql() {
    return std::string("SELECT CASE satisfaction WHEN 1 THEN 'satisfied' WHEN 2 THEN "
                       "'mostly_satisfied' ELSE 'unsatisfied' END, count(*) FROM tickets WHERE ") +
           k_period_where + " AND satisfaction > 0 GROUP BY 1 ORDER BY 2 DESC, 1";
}

// A ticket counts for its owner at its branch: the assignee, else the staff member who
// received it; the kiosk's tickets nobody took on count for nobody (as core/stats.h StaffRow).
std::string staff_sql() {
    return std::string(R"sql(
SELECT branch, owner, count(*), sum(satisfaction = 1), sum(satisfaction = 2),
       sum(satisfaction = 3), count(resolved_at), avg(acknowledged_at - received_at),
       sum(state = 'closed' AND acknowledged_at IS NOT NULL AND resolved_at IS NOT NULL
           AND satisfaction <> 0)
FROM (SELECT *, coalesce(nullif(json_extract(b, '$.assignee'), ''),
                         json_extract(b, '$.receiver'), '') AS owner
      FROM (SELECT branch, state, received_at, acknowledged_at, resolved_at, satisfaction, )sql") +
           k_ticket_body + " AS b FROM tickets WHERE " + k_period_where + R"sql())
WHERE owner NOT IN ('', 'kiosk') GROUP BY branch, owner ORDER BY 3 DESC, 1, 2
)sql";
}

} // namespace

CenterResult<sync::Reports>
SqliteCenterStorage::console_reports(const Principal& who, const sync::ReportsRequest& request,
                                     core::Millis now) {
    if (who.role == core::Role::handler) {
        return center_error(403, "not_for_handlers",
                            "the regional reports are for reviewers, dispatchers, auditors and "
                            "managers");
    }
    // By default the dashboard's period: this week and the 11 before it, weeks in UTC+8 (the
    // dashboard's default offset; the console always sends its period).
    const sync::ConsoleFilter& f = request.filter;
    const core::Millis to = f.to.value_or(now);
    const core::Millis from = f.from.value_or(week_start(now, 480) - 11 * 7 * core::k_day);
    if (from >= to) {
        return center_error(400, "invalid_value", "to: must be after from", "to");
    }
    if (to - from > 3LL * 366 * core::k_day) {
        return center_error(400, "invalid_value", "to: at most three years after from", "to");
    }
    sync::Reports out;
    out.epoch = m_epoch;
    core::Stats& s = out.stats;
    s.from = from;
    s.to = to;

    std::lock_guard lock(m_mutex);
    // Runs sql with the period and filter bound, calling row(q) for each row.
    const auto each_row = [&](const std::string& sql, auto row) -> CenterResult<void> {
        auto q = m_db.query(sql);
        if (!q) {
            return std::unexpected(from_core(q.error()));
        }
        q->bind(1, from).bind(2, to).bind(3, now).bind(4, f.branch).bind(5, f.category);
        q->bind(6, f.priority ? static_cast<int>(*f.priority) : -1).bind(7, f.department);
        while (true) {
            auto more = q->step();
            if (!more) {
                return std::unexpected(from_core(more.error()));
            }
            if (!*more) {
                return {};
            }
            row(*q);
        }
    };
    const auto counts_into = [](std::vector<core::CountRow>& out_rows) {
        return [&out_rows](const core::Query& q) {
            out_rows.push_back(core::read_count_row(q));
        };
    };
    if (auto r = each_row(type_sql(), counts_into(s.by_type)); !r) {
        return std::unexpected(r.error());
    }
    for (const core::CountRow& t : s.by_type) {
        s.total += t.count;
    }
    if (auto r = each_row(verdict_sql(), counts_into(s.satisfaction)); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = each_row(
            core::department_breakdown_sql(period_ids()),
            [&](const core::Query& q) { s.by_department.push_back(core::read_department_row(q)); });
        !r) {
        return std::unexpected(r.error());
    }
    if (auto r = each_row(staff_sql(),
                          [&](const core::Query& q) {
                              core::StaffRow row = core::read_staff_row(q, 1);
                              row.branch = q.text(0);
                              s.by_staff.push_back(std::move(row));
                          });
        !r) {
        return std::unexpected(r.error());
    }
    if (auto r = each_row(core::event_field_counts_sql(period_ids(), "handle", "responsibility"),
                          counts_into(s.by_responsibility));
        !r) {
        return std::unexpected(r.error());
    }
    if (auto r = each_row(core::event_field_counts_sql(period_ids(), "satisfaction", "level"),
                          counts_into(s.satisfaction_events));
        !r) {
        return std::unexpected(r.error());
    }
    // Enquiries answered from the knowledge base at the region's kiosks (SOP 002).
    if (auto r = each_row(core::knowledge_article_counts_sql(k_ticket_body, k_period_where),
                          counts_into(s.by_knowledge_article));
        !r) {
        return std::unexpected(r.error());
    }
    s.knowledge_answered = core::total_of(s.by_knowledge_article);
    return out;
}

} // namespace cf::center
