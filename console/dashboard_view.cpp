// The regional dashboard: period and filters, the headline figures, and charts of volume by
// week, category and branch, the most recurring problems and the branches with the most
// overdue tickets. Every bar opens the list of its tickets. With hundreds of branches the chart
// shows the busiest and a clipped, scrollable table lists them all; every text comes ready
// from DashboardModel, so a frame formats almost nothing.

#include "console/views.h"
#include "ui/charts.h"
#include "ui/staff_text.h"

#include <optional>
#include <utility>

namespace cf::console {

namespace {

using Click = std::optional<std::pair<DrillDown, std::string>>;

ui::ChartStyle chart_style(const Ui& ui) {
    ui::ChartStyle s;
    s.gap = ui.px(8);
    s.line_width = ui.px(2);
    s.marker_radius = ui.px(4);
    s.swatch = ui.px(14);
    return s;
}

// Records each bar's rectangle under "dash.<name>.<key>", highlights the one under the mouse
// and reports a click on it.
void clickable(Ui& ui, const std::vector<ImVec4>& slots, const ChartData& data,
               std::string_view name, DrillDown kind, Click& click) {
    const ImVec2 mouse = ImGui::GetMousePos();
    const bool hovered_window =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    for (std::size_t i = 0; i < slots.size() && i < data.keys.size(); ++i) {
        const ImVec4& r = slots[i];
        ui.hits().record("dash." + std::string(name) + "." + data.keys[i], ImVec2(r.x, r.y),
                         ImVec2(r.z, r.w));
        const bool inside =
            hovered_window && mouse.x >= r.x && mouse.x < r.z && mouse.y >= r.y && mouse.y < r.w;
        if (!inside) {
            continue;
        }
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.z, r.w),
                                                  IM_COL32(59, 130, 246, 28));
        ImGui::SetTooltip("%s", ui.tr("console.dash.drill_hint").c_str());
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            click = std::make_pair(kind, data.keys[i]);
        }
    }
}

void heading(Ui& ui, const char* key) {
    ui::FontScope f(ui.fonts().heading);
    ImGui::TextUnformatted(ui.tr(key).c_str());
}

void figure(Ui& ui, const char* key, const std::string& value, const std::string& detail) {
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", ui.tr(key).c_str());
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(value.c_str());
    }
    if (!detail.empty()) {
        ImGui::TextDisabled("%s", detail.c_str());
    }
    ImGui::EndGroup();
    ImGui::SameLine(0, ui.px(48));
}

