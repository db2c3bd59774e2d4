#pragma once
// The 考核 breakdowns of core/stats.h as SQL shared by the branch's store
// (ticket_store_breakdowns.cpp) and the regional center (center/center_reports.cpp). Both keep
// tickets in a `tickets` table and the append-only log in `events` (ticket_id, hlc, kind,
// payload), so the event queries are the same; each passes the SELECT of its period's ticket
// ids. Parameters: ?1 from, ?2 to, ?3 now; the period's SELECT may use ?4 and later.

#include "core/sqlite_db.h"
#include "core/stats.h"

#include <string>
#include <string_view>

namespace cf::core {

// Per responsible department: department, tickets, assignments, handled, average handling ms,
// deadline met, deadline counted, overdue now (DepartmentRow), most tickets first.
std::string department_breakdown_sql(std::string_view period_ids);

// The events of `kind` of the period's tickets counted per value of one payload field, most
// first: value, count.
std::string event_field_counts_sql(std::string_view period_ids, std::string_view kind,
                                   std::string_view field);

// The tickets of the period that name a knowledge-base article, per article, most first:
// article id, count. `body` is the SQL expression of a ticket's JSON body, `where` the
// period's condition on the tickets table.
std::string knowledge_article_counts_sql(std::string_view body, std::string_view where);

// A row of department_breakdown_sql.
DepartmentRow read_department_row(const Query& q);

// A StaffRow from the columns starting at `first`: staff, tickets, satisfied, mostly
// satisfied, unsatisfied, resolved, average first response ms, records complete.
StaffRow read_staff_row(const Query& q, int first);

// A CountRow from the columns value, count (a NULL value reads as "").
CountRow read_count_row(const Query& q);

} // namespace cf::core
