// The console's 考核 reports: period (calendar month or quarter, this one or the last, or the
// dashboard's weeks) and the dashboard's filter, then per responsible department (table and
// bars), per branch staff member, request-type volume, per responsibility and every round's
// satisfaction, each with a button writing it as its own CSV file. The tables and department
// bars are the counter's (ui/stats_tables.h); a regional staff table also names the branch.
//
// Hit ids: "reports.period.<ReportPeriod>", "reports.filter.*", "reports.apply",
// "reports.refresh", "reports.export.<ReportTable>", "reports.types", "reports.rounds", and
// the shared tables' ids ("stats.reports.departments", "stats.reports.staff", ...).

#include "console/views.h"
#include "ui/charts.h"
#include "ui/staff_text.h"
#include "ui/stats_tables.h"

#include <algorithm>
#include <array>

namespace cf::console {

namespace {

// The section's title, and its CSV button when exporting is offered.
void section_title(Ui& ui, ConsoleController& c, const char* key, ReportTable table,
                   const std::function<std::filesystem::path()>& export_path) {
    ui::stats_title(ui, key);
    if (!export_path) {
        return;
    }
    ImGui::SameLine(0, ui.px(16));
    const std::string id = "reports.export." + std::string(to_string(table));
    if (ui::push_button(ui, id, ui.tr("console.reports.export"))) {
        c.export_report(table, export_path().parent_path());
    }
}

void draw_types(Ui& ui, const core::Stats& s, ImVec2 size, const ui::ChartStyle& style) {
    std::vector<std::string> labels;
    ui::ChartSeries tickets{ui.tr("stats.series.tickets"), {}, ui::staff_colors().chart[1]};
    for (std::string_view type : core::k_stats_types) {
        labels.push_back(ui.tr("stats.type." + std::string(type)));
        tickets.values.push_back(static_cast<double>(core::count_of(s.by_type, type)));
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ui::bar_chart(labels, std::span(&tickets, 1), size, style);
    ui.hits().record("reports.types", origin, ImVec2(origin.x + size.x, origin.y + size.y));
}

std::vector<ui::ChartSeries> shares(Ui& ui, const std::vector<core::CountRow>& rows) {
    const ui::StaffColors& colors = ui::staff_colors();
    const std::array<ImU32, 3> color = {colors.chart[2], colors.chart[0], colors.chart[5]};
    std::vector<ui::ChartSeries> out;
    for (std::size_t i = 0; i < core::k_stats_satisfaction.size(); ++i) {
        const std::string level(core::k_stats_satisfaction[i]);
        out.push_back({ui.tr("stats.satisfaction." + level),
                       {static_cast<double>(core::count_of(rows, level))},
                       color[i]});
    }
    return out;
}

// Every round's verdicts and each ticket's last one, as two share bars; under them the
// enquiries the kiosks answered from the knowledge base (SOP 002).
void draw_rounds(Ui& ui, const core::Stats& s, ImVec2 size, const ui::ChartStyle& style) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float bar_h =
        std::max(ui.px(60), (size.y - 3 * ImGui::GetTextLineHeightWithSpacing() - 2 * spacing) / 2);
    ImGui::TextDisabled("%s", ui.tr("console.reports.every_round").c_str());
    ui::share_bar(shares(ui, s.satisfaction_events), ImVec2(size.x, bar_h), style);
    ImGui::TextDisabled("%s", ui.tr("console.reports.last_verdict").c_str());
    ui::share_bar(shares(ui, s.satisfaction), ImVec2(size.x, bar_h), style);
    ImGui::TextDisabled("%s", ui::knowledge_answered_text(ui, s).c_str());
    ui.hits().record("reports.knowledge_answered", ImGui::GetItemRectMin(),
                     ImGui::GetItemRectMax());
    ui.hits().record("reports.rounds", origin, ImVec2(origin.x + size.x, origin.y + size.y));
}

void draw_period_and_filter(Ui& ui, ConsoleController& c) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("console.dash.period").c_str());
    for (ReportPeriod p : k_report_periods) {
        ImGui::SameLine();
        const std::string code(to_string(p));
        const std::string id = "reports.period." + code;
        if (ImGui::RadioButton(ui::imgui_label(ui.tr("console.reports.period." + code), id).c_str(),
                               c.report_period() == p)) {
            c.set_report_period(p);
        }
        ui::track(ui, id);
    }
    bool apply = draw_filter_fields(ui, c, c.dashboard_filter_draft(), "reports.filter", false, {});
    ImGui::SameLine(0, ui.px(20));
    apply |= ui::push_button(ui, "reports.apply", ui.tr("console.filter.apply"));
    if (apply) {
        c.apply_dashboard_filter();
    }
    ImGui::SameLine();
    if (ui::push_button(ui, "reports.refresh", ui.tr("console.dash.refresh"))) {
        c.reload_reports();
    }
    if (c.reports_loading()) {
        ImGui::SameLine(0, ui.px(24));
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
    }
}

} // namespace

