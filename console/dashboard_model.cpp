#include "console/dashboard_model.h"

#include "core/csv_file.h"
#include "ui/staff_widgets.h"

#include <cstdio>
#include <functional>

namespace cf::console {

namespace {

std::string tr(const forms::Catalog& catalog, ui::Locale locale, std::string_view key) {
    return catalog.ui.get(ui::code(locale), key);
}

// "11-16" for the week starting "2026-11-16".
std::string week_label(const std::string& key) {
    return key.size() == 10 ? key.substr(5) : key;
}

ChartData chart(const std::vector<sync::CountBy>& counts, std::size_t limit, ImU32 color,
                std::string name, const std::function<std::string(const std::string&)>& label) {
    ChartData c;
    c.series.name = std::move(name);
    c.series.color = color;
    const std::size_t n = std::min(limit, counts.size());
    c.labels.reserve(n);
    c.keys.reserve(n);
    c.series.values.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        c.keys.push_back(counts[i].key);
        c.labels.push_back(label(counts[i].key));
        c.series.values.push_back(static_cast<double>(counts[i].count));
    }
    return c;
}

} // namespace

std::string rate_text(std::int64_t met, std::int64_t total) {
    if (total <= 0) {
        return "—";
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%",
                  100.0 * static_cast<double>(met) / static_cast<double>(total));
    return text;
}

void DashboardModel::set(sync::Dashboard d) {
    m_data = std::move(d);
    m_view_valid = false;
}

void DashboardModel::clear() {
    m_data.reset();
    m_view_valid = false;
}

const DashboardView& DashboardModel::view(const forms::Catalog& catalog, ui::Locale locale) {
    if (m_view_valid && m_view.locale == locale) {
        return m_view;
    }
    m_view = {};
    m_view.locale = locale;
    m_view_valid = true;
    if (!m_data) {
        return m_view;
    }
    const sync::Dashboard& d = *m_data;
    const ui::StaffColors& colors = ui::staff_colors();
    const std::string lc(ui::code(locale));
    const std::string tickets = tr(catalog, locale, "console.dash.tickets");
    const auto same = [](const std::string& k) {
        return k;
    };
    const auto category = [&](const std::string& k) {
        return catalog.category_label(k, lc);
    };
    m_view.weeks = chart(d.by_week, d.by_week.size(), colors.chart[1], tickets, week_label);
    m_view.categories =
        chart(d.by_category, d.by_category.size(), colors.chart[2], tickets, category);
    m_view.top_branches = chart(d.by_branch, k_top_branches, colors.chart[1], tickets, same);
    m_view.problems =
        chart(d.top_problems, d.top_problems.size(), colors.chart[3], tickets, category);
    m_view.overdue = chart(d.most_overdue, d.most_overdue.size(), colors.chart[5],
                           tr(catalog, locale, "console.dash.overdue_now"), same);
    m_view.satisfaction = {
        {tr(catalog, locale, "counter.satisfaction.satisfied"),
         {static_cast<double>(d.satisfied)},
         colors.chart[2]},
        {tr(catalog, locale, "counter.satisfaction.mostly_satisfied"),
         {static_cast<double>(d.mostly_satisfied)},
         colors.chart[0]},
        {tr(catalog, locale, "counter.satisfaction.unsatisfied"),
         {static_cast<double>(d.unsatisfied)},
         colors.chart[5]},
    };
    m_view.branch_counts.reserve(d.by_branch.size());
    m_view.branch_shares.reserve(d.by_branch.size());
    for (const sync::CountBy& b : d.by_branch) {
        m_view.branch_counts.push_back(std::to_string(b.count));
        m_view.branch_shares.push_back(rate_text(b.count, d.total));
    }
    m_view.first_response_rate = rate_text(d.first_response_met, d.first_response_total);
    m_view.handling_rate = rate_text(d.handling_met, d.handling_total);
    return m_view;
}

std::string DashboardModel::csv(const forms::Catalog& catalog, ui::Locale locale,
                                int utc_offset_minutes) const {
    using core::csv_number;
    using core::csv_text_field;
    std::vector<std::vector<std::string>> rows;
    rows.push_back({csv_text_field("section"), csv_text_field("key"), csv_text_field("label"),
                    csv_text_field("value")});
    if (!m_data) {
        return core::csv_document(rows);
    }
    const sync::Dashboard& d = *m_data;
    const std::string lc(ui::code(locale));
    auto figure = [&](const char* key, const char* label_key, std::string value) {
        rows.push_back({csv_text_field("summary"), csv_text_field(key),
                        csv_text_field(tr(catalog, locale, label_key)), std::move(value)});
    };
    figure("from", "console.filter.from",
           csv_text_field(core::format_iso8601(d.from, utc_offset_minutes)));
    figure("to", "console.filter.to",
           csv_text_field(core::format_iso8601(d.to, utc_offset_minutes)));
    figure("total", "console.dash.total", csv_number(d.total));
    figure("first_response_met", "console.dash.first_response", csv_number(d.first_response_met));
    figure("first_response_total", "console.dash.first_response",
           csv_number(d.first_response_total));
    figure("handling_met", "console.dash.handling", csv_number(d.handling_met));
    figure("handling_total", "console.dash.handling", csv_number(d.handling_total));
    figure("avg_handling_hours", "console.dash.avg_handling",
           csv_number(static_cast<double>(d.avg_handling_ms) / static_cast<double>(core::k_hour)));
    figure("resolved", "console.dash.resolved", csv_number(d.resolved));
    figure("satisfied", "counter.satisfaction.satisfied", csv_number(d.satisfied));
    figure("mostly_satisfied", "counter.satisfaction.mostly_satisfied",
           csv_number(d.mostly_satisfied));
    figure("unsatisfied", "counter.satisfaction.unsatisfied", csv_number(d.unsatisfied));
    auto list = [&](const char* section, const std::vector<sync::CountBy>& counts,
                    bool categories) {
        for (const sync::CountBy& c : counts) {
            rows.push_back({csv_text_field(section), csv_text_field(c.key),
                            csv_text_field(categories ? catalog.category_label(c.key, lc) : c.key),
                            csv_number(c.count)});
        }
    };
    list("by_branch", d.by_branch, false);
    list("by_category", d.by_category, true);
    list("by_week", d.by_week, false);
    list("top_problems", d.top_problems, true);
    list("most_overdue", d.most_overdue, false);
    return core::csv_document(rows);
}

} // namespace cf::console
