#pragma once
// The local database schema as numbered migrations, tracked with PRAGMA user_version.

#include "core/sqlite_db.h"

namespace cf::core {

// The schema version this program writes; a database with a higher user_version is refused.
int latest_schema_version();

// Brings the database up to latest_schema_version() in one transaction per migration.
// Fails with newer_schema when the file comes from a newer Counterfoil, and with the
// storage error when a migration cannot be written (the database is left as it was).
Result<void> migrate(Database& db);

// The current PRAGMA user_version.
Result<int> schema_version(Database& db);

} // namespace cf::core
