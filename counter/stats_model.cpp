#include "counter/stats_model.h"

#include "core/csv_file.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace cf::counter {

namespace {

std::string iso_date(core::CivilDate d) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

// One CSV line "section,code,label,value"; `value` is already encoded (a number, or empty
// when the figure does not exist for the period, e.g. no ticket was resolved yet).
std::string csv_line(std::string_view section, std::string_view code, std::string_view label,
                     std::string value) {
    const std::vector<std::string> fields = {core::csv_text_field(section),
                                             core::csv_text_field(code),
                                             core::csv_text_field(label), std::move(value)};
    return core::csv_row(fields);
}

} // namespace

std::filesystem::path default_export_path(const std::filesystem::path& dir, core::CivilDate day) {
    return dir / ("counterfoil-stats-" + iso_date(day) + ".csv");
}

StatsModel::StatsModel(core::TicketStore& store, const forms::Catalog& catalog)
    : m_store(&store), m_versions(store), m_catalog(&catalog) {}

void StatsModel::set_period(core::PeriodKind p) {
    m_period = p;
    // A result line about the other period's file would be misleading next to new figures.
    m_export_result.reset();
}

core::Result<void> StatsModel::refresh(core::Millis now, int utc_offset_minutes, bool force) {
    auto version = m_versions.data_version();
    if (!version) {
        m_load_error = version.error();
        return std::unexpected(version.error());
    }
    const core::Period period = core::period_of(m_period, now, utc_offset_minutes);
    const LoadedKey key{m_period, period, *version, now / core::k_minute};
    if (!force && (m_loaded == key || m_failed == key)) {
        return {};
    }
    auto stats = m_store->stats(period.from, period.to);
    auto daily = stats ? m_store->daily_volume(period.from, period.to, utc_offset_minutes)
                       : core::Result<std::vector<core::DayCount>>{};
    if (!stats || !daily) {
        // Remembered so a failing database is not queried again every frame of this minute.
        m_failed = key;
        m_load_error = stats ? daily.error() : stats.error();
        return std::unexpected(*m_load_error);
    }
    m_stats = std::move(*stats);
    m_daily = std::move(*daily);
    m_first_day = core::local_day(period.from, utc_offset_minutes);
    m_last_day = core::local_day(period.to - 1, utc_offset_minutes);
    m_loaded = key;
    m_failed.reset();
    m_load_error.reset();
    return {};
}

std::string StatsModel::label(std::string_view locale, std::string_view key) const {
    return m_catalog->ui.get(locale, key);
}

std::string StatsModel::department_label(std::string_view code, std::string_view locale) const {
    const std::string key = "stats.department." + std::string(code);
    return m_catalog->ui.has(key) ? label(locale, key) : std::string(code);
}

