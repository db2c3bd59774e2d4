#pragma once
// What a terminal remembers about sync with the regional center, kept in its own database so
// every process (the app's worker, `counterfoil-cli sync status`) sees the same: the center's
// epoch, the pull cursor, the outcome of the last attempt, the outbox mark, and the events the
// center refused for good (dead letters), which staff must see.

#include "core/clock.h"
#include "core/error.h"
#include "core/event.h"
#include "core/remote_event.h"
#include "core/sqlite_db.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::core {

class TicketStore;

struct DeadLetter {
    std::string event_id;
    std::int64_t device_seq = 0;
    int status = 0; // the HTTP status of the refusal
    std::string error;
    Millis failed_at = 0;
};

struct SyncRecord {
    std::string epoch; // the center's epoch as last seen; empty before the first sync
    std::int64_t pull_cursor_events = 0;
    std::int64_t pull_cursor_assets = 0;
    Millis last_attempt = 0; // 0: never
    Millis last_success = 0; // 0: never
    std::string last_error;  // empty after a success
    std::int64_t acked_device_seq = 0;
};

// An outbox event as stored, its payload left as the JSON text in the log: the push path
// splices it into the request body instead of parsing and serialising it again.
struct StoredEventText {
    std::string id;
    std::string ticket_id;
    std::string origin_device;
    std::int64_t device_seq = 0;
    Hlc hlc = 0;
    std::string actor;
    std::string actor_role;
    std::string kind;
    std::string payload;
    bool payload_valid = false; // the payload is well-formed JSON
};

class SyncState {
public:
    // Uses the store's connection; the store must outlive this object.
    explicit SyncState(TicketStore& store);

    // Fails with a storage error, or corrupt when a stored value is not a number.
    Result<SyncRecord> read();

    // Records the end of an attempt: success when error is empty.
    Result<void> record_attempt(Millis at, std::string_view error);

    // Sets the outbox mark to the center's high-water mark for this device, backwards too
    // (after a center restore the events above it are sent again). Clamped to [0, last seq].
    Result<void> set_outbox_mark(std::int64_t device_seq);
    // Forgets the pull cursor when the center's epoch changed (everything is pulled again;
    // events already here are skipped) and stores the new epoch.
    Result<void> reset_for_epoch(std::string_view epoch);

    // Events the center refused for good. add fails with storage errors only; adding the same
    // event twice keeps the first record.
    Result<void> add_dead_letter(const DeadLetter& letter);
    Result<std::vector<DeadLetter>> dead_letters();
    Result<std::int64_t> dead_letter_count();

    // Events waiting for the center: above the mark and not dead letters.
    Result<std::int64_t> pending_count();
    // Whether a waiting event is of a ticket in the escalated queue (重大, 外宣传型 or
    // escalated): the sync worker then tries at once instead of waiting out its backoff.
    Result<bool> crisis_pending();
    // Physical time (from its HLC) of the oldest waiting event; nullopt when none waits.
    Result<std::optional<Millis>> oldest_pending_at();

    // This device's events with device_seq above after_seq, oldest first, at most limit, with
    // the payload as stored text: the outbox from any point, so the next batch can be read
    // while one is in flight. Fails with storage errors only.
    Result<std::vector<StoredEventText>> own_event_texts_after(std::int64_t after_seq, int limit);

    // The newest version of every asset file received by pull, by name.
    Result<std::vector<ReceivedAsset>> received_assets();

private:
    Result<std::string> meta(std::string_view key);
    Result<void> set_meta(std::string_view key, std::string_view value);

    Database* m_db;
    std::string m_device;
};

} // namespace cf::core
