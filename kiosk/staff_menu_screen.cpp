#include "kiosk/screens.h"

#include "ui/time_text.h"
#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

// What staff need at the kiosk: submissions that could not be saved (retry or discard), the
// state of Chinese input, and the way out of kiosk mode.
void draw_staff_menu(Ui& ui, const KioskView& v) {
    if (!v.state.staff) {
        return;
    }
    top_bar(ui, v, false);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("staff.menu_title"),
            ui.fmt("staff.signed_in_as", {{"name", v.state.staff->display_name}}));
    if (!v.state.staff->message_key.empty()) {
        paragraph(ui,
                  ui.fmt(v.state.staff->message_key, {{"number", v.state.staff->message_value}}),
                  nullptr, ui.theme().primary);
    }
    paragraph(ui,
              ui.fmt("staff.ime_status",
                     {{"status", v.ime_status.empty()
                                     ? ui.tr("staff.ime_ok")
                                     : ui.fmt("staff.ime_error", {{"error", v.ime_status}})}}),
              nullptr, v.ime_status.empty() ? ui.theme().muted : ui.theme().error, width);
    if (!v.sync) {
        paragraph(ui, ui.tr("staff.sync_off"), nullptr, ui.theme().muted, width);
    } else {
        const sync::SyncStatus& s = *v.sync;
        const std::string last = s.last_success == 0
                                     ? ui.tr("staff.sync_never")
                                     : ui::when_text(v.catalog.ui, v.state.locale, s.last_success,
                                                     v.now, v.utc_offset_minutes);
        paragraph(ui,
                  ui.fmt("staff.sync_status",
                         {{"state", ui.tr(s.online ? "staff.sync_online" : "staff.sync_offline")},
                          {"pending", std::to_string(s.pending)},
                          {"last", last}}),
                  nullptr, s.online ? ui.theme().muted : ui.theme().error, width);
        if (!s.last_error.empty()) {
            paragraph(ui, ui.fmt("staff.sync_error", {{"error", s.last_error}}), nullptr,
                      ui.theme().error, width);
        }
        if (s.dead_letters > 0) {
            paragraph(ui, ui.fmt("staff.sync_dead", {{"n", std::to_string(s.dead_letters)}}),
                      nullptr, ui.theme().error, width);
        }
    }
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    paragraph(ui, ui.fmt("staff.failures", {{"n", std::to_string(v.state.failures.size())}}),
              ui.fonts().heading);
    const float area_h = ImGui::GetContentRegionAvail().y - ui.px(140);
    if (ui::begin_scroll_area("staff.failure_list", ImVec2(width, area_h))) {
        if (v.state.failures.empty()) {
            paragraph(ui, ui.tr("staff.no_failures"), nullptr, ui.theme().muted);
        }
        for (std::size_t i = 0; i < v.state.failures.size(); ++i) {
            const FailedSubmission& f = v.state.failures[i];
            ImGui::PushID(static_cast<int>(i));
            const float text_w = width - ui.px(560);
            const ImVec2 start = ImGui::GetCursorPos();
            paragraph(ui,
                      ui.fmt("staff.failure_at",
                             {{"time", ui::when_text(v.catalog.ui, v.state.locale, f.at, v.now,
                                                     v.utc_offset_minutes)}}),
                      nullptr, ui.theme().muted, text_w);
            paragraph(ui, ui.fmt("staff.failure_error", {{"error", f.error}}), nullptr,
                      ui.theme().error, text_w);
            const float end_y = ImGui::GetCursorPosY();
            ImGui::SetCursorPos(ImVec2(start.x + width - ui.px(540), start.y));
            if (button(ui, "staff.retry." + std::to_string(i), ui.tr("staff.retry"),
                       ImVec2(ui.px(260), ui.px(80)), ui::ButtonKind::primary)) {
                ui.emit(act::StaffRetry{static_cast<int>(i)});
            }
            ImGui::SameLine(0, ui.px(20));
            if (button(ui, "staff.discard." + std::to_string(i), ui.tr("staff.discard"),
                       ImVec2(ui.px(240), ui.px(80)))) {
                ui.emit(act::StaffDiscard{static_cast<int>(i)});
            }
            ImGui::SetCursorPos(ImVec2(start.x, std::max(end_y, start.y + ui.px(96)) + ui.px(8)));
            ImGui::PopID();
        }
    }
    ui::end_scroll_area();
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    const ImVec2 row = ImGui::GetCursorPos();
    if (button(ui, "staff.back", ui.tr("staff.back_to_kiosk"), ImVec2(ui.px(460), ui.px(96)),
               ui::ButtonKind::primary)) {
        ui.emit(act::StaffBack{});
    }
    ImGui::SetCursorPos(ImVec2(row.x + width - ui.px(400), row.y));
    if (button(ui, "staff.exit", ui.tr("staff.exit_app"), ImVec2(ui.px(400), ui.px(96)))) {
        ui.emit(act::StaffExit{});
    }
    ImGui::EndGroup();
}

} // namespace cf::kiosk
