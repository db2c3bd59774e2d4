#pragma once
// Loads a queue tab's ordered ids, and the tab counts, on a worker thread with its own
// connection to the data directory, so that a click on a tab or a sort never waits for a query
// over 100,000 tickets: the list keeps its rows until the new ids are in (usually the next
// frame or two), and `on_ready` wakes the UI when they are.

#include "core/clock.h"
#include "core/error.h"
#include "core/ticket_queue.h"

#include <array>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cf::counter {

class QueueLoader {
public:
    struct Request {
        std::uint64_t serial = 0;
        core::QueueFilter filter;
        core::Millis now = 0;
        bool counts = false;
    };
    struct Loaded {
        std::uint64_t serial = 0;
        std::vector<std::int64_t> ids;
        std::optional<core::TabCounts> counts;
        std::optional<core::Error> error;
    };

    // Starts the worker, which opens its own store on `data_dir`; a failure to open shows as
    // the error of every load. `on_ready` is called on the worker after each load.
    QueueLoader(std::filesystem::path data_dir, const core::Clock& clock,
                std::function<void()> on_ready);
    ~QueueLoader(); // stops and joins
    QueueLoader(const QueueLoader&) = delete;
    QueueLoader& operator=(const QueueLoader&) = delete;

    // Asks for a load; a request not yet started is replaced by this one.
    void request(Request r);
    // The newest finished load, once.
    std::optional<Loaded> take();

private:
    void run();

    std::filesystem::path m_dir;
    const core::Clock* m_clock;
    std::function<void()> m_on_ready;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_request;
    std::optional<Loaded> m_loaded;
    bool m_stop = false;
    std::thread m_thread; // last: starts after the members it uses
};

} // namespace cf::counter
