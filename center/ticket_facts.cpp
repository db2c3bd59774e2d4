// [SECTION] queues
// [SECTION] the table
// [SECTION] dashboard
#include "center/ticket_facts.h"

#include "core/clock.h"
#include "core/lifecycle.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace cf::center {
namespace {

using sync::ConsoleQueue;

constexpr int k_more_bit = 63;

// The earliest deadline of the ticket that has passed, or 0 when none has.
core::Millis passed_deadline(const TicketFact& f, core::Millis now) {
    if (!is_center_state(f.state)) {
        return 0;
    }
    core::Millis earliest = 0;
    if (f.state == core::State::dispatched && f.deadline > 0 && f.deadline < now) {
        earliest = f.deadline;
    }
    if (f.due_at > 0 && f.due_at < now && (earliest == 0 || f.due_at < earliest)) {
        earliest = f.due_at;
    }
    return earliest;
}

std::string local_date(core::Millis t, int utc_offset_min) {
    const auto local = t + static_cast<core::Millis>(utc_offset_min) * core::k_minute;
    const auto days = local >= 0 ? local / core::k_day : (local - core::k_day + 1) / core::k_day;
    const auto d = core::civil_from_days(days);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year),
                  static_cast<int>(d.month), static_cast<int>(d.day));
    return text;
}

// Counts as CountBy, most first (ties by key), at most `limit`, leaving out zeros.
std::vector<sync::CountBy> most_first(const std::vector<std::int64_t>& counts,
                                      const std::vector<std::string>& names, std::size_t limit) {
    std::vector<sync::CountBy> out;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0) {
            out.push_back({names[i], counts[i]});
        }
    }
    std::sort(out.begin(), out.end(), [](const sync::CountBy& a, const sync::CountBy& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

} // namespace

// ==================================================================== [SECTION] queues

bool is_center_state(core::State s) {
    using core::State;
    return s == State::submitted || s == State::accepted || s == State::dispatched ||
           s == State::handled || s == State::audited || s == State::escalated;
}

bool is_escalated(const TicketFact& f) {
    return f.state == core::State::escalated || (f.crisis && f.state != core::State::closed);
}

bool parts_waiting(const core::Ticket& t) {
    return t.state == core::State::dispatched && !core::parts_to_audit(t).empty();
}

bool in_queue(const TicketFact& f, ConsoleQueue q, core::Millis now) {
    using core::State;
    switch (q) {
    case ConsoleQueue::review:
        return f.state == State::submitted;
    case ConsoleQueue::dispatch:
        return f.state == State::accepted;
    case ConsoleQueue::departments:
        return f.state == State::dispatched;
    case ConsoleQueue::audit:
        return f.state == State::handled || f.parts_waiting;
    case ConsoleQueue::answer:
        return f.state == State::audited;
    case ConsoleQueue::overdue:
        return passed_deadline(f, now) != 0;
    case ConsoleQueue::second_round:
        return f.state == State::second_round;
    case ConsoleQueue::escalated:
        return is_escalated(f);
    case ConsoleQueue::all:
        return true;
    }
    return false;
}

core::Millis week_start(core::Millis t, int utc_offset_min) {
    const core::Millis offset = static_cast<core::Millis>(utc_offset_min) * core::k_minute;
    const core::Millis local = t + offset;
    const std::int64_t days =
        local >= 0 ? local / core::k_day : (local - core::k_day + 1) / core::k_day;
    const int weekday = core::weekday_iso(days); // 1 = Monday
    return (days - (weekday - 1)) * core::k_day - offset;
}

// ================================================================= [SECTION] the table

std::uint16_t FactTable::intern(std::vector<std::string>& names,
                                std::unordered_map<std::string, std::uint16_t>& index,
                                std::string_view name) {
    std::string key(name);
    if (auto it = index.find(key); it != index.end()) {
        return it->second;
    }
    // More than 65,535 distinct codes never happen in a region; they share the last index.
    const auto i = static_cast<std::uint16_t>(std::min<std::size_t>(names.size(), 0xffff));
    if (names.size() < 0xffff) {
        names.push_back(key);
        index.emplace(std::move(key), i);
    }
    return i;
}

void FactTable::upsert(TicketFact f, const FactText& text) {
    f.branch = intern(m_branches, m_branch_index, text.branch);
    const auto before = m_categories.size();
    f.category = intern(m_categories, m_category_index, text.category);
    const auto dot = text.category.find('.');
    f.top_category = dot == std::string_view::npos
                         ? f.category
                         : intern(m_categories, m_category_index, text.category.substr(0, dot));
    if (m_categories.size() != before) {
        m_top_of.resize(m_categories.size());
        for (std::size_t i = before; i < m_categories.size(); ++i) {
            const auto& name = m_categories[i];
            const auto d = name.find('.');
            m_top_of[i] = d == std::string::npos ? static_cast<std::uint16_t>(i)
                                                 : m_category_index.at(name.substr(0, d));
        }
    }
    f.departments = 0;
    std::vector<std::uint16_t> more;
    std::string_view rest = text.departments;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const auto code = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (code.empty()) {
            continue;
        }
        const auto d = intern(m_departments, m_department_index, code);
        if (d < k_more_bit) {
            f.departments |= std::uint64_t{1} << d;
        } else {
            f.departments |= std::uint64_t{1} << k_more_bit;
            more.push_back(d);
        }
    }
    if (!more.empty()) {
        m_more_departments[f.rowid] = std::move(more);
    } else if (!m_more_departments.empty()) {
        m_more_departments.erase(f.rowid);
    }
    const auto row = static_cast<std::size_t>(f.rowid);
    if (row >= m_position.size()) {
        m_position.resize(std::max(row + 1, m_position.size() * 3 / 2), 0);
    }
    if (m_position[row] != 0) {
        m_facts[m_position[row] - 1] = f;
    } else {
        m_facts.push_back(f);
        m_position[row] = static_cast<std::uint32_t>(m_facts.size());
    }
}