void draw_branch_table(Ui& ui, const sync::Dashboard& d, const DashboardView& v, float height,
                       Click& click) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("dash.branches", 3, flags, ImVec2(0, height))) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("console.col.branch").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ui.tr("console.dash.tickets").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ui.tr("console.dash.share").c_str(), 0, 1.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.by_branch.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t at = static_cast<std::size_t>(i);
            const std::string& key = d.by_branch[at].key;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string id = "dash.branch_row." + key;
            if (ImGui::Selectable(ui::imgui_label(key, id).c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                click = std::make_pair(DrillDown::branch, key);
            }
            ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.branch_counts[at].c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.branch_shares[at].c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace

void draw_dashboard(Ui& ui, ConsoleController& c,
                    const std::function<std::filesystem::path()>& export_path) {
    // Period and filters.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("console.dash.period").c_str());
    for (int weeks : k_dashboard_periods) {
        ImGui::SameLine();
        const std::string id = "dash.period." + std::to_string(weeks);
        if (ImGui::RadioButton(
                ui::imgui_label(ui.fmt("console.dash.weeks", {{"n", std::to_string(weeks)}}), id)
                    .c_str(),
                c.period_weeks() == weeks)) {
            c.set_period(weeks);
        }
        ui::track(ui, id);
    }
    ImGui::SameLine(0, ui.px(32));
    bool apply = draw_filter_fields(ui, c, c.dashboard_filter_draft(), "dash.filter", false, {});
    ImGui::SameLine(0, ui.px(20));
    apply |= ui::push_button(ui, "dash.apply", ui.tr("console.filter.apply"));
    if (apply) {
        c.apply_dashboard_filter();
    }
    ImGui::SameLine();
    if (ui::push_button(ui, "dash.refresh", ui.tr("console.dash.refresh"))) {
        c.reload_dashboard();
    }
    if (export_path) {
        ImGui::SameLine();
        ImGui::BeginDisabled(!c.dashboard().has());
        if (ui::push_button(ui, "dash.export", ui.tr("console.dash.export"))) {
            c.export_csv(export_path());
        }
        ImGui::EndDisabled();
    }
    if (c.dashboard_loading()) {
        ImGui::SameLine(0, ui.px(24));
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
    }
    if (!c.dashboard().has()) {
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
        return;
    }
    const sync::Dashboard& d = c.dashboard().data();
    const DashboardView& v = c.dashboard().view(c.catalog(), ui.locale());
    const ui::ChartStyle style = chart_style(ui);
    Click click;

    ImGui::BeginChild("dash.scroll", ImVec2(0, 0), false);
    // Headline figures.
    ImGui::Spacing();
    figure(ui, "console.dash.total", std::to_string(d.total),
           ui::local_time_text(d.from, c.utc_offset_minutes()).substr(0, 10) + " – " +
               ui::local_time_text(d.to - 1, c.utc_offset_minutes()).substr(0, 10));
    figure(ui, "console.dash.first_response", v.first_response_rate,
           ui.fmt("console.dash.met_of", {{"met", std::to_string(d.first_response_met)},
                                          {"total", std::to_string(d.first_response_total)}}));
    figure(ui, "console.dash.handling", v.handling_rate,
           ui.fmt("console.dash.met_of", {{"met", std::to_string(d.handling_met)},
                                          {"total", std::to_string(d.handling_total)}}));
    figure(ui, "console.dash.avg_handling",
           d.resolved > 0
               ? ui::duration_text(ui, std::max<core::Millis>(d.avg_handling_ms, core::k_minute))
               : std::string("—"),
           ui.fmt("console.dash.over_resolved", {{"n", std::to_string(d.resolved)}}));
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", ui.tr("console.dash.satisfaction").c_str());
    ui::share_bar(v.satisfaction, ImVec2(ui.px(560), ui.px(90)), style);
    ImGui::EndGroup();
    ui.hits().record("dash.figures", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::Separator();

    // Two rows of three: volume over time, by category and the recurring problems; then the
    // busiest branches, every branch (clipped table) and the branches with most overdue.
    const float chart_h = ui.px(250);
    const float branch_h = ui.px(330);
    std::vector<ImVec4> slots;
    auto width = [] {
        return ImGui::GetContentRegionAvail().x;
    };
    if (ImGui::BeginTable("dash.grid", 3, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        heading(ui, "console.dash.by_week");
        ui::bar_chart(v.weeks.labels, std::span(&v.weeks.series, 1), ImVec2(width(), chart_h),
                      style, &slots);
        clickable(ui, slots, v.weeks, "week", DrillDown::week, click);
        ImGui::TableNextColumn();
        heading(ui, "console.dash.by_category");
        ui::horizontal_bar_chart(v.categories.labels, v.categories.series, ImVec2(width(), chart_h),
                                 style, &slots);
        clickable(ui, slots, v.categories, "category", DrillDown::category, click);
        ImGui::TableNextColumn();
        heading(ui, "console.dash.top_problems");
        ui::horizontal_bar_chart(v.problems.labels, v.problems.series, ImVec2(width(), chart_h),
                                 style, &slots);
        clickable(ui, slots, v.problems, "problem", DrillDown::problem, click);

        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        heading(ui, "console.dash.top_branches");
        ImGui::SameLine();
        ImGui::TextDisabled(
            "%s", ui.fmt("console.dash.top_of", {{"n", std::to_string(v.top_branches.keys.size())},
                                                 {"total", std::to_string(d.by_branch.size())}})
                      .c_str());
        ui::horizontal_bar_chart(v.top_branches.labels, v.top_branches.series,
                                 ImVec2(width(), branch_h), style, &slots);
        clickable(ui, slots, v.top_branches, "branch", DrillDown::branch, click);
        ImGui::TableNextColumn();
        heading(ui, "console.dash.all_branches");
        draw_branch_table(ui, d, v, branch_h, click);
        ImGui::TableNextColumn();
        heading(ui, "console.dash.most_overdue");
        ui::horizontal_bar_chart(v.overdue.labels, v.overdue.series, ImVec2(width(), branch_h),
                                 style, &slots);
        clickable(ui, slots, v.overdue, "overdue", DrillDown::overdue_branch, click);
        ImGui::EndTable();
    }
    ImGui::EndChild();
    if (click) {
        c.drill_down(click->first, click->second);
    }
}

} // namespace cf::console
