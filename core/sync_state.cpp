#include "core/sync_state.h"

#include "core/hybrid_clock.h"
#include "core/ticket_store.h"

#include <algorithm>
#include <charconv>

namespace cf::core {
namespace {

Result<std::int64_t> as_number(const std::string& text, std::string_view key) {
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return fail(ErrorCode::corrupt,
                    "the sync setting '" + std::string(key) + "' in the database is not a number");
    }
    return v;
}

// The mark as SQL, shared by the counting queries.
constexpr const char* k_mark_sql =
    "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'acked_device_seq')";

} // namespace

SyncState::SyncState(TicketStore& store)
    : m_db(&store.database()), m_device(store.identity().device_id()) {}

Result<std::string> SyncState::meta(std::string_view key) {
    auto q = m_db->query("SELECT value FROM meta WHERE key = ?1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, key);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    return *row ? q->text(0) : std::string();
}

Result<void> SyncState::set_meta(std::string_view key, std::string_view value) {
    auto q = m_db->query("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->bind(1, key).bind(2, value).run();
}

Result<SyncRecord> SyncState::read() {
    SyncRecord r;
    std::string values[7];
    const char* keys[7] = {"sync_epoch",        "pull_cursor_events", "pull_cursor_assets",
                           "sync_last_attempt", "sync_last_success",  "sync_last_error",
                           "acked_device_seq"};
    for (int i = 0; i < 7; ++i) {
        auto v = meta(keys[i]);
        if (!v) {
            return std::unexpected(v.error());
        }
        values[i] = std::move(*v);
    }
    r.epoch = values[0];
    r.last_error = values[5];
    std::int64_t* numbers[] = {&r.pull_cursor_events, &r.pull_cursor_assets, &r.last_attempt,
                               &r.last_success};
    for (int i = 0; i < 4; ++i) {
        auto n = as_number(values[i + 1].empty() ? "0" : values[i + 1], keys[i + 1]);
        if (!n) {
            return std::unexpected(n.error());
        }
        *numbers[i] = *n;
    }
    auto mark = as_number(values[6].empty() ? "0" : values[6], keys[6]);
    if (!mark) {
        return std::unexpected(mark.error());
    }
    r.acked_device_seq = *mark;
    return r;
}

Result<void> SyncState::record_attempt(Millis at, std::string_view error) {
    auto tx = Transaction::begin(*m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    if (auto r = set_meta("sync_last_attempt", std::to_string(at)); !r) {
        return r;
    }
    if (auto r = set_meta("sync_last_error", error); !r) {
        return r;
    }
    if (error.empty()) {
        if (auto r = set_meta("sync_last_success", std::to_string(at)); !r) {
            return r;
        }
    }
    return tx->commit();
}

Result<void> SyncState::set_outbox_mark(std::int64_t device_seq) {
    auto q = m_db->query("UPDATE meta SET value = CAST(max(0, min(?1, coalesce((SELECT "
                         "max(device_seq) FROM events WHERE origin_device = ?2), 0))) AS TEXT) "
                         "WHERE key = 'acked_device_seq'");
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->bind(1, device_seq).bind(2, m_device).run();
}

Result<void> SyncState::reset_for_epoch(std::string_view epoch) {
    auto tx = Transaction::begin(*m_db);
    if (!tx) {
        return std::unexpected(tx.error());
    }
    const std::pair<const char*, std::string> values[] = {
        {"sync_epoch", std::string(epoch)},
        {"pull_cursor_events", "0"},
        {"pull_cursor_assets", "0"},
    };
    for (const auto& [key, value] : values) {
        if (auto r = set_meta(key, value); !r) {
            return r;
        }
    }
    return tx->commit();
}

Result<void> SyncState::add_dead_letter(const DeadLetter& d) {
    auto q = m_db->query("INSERT OR IGNORE INTO sync_dead_letters(event_id, device_seq, status, "
                         "error, failed_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->bind(1, d.event_id)
        .bind(2, d.device_seq)
        .bind(3, d.status)
        .bind(4, d.error)
        .bind(5, d.failed_at)
        .run();
}

Result<std::vector<DeadLetter>> SyncState::dead_letters() {
    auto q = m_db->query("SELECT event_id, device_seq, status, error, failed_at "
                         "FROM sync_dead_letters ORDER BY device_seq");
    if (!q) {
        return std::unexpected(q.error());
    }
    std::vector<DeadLetter> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(DeadLetter{q->text(0), q->int64(1), static_cast<int>(q->int64(2)), q->text(3),
                                 q->int64(4)});
    }
}

Result<std::int64_t> SyncState::dead_letter_count() {
    auto q = m_db->query("SELECT count(*) FROM sync_dead_letters");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    return q->int64(0);
}

Result<std::int64_t> SyncState::pending_count() {
    auto q =
        m_db->query(std::string("SELECT (SELECT count(*) FROM events WHERE origin_device = "
                                "?1 AND device_seq > ") +
                    k_mark_sql + ") - (SELECT count(*) FROM sync_dead_letters WHERE device_seq > " +
                    k_mark_sql + ")");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_device);
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    return q->int64(0);
}

Result<bool> SyncState::crisis_pending() {
    auto q = m_db->query(std::string("SELECT EXISTS (SELECT 1 FROM events e JOIN tickets t ON "
                                     "t.id = e.ticket_id WHERE e.origin_device = ?1 AND "
                                     "e.device_seq > ") +
                         k_mark_sql +
                         " AND t.queue_escalated = 1 AND e.id NOT IN "
                         "(SELECT event_id FROM sync_dead_letters))");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_device);
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    return q->int64(0) != 0;
}

Result<std::optional<Millis>> SyncState::oldest_pending_at() {
    auto q = m_db->query(std::string("SELECT hlc FROM events WHERE origin_device = ?1 AND "
                                     "device_seq > ") +
                         k_mark_sql +
                         " AND id NOT IN (SELECT event_id FROM sync_dead_letters) "
                         "ORDER BY device_seq LIMIT 1");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_device);
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    if (!*row) {
        return std::optional<Millis>();
    }
    return std::optional<Millis>(hlc_physical(static_cast<Hlc>(q->int64(0))));
}