bool FactTable::has_department(const TicketFact& f, int department) const {
    if (department < k_more_bit) {
        return (f.departments >> department) & 1U;
    }
    if (((f.departments >> k_more_bit) & 1U) == 0) {
        return false;
    }
    auto it = m_more_departments.find(f.rowid);
    return it != m_more_departments.end() &&
           std::find(it->second.begin(), it->second.end(), department) != it->second.end();
}

FactFilter FactTable::resolve(const sync::ConsoleFilter& filter) const {
    FactFilter out;
    if (!filter.branch.empty()) {
        auto it = m_branch_index.find(filter.branch);
        out.branch = it == m_branch_index.end() ? -1 : it->second;
        out.nothing = out.nothing || it == m_branch_index.end();
    }
    if (!filter.category.empty()) {
        out.category.assign(m_categories.size(), 0);
        bool any = false;
        const std::string prefix = filter.category + ".";
        for (std::size_t i = 0; i < m_categories.size(); ++i) {
            if (m_categories[i] == filter.category || m_categories[i].starts_with(prefix)) {
                out.category[i] = 1;
                any = true;
            }
        }
        out.nothing = out.nothing || !any;
    }
    if (filter.priority) {
        out.priority = static_cast<int>(*filter.priority);
    }
    out.from = filter.from.value_or(out.from);
    out.to = filter.to.value_or(out.to);
    if (!filter.department.empty()) {
        out.department_code = filter.department;
        auto it = m_department_index.find(filter.department);
        out.department = it == m_department_index.end() ? -1 : it->second;
        out.nothing = out.nothing || it == m_department_index.end();
    }
    return out;
}

