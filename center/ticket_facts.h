#pragma once
// The console's queues and dashboard over a whole region without reading ticket bodies: one
// small struct per ticket in memory, loaded at start from integer columns of the tickets
// table and kept current wherever a ticket row is written. A dashboard over a million
// tickets is then one pass over about 90 MB of structs. Not thread-safe: the storage guards
// it with its mutex.

#include "core/clock.h"
#include "core/ticket.h"
#include "sync/console_messages.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cf::center {

// One ticket as the queues and the dashboard see it. Times are ms since the epoch, 0 for none.
struct TicketFact {
    std::int64_t rowid = 0;
    core::Millis received_at = 0;
    core::Millis due_at = 0;
    core::Millis first_response_due = 0;
    core::Millis acknowledged_at = 0;
    core::Millis resolved_at = 0;
    core::Millis deadline = 0;     // handling deadline of the latest dispatch, kept after handling
    core::Millis handled_at = 0;   // when the latest dispatch was handled by every department
    std::uint64_t departments = 0; // bit i: ever dispatched to department i (i < 63); bit 63:
                                   // to a department past the 63rd (see FactTable)
    std::uint16_t branch = 0;
    std::uint16_t category = 0;     // the full code
    std::uint16_t top_category = 0; // its top-level code
    core::State state = core::State::received;
    core::Priority priority = core::Priority::normal;
    core::Satisfaction satisfaction = core::Satisfaction::none;
    bool crisis = false;        // 重大 or 外宣传型 (core/escalation.h)
    bool parts_waiting = false; // see parts_waiting(const core::Ticket&)
};

// The text columns of a fact, interned by the table.
struct FactText {
    std::string_view branch;
    std::string_view category;
    std::string_view departments; // comma-separated
};

// A ConsoleFilter resolved against the table's interned codes.
struct FactFilter {
    bool nothing = false; // a code no ticket has: nothing matches
    int branch = -1;
    std::vector<char> category; // per full category index; empty: any
    int priority = -1;
    core::Millis from = std::numeric_limits<core::Millis>::min();
    core::Millis to = std::numeric_limits<core::Millis>::max();
    int department = -1;
    std::string department_code;
};

// One page of a queue: the rows' rowids in the queue's order.
struct FactPage {
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> counts;
    std::vector<std::int64_t> rowids;
};

// States in which the center owns the ticket.
bool is_center_state(core::State s);
// In the managers' escalated queue: state escalated, or a crisis ticket not closed.
bool is_escalated(const TicketFact& f);
// At departments (dispatched) with a department's answer awaiting the auditor's audit_part:
// the audit queue lists it then, beside the handled tickets (column parts_waiting).
bool parts_waiting(const core::Ticket& t);
// The queue a fact belongs to by state, ignoring overdue and all.
bool in_queue(const TicketFact& f, sync::ConsoleQueue q, core::Millis now);
// The local Monday 00:00 (UTC + utc_offset_min) of the week holding t.
core::Millis week_start(core::Millis t, int utc_offset_min);

class FactTable {
public:
    // Adds or replaces the fact of f.rowid.
    void upsert(TicketFact f, const FactText& text);
    std::size_t size() const { return m_facts.size(); }
    void reserve(std::size_t n) { m_facts.reserve(n); }

    FactFilter resolve(const sync::ConsoleFilter& filter) const;
    bool matches(const TicketFact& f, const FactFilter& filter) const;

    // The queue's rows [offset, offset + limit) in its order, its total and every queue's
    // count under the filter.
    FactPage queue(sync::ConsoleQueue q, const FactFilter& filter, int limit, int offset,
                   core::Millis now) const;
    // The dashboard figures (docs/SYNC_PROTOCOL.md, "Console API") over [from, to).
    sync::Dashboard dashboard(const FactFilter& filter, core::Millis from, core::Millis to,
                              int utc_offset_min, core::Millis now) const;

private:
    std::uint16_t intern(std::vector<std::string>& names,
                         std::unordered_map<std::string, std::uint16_t>& index,
                         std::string_view name);
    bool has_department(const TicketFact& f, int department) const;

    std::vector<TicketFact> m_facts;
    std::vector<std::uint32_t> m_position; // by rowid: 1 + index into m_facts; 0: none
    std::vector<std::string> m_branches, m_categories, m_departments;
    std::unordered_map<std::string, std::uint16_t> m_branch_index, m_category_index,
        m_department_index;
    std::vector<std::uint16_t> m_top_of; // per full category: its top-level category index
    // Departments past the 63rd, per rowid (a region rarely has that many).
    std::unordered_map<std::int64_t, std::vector<std::uint16_t>> m_more_departments;
};

} // namespace cf::center
