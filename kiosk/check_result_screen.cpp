#include "kiosk/screens.h"

#include "ui/time_text.h"
#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

// Status in plain words and the center's answer; nothing personal is shown.
void draw_check_result(Ui& ui, const KioskView& v) {
    if (!v.state.check_result) {
        return;
    }
    const CheckResult& r = *v.state.check_result;
    top_bar(ui, v, false);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("check.title"));
    paragraph(ui, r.number, ui.fonts().heading);
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    paragraph(ui, ui.tr("check.received_on"), nullptr, ui.theme().muted);
    paragraph(ui, ui::when_text(v.catalog.ui, v.state.locale, r.received_at, v.now,
                                v.utc_offset_minutes));
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    paragraph(ui, ui.tr("check.status"), nullptr, ui.theme().muted);
    paragraph(ui, ui.tr("status." + std::string(core::to_string(r.state))), ui.fonts().heading,
              ui.theme().primary, width);
    if (r.last_contact_at) {
        ImGui::Dummy(ImVec2(0, ui.px(16)));
        paragraph(ui, ui.tr("check.last_contact"), nullptr, ui.theme().muted);
        paragraph(ui,
                  ui::when_text(v.catalog.ui, v.state.locale, *r.last_contact_at, v.now,
                                v.utc_offset_minutes) +
                      " · " + ui.tr("check.contact." + r.last_contact_channel),
                  nullptr, 0, width);
    }
    if (!r.feedback.empty()) {
        ImGui::Dummy(ImVec2(0, ui.px(16)));
        paragraph(ui, ui.tr("check.feedback"), nullptr, ui.theme().muted);
        if (ui::begin_scroll_area("check.feedback_text",
                                  ImVec2(width, ImGui::GetContentRegionAvail().y - ui.px(140)))) {
            paragraph(ui, r.feedback, nullptr, 0, width - ui.px(24));
        }
        ui::end_scroll_area();
    }
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y - ui.px(110));
    const ImVec2 row = ImGui::GetCursorPos();
    if (button(ui, "check.again", ui.tr("check.again"), ImVec2(ui.px(380), ui.px(96)))) {
        ui.emit(act::CheckAgain{});
    }
    ImGui::SetCursorPos(ImVec2(row.x + width - ui.px(380), row.y));
    if (button(ui, "check.done", ui.tr("check.done"), ImVec2(ui.px(380), ui.px(96)),
               ui::ButtonKind::primary)) {
        ui.emit(act::Done{});
    }
    ImGui::EndGroup();
}

} // namespace cf::kiosk
