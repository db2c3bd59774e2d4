#include "kiosk/screens.h"

#include "ui/widgets.h"

#include <algorithm>
#include <string>

namespace cf::kiosk {

// "Are you still there?" over a dimmed screen, with the seconds left before the wipe.
void draw_idle_warning(Ui& ui, const KioskView& v) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImVec2 size(std::min(display.x * 0.8f, ui.px(1100)), ui.px(450));
    ImGui::SetNextWindowPos(ImVec2((display.x - size.x) * 0.5f, (display.y - size.y) * 0.5f));
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ui.theme().panel));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ui.theme().primary));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ui.theme().border_px * 2);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(48), ui.px(40)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.theme().rounding);
    ImGui::SetNextWindowFocus();
    ImGui::Begin("idle_warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    centered(ui, ui.tr("idle.title"), ui.fonts().title);
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    centered(ui, ui.fmt("idle.body", {{"seconds", std::to_string(v.idle_seconds_left)}}),
             ui.fonts().heading, ui.theme().muted);
    ImGui::Dummy(ImVec2(0, ui.px(40)));
    ImGui::SetCursorPosX((size.x - ui.px(480)) * 0.5f);
    if (button(ui, "idle.continue", ui.tr("idle.continue"), ImVec2(ui.px(480), ui.px(104)),
               ui::ButtonKind::primary)) {
        ui.emit(act::StillHere{});
    }
    ImGui::End();
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(2);
}

} // namespace cf::kiosk
