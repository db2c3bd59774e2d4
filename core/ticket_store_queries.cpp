// Read side of the ticket store: lookups, lists, search, the event log, the outbox and
// statistics.
#include "core/periods.h"
#include "core/phone.h"
#include "core/ticket_number.h"
#include "core/ticket_store.h"

namespace cf::core {
namespace {

using nlohmann::json;

constexpr const char* k_select_ticket =
    "SELECT t.rowid, t.body, t.name_sealed, t.phone_sealed, t.email_sealed, "
    "t.customer_no_sealed, t.order_no_sealed FROM tickets t ";

// Overdue: first response late, the current deadline passed, or a department is late.
constexpr const char* k_overdue_sql =
    "t.state != 'closed' AND ((t.acknowledged_at IS NULL AND t.first_response_due < ?2) OR "
    "(t.due_at > 0 AND t.due_at < ?2) OR (t.contact_due > 0 AND t.contact_due < ?2) OR "
    "(t.handling_deadline IS NOT NULL AND t.handling_deadline < ?2))";

std::string list_where(const ListQuery& q) {
    std::string where = "WHERE 1";
    if (q.state) {
        where += " AND t.state = ?1";
    }
    if (q.overdue_only) {
        where += std::string(" AND ") + k_overdue_sql;
    }
    return where;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) {
        n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

// An FTS5 phrase that matches the text literally.
std::string fts_phrase(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string like_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "%";
}

Result<std::vector<CountRow>> count_rows(Database& db, const char* sql, Millis from, Millis to) {
    auto q = db.query(sql);
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, from).bind(2, to);
    std::vector<CountRow> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            break;
        }
        out.push_back(CountRow{q->text(0), q->int64(1)});
    }
    return out;
}

// The first column of every remaining row, as integers (rowids).
Result<std::vector<std::int64_t>> first_column(Query& q) {
    std::vector<std::int64_t> out;
    while (true) {
        auto row = q.step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(q.int64(0));
    }
}

Event event_from_row(Query& q) {
    Event e;
    e.id = q.text(0);
    e.ticket_id = q.text(1);
    e.origin_device = q.text(2);
    e.device_seq = q.int64(3);
    e.hlc = static_cast<Hlc>(q.int64(4));
    e.actor = q.text(5);
    e.actor_role = parse_role(q.text(6)).value_or(Role::frontdesk);
    e.kind = q.text(7);
    e.payload = json::parse(q.text(8), nullptr, false);
    return e;
}

Result<std::vector<Event>> read_events(Query& q) {
    std::vector<Event> out;
    while (true) {
        auto row = q.step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(event_from_row(q));
    }
}

} // namespace

Result<Ticket> TicketStore::load_one(std::string_view where_sql, std::string_view key) {
    auto q = m_db.query(std::string(k_select_ticket) + "WHERE " + std::string(where_sql));
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, key);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        return fail(ErrorCode::not_found, "no ticket " + std::string(key) + " in this branch");
    }
    return ticket_from_row(*q);
}

Result<std::vector<Ticket>> TicketStore::load_by_rowids(const std::vector<std::int64_t>& rowids) {
    std::vector<Ticket> out;
    out.reserve(rowids.size());
    for (auto rowid : rowids) {
        // One use of the cached statement per row; it resets when q goes out of scope.
        auto q = m_db.query(std::string(k_select_ticket) + "WHERE t.rowid = ?1");
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, rowid);
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (*row) {
            auto t = ticket_from_row(*q);
            if (!t) {
                return std::unexpected(t.error());
            }
            out.push_back(std::move(*t));
        }
    }
    return out;
}

Result<Ticket> TicketStore::get(std::string_view number) {
    auto canonical = normalize_ticket_number(number);
    if (!canonical) {
        return std::unexpected(canonical.error());
    }
    return load_one("t.number = ?1", *canonical);
}

Result<std::vector<Ticket>> TicketStore::find_by_phone(std::string_view phone) {
    std::string normalized = normalize_phone(phone);
    if (normalized.empty()) {
        return fail(ErrorCode::invalid_input, "'" + std::string(phone) + "' is not a phone number");
    }
    auto q = m_db.query("SELECT rowid FROM tickets WHERE phone_index = ?1 "
                        "ORDER BY received_at DESC LIMIT 200");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind_blob(1, m_sealer.blind_index(normalized));
    auto rowids = first_column(*q);
    if (!rowids) {
        return std::unexpected(rowids.error());
    }
    return load_by_rowids(*rowids);
}

