#pragma once
// The center database schema as numbered migrations (PRAGMA user_version), like the
// terminal's store_schema.h but its own list.

#include "core/sqlite_db.h"

namespace cf::center {

// Brings the database up to the latest version, one transaction per migration. Fails with
// newer_schema for a database from a newer Counterfoil, or the storage error.
core::Result<void> migrate_center(core::Database& db);

} // namespace cf::center
