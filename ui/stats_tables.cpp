// [SECTION] helpers
// [SECTION] departments
// [SECTION] responsibilities
// [SECTION] staff

#include "ui/stats_tables.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <vector>

namespace cf::ui {

// [SECTION] helpers

namespace {

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// The text under `key` saying why a table is empty, wrapped within `size`, which it takes up;
// recorded under the key.
void empty_note(Ui& ui, const std::string& key, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    stats_muted_wrapped(ui, ui.tr(key));
    ImGui::PopTextWrapPos();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(size);
    ui.hits().record(key, origin, ImVec2(origin.x + size.x, origin.y + size.y));
}

// A table with a frozen header of these column texts and weights, `size` big (it scrolls
// when the rows do not fit). Returns false when ImGui clipped it away.
bool begin_table(Ui& ui, const char* id, std::span<const std::pair<const char*, float>> columns,
                 ImVec2 size) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, size)) {
        return false;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const auto& [key, weight] : columns) {
        ImGui::TableSetupColumn(ui.tr(key).c_str(), 0, weight);
    }
    ImGui::TableHeadersRow();
    return true;
}

// Ends the table and records where it was drawn under its id (tests find the tables by it).
void end_table(Ui& ui, std::string_view id) {
    ImGui::EndTable();
    ui.hits().record(std::string(id), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void cell(const std::string& text) {
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(text.c_str());
}

} // namespace

ChartStyle stats_chart_style(const Ui& ui) {
    const Theme& theme = ui.theme();
    ChartStyle style;
    style.text = theme.text;
    style.muted = theme.muted;
    // The border colour at half strength: grid lines guide the eye without competing with bars,
    // in high contrast too.
    style.grid = (theme.border & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 0x70);
    style.axis = theme.border;
    style.gap = ui.px(10);
    style.line_width = std::max(2.0f, ui.px(3));
    style.marker_radius = std::max(3.0f, ui.px(6));
    style.swatch = ui.px(18);
    style.value_step = 1.0; // every chart counts tickets
    return style;
}

std::string stats_hours_text(const Ui& ui, const std::optional<double>& hours) {
    return hours ? ui.fmt("stats.figure.hours", {{"hours", one_decimal(*hours)}})
                 : ui.tr("stats.figure.no_value");
}

std::string stats_percent_text(const Ui& ui, const std::optional<double>& ratio) {
    return ratio ? ui.fmt("stats.figure.percent", {{"percent", one_decimal(*ratio * 100.0)}})
                 : ui.tr("stats.figure.no_value");
}

void stats_title(Ui& ui, std::string_view key) {
    FontScope heading(ui.fonts().heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme().text);
    ImGui::TextUnformatted(ui.tr(key).c_str());
    ImGui::PopStyleColor();
}

void stats_muted_wrapped(const Ui& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme().muted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

std::string satisfaction_events_text(const Ui& ui, const core::Stats& s) {
    using core::count_of;
    return ui.fmt(
        "stats.reports.satisfaction_events",
        {{"satisfied", std::to_string(count_of(s.satisfaction_events, "satisfied"))},
         {"mostly", std::to_string(count_of(s.satisfaction_events, "mostly_satisfied"))},
         {"unsatisfied", std::to_string(count_of(s.satisfaction_events, "unsatisfied"))}});
}

std::string knowledge_answered_text(const Ui& ui, const core::Stats& s) {
    return ui.fmt("stats.reports.knowledge_answered",
                  {{"count", std::to_string(s.knowledge_answered)}});
}

// [SECTION] departments

void draw_department_table(Ui& ui, const core::Stats& s, const DepartmentLabel& label,
                           ImVec2 size) {
    if (s.by_department.empty()) {
        empty_note(ui, "stats.reports.no_departments", size);
        return;
    }
    constexpr std::array<std::pair<const char*, float>, 6> k_columns = {{
        {"stats.col.department", 2.0f},
        {"stats.col.tickets", 1.0f},
        {"stats.col.handled", 1.0f},
        {"stats.col.handling_hours", 1.6f},
        {"stats.col.deadline", 1.6f},
        {"stats.col.overdue", 1.2f},
    }};
    if (!begin_table(ui, "stats.reports.departments", k_columns, size)) {
        return;
    }
    for (const auto& d : s.by_department) {
        ImGui::TableNextRow();
        cell(label(d.department));
        cell(std::to_string(d.tickets));
        cell(std::to_string(d.handled));
        cell(stats_hours_text(ui, d.average_handling_hours));
        cell(stats_percent_text(ui, d.deadline_compliance) + " (" + std::to_string(d.deadline_met) +
             "/" + std::to_string(d.deadline_counted) + ")");
        ImGui::TableNextColumn();
        if (d.overdue_now > 0) {
            // The number is the cue; the error colour only adds to it.
            ImGui::PushStyleColor(ImGuiCol_Text, ui.theme().error);
            ImGui::TextUnformatted(std::to_string(d.overdue_now).c_str());
            ImGui::PopStyleColor();
        } else {
            ImGui::TextUnformatted("0");
        }
    }
    end_table(ui, "stats.reports.departments");
}

void draw_department_chart(Ui& ui, const core::Stats& s, const DepartmentLabel& label, ImVec2 size,
                           const ChartStyle& style) {
    if (s.by_department.empty()) {
        ImGui::Dummy(size);
        return;
    }
    std::vector<std::string> labels;
    std::array<ChartSeries, 3> series = {
        ChartSeries{ui.tr("stats.series.tickets"), {}, ui.theme().primary},
        ChartSeries{ui.tr("stats.series.handled"), {}, staff_colors().chart[2]},
        ChartSeries{ui.tr("stats.series.overdue"), {}, staff_colors().chart[4]},
    };
    for (const auto& d : s.by_department) {
        labels.push_back(label(d.department));
        series[0].values.push_back(static_cast<double>(d.tickets));
        series[1].values.push_back(static_cast<double>(d.handled));
        series[2].values.push_back(static_cast<double>(d.overdue_now));
    }
    bar_chart(labels, series, size, style);
}

// [SECTION] responsibilities

void draw_responsibility_table(Ui& ui, const core::Stats& s, ImVec2 size) {
    constexpr std::array<std::pair<const char*, float>, 2> k_columns = {{
        {"stats.col.responsibility", 2.0f},
        {"stats.col.count", 1.0f},
    }};
    if (!begin_table(ui, "stats.reports.responsibility", k_columns, size)) {
        return;
    }
    for (std::string_view r : core::k_stats_responsibilities) {
        ImGui::TableNextRow();
        cell(ui.tr("stats.responsibility." + std::string(r)));
        cell(std::to_string(core::count_of(s.by_responsibility, r)));
    }
    end_table(ui, "stats.reports.responsibility");
}

// [SECTION] staff

void draw_staff_table(Ui& ui, const core::Stats& s, ImVec2 size) {
    if (s.by_staff.empty()) {
        empty_note(ui, "stats.reports.no_staff", size);
        return;
    }
    const bool branches =
        std::ranges::any_of(s.by_staff, [](const core::StaffRow& r) { return !r.branch.empty(); });
    std::vector<std::pair<const char*, float>> columns;
    if (branches) {
        columns.push_back({"stats.col.branch", 0.9f});
    }
    columns.insert(columns.end(), {
                                      {"stats.col.staff", 1.0f},
                                      {"stats.col.tickets", 0.9f},
                                      {"stats.col.satisfaction", 1.8f},
                                      {"stats.col.resolution_rate", 1.1f},
                                      {"stats.col.first_response", 1.6f},
                                      {"stats.col.records", 1.3f},
                                  });
    if (!begin_table(ui, "stats.reports.staff", columns, size)) {
        return;
    }
    // A region has thousands of staff members: only the visible rows are formatted.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(s.by_staff.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::StaffRow& st = s.by_staff[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            if (branches) {
                cell(st.branch);
            }
            cell(st.staff);
            cell(std::to_string(st.tickets));
            cell(std::to_string(st.satisfied) + " / " + std::to_string(st.mostly_satisfied) +
                 " / " + std::to_string(st.unsatisfied));
            cell(stats_percent_text(ui, st.resolution_rate));
            cell(stats_hours_text(ui, st.average_first_response_hours));
            cell(std::to_string(st.records_complete));
        }
    }
    end_table(ui, "stats.reports.staff");
}

} // namespace cf::ui
