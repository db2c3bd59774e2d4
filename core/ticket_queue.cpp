// The counter's queue: tab membership and order come from the generated columns and indexes
// of migration 4 (store_schema.cpp), so ids() reads row ids in index order.
#include "core/ticket_queue.h"

#include "core/escalation.h"
#include "core/masking.h"

#include <sqlite3.h>

#include <limits>

namespace cf::core {
namespace {

constexpr std::string_view k_tab_names[] = {
    "new", "mine", "awaiting_center", "feedback_arrived", "overdue", "closed", "escalated"};
static_assert(std::size(k_tab_names) == std::size(k_all_tabs));
constexpr std::string_view k_sort_names[] = {"deadline", "newest", "oldest", "priority"};

// Parameters: ?1 staff id, ?2 now, ?3 type, ?4 priority, ?5 category, ?6 and ?7 the bounds of
// its children ("billing." <= c < "billing/").
std::string_view tab_condition(QueueTab tab) {
    switch (tab) {
    case QueueTab::fresh:
        return "queue_tab = 0";
    case QueueTab::mine:
        return "state != 'closed' AND queue_owner = ?1";
    case QueueTab::awaiting_center:
        return "queue_tab = 2";
    case QueueTab::feedback_arrived:
        return "queue_tab = 3";
    case QueueTab::overdue:
        return "state != 'closed' AND queue_key < ?2";
    case QueueTab::closed:
        return "queue_tab = 5";
    case QueueTab::escalated:
        return "queue_escalated = 1";
    }
    return "0";
}

std::string_view order_by(QueueSort sort) {
    switch (sort) {
    case QueueSort::deadline:
        return " ORDER BY queue_key, rowid";
    case QueueSort::newest:
        return " ORDER BY received_at DESC, rowid DESC";
    case QueueSort::oldest:
        return " ORDER BY received_at, rowid";
    case QueueSort::priority:
        return " ORDER BY priority_rank, queue_key, rowid";
    }
    return "";
}

std::string masked_customer(const std::string& name, const std::string& phone,
                            const std::string& email) {
    std::string out = mask_name(name);
    const std::string contact = !phone.empty() ? mask_phone(phone) : mask_email(email);
    if (!out.empty() && !contact.empty()) {
        out += ' ';
    }
    return out + contact;
}

// The earliest clock running in this state: the first response while received, else the
// ticket deadline, and the contact deadline when it is earlier.
std::optional<Millis> deadline_of(State state, Millis first_response_due, Millis due_at,
                                  Millis contact_due) {
    if (state == State::closed) {
        return std::nullopt;
    }
    Millis due = state == State::received ? first_response_due : due_at;
    if (contact_due > 0 && (due <= 0 || contact_due < due)) {
        due = contact_due;
    }
    return due > 0 ? std::optional<Millis>(due) : std::nullopt;
}

} // namespace

std::string_view to_string(QueueTab t) {
    return k_tab_names[static_cast<std::size_t>(t)];
}

std::optional<QueueTab> parse_queue_tab(std::string_view s) {
    for (QueueTab t : k_all_tabs) {
        if (to_string(t) == s) {
            return t;
        }
    }
    return std::nullopt;
}

std::string_view to_string(QueueSort s) {
    return k_sort_names[static_cast<std::size_t>(s)];
}

std::optional<Millis> running_deadline(const Ticket& t) {
    return deadline_of(t.state, t.first_response_due, t.due_at, t.contact_due);
}

Millis deadline_start(const Ticket& t) {
    return t.deadline_started_at.value_or(t.received_at);
}

QueueColumns queue_columns(const Ticket& t) {
    QueueColumns c;
    using enum State;
    switch (t.state) {
    case received:
    case returned:
        c.tab = 0;
        break;
    case submitted:
    case accepted:
    case dispatched:
    case handled:
    case audited:
    case escalated:
        c.tab = 2;
        break;
    case answered:
        c.tab = 3;
        break;
    case closed:
        c.tab = 5;
        break;
    default:
        c.tab = 9;
        break;
    }
    if (t.state == closed) {
        c.key = -t.closed_at.value_or(0);
    } else {
        c.key = running_deadline(t).value_or(std::numeric_limits<std::int64_t>::max());
    }
    c.owner = !t.assignee.empty() ? t.assignee : t.receiver;
    c.escalated = in_escalated_queue(t);
    c.priority_rank = t.priority == Priority::urgent      ? 0
                      : t.priority == Priority::important ? 1
                                                          : 2;
    return c;
}

QueueRow queue_row(const Ticket& t, std::int64_t rowid) {
    QueueRow r;
    r.rowid = rowid;
    r.number = t.number;
    r.type = t.request_type;
    r.category = t.category;
    r.priority = t.priority;
    r.state = t.state;
    r.received_at = t.received_at;
    r.sla_start = deadline_start(t);
    r.sla_due = running_deadline(t);
    r.customer_masked = masked_customer(t.customer.name, t.customer.phone, t.customer.email);
    r.assignee = t.assignee;
    return r;
}

Result<std::vector<std::int64_t>> TicketQueue::ids(const QueueFilter& filter, Millis now) {
    if (filter.tab == QueueTab::mine && filter.staff_id.empty()) {
        return std::vector<std::int64_t>{};
    }
    const bool filtered = filter.type || filter.priority || !filter.category.empty();
    // Named where SQLite would otherwise walk an index in the sort's order and read every
    // row to filter: these indexes hold every column the query needs.
    std::string sql = "SELECT rowid FROM tickets ";
    if (filter.tab == QueueTab::mine) {
        sql += "INDEXED BY tickets_open_owner ";
    } else if (filter.tab == QueueTab::overdue) {
        sql += "INDEXED BY tickets_open_due ";
    } else if (filter.tab == QueueTab::escalated) {
        sql += "INDEXED BY tickets_queue_escalated "; // a few rows: filters read them
    } else if (filtered) {
        sql += "INDEXED BY tickets_queue_filter ";
    }
    sql += "WHERE ";
    sql += tab_condition(filter.tab);
    if (filter.type) {
        sql += " AND request_type = ?3";
    }
    if (filter.priority) {
        sql += " AND priority_rank = ?4";
    }
    if (!filter.category.empty()) {
        sql += " AND (category = ?5 OR (category >= ?6 AND category < ?7))";
    }
    sql += order_by(filter.sort);
    auto q = m_store->database().query(sql);
    if (!q) {
        return std::unexpected(q.error());
    }
    // Binding a parameter the text does not use is a no-op.
    q->bind(1, filter.staff_id).bind(2, now);
    if (filter.type) {
        q->bind(3, to_string(*filter.type));
    }
    if (filter.priority) {
        Ticket probe;
        probe.priority = *filter.priority;
        q->bind(4, queue_columns(probe).priority_rank);
    }
    if (!filter.category.empty()) {
        q->bind(5, filter.category).bind(6, filter.category + ".").bind(7, filter.category + "/");
    }
    std::vector<std::int64_t> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(q->int64(0));
    }
}

