#include "kiosk/screens.h"

#include "ui/widgets.h"

#include <array>
#include <string>

namespace cf::kiosk {

void draw_choose_type(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    heading(ui, ui.tr("type.title"));
    const float width = column_width(ui);
    const float gap = ui.px(28);
    const float w = (width - gap) * 0.5f;
    const float h = ui.px(190);
    constexpr std::array<core::RequestType, 4> types = {
        core::RequestType::complaint, core::RequestType::suggestion, core::RequestType::enquiry,
        core::RequestType::praise};
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i % 2 == 1) {
            ImGui::SameLine(0, gap);
        } else if (i > 0) {
            ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
        }
        const std::string key = "type." + std::string(core::to_string(types[i]));
        if (tile(ui, key, ui.tr(key), ui.tr(key + ".hint"), ImVec2(w, h))) {
            ui.emit(act::ChooseType{types[i]});
        }
    }
    ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    if (tile(ui, "type.check", ui.tr("type.check"), ui.tr("type.check.hint"),
             ImVec2(width, ui.px(150)))) {
        ui.emit(act::CheckTicket{});
    }
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    action_row(ui, width);
    ImGui::EndGroup();
}

} // namespace cf::kiosk
