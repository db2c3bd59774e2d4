#include "kiosk/entry_screens.h"

#include "kiosk/keyboard_view.h"
#include "kiosk/screens.h"
#include "kiosk/text_field.h"
#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

float space_above_keyboard(const Ui& ui) {
    return ImGui::GetContentRegionAvail().y - keyboard_height(ui) - ui.px(8);
}

void docked_keyboard(Ui& ui, const KioskView& v) {
    if (v.state.focus == Field::none) {
        return;
    }
    const float h = keyboard_height(ui);
    const float bottom = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y;
    ImGui::SetCursorPosY(bottom - h);
    draw_keyboard(ui, v.state, v.focus_rules, v.composition);
}

namespace {

// A labelled field the keyboard types into; tapping it moves the focus there.
void field(Ui& ui, const KioskView& v, Field f, std::string_view id, std::string_view label,
           std::string_view text, std::string_view placeholder, float width, float height,
           bool multiline, bool secret = false) {
    if (!label.empty()) {
        paragraph(ui, label, nullptr, ui.theme().muted, width);
    }
    if (text_box(ui, id, text, placeholder, ImVec2(width, height), v.state.focus == f, secret,
                 multiline)) {
        ui.emit(act::Focus{f});
    }
}

} // namespace

void draw_describe(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("describe.title." + std::string(core::to_string(v.state.draft.type))));
    const float box_h = space_above_keyboard(ui) - ui.px(200);
    field(ui, v, Field::description, "field.description", {}, v.state.draft.description,
          ui.tr("describe.placeholder"), width, std::max(box_h, ui.px(120)), true);
    const std::string count =
        ui.fmt("describe.count", {{"n", std::to_string(count_chars(v.state.draft.description))},
                                  {"max", std::to_string(v.focus_rules.max_chars)}});
    paragraph(ui, count, nullptr, ui.theme().muted);
    notice_line(ui, v);
    action_row(ui, width, ui.tr("toolbar.next"));
    ImGui::EndGroup();
    docked_keyboard(ui, v);
}

void draw_contact(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("contact.title"), ui.tr("contact.phone_help"));
    const float half = (width - ui.px(32)) * 0.5f;
    ImGui::BeginGroup();
    field(ui, v, Field::phone, "field.phone", ui.tr("contact.phone"), v.state.draft.phone, {}, half,
          ui.px(96), false);
    ImGui::EndGroup();
    ImGui::SameLine(0, ui.px(32));
    ImGui::BeginGroup();
    field(ui, v, Field::name, "field.name", ui.tr("contact.name"), v.state.draft.name, {}, half,
          ui.px(96), false);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    notice_line(ui, v);
    action_row(ui, width, ui.tr("toolbar.next"));
    ImGui::EndGroup();
    docked_keyboard(ui, v);
}

void draw_remedies(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("remedies.title"), ui.tr("remedies.subtitle"));
    const std::string_view loc = code(v.state.locale);
    const forms::FormDefinition* form = v.catalog.find_form("kiosk");
    const forms::FieldDefinition* remedies = form ? form->find_field("remedies") : nullptr;
    if (remedies != nullptr) {
        const float gap = ui.px(16);
        const int columns = 4;
        const float w = (width - gap * (columns - 1)) / columns;
        int i = 0;
        for (const forms::ChoiceOption& o : remedies->options) {
            if (i % columns != 0) {
                ImGui::SameLine(0, gap);
            }
            ++i;
            const bool on = v.state.draft.remedies.contains(o.value);
            if (button(ui, "remedy." + o.value, o.label.in(loc), ImVec2(w, ui.px(80)),
                       on ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
                ui.emit(act::ToggleRemedy{o.value});
            }
        }
    }
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    const float box_h = space_above_keyboard(ui) - ui.px(160);
    field(ui, v, Field::demand, "field.demand", ui.tr("remedies.other"), v.state.draft.demand, {},
          width, std::max(box_h, ui.px(96)), true);
    notice_line(ui, v);
    action_row(ui, width, ui.tr("toolbar.next"));
    ImGui::EndGroup();
    docked_keyboard(ui, v);
}

void draw_check(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("check.title"));
    const float big = (width - ui.px(32)) * 0.62f;
    const float small = width - ui.px(32) - big;
    ImGui::BeginGroup();
    field(ui, v, Field::check_number, "field.check_number", ui.tr("check.number"),
          v.state.check.number, ui.fmt("check.number_help", {{"example", "SZ01-261123-K1-00425"}}),
          big, ui.px(96), false);
    ImGui::EndGroup();
    ImGui::SameLine(0, ui.px(32));
    ImGui::BeginGroup();
    field(ui, v, Field::check_phone4, "field.check_phone4", ui.tr("check.phone4"),
          v.state.check.phone4, {}, small, ui.px(96), false);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    notice_line(ui, v);
    action_row(ui, width, ui.tr("check.submit"), act::SubmitCheck{}, "check.submit");
    ImGui::EndGroup();
    docked_keyboard(ui, v);
}

void draw_staff_sign_in(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("staff.title"));
    const float half = (width - ui.px(32)) * 0.5f;
    ImGui::BeginGroup();
    field(ui, v, Field::staff_id, "field.staff_id", ui.tr("staff.id"), v.state.staff_id_input, {},
          half, ui.px(96), false);
    ImGui::EndGroup();
    ImGui::SameLine(0, ui.px(32));
    ImGui::BeginGroup();
    field(ui, v, Field::staff_pin, "field.staff_pin", ui.tr("staff.pin"), v.state.staff_pin_input,
          {}, half, ui.px(96), false, true);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, ui.px(8)));
    notice_line(ui, v);
    action_row(ui, width, ui.tr("staff.sign_in"), act::StaffSignIn{}, "staff.sign_in");
    ImGui::EndGroup();
    docked_keyboard(ui, v);
}

} // namespace cf::kiosk
