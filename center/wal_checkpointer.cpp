#include "center/wal_checkpointer.h"

namespace cf::center {

core::Result<std::unique_ptr<WalCheckpointer>>
WalCheckpointer::start(const std::filesystem::path& file) {
    auto db = core::Database::open(file, core::OpenOptions{});
    if (!db) {
        return std::unexpected(db.error());
    }
    auto checkpointer = std::unique_ptr<WalCheckpointer>(new WalCheckpointer(std::move(*db)));
    checkpointer->m_thread = std::thread([c = checkpointer.get()] { c->run(); });
    return checkpointer;
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void WalCheckpointer::nudge() {
    {
        std::lock_guard lock(m_mutex);
        if (m_nudged) {
            return;
        }
        m_nudged = true;
    }
    m_cv.notify_one();
}

long WalCheckpointer::checkpoints() const {
    std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run() {
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_cv.wait_for(lock, std::chrono::seconds(1), [this] { return m_nudged || m_stop; });
        if (m_stop) {
            break;
        }
        m_nudged = false;
        lock.unlock();
        // A failure (the disk full, a reader holding an old snapshot) leaves the frames in
        // the log, where they are as durable; the next round tries again.
        (void)m_db.exec("PRAGMA wal_checkpoint(PASSIVE)");
        lock.lock();
        ++m_checkpoints;
        // Commits meanwhile are taken by the next round, after the interval.
        m_cv.wait_for(lock, k_interval, [this] { return m_stop; });
    }
}

} // namespace cf::center