Result<std::vector<StoredEventText>> SyncState::own_event_texts_after(std::int64_t after_seq,
                                                                      int limit) {
    // SQLite checks the payload is JSON (much faster than parsing it here), so a damaged row
    // cannot break the body of a whole batch.
    auto q = m_db->query("SELECT id, ticket_id, origin_device, device_seq, hlc, actor, "
                         "actor_role, kind, payload, json_valid(payload) FROM events WHERE "
                         "origin_device = ?1 AND device_seq > ?2 ORDER BY device_seq LIMIT ?3");
    if (!q) {
        return std::unexpected(q.error());
    }
    q->bind(1, m_device).bind(2, after_seq).bind(3, limit);
    std::vector<StoredEventText> out;
    out.reserve(static_cast<std::size_t>(std::max(limit, 0)));
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        StoredEventText e;
        e.id = q->text(0);
        e.ticket_id = q->text(1);
        e.origin_device = q->text(2);
        e.device_seq = q->int64(3);
        e.hlc = static_cast<Hlc>(q->int64(4));
        e.actor = q->text(5);
        e.actor_role = q->text(6);
        e.kind = q->text(7);
        e.payload = q->text(8);
        e.payload_valid = q->int64(9) != 0;
        out.push_back(std::move(e));
    }
}

Result<std::vector<ReceivedAsset>> SyncState::received_assets() {
    auto q = m_db->query("SELECT name, version, content FROM sync_assets ORDER BY name");
    if (!q) {
        return std::unexpected(q.error());
    }
    std::vector<ReceivedAsset> out;
    while (true) {
        auto row = q->step();
        if (!row) {
            return std::unexpected(row.error());
        }
        if (!*row) {
            return out;
        }
        out.push_back(ReceivedAsset{q->text(0), q->int64(1), q->text(2)});
    }
}

} // namespace cf::core
