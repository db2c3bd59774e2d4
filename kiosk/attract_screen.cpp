#include "kiosk/screens.h"

#include "ui/widgets.h"

namespace cf::kiosk {

void draw_attract(Ui& ui, const KioskView& v) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 origin = ImGui::GetCursorPos();
    top_bar(ui, v, false);

    ImGui::SetCursorPosY(origin.y + avail.y * 0.22f);
    centered(ui, ui.tr("attract.title"), ui.fonts().title);
    ImGui::Dummy(ImVec2(0, ui.px(24)));
    centered(ui, ui.tr("attract.subtitle"), ui.fonts().heading, ui.theme().muted);
    ImGui::Dummy(ImVec2(0, ui.px(72)));
    centered(ui, ui.tr("attract.touch"), ui.fonts().heading, ui.theme().primary);
    ImGui::Dummy(ImVec2(0, ui.px(56)));

    // Each language name is written in its own language, whatever the current locale.
    const float w = ui.px(360);
    const float gap = ui.px(40);
    const float row = 3 * w + 2 * gap;
    ImGui::SetCursorPosX(origin.x + (avail.x - row) * 0.5f);
    for (Locale l : ui::k_all_locales) {
        if (l != Locale::zh_hans) {
            ImGui::SameLine(0, gap);
        }
        const std::string id = "language." + std::string(code(l));
        if (button(ui, id, v.catalog.ui.get(code(l), id), ImVec2(w, ui.px(110)),
                   ui::ButtonKind::primary, ui.fonts().heading)) {
            ui.emit(act::Start{l});
        }
    }

    // Staff reach their menu from a quiet corner button.
    ImGui::SetCursorPos(ImVec2(origin.x + avail.x - ui.px(220), origin.y + avail.y - ui.px(80)));
    if (button(ui, "staff.open", ui.tr("staff.button"), ImVec2(ui.px(220), ui.px(80)),
               ui::ButtonKind::quiet)) {
        ui.emit(act::OpenStaff{});
    }

    // The rest of the screen is the start button. It comes last: ImGui gives a touch to the
    // first widget under it, so the buttons above win over this background.
    ImGui::SetCursorPos(origin);
    if (ImGui::InvisibleButton("attract.touch", avail) && !ui::touch_is_drag()) {
        ui.emit(act::Start{v.state.locale});
    }
    ui.hits().record("attract.touch", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

} // namespace cf::kiosk