bool FactTable::matches(const TicketFact& f, const FactFilter& filter) const {
    if (filter.nothing || f.received_at < filter.from || f.received_at >= filter.to) {
        return false;
    }
    if (filter.branch >= 0 && f.branch != filter.branch) {
        return false;
    }
    if (!filter.category.empty() && filter.category[f.category] == 0) {
        return false;
    }
    if (filter.priority >= 0 && static_cast<int>(f.priority) != filter.priority) {
        return false;
    }
    if (filter.department >= 0 && !has_department(f, filter.department)) {
        return false;
    }
    return true;
}

FactPage FactTable::queue(ConsoleQueue q, const FactFilter& filter, int limit, int offset,
                          core::Millis now) const {
    using core::State;
    FactPage page;
    std::array<std::int64_t, std::size(sync::k_console_queues)> counts{};
    const auto slot = [](ConsoleQueue queue) {
        return static_cast<std::size_t>(
            std::find(std::begin(sync::k_console_queues), std::end(sync::k_console_queues), queue) -
            std::begin(sync::k_console_queues));
    };
    // The state decides every queue but overdue and all: one switch per ticket.
    std::array<std::size_t, std::size(core::k_all_states)> state_slot{};
    state_slot.fill(counts.size());
    state_slot[static_cast<std::size_t>(State::submitted)] = slot(ConsoleQueue::review);
    state_slot[static_cast<std::size_t>(State::accepted)] = slot(ConsoleQueue::dispatch);
    state_slot[static_cast<std::size_t>(State::dispatched)] = slot(ConsoleQueue::departments);
    state_slot[static_cast<std::size_t>(State::handled)] = slot(ConsoleQueue::audit);
    state_slot[static_cast<std::size_t>(State::audited)] = slot(ConsoleQueue::answer);
    state_slot[static_cast<std::size_t>(State::second_round)] = slot(ConsoleQueue::second_round);
    const std::size_t overdue_slot = slot(ConsoleQueue::overdue);
    const std::size_t escalated_slot = slot(ConsoleQueue::escalated);
    const std::size_t audit_slot = slot(ConsoleQueue::audit);
    const std::size_t all_slot = slot(ConsoleQueue::all);
    const std::size_t asked = slot(q);

    // The first `keep` rows in the queue's order, as (sort key, rowid), kept in a max-heap while
    // scanning: a page costs one pass and no list of the whole queue. Scanning newest first
    // for `all` and oldest first otherwise makes late arrivals rarely enter the heap.
    const std::size_t keep = static_cast<std::size_t>(offset) + static_cast<std::size_t>(limit);
    std::vector<std::pair<core::Millis, std::int64_t>> heap;
    heap.reserve(std::min<std::size_t>(keep, m_facts.size()));
    const auto visit = [&](const TicketFact& f) {
        if (!matches(f, filter)) {
            return;
        }
        const std::size_t by_state = state_slot[static_cast<std::size_t>(f.state)];
        const core::Millis passed = passed_deadline(f, now);
        bool member = asked == all_slot;
        if (by_state < counts.size()) {
            ++counts[by_state];
            member = member || by_state == asked;
        }
        if (passed != 0) {
            ++counts[overdue_slot];
            member = member || asked == overdue_slot;
        }
        if (is_escalated(f)) {
            ++counts[escalated_slot];
            member = member || asked == escalated_slot;
        }
        if (f.parts_waiting) { // also at departments, by its state
            ++counts[audit_slot];
            member = member || asked == audit_slot;
        }
        ++counts[all_slot];
        if (!member) {
            return;
        }
        std::pair<core::Millis, std::int64_t> row;
        switch (q) {
        case ConsoleQueue::departments:
            row = {f.deadline, f.rowid};
            break;
        case ConsoleQueue::overdue:
            row = {passed, f.rowid};
            break;
        case ConsoleQueue::all:
            row = {-f.received_at, -f.rowid}; // newest first
            break;
        default:
            row = {f.received_at, f.rowid};
            break;
        }
        ++page.total;
        if (heap.size() < keep) {
            heap.push_back(row);
            std::push_heap(heap.begin(), heap.end());
        } else if (keep > 0 && row < heap.front()) {
            std::pop_heap(heap.begin(), heap.end());
            heap.back() = row;
            std::push_heap(heap.begin(), heap.end());
        }
    };
    if (q == ConsoleQueue::all) {
        std::for_each(m_facts.rbegin(), m_facts.rend(), visit);
    } else {
        std::for_each(m_facts.begin(), m_facts.end(), visit);
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        page.counts[std::string(sync::to_string(sync::k_console_queues[i]))] = counts[i];
    }
    std::sort_heap(heap.begin(), heap.end());
    for (std::size_t i = static_cast<std::size_t>(offset); i < heap.size(); ++i) {
        page.rowids.push_back(heap[i].second < 0 ? -heap[i].second : heap[i].second);
    }
    return page;
}

