#pragma once
// Checkpoints the center database's write-ahead log on a thread of its own, with its own
// connection, so that a push's commit never copies the log into the database file (and
// fsyncs that file) while terminals wait for their answers under the storage lock.
//
// The serving connection keeps SQLite's automatic checkpoint only as a backstop for a very
// long log (SqliteCenterStorage::checkpoint_in_background) and nudges this thread after each
// commit; it runs a PASSIVE checkpoint (which never blocks the
// writer) at most every k_interval while commits come, and once a second anyway. At a
// terminal's full push rate that is about a thousand log pages a checkpoint, SQLite's own
// default. Durability is unchanged: a commit is durable once its log frames are fsynced, which
// the committing connection still does (synchronous=FULL).

#include "core/sqlite_db.h"

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

namespace cf::center {

class WalCheckpointer {
public:
    static constexpr std::chrono::milliseconds k_interval{100};

    // Opens a second connection to the database file and starts the thread. Fails with the
    // database's error when the file cannot be opened.
    static core::Result<std::unique_ptr<WalCheckpointer>> start(const std::filesystem::path& file);
    // Stops the thread after the checkpoint it may be running.
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Something was committed: check the log's size soon.
    void nudge();
    // Checkpoints run so far (for tests).
    long checkpoints() const;

private:
    explicit WalCheckpointer(core::Database db) : m_db(std::move(db)) {}
    void run();

    core::Database m_db;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_nudged = false;
    bool m_stop = false;
    long m_checkpoints = 0;
    std::thread m_thread;
};

} // namespace cf::center
