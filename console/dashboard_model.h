#pragma once
// The dashboard's figures as the center sent them, and what the screen draws from them, made
// once per answer and locale: chart labels and series, the top branches, every branch's count
// and share as text (500 branches are formatted once, not each frame), the rates. Also the
// figures as a CSV document.

#include "forms/catalog.h"
#include "sync/console_messages.h"
#include "ui/charts.h"
#include "ui/locale.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cf::console {

// One chart: its labels (translated), the keys a click drills down with, and its values.
struct ChartData {
    std::vector<std::string> labels;
    std::vector<std::string> keys;
    ui::ChartSeries series;
};

struct DashboardView {
    ui::Locale locale = ui::Locale::zh_hans;
    ChartData weeks;
    ChartData categories;
    ChartData top_branches; // the k_top_branches busiest
    ChartData problems;
    ChartData overdue;
    std::vector<ui::ChartSeries> satisfaction; // satisfied, mostly, unsatisfied
    std::vector<std::string> branch_counts;    // every branch, as by_branch
    std::vector<std::string> branch_shares;    // "12.3%"
    std::string first_response_rate;           // "93.2%", or "—" without tickets
    std::string handling_rate;
};

class DashboardModel {
public:
    static constexpr std::size_t k_top_branches = 15;

    void set(sync::Dashboard d);
    void clear();
    bool has() const { return m_data.has_value(); }
    const sync::Dashboard& data() const { return *m_data; }
    // The drawable view for `locale`, rebuilt only when the figures or the locale changed.
    const DashboardView& view(const forms::Catalog& catalog, ui::Locale locale);
    // Every figure as CSV (core/csv_file.h): section, key, label (in `locale`), value.
    std::string csv(const forms::Catalog& catalog, ui::Locale locale, int utc_offset_minutes) const;

private:
    std::optional<sync::Dashboard> m_data;
    DashboardView m_view;
    bool m_view_valid = false;
};

// "93.2%" for met / total, "—" when total is 0.
std::string rate_text(std::int64_t met, std::int64_t total);

} // namespace cf::console
