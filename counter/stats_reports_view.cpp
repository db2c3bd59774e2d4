// [SECTION] helpers
// [SECTION] departments
// [SECTION] responsibilities
// [SECTION] staff
// [SECTION] the page

#include "counter/stats_reports_view.h"

#include "counter/stats_chart_style.h"
#include "ui/charts.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <string>
#include <vector>

namespace cf::counter {

namespace {

using ui::Ui;

// [SECTION] helpers

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string hours_text(const Ui& ui, const std::optional<double>& hours) {
    return hours ? ui.fmt("stats.figure.hours", {{"hours", one_decimal(*hours)}})
                 : ui.tr("stats.figure.no_value");
}

std::string percent_text(const Ui& ui, const std::optional<double>& ratio) {
    return ratio ? ui.fmt("stats.figure.percent", {{"percent", one_decimal(*ratio * 100.0)}})
                 : ui.tr("stats.figure.no_value");
}

void title(Ui& ui, std::string_view key) {
    ui::FontScope heading(ui.fonts().heading);
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme().text);
    ImGui::TextUnformatted(ui.tr(key).c_str());
    ImGui::PopStyleColor();
}

void muted_wrapped(Ui& ui, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui.theme().muted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// The text under `key` saying why a table is empty, wrapped within `size`, which it takes up;
// recorded under the key.
void empty_note(Ui& ui, const std::string& key, ImVec2 size) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + size.x);
    muted_wrapped(ui, ui.tr(key));
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

// [SECTION] departments

void draw_department_table(Ui& ui, const StatsModel& model, float width, float height) {
    const core::Stats& s = model.stats();
    if (s.by_department.empty()) {
        empty_note(ui, "stats.reports.no_departments", ImVec2(width, height));
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
    if (!begin_table(ui, "stats.reports.departments", k_columns, ImVec2(width, height))) {
        return;
    }
    const std::string locale(ui::code(ui.locale()));
    for (const auto& d : s.by_department) {
        ImGui::TableNextRow();
        cell(model.department_label(d.department, locale));
        cell(std::to_string(d.tickets));
        cell(std::to_string(d.handled));
        cell(hours_text(ui, d.average_handling_hours));
        cell(percent_text(ui, d.deadline_compliance) + " (" + std::to_string(d.deadline_met) + "/" +
             std::to_string(d.deadline_counted) + ")");
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

void draw_department_chart(Ui& ui, const StatsModel& model, ImVec2 size,
                           const ui::ChartStyle& style) {
    const core::Stats& s = model.stats();
    if (s.by_department.empty()) {
        ImGui::Dummy(size);
        return;
    }
    const std::string locale(ui::code(ui.locale()));
    std::vector<std::string> labels;
    std::array<ui::ChartSeries, 3> series = {
        ui::ChartSeries{ui.tr("stats.series.tickets"), {}, ui.theme().primary},
        ui::ChartSeries{ui.tr("stats.series.handled"), {}, ui::staff_colors().chart[2]},
        ui::ChartSeries{ui.tr("stats.series.overdue"), {}, ui::staff_colors().chart[4]},
    };
    for (const auto& d : s.by_department) {
        labels.push_back(model.department_label(d.department, locale));
        series[0].values.push_back(static_cast<double>(d.tickets));
        series[1].values.push_back(static_cast<double>(d.handled));
        series[2].values.push_back(static_cast<double>(d.overdue_now));
    }
    ui::bar_chart(labels, series, size, style);
}

// [SECTION] responsibilities

void draw_responsibility_table(Ui& ui, const StatsModel& model, float width, float height) {
    constexpr std::array<std::pair<const char*, float>, 2> k_columns = {{
        {"stats.col.responsibility", 2.0f},
        {"stats.col.count", 1.0f},
    }};
    if (!begin_table(ui, "stats.reports.responsibility", k_columns, ImVec2(width, height))) {
        return;
    }
    for (std::string_view r : k_stats_responsibilities) {
        ImGui::TableNextRow();
        cell(ui.tr("stats.responsibility." + std::string(r)));
        cell(std::to_string(count_of(model.stats().by_responsibility, r)));
    }
    end_table(ui, "stats.reports.responsibility");
}

// [SECTION] staff

void draw_staff_table(Ui& ui, const StatsModel& model, float width, float height) {
    const core::Stats& s = model.stats();
    if (s.by_staff.empty()) {
        empty_note(ui, "stats.reports.no_staff", ImVec2(width, height));
        return;
    }
    constexpr std::array<std::pair<const char*, float>, 6> k_columns = {{
        {"stats.col.staff", 1.0f},
        {"stats.col.tickets", 0.9f},
        {"stats.col.satisfaction", 1.8f},
        {"stats.col.resolution_rate", 1.1f},
        {"stats.col.first_response", 1.6f},
        {"stats.col.records", 1.3f},
    }};
    if (!begin_table(ui, "stats.reports.staff", k_columns, ImVec2(width, height))) {
        return;
    }
    for (const auto& st : s.by_staff) {
        ImGui::TableNextRow();
        cell(st.staff);
        cell(std::to_string(st.tickets));
        cell(std::to_string(st.satisfied) + " / " + std::to_string(st.mostly_satisfied) + " / " +
             std::to_string(st.unsatisfied));
        cell(percent_text(ui, st.resolution_rate));
        cell(hours_text(ui, st.average_first_response_hours));
        cell(std::to_string(st.records_complete));
    }
    end_table(ui, "stats.reports.staff");
}

} // namespace

// [SECTION] the page

void draw_stats_reports(Ui& ui, const StatsModel& model, float height) {
    const core::Stats& s = model.stats();
    const float gap = ui.px(32);
    const float width = ImGui::GetContentRegionAvail().x;
    const float half = (width - gap) * 0.5f;
    float title_h = 0.0f;
    {
        ui::FontScope heading(ui.fonts().heading);
        title_h = ImGui::GetTextLineHeightWithSpacing();
    }
    const float line_h = ImGui::GetTextLineHeightWithSpacing();
    const float top_h = std::max(ui.px(240), height * 0.5f - gap * 0.5f);
    const float bottom_h = std::max(ui.px(220), height - top_h - gap);

    // Departments: the table and, beside it, their workload as bars.
    ImGui::BeginGroup();
    title(ui, "stats.reports.departments");
    draw_department_table(ui, model, half, top_h - title_h);
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    title(ui, "stats.reports.department_chart");
    draw_department_chart(ui, model, ImVec2(half, top_h - title_h), stats_chart_style(ui));
    ImGui::EndGroup();

    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // Responsibilities and every round's satisfaction on the left, staff on the right.
    const float left_w = (width - gap) * 0.38f;
    const float right_w = width - gap - left_w;
    const float note_h = line_h * 2.0f;
    ImGui::BeginGroup();
    title(ui, "stats.reports.responsibility");
    const float left_x = ImGui::GetCursorPosX();
    draw_responsibility_table(ui, model, left_w, bottom_h - title_h - note_h);
    ImGui::PushTextWrapPos(left_x + left_w);
    muted_wrapped(
        ui,
        ui.fmt("stats.reports.satisfaction_events",
               {{"satisfied", std::to_string(count_of(s.satisfaction_events, "satisfied"))},
                {"mostly", std::to_string(count_of(s.satisfaction_events, "mostly_satisfied"))},
                {"unsatisfied", std::to_string(count_of(s.satisfaction_events, "unsatisfied"))}}));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    title(ui, "stats.reports.staff");
    const float right_x = ImGui::GetCursorPosX();
    draw_staff_table(ui, model, right_w, bottom_h - title_h - note_h);
    ImGui::PushTextWrapPos(right_x + right_w);
    muted_wrapped(ui, ui.tr("stats.reports.staff_note"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace cf::counter