Result<std::vector<QueueRow>> TicketQueue::rows(std::span<const std::int64_t> ids) {
    std::vector<QueueRow> out;
    out.reserve(ids.size());
    Database& db = m_store->database();
    const PiiSealer& sealer = m_store->sealer();
    for (const std::int64_t rowid : ids) {
        auto q = db.query("SELECT id, number, request_type, category, priority, state, "
                          "received_at, deadline_started_at, first_response_due, due_at, "
                          "assignee, name_sealed, phone_sealed, email_sealed, contact_due "
                          "FROM tickets WHERE rowid = ?1");
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, rowid);
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            continue;
        }
        QueueRow r;
        r.rowid = rowid;
        const std::string id = q->text(0);
        r.number = q->text(1);
        auto type = parse_request_type(q->text(2));
        auto priority = parse_priority(q->text(4));
        auto state = parse_state(q->text(5));
        if (!type || !priority || !state) {
            return fail(ErrorCode::corrupt, "ticket " + r.number + " in " + db.path().string() +
                                                " has an unknown type, priority or state");
        }
        r.type = *type;
        r.category = q->text(3);
        r.priority = *priority;
        r.state = *state;
        r.received_at = q->int64(6);
        r.sla_start = q->optional_int64(7).value_or(r.received_at);
        r.sla_due = deadline_of(r.state, q->int64(8), q->int64(9), q->int64(14));
        r.assignee = q->text(10);
        std::string plain[3];
        const char* fields[3] = {"name", "phone", "email"};
        for (int i = 0; i < 3; ++i) {
            // The email is only shown when there is no phone.
            if (i == 2 && !plain[1].empty()) {
                break;
            }
            auto sealed = q->blob(11 + i);
            if (sealed.empty()) {
                continue;
            }
            auto opened = sealer.open(sealed, id, fields[i]);
            if (!opened) {
                return fail(ErrorCode::corrupt,
                            "ticket " + r.number + ": " + opened.error().message);
            }
            plain[i] = std::move(*opened);
        }
        r.customer_masked = masked_customer(plain[0], plain[1], plain[2]);
        out.push_back(std::move(r));
    }
    return out;
}

Result<TabCounts> TicketQueue::counts(std::string_view staff_id, Millis now) {
    TabCounts out{};
    Database& db = m_store->database();
    {
        // By state through the narrow state index; each state belongs to at most one tab.
        auto q = db.query("SELECT state, count(*) FROM tickets GROUP BY state");
        if (!q) {
            return std::unexpected(q.error());
        }
        while (true) {
            auto row = q->step();
            if (!row) {
                return std::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            auto state = parse_state(q->text(0));
            if (!state) {
                continue;
            }
            Ticket probe;
            probe.state = *state;
            const int tab = queue_columns(probe).tab;
            if (tab < static_cast<int>(out.size())) {
                out[static_cast<std::size_t>(tab)] += q->int64(1);
            }
        }
    }
    auto count = [&](QueueTab tab) -> Result<std::int64_t> {
        auto q = db.query("SELECT count(*) FROM tickets WHERE " + std::string(tab_condition(tab)));
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, staff_id).bind(2, now);
        if (auto row = q->step(); !row) {
            return std::unexpected(row.error());
        }
        return q->int64(0);
    };
    if (!staff_id.empty()) {
        auto mine = count(QueueTab::mine);
        if (!mine) {
            return std::unexpected(mine.error());
        }
        out[static_cast<std::size_t>(QueueTab::mine)] = *mine;
    }
    auto overdue = count(QueueTab::overdue);
    if (!overdue) {
        return std::unexpected(overdue.error());
    }
    out[static_cast<std::size_t>(QueueTab::overdue)] = *overdue;
    auto escalated = count(QueueTab::escalated);
    if (!escalated) {
        return std::unexpected(escalated.error());
    }
    out[static_cast<std::size_t>(QueueTab::escalated)] = *escalated;
    return out;
}

Result<std::int64_t> TicketQueue::data_version() {
    Database& db = m_store->database();
    auto q = db.query("PRAGMA data_version");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    // data_version moves when another connection commits; our own commits move only the
    // change counter. Either one changing changes the sum's high or low half.
    const std::int64_t others = q->int64(0);
    const std::int64_t own = sqlite3_total_changes64(db.handle());
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(others) << 32) ^
                                     (static_cast<std::uint64_t>(own) & 0xFFFF'FFFFu));
}

} // namespace cf::core