std::string StatsModel::csv(std::string_view locale) const {
    const auto text = [&](std::string_view key) {
        return label(locale, key);
    };
    const auto number = [](std::int64_t v) {
        return core::csv_number(v);
    };
    const auto decimal = [](const std::optional<double>& v, double scale) {
        return v ? core::csv_number(*v * scale, 2) : std::string();
    };
    const std::string_view period_code = core::to_string(m_period);

    std::string out(core::k_csv_bom);
    const std::vector<std::string> header = {core::csv_text_field(text("stats.csv.section")),
                                             core::csv_text_field(text("stats.csv.code")),
                                             core::csv_text_field(text("stats.csv.label")),
                                             core::csv_text_field(text("stats.csv.value"))};
    out += core::csv_row(header);
    // The period as an ISO 8601 interval of local days, so a reader knows what was counted.
    out += csv_line("period", period_code, text("stats.period." + std::string(period_code)),
                    core::csv_text_field(iso_date(m_first_day) + "/" + iso_date(m_last_day)));
    out += csv_line("summary", "total", text("stats.figure.total"), number(m_stats.total));
    out += csv_line("summary", "resolved", text("stats.figure.resolved"), number(m_stats.resolved));
    out += csv_line("summary", "average_handling_hours", text("stats.csv.handling_hours"),
                    decimal(m_stats.average_handling_hours, 1.0));
    out += csv_line("summary", "first_response_met", text("stats.csv.first_response_met"),
                    number(m_stats.first_response_met));
    out += csv_line("summary", "first_response_counted", text("stats.csv.first_response_counted"),
                    number(m_stats.first_response_counted));
    out += csv_line("summary", "first_response_compliance_percent",
                    text("stats.csv.first_response_percent"),
                    decimal(m_stats.first_response_compliance, 100.0));
    for (std::string_view type : k_stats_types) {
        out += csv_line("type", type, text("stats.type." + std::string(type)),
                        number(count_of(m_stats.by_type, type)));
    }
    for (const auto& row : m_stats.by_category) {
        out += csv_line("category", row.key, m_catalog->category_label(row.key, locale),
                        number(row.count));
    }
    for (std::string_view level : k_stats_satisfaction) {
        out += csv_line("satisfaction", level, text("stats.satisfaction." + std::string(level)),
                        number(count_of(m_stats.satisfaction, level)));
    }
    for (std::string_view level : k_stats_satisfaction) {
        out +=
            csv_line("satisfaction_events", level, text("stats.satisfaction." + std::string(level)),
                     number(count_of(m_stats.satisfaction_events, level)));
    }
    // Enquiries answered from the knowledge base (SOP 002): in all, and per article.
    out += csv_line("summary", "knowledge_answered", text("stats.csv.knowledge_answered"),
                    number(m_stats.knowledge_answered));
    for (const auto& row : m_stats.by_knowledge_article) {
        const forms::KnowledgeArticle* a = m_catalog->knowledge.find(row.key);
        out += csv_line("knowledge_article", row.key, a ? a->question.in(locale) : row.key,
                        number(row.count));
    }
    // The reports: one row per figure, the code naming the department or staff member.
    for (const auto& d : m_stats.by_department) {
        const std::string name = department_label(d.department, locale);
        out += csv_line("department_tickets", d.department, name, number(d.tickets));
        out += csv_line("department_handled", d.department, name, number(d.handled));
        out += csv_line("department_handling_hours", d.department, name,
                        decimal(d.average_handling_hours, 1.0));
        out += csv_line("department_deadline_percent", d.department, name,
                        decimal(d.deadline_compliance, 100.0));
        out += csv_line("department_overdue", d.department, name, number(d.overdue_now));
    }
    for (std::string_view r : k_stats_responsibilities) {
        out += csv_line("responsibility", r, text("stats.responsibility." + std::string(r)),
                        number(count_of(m_stats.by_responsibility, r)));
    }
    for (const auto& st : m_stats.by_staff) {
        out += csv_line("staff_tickets", st.staff, st.staff, number(st.tickets));
        out += csv_line("staff_satisfied", st.staff, st.staff, number(st.satisfied));
        out += csv_line("staff_mostly_satisfied", st.staff, st.staff, number(st.mostly_satisfied));
        out += csv_line("staff_unsatisfied", st.staff, st.staff, number(st.unsatisfied));
        out += csv_line("staff_resolution_percent", st.staff, st.staff,
                        decimal(st.resolution_rate, 100.0));
        out += csv_line("staff_first_response_hours", st.staff, st.staff,
                        decimal(st.average_first_response_hours, 1.0));
        out += csv_line("staff_records_complete", st.staff, st.staff, number(st.records_complete));
    }
    for (const auto& day : m_daily) {
        out += csv_line("daily_received", iso_date(day.day), text("stats.series.received"),
                        number(day.received));
    }
    for (const auto& day : m_daily) {
        out += csv_line("daily_closed", iso_date(day.day), text("stats.series.closed"),
                        number(day.closed));
    }
    return out;
}

core::Result<void> StatsModel::export_csv(const std::filesystem::path& path,
                                          std::string_view locale) const {
    if (!m_loaded) {
        return core::fail(core::ErrorCode::invalid_input,
                          "no statistics are loaded yet, so nothing was written to " +
                              path.string());
    }
    if (path.empty() || path.filename().empty()) {
        return core::fail(core::ErrorCode::invalid_input,
                          "the export needs a file name, not \"" + path.string() + "\"");
    }
    return core::write_file_atomically(path, csv(locale));
}

std::filesystem::path StatsModel::export_directory() const {
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return home;
    }
    if (!m_fallback_dir.empty()) {
        return m_fallback_dir;
    }
    std::error_code ec;
    return std::filesystem::current_path(ec);
}

void StatsModel::export_now(std::string_view locale) {
    auto written = export_csv(m_export_path, locale);
    m_export_result = ExportResult{
        .ok = written.has_value(),
        .path = m_export_path,
        .reason = written ? std::string() : written.error().message,
    };
}

} // namespace cf::counter