Result<std::vector<Ticket>> TicketStore::search(std::string_view text, int limit) {
    if (text.empty()) {
        return fail(ErrorCode::invalid_input, "the search text is empty");
    }
    if (parse_ticket_number(text)) {
        auto t = get(text);
        if (t) {
            return std::vector<Ticket>{std::move(*t)};
        }
        if (t.error().code != ErrorCode::not_found) {
            return std::unexpected(t.error());
        }
        return std::vector<Ticket>{};
    }
    if (!normalize_phone(text).empty()) {
        auto by_phone = find_by_phone(text);
        if (!by_phone || !by_phone->empty()) {
            return by_phone;
        }
    }
    if (auto indexed = catch_up_search_index(); !indexed) {
        return std::unexpected(indexed.error());
    }
    // Trigrams need three characters; shorter text falls back to a scan.
    const bool trigram = code_points(text) >= 3;
    auto q = m_db.query(trigram ? "SELECT rowid FROM ticket_text WHERE ticket_text MATCH ?1 "
                                  "ORDER BY rowid DESC LIMIT ?2"
                                : "SELECT rowid FROM ticket_text WHERE description LIKE ?1 "
                                  "ESCAPE '\\' OR demand LIKE ?1 ESCAPE '\\' OR notes LIKE ?1 "
                                  "ESCAPE '\\' ORDER BY rowid DESC LIMIT ?2");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, trigram ? fts_phrase(text) : like_pattern(text)).bind(2, limit);
    auto rowids = first_column(*q);
    if (!rowids) {
        return std::unexpected(rowids.error());
    }
    return load_by_rowids(*rowids);
}

Result<std::vector<Ticket>> TicketStore::list(const ListQuery& query) {
    auto q = m_db.query(std::string(k_select_ticket) + list_where(query) +
                        " ORDER BY t.received_at DESC, t.rowid DESC LIMIT ?3 OFFSET ?4");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (query.state) {
        q->bind(1, to_string(*query.state));
    }
    q->bind(2, m_clock->now()).bind(3, query.limit).bind(4, query.offset);
    std::vector<Ticket> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        auto t = ticket_from_row(*q);
        if (!t) {
            return std::unexpected(t.error());
        }
        out.push_back(std::move(*t));
    }
}

Result<std::int64_t> TicketStore::count(const ListQuery& query) {
    auto q = m_db.query("SELECT count(*) FROM tickets t " + list_where(query));
    if (!q) {
        return std::unexpected(q.error());
    }
    if (query.state) {
        q->bind(1, to_string(*query.state));
    }
    if (query.overdue_only) {
        q->bind(2, m_clock->now());
    }
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    return q->int64(0);
}

Result<std::vector<Event>> TicketStore::events(std::string_view ticket_id) {
    auto q = m_db.query("SELECT id, ticket_id, origin_device, device_seq, hlc, actor, "
                        "actor_role, kind, payload FROM events WHERE ticket_id = ?1 "
                        "ORDER BY hlc, seq");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, ticket_id);
    return read_events(*q);
}

// The outbox is this device's events above the acknowledged high-water mark.
constexpr const char* k_outbox_where =
    "FROM events e WHERE e.origin_device = ?1 AND e.device_seq > (SELECT CAST(value AS "
    "INTEGER) FROM meta WHERE key = 'acked_device_seq')";

Result<std::vector<Event>> TicketStore::outbox(int limit) {
    auto q = m_db.query(std::string("SELECT e.id, e.ticket_id, e.origin_device, e.device_seq, "
                                    "e.hlc, e.actor, e.actor_role, e.kind, e.payload ") +
                        k_outbox_where + " ORDER BY e.device_seq LIMIT ?2");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_identity.device_id()).bind(2, limit);
    return read_events(*q);
}

Result<std::int64_t> TicketStore::outbox_size() {
    auto q = m_db.query(std::string("SELECT count(*) ") + k_outbox_where);
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_identity.device_id());
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    return q->int64(0);
}

Result<void> TicketStore::acknowledge_outbox(std::int64_t up_to_device_seq) {
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    // The mark only moves forward, and never past what this device has written.
    auto q = m_db.query("UPDATE meta SET value = CAST(max(CAST(value AS INTEGER), min(?1, "
                        "(SELECT coalesce(max(device_seq), 0) FROM events WHERE origin_device = "
                        "?2))) AS TEXT) WHERE key = 'acked_device_seq'");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto r = q->bind(1, up_to_device_seq).bind(2, m_identity.device_id()).run(); !r) {
        return r;
    }
    return tx->commit();
}

