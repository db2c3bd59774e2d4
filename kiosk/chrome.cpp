#include "kiosk/screens.h"

#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace cf::kiosk {

float column_width(const Ui& ui) {
    return std::min(ImGui::GetContentRegionAvail().x, ui.px(1600));
}

void begin_column(const Ui& ui) {
    const float indent = (ImGui::GetContentRegionAvail().x - column_width(ui)) * 0.5f;
    if (indent > 0) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    }
}

void top_bar(Ui& ui, const KioskView& v, bool back) {
    const float h = ui.px(80);
    const float gap = ui.px(16);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 start = ImGui::GetCursorPos();
    if (back) {
        if (button(ui, "nav.back", ui.tr("toolbar.back"), ImVec2(ui.px(240), h))) {
            ui.emit(act::Back{});
        }
    }
    // Step n of m while filing.
    const auto it = std::find(v.steps.begin(), v.steps.end(), v.state.screen);
    if (it != v.steps.end()) {
        const std::string step =
            ui.fmt("step.progress", {{"n", std::to_string(it - v.steps.begin() + 1)},
                                     {"total", std::to_string(v.steps.size())}});
        const float w = ImGui::CalcTextSize(step.c_str()).x;
        ImGui::SetCursorPos(
            ImVec2(start.x + (avail - w) * 0.5f, start.y + (h - ImGui::GetFontSize()) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.theme().muted));
        ImGui::TextUnformatted(step.c_str());
        ImGui::PopStyleColor();
    }
    const float toggle_w = ui.px(230);
    ImGui::SetCursorPos(ImVec2(start.x + avail - 2 * toggle_w - gap, start.y));
    if (button(ui, "toggle.contrast", ui.tr("toolbar.contrast"), ImVec2(toggle_w, h),
               v.state.high_contrast ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
        ui.emit(act::ToggleContrast{});
    }
    ImGui::SameLine(0, gap);
    if (button(ui, "toggle.large_text", ui.tr("toolbar.large_text"), ImVec2(toggle_w, h),
               v.state.large_text ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
        ui.emit(act::ToggleLargeText{});
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + h + ui.px(24)));
}

void heading(Ui& ui, std::string_view title, std::string_view subtitle) {
    paragraph(ui, title, ui.fonts().heading);
    if (!subtitle.empty()) {
        ImGui::Dummy(ImVec2(0, ui.px(4)));
        paragraph(ui, subtitle, nullptr, ui.theme().muted);
    }
    ImGui::Dummy(ImVec2(0, ui.px(20)));
}

void action_row(Ui& ui, float width, std::string_view primary_label, Action primary,
                std::string_view primary_id) {
    const float h = ui.px(88);
    const float w = ui.px(380);
    const ImVec2 start = ImGui::GetCursorPos();
    if (button(ui, "nav.cancel", ui.tr("toolbar.cancel"), ImVec2(ui.px(240), h),
               ui::ButtonKind::quiet)) {
        ui.emit(act::Cancel{});
    }
    if (!primary_label.empty()) {
        ImGui::SetCursorPos(ImVec2(start.x + width - w, start.y));
        if (button(ui, primary_id, primary_label, ImVec2(w, h), ui::ButtonKind::primary)) {
            ui.emit(std::move(primary));
        }
    }
    ImGui::SetCursorPos(ImVec2(start.x, start.y + h + ui.px(16)));
}

void notice_line(Ui& ui, const KioskView& v) {
    const Notice& n = v.state.notice;
    if (n.empty()) {
        return;
    }
    const std::string text = n.name.empty() ? ui.tr(n.key) : ui.fmt(n.key, {{n.name, n.value}});
    paragraph(ui, text, nullptr, ui.theme().error);
    ImGui::Dummy(ImVec2(0, ui.px(8)));
}

} // namespace cf::kiosk
