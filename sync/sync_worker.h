#pragma once
// The sync client in the background, for the kiosk/counter app: one worker thread with its
// own store connection runs SyncClient passes on a timer (a pass after start, after each
// sync_now() while the center is reachable, every poll_interval when healthy, and after a
// failure with exponential backoff and jitter capped at 5 minutes; a sync_now() while a crisis
// ticket's event waits tries at once, backoff or not). The UI thread never waits
// on it: status() is a copy taken under a lock, and on_change wakes the UI (the app passes a
// function that calls glfwPostEmptyEvent; sync/ knows nothing of GLFW).

#include "core/error.h"
#include "sync/backoff.h"
#include "sync/sync_client.h"
#include "sync/sync_status.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace cf::sync {

struct SyncWorkerOptions {
    std::filesystem::path data_dir;
    std::filesystem::path installed_assets; // the program's own assets/
    std::chrono::milliseconds poll_interval{30'000};
    int batch_size = 500;
    // Called on the worker thread after every change of status(); must be quick and
    // thread-safe. May be empty.
    std::function<void()> on_change;
};

class SyncWorker {
public:
    explicit SyncWorker(SyncWorkerOptions options);
    ~SyncWorker(); // stops and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // Opens the worker's own store connection, reads the enrolment and starts the thread.
    // Fails with not_found when the terminal is not enrolled, key when the token file is not
    // 0600, or a storage error opening the data directory. Calling it twice does nothing.
    core::Result<void> start();
    // Aborts a request in flight, ends the thread and closes its connection. Idempotent.
    void stop();
    // Asks for a pass soon (after filing or acting on a ticket). While the center is failing
    // the backoff timer still decides, and only the pending count is refreshed at once,
    // unless an event of a crisis ticket waits (SyncState::crisis_pending): then now.
    void sync_now();
    // A consistent copy of the latest status; cheap, never blocks on the network.
    SyncStatus status() const;

private:
    void run();
    void refresh_status(core::TicketStore& store);
    void notify();

    SyncWorkerOptions m_options;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wake_requested = false;
    std::atomic<bool> m_stop{false};
    SyncStatus m_status;
    std::thread m_thread;
    core::SystemClock m_clock;
    std::unique_ptr<core::TicketStore> m_store;
    SyncConfig m_config;
    std::string m_token;
};

} // namespace cf::sync
