#pragma once
// One terminal's sync with the center, run on the caller's thread with the caller's store
// connection (the worker gives it its own). A pass pushes the outbox in ordered batches until
// the center has everything, then pulls until nothing is left:
//
//  1. GET /v1/device: the center's epoch and this device's high-water mark. A new epoch (the
//     center was restored from a backup) moves the outbox mark back to the center's, so the
//     events the terminal still holds (it holds them all) are sent again, and the pull cursor
//     starts over; a mark above ours (an answer lost after the center stored) moves ours up.
//  2. POST /v1/push per batch; the mark moves to the acknowledged device_seq. A 4xx naming an
//     event puts it on the dead-letter list (staff see it) and later batches skip its
//     device_seq; a gap answer moves the mark to what the center expects; 5xx and network
//     failures end the pass to be retried.
//  3. POST /v1/pull per page; events, asset versions and the new cursor are applied in one
//     local transaction, then new assets are laid out (asset_files.h).

#include "core/ticket_store.h"
#include "sync/http_client.h"
#include "sync/messages.h"
#include "sync/sync_config.h"

#include <atomic>
#include <expected>
#include <filesystem>
#include <string>

namespace cf::sync {

struct SyncError {
    enum class Kind {
        unreachable, // network, TLS, timeout or a 5xx: try again later
        refused,     // the center refused the device (token revoked, expired, unknown)
        storage,     // the local database failed
        cancelled,   // stop was asked
    } kind = Kind::unreachable;
    std::string message;
};

struct SyncReport {
    std::int64_t pushed = 0;        // events the center acknowledged in this pass
    std::int64_t dead_lettered = 0; // events moved to the dead-letter list in this pass
    std::int64_t pulled = 0;        // events received and written
    std::int64_t refused = 0;       // received events the local state machine did not apply
    std::int64_t assets = 0;        // asset versions received
    bool epoch_changed = false;
    bool assets_switched = false;
    std::string asset_problem; // why received assets were not used, if they were not
};

class SyncClient {
public:
    // store is this thread's connection to the data directory data_dir; installed_assets is
    // where the program's own assets are (the base for delivered ones).
    SyncClient(core::TicketStore& store, std::filesystem::path data_dir, SyncConfig config,
               std::string token, std::filesystem::path installed_assets);

    void set_cancel_flag(const std::atomic<bool>* cancel);
    // Events per push batch (1..k_max_batch_events; default 1000, the most a batch holds:
    // every batch costs a commit with an fsync on each side).
    void set_batch_size(int events);

    // Pushes and pulls until nothing is left. Records the outcome (last success or error) in
    // the store. Fails with unreachable, refused, storage or cancelled (see SyncError).
    std::expected<SyncReport, SyncError> sync_once();

private:
    std::expected<void, SyncError> check_device(SyncReport& report);
    std::expected<void, SyncError> push_all(SyncReport& report);
    std::expected<void, SyncError> pull_all(SyncReport& report);
    std::expected<HttpReply, SyncError> call(const std::string& path, const nlohmann::json* body);
    // The same with a body already written as JSON text.
    std::expected<HttpReply, SyncError> call_text(const std::string& path, const std::string& body);
    // Turns transport failures, 5xx and 401/403 into SyncError.
    std::expected<HttpReply, SyncError> checked(std::expected<HttpReply, TransportError>&& reply);

    core::TicketStore* m_store;
    std::filesystem::path m_data_dir;
    SyncConfig m_config;
    std::string m_token;
    std::filesystem::path m_installed_assets;
    HttpClient m_http;
    int m_batch_size = static_cast<int>(k_max_batch_events);
    std::string m_epoch;
};

// Exchanges a one-time code for a device token and saves the enrolment (sync_config.h). The
// branch and terminal come from the store. Fails with refused (bad, used or expired code,
// another branch's code, a revoked device), unreachable, or storage.
std::expected<EnrollResponse, SyncError> enroll(core::TicketStore& store,
                                                const std::filesystem::path& data_dir,
                                                const std::string& center_url,
                                                const std::string& code, const TlsOptions& tls);

} // namespace cf::sync