// ================================================================= [SECTION] dashboard

sync::Dashboard FactTable::dashboard(const FactFilter& filter, core::Millis from, core::Millis to,
                                     int utc_offset_min, core::Millis now) const {
    sync::Dashboard d;
    d.from = from;
    d.to = to;
    FactFilter f = filter;
    f.from = std::max(f.from, from);
    f.to = std::min(f.to, to);
    const core::Millis first_week = week_start(from, utc_offset_min);
    constexpr core::Millis week = 7 * core::k_day;
    const std::size_t weeks =
        to > from ? static_cast<std::size_t>((to - first_week + week - 1) / week) : 0;
    std::vector<std::int64_t> by_week(weeks, 0);
    std::vector<std::int64_t> by_branch(m_branches.size(), 0);
    std::vector<std::int64_t> overdue_by_branch(m_branches.size(), 0);
    std::vector<std::int64_t> by_category(m_categories.size(), 0);
    std::vector<std::int64_t> by_top(m_categories.size(), 0);
    std::int64_t handling_sum = 0;
    for (const auto& t : m_facts) {
        if (!matches(t, f)) {
            continue;
        }
        ++d.total;
        ++by_branch[t.branch];
        ++by_category[t.category];
        ++by_top[t.top_category];
        const auto w = static_cast<std::size_t>((t.received_at - first_week) / week);
        if (w < weeks) {
            ++by_week[w];
        }
        if (t.acknowledged_at > 0) {
            ++d.first_response_total;
            d.first_response_met += t.acknowledged_at <= t.first_response_due ? 1 : 0;
        } else if (t.first_response_due > 0 && t.first_response_due < now) {
            ++d.first_response_total;
        }
        if (t.deadline > 0) {
            if (t.handled_at > 0) {
                ++d.handling_total;
                d.handling_met += t.handled_at <= t.deadline ? 1 : 0;
            } else if (t.deadline < now) {
                ++d.handling_total;
            }
        }
        if (t.resolved_at > 0) {
            ++d.resolved;
            handling_sum += t.resolved_at - t.received_at;
        }
        switch (t.satisfaction) {
        case core::Satisfaction::satisfied:
            ++d.satisfied;
            break;
        case core::Satisfaction::mostly_satisfied:
            ++d.mostly_satisfied;
            break;
        case core::Satisfaction::unsatisfied:
            ++d.unsatisfied;
            break;
        case core::Satisfaction::none:
            break;
        }
        if (passed_deadline(t, now) != 0) {
            ++overdue_by_branch[t.branch];
        }
    }
    d.avg_handling_ms = d.resolved > 0 ? handling_sum / d.resolved : 0;
    d.by_branch = most_first(by_branch, m_branches, m_branches.size());
    d.by_category = most_first(by_top, m_categories, m_categories.size());
    d.top_problems = most_first(by_category, m_categories, 10);
    d.most_overdue = most_first(overdue_by_branch, m_branches, 10);
    for (std::size_t i = 0; i < weeks; ++i) {
        d.by_week.push_back(
            {local_date(first_week + static_cast<core::Millis>(i) * week, utc_offset_min),
             by_week[i]});
    }
    return d;
}

} // namespace cf::center
