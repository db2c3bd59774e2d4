#include "sync/sync_status.h"

#include "sync/sync_config.h"

namespace cf::sync {

using nlohmann::json;

core::Result<SyncStatus> read_sync_status(core::TicketStore& store,
                                          const std::filesystem::path& data_dir, core::Millis now) {
    SyncStatus s;
    if (auto config = load_config(data_dir)) {
        s.enrolled = true;
        s.center_url = config->center_url;
        s.device = config->device;
    }
    core::SyncState state(store);
    auto record = state.read();
    if (!record) {
        return std::unexpected(record.error());
    }
    auto pending = state.pending_count();
    auto oldest = state.oldest_pending_at();
    auto dead = state.dead_letter_count();
    if (!pending || !oldest || !dead) {
        return std::unexpected(!pending  ? pending.error()
                               : !oldest ? oldest.error()
                                         : dead.error());
    }
    s.epoch = record->epoch;
    s.pending = *pending;
    if (*oldest) {
        s.oldest_pending_age_s = std::max<std::int64_t>(0, (now - **oldest) / 1000);
    }
    s.last_attempt = record->last_attempt;
    s.last_success = record->last_success;
    s.last_error = record->last_error;
    s.dead_letters = *dead;
    s.online = record->last_attempt > 0 && record->last_error.empty();
    return s;
}

json to_json(const SyncStatus& s) {
    auto time_or_null = [](core::Millis t) {
        return t > 0 ? json(core::format_iso8601(t)) : json();
    };
    return {
        {"enrolled", s.enrolled},
        {"center", s.center_url},
        {"device", s.device},
        {"epoch", s.epoch},
        {"pending", s.pending},
        {"oldest_pending_age_s", s.oldest_pending_age_s ? json(*s.oldest_pending_age_s) : json()},
        {"last_attempt", time_or_null(s.last_attempt)},
        {"last_success", time_or_null(s.last_success)},
        {"last_error", s.last_error.empty() ? json() : json(s.last_error)},
        {"dead_letters", s.dead_letters},
        {"online", s.online},
        {"syncing", s.syncing},
        {"next_attempt_at", time_or_null(s.next_attempt_at)},
    };
}

} // namespace cf::sync
