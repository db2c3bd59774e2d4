// Staff id and PIN; Enter in either field signs in.

#include "counter/views.h"

namespace cf::counter {

void draw_sign_in(Ui& ui, CounterController& c) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = ui.px(640);
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.2f));
    ImGui::BeginGroup();
    {
        ui::FontScope f(ui.fonts().title);
        ImGui::TextUnformatted(ui.tr("counter.title").c_str());
    }
    ImGui::Spacing();
    for (Locale l : ui::k_all_locales) {
        const std::string id = "lang." + std::string(ui::code(l));
        if (push_button(ui, id, ui.tr("language." + std::string(ui::code(l))))) {
            c.set_locale(l);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    ImGui::TextUnformatted(ui.tr("counter.sign_in.id").c_str());
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    bool go = text_input(ui, "sign_in.id", c.sign_in_id(), w);
    ImGui::TextUnformatted(ui.tr("counter.sign_in.pin").c_str());
    go = text_input(ui, "sign_in.pin", c.sign_in_pin(), w, true, true) || go;
    ImGui::Spacing();
    if (push_button(ui, "sign_in.submit", ui.tr("counter.sign_in.submit"), ImVec2(w, ui.px(64))) ||
        go) {
        c.sign_in(c.sign_in_id(), c.sign_in_pin());
    }
    ImGui::Spacing();
    draw_notice(ui, c);
    ImGui::EndGroup();
}

} // namespace cf::counter