Result<Stats> TicketStore::stats(Millis from, Millis to) {
    if (to <= from) {
        return fail(ErrorCode::invalid_input, "the statistics period ends before it starts");
    }
    Stats s;
    s.from = from;
    s.to = to;
    constexpr const char* k_period = " FROM tickets WHERE received_at >= ?1 AND received_at < ?2 ";
    auto by = [&](const char* column, const char* extra) {
        return count_rows(m_db,
                          (std::string("SELECT ") + column + ", count(*)" + k_period + extra +
                           " GROUP BY 1 ORDER BY 2 DESC, 1")
                              .c_str(),
                          from, to);
    };
    auto types = by("request_type", "");
    auto categories = by("category", "");
    auto priorities = by("priority", "");
    auto satisfaction = by("satisfaction", "AND satisfaction != 'none'");
    for (auto* r : {&types, &categories, &priorities, &satisfaction}) {
        if (!*r) {
            return std::unexpected(r->error());
        }
    }
    s.by_type = std::move(*types);
    s.by_category = std::move(*categories);
    s.by_priority = std::move(*priorities);
    s.satisfaction = std::move(*satisfaction);
    s.top_categories.assign(
        s.by_category.begin(),
        s.by_category.begin() +
            static_cast<std::ptrdiff_t>(std::min<std::size_t>(5, s.by_category.size())));
    for (const auto& r : s.by_type) {
        s.total += r.count;
    }

    auto q = m_db.query(std::string("SELECT count(resolved_at), avg(resolved_at - received_at), "
                                    "sum(acknowledged_at IS NOT NULL AND acknowledged_at <= "
                                    "first_response_due), "
                                    "sum(acknowledged_at IS NOT NULL OR first_response_due < ?3)") +
                        k_period);
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, from).bind(2, to).bind(3, m_clock->now());
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    s.resolved = q->int64(0);
    if (!q->is_null(1)) {
        s.average_handling_hours = q->real(1) / static_cast<double>(k_hour);
    }
    s.first_response_met = q->is_null(2) ? 0 : q->int64(2);
    s.first_response_counted = q->is_null(3) ? 0 : q->int64(3);
    if (s.first_response_counted > 0) {
        s.first_response_compliance = static_cast<double>(s.first_response_met) /
                                      static_cast<double>(s.first_response_counted);
    }
    if (auto r = add_breakdowns(s); !r) {
        return std::unexpected(r.error());
    }
    return s;
}

Result<std::vector<DayCount>> TicketStore::daily_volume(Millis from, Millis to,
                                                        int utc_offset_minutes) {
    if (to <= from) {
        return fail(ErrorCode::invalid_input, "the chart's period ends before it starts");
    }
    if (to - from > 400 * k_day) {
        return fail(ErrorCode::invalid_input, "the chart's period is longer than 400 days");
    }
    const CivilDate first = local_day(from, utc_offset_minutes);
    const CivilDate last = local_day(to - 1, utc_offset_minutes);
    const std::int64_t first_day = days_from_civil(first);
    std::vector<DayCount> out;
    for (std::int64_t d = first_day; d <= days_from_civil(last); ++d) {
        out.push_back(DayCount{civil_from_days(d), 0, 0});
    }
    // Local day numbers in SQL: times here are after 1970, so integer division floors.
    const Millis offset = static_cast<Millis>(utc_offset_minutes) * k_minute;
    for (const bool closed : {false, true}) {
        auto q = m_db.query(closed ? "SELECT (closed_at + ?3) / ?4, count(*) FROM tickets "
                                     "WHERE closed_at >= ?1 AND closed_at < ?2 GROUP BY 1"
                                   : "SELECT (received_at + ?3) / ?4, count(*) FROM tickets "
                                     "WHERE received_at >= ?1 AND received_at < ?2 GROUP BY 1");
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, from).bind(2, to).bind(3, offset).bind(4, k_day);
        while (true) {
            auto row = q->step();
            if (!row) {
                return std::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            const std::int64_t index = q->int64(0) - first_day;
            if (index < 0 || index >= static_cast<std::int64_t>(out.size())) {
                continue;
            }
            auto& day = out[static_cast<std::size_t>(index)];
            (closed ? day.closed : day.received) = q->int64(1);
        }
    }
    return out;
}

} // namespace cf::core
