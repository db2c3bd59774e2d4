// The full-text index of the ticket store (FTS5, trigram). Filing does not touch it: the index
// catches up in one batch before each search, which keeps filing a short transaction. Steps on
// tickets already indexed rewrite their row at once. A row's text is rebuilt from the ticket
// and its note and contact events, so it never depends on what the index held before.
#include "core/ticket_json.h"
#include "core/ticket_store.h"

#include <charconv>

namespace cf::core {
namespace {

void append_line(std::string& out, std::string_view text) {
    if (text.empty()) {
        return;
    }
    if (!out.empty()) {
        out += '\n';
    }
    out += text;
}

} // namespace

Result<void> TicketStore::write_search_text(std::int64_t rowid, const Ticket& t) {
    std::string notes;
    {
        auto q = m_db.query("SELECT payload FROM events WHERE ticket_id = ?1 "
                            "AND kind IN ('note', 'contact') ORDER BY seq");
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, t.id);
        while (true) {
            auto row = q->step();
            if (!row) {
                return std::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            auto payload = nlohmann::json::parse(q->text(0), nullptr, false);
            if (payload.is_object()) {
                append_line(notes, payload.value("text", std::string()));
                append_line(notes, payload.value("outcome", std::string()));
            }
        }
    }
    append_line(notes, t.resolution);
    append_line(notes, t.feedback);
    auto del = m_db.query("DELETE FROM ticket_text WHERE rowid = ?1");
    if (!del) {
        return std::unexpected(del.error());
    }
    if (auto r = del->bind(1, rowid).run(); !r) {
        return r;
    }
    auto ins = m_db.query(
        "INSERT INTO ticket_text(rowid, description, demand, notes) VALUES (?1, ?2, ?3, ?4)");
    if (!ins) {
        return std::unexpected(ins.error());
    }
    return ins->bind(1, rowid).bind(2, t.description).bind(3, t.demand).bind(4, notes).run();
}

Result<void> TicketStore::reindex_if_indexed(const Ticket& t) {
    auto q = m_db.query("SELECT t.rowid, t.rowid <= CAST(m.value AS INTEGER) FROM tickets t, "
                        "meta m WHERE t.id = ?1 AND m.key = 'search_indexed_upto'");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, t.id);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row || q->int64(1) == 0) {
        return {}; // not indexed yet: the next catch-up writes the whole text
    }
    const std::int64_t rowid = q->int64(0);
    return write_search_text(rowid, t);
}

Result<std::int64_t> TicketStore::catch_up_search_index() {
    // Chunks of bounded size, each its own transaction, so a large backlog (an import, a
    // restore) neither holds the write lock for long nor loads every ticket at once.
    constexpr int k_chunk = 2000;
    std::int64_t total = 0;
    while (true) {
        auto done = index_next_chunk(k_chunk);
        if (!done) {
            return std::unexpected(done.error());
        }
        total += *done;
        if (*done < k_chunk) {
            return total;
        }
    }
}

Result<std::int64_t> TicketStore::index_next_chunk(int limit) {
    // A cheap check first, so a search with nothing new to index takes no write lock.
    auto pending = m_db.query("SELECT EXISTS (SELECT 1 FROM tickets WHERE rowid > (SELECT "
                              "CAST(value AS INTEGER) FROM meta WHERE key = "
                              "'search_indexed_upto'))");
    if (!pending) {
        return std::unexpected(pending.error());
    }
    if (auto row = pending->step(); !row) {
        return std::unexpected(row.error());
    }
    if (pending->int64(0) == 0) {
        return 0;
    }
    auto tx = Transaction::begin(m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    auto mark_text = meta("search_indexed_upto");
    if (!mark_text) {
        return std::unexpected(mark_text.error());
    }
    std::int64_t mark = 0;
    std::from_chars(mark_text->data(), mark_text->data() + mark_text->size(), mark);
    // Only the body is read: the index holds no personal data, so nothing is decrypted.
    std::vector<std::pair<std::int64_t, Ticket>> fresh;
    {
        auto q =
            m_db.query("SELECT rowid, body FROM tickets WHERE rowid > ?1 ORDER BY rowid LIMIT ?2");
        if (!q) {
            return std::unexpected(q.error());
        }
        q->bind(1, mark).bind(2, limit);
        while (true) {
            auto row = q->step();
            if (!row) {
                return std::unexpected(row.error());
            }
            if (!*row) {
                break;
            }
            auto t = ticket_from_json(nlohmann::json::parse(q->text(1), nullptr, false));
            if (!t) {
                return std::unexpected(t.error());
            }
            fresh.emplace_back(q->int64(0), std::move(*t));
        }
    }
    for (const auto& [rowid, t] : fresh) {
        if (auto r = write_search_text(rowid, t); !r) {
            return std::unexpected(r.error());
        }
        mark = rowid;
    }
    if (auto r = set_meta("search_indexed_upto", std::to_string(mark)); !r) {
        return std::unexpected(r.error());
    }
    if (auto r = tx->commit(); !r) {
        return std::unexpected(r.error());
    }
    return static_cast<std::int64_t>(fresh.size());
}

} // namespace cf::core
