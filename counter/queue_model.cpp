#include "counter/queue_model.h"

#include <algorithm>

namespace cf::counter {

void QueueModel::set_filter(const core::QueueFilter& filter) {
    m_filter = filter;
    m_stale = true;
    m_counts_stale = m_counts_stale || filter.staff_id != m_counts_staff;
}

core::Result<void> QueueModel::refresh(core::Millis now, bool force) {
    auto version = m_queue.data_version();
    if (!version) {
        return std::unexpected(version.error());
    }
    const bool data_changed = m_version != *version;
    if (!force && !m_stale && !data_changed) {
        return {};
    }
    const bool with_counts = force || data_changed || m_counts_stale;
    if (m_loader) {
        m_pending = ++m_serial;
        m_loader->request({m_pending, m_filter, now, with_counts});
        m_version = *version;
        m_stale = false;
        if (with_counts) {
            m_counts_staff = m_filter.staff_id;
            m_counts_stale = false;
        }
        return {};
    }
    auto ids = m_queue.ids(m_filter, now);
    if (!ids) {
        return std::unexpected(ids.error());
    }
    if (with_counts) {
        auto counts = m_queue.counts(m_filter.staff_id, now);
        if (!counts) {
            return std::unexpected(counts.error());
        }
        m_counts = *counts;
        m_counts_staff = m_filter.staff_id;
        m_counts_stale = false;
    }
    m_ids = std::move(*ids);
    m_pages.clear();
    m_version = *version;
    m_stale = false;
    return {};
}

core::Result<bool> QueueModel::poll() {
    if (!m_loader || m_pending == 0) {
        return false;
    }
    std::optional<QueueLoader::Loaded> loaded = m_loader->take();
    if (!loaded || loaded->serial != m_pending) {
        return false; // still loading, or an older load that a newer request replaced
    }
    m_pending = 0;
    if (loaded->error) {
        m_stale = true; // try again on the next refresh
        return std::unexpected(*loaded->error);
    }
    m_ids = std::move(loaded->ids);
    if (loaded->counts) {
        m_counts = *loaded->counts;
    }
    m_pages.clear();
    return true;
}

const core::QueueRow* QueueModel::row(std::size_t i) {
    if (i >= m_ids.size()) {
        return nullptr;
    }
    const std::size_t page = i / k_page;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        const std::size_t begin = page * k_page;
        const std::size_t end = std::min(m_ids.size(), begin + k_page);
        std::span<const std::int64_t> ids(m_ids.data() + begin, end - begin);
        std::vector<std::optional<core::QueueRow>> rows(ids.size());
        if (auto loaded = m_queue.rows(ids)) {
            // rows() skips vanished tickets: match them back by rowid.
            std::size_t at = 0;
            for (core::QueueRow& r : *loaded) {
                while (at < ids.size() && ids[at] != r.rowid) {
                    ++at;
                }
                if (at < ids.size()) {
                    rows[at++] = std::move(r);
                }
            }
        }
        it = m_pages.emplace(page, std::move(rows)).first;
    }
    const auto& slot = it->second[i - page * k_page];
    return slot ? &*slot : nullptr;
}

} // namespace cf::counter
