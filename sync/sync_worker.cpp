#include "sync/sync_worker.h"

#include "core/sync_state.h"

namespace cf::sync {

SyncWorker::SyncWorker(SyncWorkerOptions options) : m_options(std::move(options)) {}

SyncWorker::~SyncWorker() {
    stop();
}

core::Result<void> SyncWorker::start() {
    if (m_thread.joinable()) {
        return {};
    }
    auto config = load_config(m_options.data_dir);
    if (!config) {
        return std::unexpected(config.error());
    }
    auto token = load_token(m_options.data_dir);
    if (!token) {
        return std::unexpected(token.error());
    }
    auto store = core::TicketStore::open(m_options.data_dir, m_clock);
    if (!store) {
        return std::unexpected(store.error());
    }
    m_config = std::move(*config);
    m_token = std::move(*token);
    m_store = std::make_unique<core::TicketStore>(std::move(*store));
    refresh_status(*m_store);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return {};
}

void SyncWorker::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) {
        m_thread.join();
    }
    m_store.reset();
}

void SyncWorker::sync_now() {
    {
        std::lock_guard lock(m_mutex);
        m_wake_requested = true;
    }
    m_wake.notify_all();
}

SyncStatus SyncWorker::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

void SyncWorker::notify() {
    if (m_options.on_change) {
        m_options.on_change();
    }
}

void SyncWorker::refresh_status(core::TicketStore& store) {
    auto fresh = read_sync_status(store, m_options.data_dir, m_clock.now());
    std::lock_guard lock(m_mutex);
    if (fresh) {
        const bool syncing = m_status.syncing;
        const core::Millis next = m_status.next_attempt_at;
        m_status = std::move(*fresh);
        m_status.syncing = syncing;
        m_status.next_attempt_at = next;
    } else {
        m_status.last_error = fresh.error().message;
    }
}

void SyncWorker::run() {
    SyncClient client(*m_store, m_options.data_dir, m_config, m_token, m_options.installed_assets);
    client.set_cancel_flag(&m_stop);
    client.set_batch_size(m_options.batch_size);
    Backoff backoff;
    auto next = std::chrono::steady_clock::now(); // the first pass at once
    bool healthy = true;
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next, [&] {
                return m_stop.load() || m_wake_requested ||
                       std::chrono::steady_clock::now() >= next;
            });
            if (m_stop) {
                return;
            }
            const bool requested = m_wake_requested;
            m_wake_requested = false;
            if (requested && !healthy && std::chrono::steady_clock::now() < next) {
                // A ticket was filed while the center is failing: show it as pending, and let
                // the backoff timer decide when to try, unless a crisis ticket (重大, 外宣传型,
                // escalated) waits: the center's manager must see it at once (004), so each
                // such request tries now. The events still go in device order, as the
                // center's exactly-once check needs.
                lock.unlock();
                refresh_status(*m_store);
                notify();
                if (!core::SyncState(*m_store).crisis_pending().value_or(false)) {
                    continue;
                }
                lock.lock();
            }
            m_status.syncing = true;
        }
        notify();
        auto outcome = client.sync_once();
        if (m_stop) {
            return;
        }
        std::chrono::milliseconds wait = m_options.poll_interval;
        healthy = outcome.has_value();
        if (healthy) {
            backoff.reset();
        } else {
            wait = backoff.next_delay();
        }
        next = std::chrono::steady_clock::now() + wait;
        refresh_status(*m_store);
        {
            std::lock_guard lock(m_mutex);
            m_status.syncing = false;
            m_status.next_attempt_at = m_clock.now() + wait.count();
            if (!outcome) {
                m_status.online = false;
                m_status.last_error = outcome.error().message;
            }
        }
        notify();
    }
}

} // namespace cf::sync
