#include "center/center_schema.h"

#include <array>
#include <string>

namespace cf::center {
namespace {

// Never edit a released migration; add a new one at the end.
constexpr std::array<std::string_view, 6> k_migrations = {
    R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- One-time enrolment codes, by keyed hash.
CREATE TABLE enroll_codes (
    code_hash  BLOB PRIMARY KEY,
    branch     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    token_ttl  INTEGER NOT NULL,
    used_at    INTEGER,
    used_by    TEXT
) STRICT;

-- Bearer tokens by keyed hash: a device's (scoped to its branch) or a console's.
CREATE TABLE tokens (
    token_hash BLOB PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('device', 'console')),
    device     TEXT NOT NULL,
    branch     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;
CREATE INDEX tokens_device ON tokens(device);

-- Enrolled devices and their high-water mark: every device_seq up to acked_seq is stored
-- (as an event or a skip).
CREATE TABLE devices (
    device      TEXT PRIMARY KEY,
    branch      TEXT NOT NULL,
    acked_seq   INTEGER NOT NULL DEFAULT 0,
    enrolled_at INTEGER NOT NULL,
    revoked_at  INTEGER
) STRICT;

-- The center's projection of each ticket. Personal data only sealed with the center's key.
CREATE TABLE tickets (
    id                 TEXT PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,
    branch             TEXT NOT NULL,
    state              TEXT NOT NULL,
    received_at        INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    due_at             INTEGER NOT NULL,
    handling_deadline  INTEGER,
    last_hlc           INTEGER NOT NULL,
    phone_index        BLOB,
    name_sealed        BLOB,
    phone_sealed       BLOB,
    email_sealed       BLOB,
    customer_no_sealed BLOB,
    order_no_sealed    BLOB,
    body               TEXT NOT NULL
) STRICT;
CREATE INDEX tickets_state ON tickets(state, received_at);
CREATE INDEX tickets_branch ON tickets(branch, received_at);

-- Every event from every device and from the center itself; seq is the pull cursor.
CREATE TABLE events (
    seq           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    ticket_id     TEXT NOT NULL REFERENCES tickets(id),
    branch        TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    device_seq    INTEGER NOT NULL,
    hlc           INTEGER NOT NULL,
    actor         TEXT NOT NULL,
    actor_role    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    received_at   INTEGER NOT NULL,
    UNIQUE (origin_device, device_seq)
) STRICT;
CREATE INDEX events_branch ON events(branch, seq);
CREATE INDEX events_ticket ON events(ticket_id, seq);
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;

-- device_seq values a terminal will never send (its dead letters).
CREATE TABLE skips (
    device      TEXT NOT NULL,
    device_seq  INTEGER NOT NULL,
    event_id    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (device, device_seq)
) STRICT;

-- Published versions of asset files; seq is the pull cursor for assets.
CREATE TABLE assets (
    seq          INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    content      TEXT NOT NULL,
    published_at INTEGER NOT NULL,
    UNIQUE (name, version)
) STRICT;
)sql",
    R"sql(
-- Center staff who sign in to the console (docs/SYNC_PROTOCOL.md, "Console API"). The
-- password is kept only as an Argon2id string of the password keyed with the center's pepper.
CREATE TABLE staff (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('reviewer', 'dispatcher', 'handler', 'auditor',
                                               'manager')),
    department   TEXT NOT NULL DEFAULT '',
    hash         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    disabled_at  INTEGER,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Console sessions by keyed hash of their bearer token.
CREATE TABLE staff_sessions (
    token_hash BLOB PRIMARY KEY,
    staff_id   TEXT NOT NULL REFERENCES staff(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
) STRICT;
CREATE INDEX staff_sessions_staff ON staff_sessions(staff_id);

-- Console steps already applied, by the request_id the console made for the attempt: a retry
-- gets the first answer again.
CREATE TABLE console_requests (
    request_id TEXT PRIMARY KEY,
    staff_id   TEXT NOT NULL,
    number     TEXT NOT NULL,
    step       TEXT NOT NULL,
    answer     TEXT NOT NULL,
    at         INTEGER NOT NULL
) STRICT;

-- What the console's queues and dashboard count, as integer columns beside the body so the
-- center loads them into memory at start without parsing a million bodies. priority and
-- satisfaction are the enum's position; dispatch_deadline is the handling deadline of the
-- latest dispatch (kept after handling), handled_at when that dispatch was fully handled;
-- departments every department the ticket was ever dispatched to, comma-separated.
ALTER TABLE tickets ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN first_response_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN acknowledged_at INTEGER;
ALTER TABLE tickets ADD COLUMN resolved_at INTEGER;
ALTER TABLE tickets ADD COLUMN satisfaction INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN departments TEXT NOT NULL DEFAULT '';
ALTER TABLE tickets ADD COLUMN dispatch_deadline INTEGER;
ALTER TABLE tickets ADD COLUMN handled_at INTEGER;

UPDATE tickets SET
    category = coalesce(json_extract(body, '$.category'), ''),
    priority = CASE json_extract(body, '$.priority')
                   WHEN 'important' THEN 1 WHEN 'urgent' THEN 2 ELSE 0 END,
    first_response_due = coalesce(json_extract(body, '$.first_response_due'), 0),
    acknowledged_at = json_extract(body, '$.acknowledged_at'),
    resolved_at = json_extract(body, '$.resolved_at'),
    satisfaction = CASE json_extract(body, '$.satisfaction')
                       WHEN 'satisfied' THEN 1 WHEN 'mostly_satisfied' THEN 2
                       WHEN 'unsatisfied' THEN 3 ELSE 0 END,
    departments = coalesce((SELECT group_concat(value, ',')
                            FROM json_each(json_extract(body, '$.departments'))), ''),
    dispatch_deadline = coalesce(
        json_extract(body, '$.handling_deadline'),
        (SELECT json_extract(e.payload, '$.deadline') FROM events e
         WHERE e.ticket_id = tickets.id AND e.kind IN ('dispatch', 'audit_reject')
         ORDER BY e.seq DESC LIMIT 1));
UPDATE tickets SET handled_at =
    (SELECT e.hlc >> 16 FROM events e WHERE e.ticket_id = tickets.id AND e.kind = 'handle'
     ORDER BY e.seq DESC LIMIT 1)
WHERE dispatch_deadline IS NOT NULL AND state <> 'dispatched';
)sql",
    R"sql(
-- The console's facts are read at start from this index alone (a tenth of the table's size),
-- and the center's clock from the newest event without reading every event.
CREATE INDEX tickets_facts ON tickets(received_at, branch, category, priority, state, due_at,
    first_response_due, acknowledged_at, resolved_at, dispatch_deadline, handled_at,
    satisfaction, departments);
CREATE INDEX events_hlc ON events(hlc);
)sql",
    R"sql(
