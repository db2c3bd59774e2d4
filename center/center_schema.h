#pragma once
// The center database schema as numbered migrations (PRAGMA user_version), like the
// terminal's store_schema.h but its own list.

#include "core/sqlite_db.h"

namespace cf::center {

// The ticket's body as a column expression over `tickets`. A ticket not changed since its
// create event has an empty body column: its body is the create event's ticket, which the
// event's payload holds already ({"ticket":BODY,"customer_sealed":{...}}), so a push writes
// the 1 KB text once, not twice. The first change writes the body column.
inline constexpr const char* k_ticket_body =
    "(CASE WHEN tickets.body <> '' THEN tickets.body ELSE (SELECT json_extract(e.payload, "
    "'$.ticket') FROM events e WHERE e.ticket_id = tickets.id AND e.kind = 'create') END)";

// Brings the database up to the latest version, one transaction per migration. Fails with
// newer_schema for a database from a newer Counterfoil, or the storage error.
core::Result<void> migrate_center(core::Database& db);

} // namespace cf::center
