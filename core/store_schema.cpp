#include "core/store_schema.h"

#include <array>
#include <string>

namespace cf::core {
namespace {

// Migration N (1-based) takes the schema from version N-1 to N. Never edit a released one;
// add a new one at the end.
constexpr std::array<std::string_view, 6> k_migrations = {
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- The projection of each ticket's events. Personal data only as sealed blobs.
CREATE TABLE tickets (
    id                 TEXT PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    branch             TEXT NOT NULL,
    state              TEXT NOT NULL,
    request_type       TEXT NOT NULL,
    category           TEXT NOT NULL,
    severity           TEXT NOT NULL,
    priority           TEXT NOT NULL,
    channel            TEXT NOT NULL,
    satisfaction       TEXT NOT NULL,
    received_at        INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    acknowledged_at    INTEGER,
    resolved_at        INTEGER,
    closed_at          INTEGER,
    first_response_due INTEGER NOT NULL,
    due_at             INTEGER NOT NULL,
    handling_deadline  INTEGER,
    phone_index        BLOB,
    name_sealed        BLOB,
    phone_sealed       BLOB,
    email_sealed       BLOB,
    customer_no_sealed BLOB,
    order_no_sealed    BLOB,
    body               TEXT NOT NULL
);
CREATE INDEX tickets_received ON tickets(received_at);
CREATE INDEX tickets_state ON tickets(state, received_at);
CREATE INDEX tickets_phone ON tickets(phone_index) WHERE phone_index IS NOT NULL;

-- Full-text search; rowid = tickets.rowid. Trigram finds any substring of 3+ characters,
-- which is what Chinese text without word breaks needs.
CREATE VIRTUAL TABLE ticket_text USING fts5(description, demand, notes, tokenize = 'trigram');

-- The append-only event log. seq is the local order of arrival.
CREATE TABLE events (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    ticket_id     TEXT NOT NULL REFERENCES tickets(id),
    origin_device TEXT NOT NULL,
    device_seq    INTEGER NOT NULL,
    hlc           INTEGER NOT NULL,
    actor         TEXT NOT NULL,
    actor_role    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    UNIQUE (origin_device, device_seq)
) STRICT;
CREATE INDEX events_ticket ON events(ticket_id, seq);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- The outbox is not a table: it is this device's events above meta.acked_device_seq, the
-- high-water mark the center acknowledged. The next ticket number comes from the number index.
)sql",
    R"sql(
-- Branch staff who sign in at the kiosk and the counter (staff_directory.h). The PIN is kept
-- only as an Argon2id hash of the peppered PIN; lockout state survives a restart.
CREATE TABLE staff (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    pin_hash        TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL
) STRICT;
)sql",
    // 3: sync with the regional center (sync/, core/sync_state.h, core/remote_events.cpp).
    R"sql(
-- Events the center refused for good (a 4xx): staff see them; later batches skip their
-- device_seq so the center's high-water mark moves past them.
CREATE TABLE sync_dead_letters (
    event_id   TEXT PRIMARY KEY,
    device_seq INTEGER NOT NULL UNIQUE,
    status     INTEGER NOT NULL,
    error      TEXT NOT NULL,
    failed_at  INTEGER NOT NULL
) STRICT;

-- Asset files (forms, category tree ...) delivered by pull, newest version per name. The
-- files under the data directory are rebuilt from these rows.
CREATE TABLE sync_assets (
    name        TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    content     TEXT NOT NULL,
    received_at INTEGER NOT NULL
) STRICT;

-- The center's epoch as last seen, the pull cursor, and the outcome of the last attempt.
INSERT OR IGNORE INTO meta(key, value) VALUES
    ('sync_epoch', ''), ('pull_cursor_events', '0'), ('pull_cursor_assets', '0'),
    ('sync_last_attempt', '0'), ('sync_last_success', '0'), ('sync_last_error', '');
)sql",
    // 4: the counter's queue (core/ticket_queue.h): its tabs, sorts and filters as columns
    // and indexes, so a tab of 100,000 tickets is read from an index without touching rows.
    R"sql(
-- Written by the store with every change (receiver, assignee and deadline_started_at are
-- also in body; the queue_* columns are derived from the state and deadlines, see
-- queue_columns in ticket_queue.h, which must compute what the backfill below computes).
-- queue_tab: the queue tab a state belongs to (QueueTab's order: 0 new, 2 awaiting center,
-- 3 feedback arrived, 5 closed; 9 open at the branch but in none of them). queue_key: the
-- deadline sort key: the running deadline (first response while received, else due_at;
-- from migration 5 the contact deadline too when it is earlier; 2^63-1 when there is none), or minus closed_at for closed tickets (newest closed first).
-- queue_owner: whose "mine" it is. priority_rank: 0 urgent, 1 important, 2 normal.
ALTER TABLE tickets ADD COLUMN receiver TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN deadline_started_at INTEGER;
ALTER TABLE tickets ADD COLUMN queue_tab INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN queue_key INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN queue_owner TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN priority_rank INTEGER NOT NULL DEFAULT 2;