-- Issue 13. An enrolment code is for one terminal id, or ('') for an id the center has not
-- seen; replace_device lets it enrol an active terminal, revoking its tokens. Codes made
-- before are for new terminals only.
ALTER TABLE enroll_codes ADD COLUMN terminal TEXT NOT NULL DEFAULT '';
ALTER TABLE enroll_codes ADD COLUMN replace_device INTEGER NOT NULL DEFAULT 0;
-- A console token acts in one center role (and a handler's department). Tokens made before
-- have none and are refused.
ALTER TABLE tokens ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE tokens ADD COLUMN department TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- Issue 14. crisis: 1 for a 重大 (severity major) or 外宣传型 (special type media_exposure)
-- ticket, which is in the managers' escalated queue until it closes (core/escalation.h).
-- The facts index, which the console's facts are read from at start, gains it.
ALTER TABLE tickets ADD COLUMN crisis INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET crisis = 1 WHERE id IN (
    SELECT id FROM (
        SELECT id, CASE WHEN tickets.body <> '' THEN tickets.body ELSE (
            SELECT json_extract(e.payload, '$.ticket') FROM events e
            WHERE e.ticket_id = tickets.id AND e.kind = 'create') END AS b
        FROM tickets)
    WHERE json_extract(b, '$.severity') = 'major'
       OR json_extract(b, '$.special_type') = 'media_exposure');
DROP INDEX tickets_facts;
CREATE INDEX tickets_facts ON tickets(received_at, branch, category, priority, state, due_at,
    first_response_due, acknowledged_at, resolved_at, dispatch_deadline, handled_at,
    satisfaction, departments, crisis);
)sql",
    R"sql(
-- Issue 14. parts_waiting: 1 while the ticket is at departments (dispatched) and a department's
-- answer awaits the auditor's audit_part; the audit queue lists it then as well as the handled
-- tickets. The facts index gains it.
ALTER TABLE tickets ADD COLUMN parts_waiting INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET parts_waiting = 1 WHERE state = 'dispatched' AND json_valid(body) AND EXISTS (
    SELECT 1 FROM json_each(json_extract(body, '$.departments_answered')) a
    WHERE a.value NOT IN (
        SELECT p.value FROM json_each(json_extract(body, '$.departments_approved')) p));
DROP INDEX tickets_facts;
CREATE INDEX tickets_facts ON tickets(received_at, branch, category, priority, state, due_at,
    first_response_due, acknowledged_at, resolved_at, dispatch_deadline, handled_at,
    satisfaction, departments, crisis, parts_waiting);
)sql",
};

core::Result<int> user_version(core::Database& db) {
    auto q = db.query("PRAGMA user_version");
    if (!q) {
        return std::unexpected(q.error());
    }
    if (auto row = q->step(); !row) {
        return std::unexpected(row.error());
    }
    return static_cast<int>(q->int64(0));
}

} // namespace

core::Result<void> migrate_center(core::Database& db) {
    auto current = user_version(db);
    if (!current) {
        return std::unexpected(current.error());
    }
    const int latest = static_cast<int>(k_migrations.size());
    if (*current > latest) {
        return core::fail(core::ErrorCode::newer_schema,
                          "the center database " + db.path().string() + " has schema version " +
                              std::to_string(*current) + "; this Counterfoil knows up to " +
                              std::to_string(latest) + ": upgrade Counterfoil to open it");
    }
    for (int v = *current; v < latest; ++v) {
        auto tx = core::Transaction::begin(db);
        if (!tx) {
            return std::unexpected(tx.error());
        }
        auto now = user_version(db);
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

} // namespace cf::center
