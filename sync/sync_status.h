#pragma once
// The sync health a person sees: on every staff screen in the app, and from
// `counterfoil-cli sync status --json`.

#include "core/clock.h"
#include "core/sync_state.h"
#include "core/ticket_store.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace cf::sync {

struct SyncStatus {
    bool enrolled = false;
    std::string center_url;
    std::string device;
    std::string epoch;
    std::int64_t pending = 0;                         // events the center has not acknowledged
    std::optional<std::int64_t> oldest_pending_age_s; // none when nothing waits
    core::Millis last_attempt = 0;                    // 0: never
    core::Millis last_success = 0;                    // 0: never
    std::string last_error;                           // empty after a success
    std::int64_t dead_letters = 0;    // events the center refused for good; staff must look
    bool online = false;              // the last attempt reached the center and succeeded
    bool syncing = false;             // a worker is talking to the center right now
    core::Millis next_attempt_at = 0; // when the worker tries again; 0: not scheduled
};

// Reads the status kept in the data directory (the store and sync.json). Fails with storage
// errors only; a terminal that is not enrolled reports enrolled = false.
core::Result<SyncStatus> read_sync_status(core::TicketStore& store,
                                          const std::filesystem::path& data_dir, core::Millis now);

// {"pending", "oldest_pending_age_s" (null when none), "last_success" / "last_attempt" (ISO
// 8601 or null), "last_error" (null when none), "dead_letters", "online", ...}
nlohmann::json to_json(const SyncStatus& s);

} // namespace cf::sync