UPDATE tickets SET
    receiver = coalesce(json_extract(body, '$.receiver'), ''),
    assignee = coalesce(json_extract(body, '$.assignee'), ''),
    deadline_started_at = (
        SELECT e.hlc >> 16 FROM events e
        WHERE e.ticket_id = tickets.id AND (e.kind = 'reopen' OR (e.kind = 'satisfaction'
            AND json_extract(e.payload, '$.level') = 'unsatisfied'))
        ORDER BY e.hlc DESC, e.seq DESC LIMIT 1);
UPDATE tickets SET body = json_set(body, '$.deadline_started_at', deadline_started_at)
    WHERE deadline_started_at IS NOT NULL;
UPDATE tickets SET
    queue_tab = CASE
        WHEN state IN ('received', 'returned') THEN 0
        WHEN state IN ('submitted', 'accepted', 'dispatched', 'handled', 'audited') THEN 2
        WHEN state = 'answered' THEN 3
        WHEN state = 'closed' THEN 5
        ELSE 9 END,
    queue_key = CASE
        WHEN state = 'closed' THEN -coalesce(closed_at, 0)
        WHEN state = 'received' AND first_response_due > 0 THEN first_response_due
        WHEN state != 'received' AND due_at > 0 THEN due_at
        ELSE 9223372036854775807 END,
    queue_owner = CASE WHEN assignee != '' THEN assignee ELSE receiver END,
    priority_rank = CASE priority WHEN 'urgent' THEN 0 WHEN 'important' THEN 1 ELSE 2 END;

-- A tab in each order without a sort (the rowid that ends every index breaks ties).
CREATE INDEX tickets_queue_due ON tickets(queue_tab, queue_key);
CREATE INDEX tickets_queue_received ON tickets(queue_tab, received_at);
CREATE INDEX tickets_queue_priority ON tickets(queue_tab, priority_rank, queue_key);
-- A filtered tab from the index alone, then sorted (ticket_queue.cpp names these three).
CREATE INDEX tickets_queue_filter ON tickets(queue_tab, request_type, priority_rank, category,
    queue_key, received_at);
CREATE INDEX tickets_open_due ON tickets(queue_key, received_at, priority_rank, request_type,
    category, state) WHERE state != 'closed';
CREATE INDEX tickets_open_owner ON tickets(queue_owner, queue_key, received_at, priority_rank,
    request_type, category, state) WHERE state != 'closed';
-- Closed per day (daily_volume).
CREATE INDEX tickets_closed_at ON tickets(closed_at) WHERE closed_at IS NOT NULL;
)sql",
    // 5: the contact clock (Ticket::contact_due): the specialist's call after a complaint,
    // the call-back after the center's feedback. Older tickets have none, so their queue keys
    // stay what they are.
    R"sql(
ALTER TABLE tickets ADD COLUMN contact_due INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tickets_contact_due ON tickets(contact_due) WHERE contact_due > 0;
)sql",
    // 6: the escalated tab (core/escalation.h): 1 for a 重大 or 外宣传型 ticket not closed, or
    // one escalated to the center's manager; the store writes it with every change
    // (QueueColumns::escalated).
    R"sql(
ALTER TABLE tickets ADD COLUMN queue_escalated INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET queue_escalated = 1 WHERE state != 'closed' AND (state = 'escalated'
    OR severity = 'major' OR json_extract(body, '$.special_type') = 'media_exposure');
CREATE INDEX tickets_queue_escalated ON tickets(queue_key, received_at) WHERE queue_escalated = 1;
)sql",
};

} // namespace

int latest_schema_version() {
    return static_cast<int>(k_migrations.size());
}

Result<int> schema_version(Database& db) {
    auto q = db.query("PRAGMA user_version");
    if (!q) {
        return std::unexpected(q.error());
    }
    auto row = q->step();
    if (!row) {
        return std::unexpected(row.error());
    }
    return static_cast<int>(q->int64(0));
}

Result<void> migrate(Database& db) {
    auto current = schema_version(db);
    if (!current) {
        return std::unexpected(current.error());
    }
    if (*current > latest_schema_version()) {
        return fail(ErrorCode::newer_schema,
                    "the database " + db.path().string() + " has schema version " +
                        std::to_string(*current) +
                        ", but this Counterfoil understands only up to " +
                        std::to_string(latest_schema_version()) +
                        "; it was written by a newer version: upgrade Counterfoil to open it");
    }
    for (int v = *current; v < latest_schema_version(); ++v) {
        auto tx = Transaction::begin(db);
        if (!tx) {
            return std::unexpected(tx.error());
        }
        // Another process may have migrated while we waited for the lock.
        auto now = schema_version(db);
        if (!now) {
            return std::unexpected(now.error());
        }
        if (*now > v) {
            v = *now - 1;
            continue;
        }
        if (auto r = db.exec(k_migrations[static_cast<std::size_t>(v)]); !r) {
            return r;
        }
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !r) {
            return r;
        }
        if (auto r = tx->commit(); !r) {
            return r;
        }
    }
    return {};
}

} // namespace cf::core