void draw_reports(Ui& ui, ConsoleController& c,
                  const std::function<std::filesystem::path()>& export_path) {
    draw_period_and_filter(ui, c);
    if (!c.reports().has()) {
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
        return;
    }
    const core::Stats& s = c.reports().stats();
    const std::string lc(ui::code(ui.locale()));
    const ui::DepartmentLabel department = [&](std::string_view code) {
        return c.departments().label(code, lc);
    };
    const ui::ChartStyle style = ui::stats_chart_style(ui);

    ImGui::BeginChild("reports.scroll", ImVec2(0, 0), false);
    ImGui::TextDisabled(
        "%s", ui.fmt("console.reports.summary",
                     {{"from", ui::local_time_text(s.from, c.utc_offset_minutes()).substr(0, 10)},
                      {"to", ui::local_time_text(s.to - 1, c.utc_offset_minutes()).substr(0, 10)},
                      {"total", std::to_string(s.total)}})
                  .c_str());

    const float gap = ui.px(28);
    const float width = ImGui::GetContentRegionAvail().x;
    float title_h = 0.0f;
    {
        ui::FontScope heading(ui.fonts().heading);
        title_h = std::max(ImGui::GetTextLineHeightWithSpacing(), ui.px(52));
    }
    // Three rows that fill a 1080-pixel screen: departments, staff, then responsibility and
    // satisfaction, which takes what is left (the window scrolls when that is too little).
    const float avail = std::max(ui.px(700), ImGui::GetContentRegionAvail().y);
    const float row_h = (avail - 3 * title_h - 2 * gap) * 0.37f;

    // Departments: the table and their workload as bars, wide enough to name every department.
    const float table_w = (width - gap) * 0.46f;
    const float chart_w = width - gap - table_w;
    ImGui::BeginGroup();
    section_title(ui, c, "stats.reports.departments", ReportTable::departments, export_path);
    ui::draw_department_table(ui, s, department, ImVec2(table_w, row_h));
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ImGui::Dummy(ImVec2(0, title_h - ImGui::GetStyle().ItemSpacing.y));
    ui::draw_department_chart(ui, s, department, ImVec2(chart_w, row_h), style);
    ImGui::EndGroup();

    // Branch staff, and the volume per request type.
    const float staff_w = (width - gap) * 0.62f;
    const float side_w = width - gap - staff_w;
    ImGui::BeginGroup();
    section_title(ui, c, "stats.reports.staff", ReportTable::staff, export_path);
    ImGui::SameLine(0, ui.px(16));
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.tr("console.reports.staff_note").c_str());
    ui::draw_staff_table(ui, s, ImVec2(staff_w, row_h));
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    section_title(ui, c, "console.reports.by_type", ReportTable::types, export_path);
    draw_types(ui, s, ImVec2(side_w, row_h), style);
    ImGui::EndGroup();

    // Responsibilities found, and every round's satisfaction next to each ticket's last.
    const float last_h =
        std::max(ui.px(170), ImGui::GetContentRegionAvail().y - title_h - ui.px(12));
    const float resp_w = (width - gap) * 0.38f;
    const float rounds_w = width - gap - resp_w;
    ImGui::BeginGroup();
    section_title(ui, c, "stats.reports.responsibility", ReportTable::responsibility, export_path);
    ui::draw_responsibility_table(ui, s, ImVec2(resp_w, last_h));
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    section_title(ui, c, "console.reports.rounds", ReportTable::satisfaction, export_path);
    draw_rounds(ui, s, ImVec2(rounds_w, last_h), style);
    ImGui::EndGroup();
    ImGui::EndChild();
}

} // namespace cf::console
