// The counter's reports page: the shared 考核 tables and charts (ui/stats_tables.h) laid out
// for one branch.

#include "counter/stats_reports_view.h"

#include "ui/stats_tables.h"

#include <algorithm>

namespace cf::counter {

using ui::Ui;

void draw_stats_reports(Ui& ui, const StatsModel& model, float height) {
    const core::Stats& s = model.stats();
    const std::string locale(ui::code(ui.locale()));
    const ui::DepartmentLabel department = [&](std::string_view code) {
        return model.department_label(code, locale);
    };
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
    ui::stats_title(ui, "stats.reports.departments");
    ui::draw_department_table(ui, s, department, ImVec2(half, top_h - title_h));
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    ui::stats_title(ui, "stats.reports.department_chart");
    ui::draw_department_chart(ui, s, department, ImVec2(half, top_h - title_h),
                              ui::stats_chart_style(ui));
    ImGui::EndGroup();

    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // Responsibilities and every round's satisfaction on the left, staff on the right.
    const float left_w = (width - gap) * 0.38f;
    const float right_w = width - gap - left_w;
    const float note_h = line_h * 3.0f;
    ImGui::BeginGroup();
    ui::stats_title(ui, "stats.reports.responsibility");
    const float left_x = ImGui::GetCursorPosX();
    ui::draw_responsibility_table(ui, s, ImVec2(left_w, bottom_h - title_h - note_h));
    ImGui::PushTextWrapPos(left_x + left_w);
    ui::stats_muted_wrapped(ui, ui::satisfaction_events_text(ui, s));
    ui::stats_muted_wrapped(ui, ui::knowledge_answered_text(ui, s));
    ui.hits().record("stats.knowledge_answered", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    ui::stats_title(ui, "stats.reports.staff");
    const float right_x = ImGui::GetCursorPosX();
    ui::draw_staff_table(ui, s, ImVec2(right_w, bottom_h - title_h - note_h));
    ImGui::PushTextWrapPos(right_x + right_w);
    ui::stats_muted_wrapped(ui, ui.tr("stats.reports.staff_note"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

} // namespace cf::counter
