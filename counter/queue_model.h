#pragma once
// The queue as the list shows it: the ordered ticket ids of the current tab and filter, and
// the rows of whatever part of the list is on screen, loaded a page at a time. With 100,000
// tickets the list holds 100,000 integers; only visible rows are ever read.

#include "core/error.h"
#include "core/ticket_queue.h"
#include "counter/queue_loader.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace cf::counter {

class QueueModel {
public:
    // Rows read at a time: a page costs about 25 us per row (decrypting name and phone), so a
    // page loaded while scrolling stays well inside a frame.
    static constexpr std::size_t k_page = 32;

    explicit QueueModel(core::TicketStore& store) : m_queue(store) {}

    const core::QueueFilter& filter() const { return m_filter; }
    void set_filter(const core::QueueFilter& filter);

    // Reloads the ids when the filter changed, the database changed (any connection, e.g. the
    // sync worker) or `force` (time moved on: overdue changes). The tab counts depend only on
    // the data, the staff member and the time, so a click on a tab or a sort keeps them.
    core::Result<void> refresh(core::Millis now, bool force = false);

    // Loads ids and counts on a worker from now on (the app; tests without one load in line).
    void use_loader(std::unique_ptr<QueueLoader> loader) { m_loader = std::move(loader); }
    // Takes a finished background load: true when the list changed. Call before each frame.
    core::Result<bool> poll();
    // A background load is on its way; the list shows the previous ids until it is in.
    bool loading() const { return m_pending != 0; }

    std::size_t size() const { return m_ids.size(); }
    // The row at position i, reading its page when needed; null past the end or when the
    // ticket vanished.
    const core::QueueRow* row(std::size_t i);
    std::int64_t count(core::QueueTab tab) const { return m_counts[static_cast<int>(tab)]; }

private:
    core::TicketQueue m_queue;
    core::QueueFilter m_filter;
    bool m_stale = true;
    std::optional<std::int64_t> m_version;
    std::vector<std::int64_t> m_ids;
    std::map<std::size_t, std::vector<std::optional<core::QueueRow>>> m_pages;
    core::TabCounts m_counts{};
    bool m_counts_stale = true;
    std::string m_counts_staff;
    std::unique_ptr<QueueLoader> m_loader;
    std::uint64_t m_serial = 0;
    std::uint64_t m_pending = 0; // serial of the load the list waits for; 0 when none
};

} // namespace cf::counter
