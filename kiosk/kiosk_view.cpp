#include "kiosk/kiosk_view.h"

#include "kiosk/screens.h"

namespace cf::kiosk {

KioskView make_view(const KioskController& controller, core::Millis now, int utc_offset_minutes) {
    const KioskState& s = controller.state();
    KioskView v{s,
                controller.catalog(),
                controller.composition(),
                controller.rules(s.focus),
                controller.filing_steps(),
                controller.idle_seconds_left(),
                now,
                utc_offset_minutes,
                {},
                std::nullopt};
    if (!v.composition.available) {
        v.ime_status = v.composition.unavailable_reason;
    }
    return v;
}

std::vector<Action> draw_kiosk(const KioskView& v, UiFonts fonts, float scale, HitRegistry& hits) {
    hits.clear();
    Ui ui(v.catalog.ui, v.state.locale, fonts, ui::theme_for(v.state.high_contrast), scale, hits);
    const Theme& t = ui.theme();

    ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(t.background));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(t.text));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.px(48), ui.px(28)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    // Behind the idle warning the screen takes no touches: the warning is all there is.
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollWithMouse |
                     (v.state.idle_warning ? ImGuiWindowFlags_NoInputs : 0));
    {
        FontScope body(fonts.body);
        // A new customer gets fresh widget state: ids include the wipe generation.
        ImGui::PushID(v.state.generation);
        switch (v.state.screen) {
        case Screen::attract:
            draw_attract(ui, v);
            break;
        case Screen::choose_type:
            draw_choose_type(ui, v);
            break;
        case Screen::category:
            draw_category(ui, v);
            break;
        case Screen::describe:
            draw_describe(ui, v);
            break;
        case Screen::answers:
            draw_answers(ui, v);
            break;
        case Screen::contact:
            draw_contact(ui, v);
            break;
        case Screen::remedies:
            draw_remedies(ui, v);
            break;
        case Screen::review:
            draw_review(ui, v);
            break;
        case Screen::receipt:
            draw_receipt(ui, v);
            break;
        case Screen::failure:
            draw_failure(ui, v);
            break;
        case Screen::check:
            draw_check(ui, v);
            break;
        case Screen::check_result:
            draw_check_result(ui, v);
            break;
        case Screen::staff_sign_in:
            draw_staff_sign_in(ui, v);
            break;
        case Screen::staff_menu:
            draw_staff_menu(ui, v);
            break;
        }
        ImGui::PopID();
    }
    if (v.state.idle_warning) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->PushClipRectFullScreen();
        dl->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 150));
        dl->PopClipRect();
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);

    if (v.state.idle_warning) {
        FontScope body(fonts.body);
        draw_idle_warning(ui, v);
    }
    return ui.take_actions();
}

} // namespace cf::kiosk
