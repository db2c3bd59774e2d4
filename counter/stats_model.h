#pragma once
// The branch statistics as the statistics screen shows them: the chosen period (today, this
// week, this month), its figures and daily volume loaded from the store, and the CSV export of
// exactly those figures. Nothing here draws; the view (stats_view.h) reads it.
//
// Loading is lazy: refresh() reloads only when the period was switched, its day range moved
// (midnight passed), the database changed (any connection, e.g. the sync worker), a minute
// passed (first-response compliance counts tickets that became overdue meanwhile), or when
// forced. So the view may call it every frame.

#include "core/error.h"
#include "core/periods.h"
#include "core/stats.h"
#include "core/ticket_queue.h"
#include "core/ticket_store.h"
#include "forms/catalog.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::counter {

// The orders the screen and the CSV list types, levels and responsibilities in (core/stats.h).
using core::count_of;
using core::k_stats_responsibilities;
using core::k_stats_satisfaction;
using core::k_stats_types;

// The screen's two pages: the overview (figures and charts) and the 考核 reports (per
// department, per responsibility, per staff member).
enum class StatsPage { overview, reports };

// What the last export did, for the line under the export row.
struct ExportResult {
    bool ok = false;
    std::string path;   // the file written (ok) or tried
    std::string reason; // why it failed: the error's message, which names the path
};

// "<dir>/counterfoil-stats-2026-11-23.csv" for that local day.
std::filesystem::path default_export_path(const std::filesystem::path& dir, core::CivilDate day);

class StatsModel {
public:
    StatsModel(core::TicketStore& store, const forms::Catalog& catalog);

    core::PeriodKind period() const { return m_period; }
    // Switches the period; the next refresh() loads it.
    void set_period(core::PeriodKind p);

    // Loads the period's figures and daily volume when they may have changed (see above) or
    // when `force`. Fails with the store's error (storage, busy, corrupt); the figures shown
    // before stay, and load_error() holds the error until a load succeeds.
    core::Result<void> refresh(core::Millis now, int utc_offset_minutes, bool force = false);
    bool loaded() const { return m_loaded.has_value(); }
    const std::optional<core::Error>& load_error() const { return m_load_error; }

    StatsPage page() const { return m_page; }
    void set_page(StatsPage p) { m_page = p; }

    const forms::Catalog& catalog() const { return *m_catalog; }
    // A department's name in `locale` (assets/i18n/counter-stats "stats.department.<code>"),
    // or its code for a department the texts do not know.
    std::string department_label(std::string_view code, std::string_view locale) const;

    // The loaded figures (empty before the first successful refresh).
    const core::Stats& stats() const { return m_stats; }
    // One entry per local day of the period, days without tickets included.
    const std::vector<core::DayCount>& daily() const { return m_daily; }
    // The first and last local day of the loaded period.
    core::CivilDate first_day() const { return m_first_day; }
    core::CivilDate last_day() const { return m_last_day; }

    // The CSV of the figures shown (period, totals, by type, every category (the top ones are
    // its largest rows), satisfaction, first-response compliance, average handling time, daily
    // volume, and the reports: every round's satisfaction, per department, per responsibility,
    // per staff member): a UTF-8 BOM, a header, then rows "section,code,label,value" with labels in
    // `locale` ("zh-Hans", "zh-Hant", "en") next to stable codes. Written atomically. Fails with
    // invalid_input before anything was loaded, or with write_file_atomically's errors (disk_full,
    // read_only, storage), whose message names the path and the reason; no file is left then.
    core::Result<void> export_csv(const std::filesystem::path& path, std::string_view locale) const;
    // The CSV text export_csv writes (for tests and previews).
    std::string csv(std::string_view locale) const;

    // The path field of the screen; the view fills in default_export_path when it is empty.
    std::string& export_path() { return m_export_path; }
    // Where the default file goes: $HOME, else the fallback directory (the app may set the
    // data directory), else the working directory.
    std::filesystem::path export_directory() const;
    void set_fallback_export_directory(std::filesystem::path dir) {
        m_fallback_dir = std::move(dir);
    }

    // Runs export_csv to export_path() and keeps the outcome for the screen.
    void export_now(std::string_view locale);
    const std::optional<ExportResult>& export_result() const { return m_export_result; }
    void clear_export_result() { m_export_result.reset(); }

private:
    struct LoadedKey {
        core::PeriodKind kind;
        core::Period period;
        std::int64_t data_version;
        core::Millis minute;
        bool operator==(const LoadedKey&) const = default;
    };

    std::string label(std::string_view locale, std::string_view key) const;

    core::TicketStore* m_store;
    core::TicketQueue m_versions; // only for data_version(): tells when to reload
    const forms::Catalog* m_catalog;
    core::PeriodKind m_period = core::PeriodKind::today;
    StatsPage m_page = StatsPage::overview;
    std::optional<LoadedKey> m_loaded;
    std::optional<LoadedKey> m_failed; // the last load that failed: not retried until it changes
    std::optional<core::Error> m_load_error;
    core::Stats m_stats;
    std::vector<core::DayCount> m_daily;
    core::CivilDate m_first_day{1970, 1, 1};
    core::CivilDate m_last_day{1970, 1, 1};
    std::string m_export_path;
    std::filesystem::path m_fallback_dir;
    std::optional<ExportResult> m_export_result;
};

} // namespace cf::counter
