#pragma once
// The counter's work queue (issue 5): which tickets each tab holds, in which order, and the
// few fields a queue row shows. Built for 100,000 tickets: ids() reads only row ids through
// the indexes of migration 4, and rows() loads (and unmasks, then masks) only the rows on
// screen, so a UI asks ids() when data_version() changed and rows() for the visible page.
//
// Tabs (a ticket may be in several: "mine" and "overdue" cut across the others):
//   fresh            "New": received or returned (first response or branch action pending)
//   mine             not closed, and assignee == staff_id, or no assignee and
//                    receiver == staff_id
//   awaiting_center  submitted, accepted, dispatched, handled, audited
//   feedback_arrived answered: the center's feedback is here; call the customer
//   overdue          not closed and the running deadline < now
//   closed           closed
//   escalated        重大 and 外宣传型 tickets not closed, and escalated ones (the customer
//                    unsatisfied after the second round): core/escalation.h
// Acknowledged, resolved, satisfied and second-round tickets are only in mine/overdue (and
// escalated, for a crisis).
//
// The running deadline is first_response_due while the ticket is received (not yet
// acknowledged), otherwise due_at (the ticket deadline; a second round or a reopen sets a new
// one); 0 means none, and closed tickets have none. It started at received_at, or at
// deadline_started_at when a step set it anew.
//
// Sorts: deadline = running deadline ascending, tickets without one last (closed: closed_at
// descending); newest/oldest = received_at; priority = urgent, important, normal, then as
// deadline. Ties go by rowid: ascending, except for newest (the later-filed ticket first).

#include "core/error.h"
#include "core/ticket.h"
#include "core/ticket_store.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

enum class QueueTab { fresh, mine, awaiting_center, feedback_arrived, overdue, closed, escalated };
inline constexpr QueueTab k_all_tabs[] = {
    QueueTab::fresh,   QueueTab::mine,   QueueTab::awaiting_center, QueueTab::feedback_arrived,
    QueueTab::overdue, QueueTab::closed, QueueTab::escalated};
// How many tickets each tab holds, by the tab's position.
using TabCounts = std::array<std::int64_t, std::size(k_all_tabs)>;
// "new", "mine", "awaiting_center", "feedback_arrived", "overdue", "closed", "escalated"
std::string_view to_string(QueueTab t);
std::optional<QueueTab> parse_queue_tab(std::string_view s);

enum class QueueSort { deadline, newest, oldest, priority };
std::string_view to_string(QueueSort s); // "deadline", "newest", "oldest", "priority"

struct QueueFilter {
    QueueTab tab = QueueTab::fresh;
    std::string staff_id; // whose "mine"
    std::optional<RequestType> type;
    std::optional<Priority> priority;
    std::string category; // "billing" matches billing and billing.*; empty = any
    QueueSort sort = QueueSort::deadline;
};

struct QueueRow {
    std::int64_t rowid = 0;
    std::string number;
    RequestType type = RequestType::complaint;
    std::string category;
    Priority priority = Priority::normal;
    State state = State::received;
    Millis received_at = 0;
    Millis sla_start = 0;          // when the running deadline started
    std::optional<Millis> sla_due; // the running deadline; none for closed tickets
    // Masked name and masked phone (the email when there is no phone), e.g.
    // "李** 138****5678"; "" when the ticket has neither.
    std::string customer_masked;
    std::string assignee; // staff id or ""
};

// The running deadline and when it started, as described above.
std::optional<Millis> running_deadline(const Ticket& t);
Millis deadline_start(const Ticket& t);

class TicketQueue {
public:
    explicit TicketQueue(TicketStore& store) : m_store(&store) {}

    // Row ids of the matching tickets, in the filter's order, at `now` (overdue depends on
    // it); the mine tab without a staff id holds none. Fails with a storage error.
    Result<std::vector<std::int64_t>> ids(const QueueFilter& filter, Millis now);
    // The rows for these ids, in the same order (ids no longer present are skipped). Fails
    // with a storage error, or corrupt when a row does not parse or decrypt.
    Result<std::vector<QueueRow>> rows(std::span<const std::int64_t> ids);
    // How many tickets each tab holds (index = tab order), for the tab labels; mine counts 0
    // without a staff id. Fails with a storage error.
    Result<TabCounts> counts(std::string_view staff_id, Millis now);
    // Changes whenever any connection (e.g. the sync worker's) commits to the database:
    // PRAGMA data_version combined with this connection's own change counter. Fails with a
    // storage error.
    Result<std::int64_t> data_version();

private:
    TicketStore* m_store;
};

// The store's queue columns for a ticket (migration 4 in store_schema.cpp describes them and
// computes the same for rows written before it).
struct QueueColumns {
    int tab = 0;            // 0 new, 2 awaiting center, 3 feedback arrived, 5 closed, 9 other
    std::int64_t key = 0;   // the running deadline, INT64_MAX without one; -closed_at if closed
    std::string owner;      // assignee, else receiver
    int priority_rank = 2;  // 0 urgent, 1 important, 2 normal
    bool escalated = false; // in the escalated tab (migration 6)
};
QueueColumns queue_columns(const Ticket& t);

// A row for a ticket already loaded (search results).
QueueRow queue_row(const Ticket& t, std::int64_t rowid = 0);

} // namespace cf::core
