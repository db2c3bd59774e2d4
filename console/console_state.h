#pragma once
// The console's screens and the small value types its controller and views share.

#include "console/console_client.h"
#include "core/clock.h"
#include "core/ticket.h"
#include "ui/locale.h"
#include "ui/notice.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace cf::console {

using ui::Locale;
using ui::Notice;

enum class Screen {
    sign_in,
    queue,     // the role's work lists, filters and pages
    detail,    // one ticket: fields, the whole timeline, the steps offered and their dialog
    dashboard, // the region's figures, drill-down and export
    reports,   // the 考核 reports: per department, responsibility, staff member; CSV per table
};

struct ConsoleTimings {
    core::Millis idle_sign_out = 15 * core::k_minute;
    core::Millis retry_reads = 5 * core::k_second; // a read that got no answer is sent again
    core::Millis refresh = core::k_minute;         // the open list reloads (countdowns, new work)
};

// A filter as typed: dates as "YYYY-MM-DD" in the region's local time (to is inclusive).
struct FilterDraft {
    std::string branch;
    std::string category; // a top-level category code
    std::optional<core::Priority> priority;
    std::string from;
    std::string to;
};

// The dialog of the step being taken. Its input stays until the center confirmed the step;
// request_id is made at the first attempt and re-sent with every retry, so the center applies
// the step at most once.
struct StepDialog {
    std::string step;                          // "dispatch", ...
    std::map<std::string, std::string> fields; // "text", "reason", "investigation", ...
    std::set<std::string> departments;         // dispatch and audit_reject
    int deadline_hours = 48;
    std::string request_id;
    std::optional<ConsoleError> error;               // the last attempt's failure
    std::map<std::string, std::string> field_errors; // field -> text key, found before sending
    int generation = 0; // bumped when the dialog opens anew (widget ids)
};

// What a click on the dashboard narrows the list to.
enum class DrillDown { branch, category, week, problem, overdue_branch };

} // namespace cf::console
