#include "counter/queue_loader.h"

#include "core/ticket_store.h"

namespace cf::counter {

QueueLoader::QueueLoader(std::filesystem::path data_dir, const core::Clock& clock,
                         std::function<void()> on_ready)
    : m_dir(std::move(data_dir)), m_clock(&clock), m_on_ready(std::move(on_ready)),
      m_thread([this] { run(); }) {}

QueueLoader::~QueueLoader() {
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void QueueLoader::request(Request r) {
    {
        const std::lock_guard lock(m_mutex);
        m_request = std::move(r);
    }
    m_wake.notify_all();
}

std::optional<QueueLoader::Loaded> QueueLoader::take() {
    const std::lock_guard lock(m_mutex);
    std::optional<Loaded> out = std::move(m_loaded);
    m_loaded.reset();
    return out;
}

void QueueLoader::run() {
    // The connection lives and dies on this thread.
    auto store = core::TicketStore::open(m_dir, *m_clock);
    std::optional<core::TicketQueue> queue;
    if (store) {
        queue.emplace(*store);
    }
    for (;;) {
        Request r;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || m_request.has_value(); });
            if (m_stop) {
                return;
            }
            r = std::move(*m_request);
            m_request.reset();
        }
        Loaded loaded;
        loaded.serial = r.serial;
        if (!store) {
            loaded.error = store.error();
        } else if (auto ids = queue->ids(r.filter, r.now); !ids) {
            loaded.error = ids.error();
        } else {
            loaded.ids = std::move(*ids);
            if (r.counts) {
                if (auto counts = queue->counts(r.filter.staff_id, r.now)) {
                    loaded.counts = *counts;
                } else {
                    loaded.error = counts.error();
                }
            }
        }
        {
            const std::lock_guard lock(m_mutex);
            m_loaded = std::move(loaded);
        }
        if (m_on_ready) {
            m_on_ready();
        }
    }
}

} // namespace cf::counter
