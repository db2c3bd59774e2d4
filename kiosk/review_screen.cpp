#include "kiosk/screens.h"

#include "forms/text_util.h"
#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

namespace {

// One line of the summary: label, value and a "change" button back to the step.
void row(Ui& ui, std::string_view id, std::string_view label, std::string_view value, Screen step,
         float width) {
    const float label_w = ui.px(300);
    const float button_w = ui.px(180);
    const ImVec2 start = ImGui::GetCursorPos();
    paragraph(ui, label, nullptr, ui.theme().muted, label_w - ui.px(16));
    const float label_end = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + label_w, start.y));
    paragraph(ui, value.empty() ? ui.tr("review.none") : value, nullptr, 0,
              width - label_w - button_w - ui.px(24));
    const float value_end = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + width - button_w, start.y));
    if (button(ui, id, ui.tr("review.edit"), ImVec2(button_w, ui.px(72)))) {
        ui.emit(act::GoTo{step});
    }
    ImGui::SetCursorPos(
        ImVec2(start.x, std::max({label_end, value_end, start.y + ui.px(80)}) + ui.px(12)));
}

} // namespace

void draw_review(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("review.title"));
    const Draft& d = v.state.draft;
    const std::string_view loc = code(v.state.locale);
    const float area_h = ImGui::GetContentRegionAvail().y - ui.px(420);
    if (ui::begin_scroll_area("review.summary", ImVec2(width, area_h))) {
        const float w = width - ui.px(24);
        row(ui, "review.edit.type", ui.tr("review.type"),
            ui.tr("type." + std::string(core::to_string(d.type))), Screen::choose_type, w);
        row(ui, "review.edit.category", ui.tr("review.category"),
            d.category.empty() ? std::string() : v.catalog.category_label(d.category, loc),
            Screen::category, w);
        row(ui, "review.edit.description", ui.tr("review.description"), d.description,
            Screen::describe, w);
        row(ui, "review.edit.phone", ui.tr("review.phone"), d.phone, Screen::contact, w);
        row(ui, "review.edit.name", ui.tr("review.name"), d.name, Screen::contact, w);
        if (d.type == core::RequestType::complaint) {
            std::string remedies;
            if (const forms::FormDefinition* form = v.catalog.find_form("kiosk")) {
                if (const forms::FieldDefinition* f = form->find_field("remedies")) {
                    for (const forms::ChoiceOption& o : f->options) {
                        if (d.remedies.contains(o.value)) {
                            remedies += (remedies.empty() ? "" : "、") + o.label.in(loc);
                        }
                    }
                }
            }
            row(ui, "review.edit.remedies", ui.tr("review.remedies"), remedies, Screen::remedies,
                w);
            row(ui, "review.edit.demand", ui.tr("review.demand"), d.demand, Screen::remedies, w);
        }
    }
    ui::end_scroll_area();

    // The privacy notice, then consent: submitting needs the tick.
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    paragraph(ui, ui.tr("review.privacy_title"), ui.fonts().heading);
    paragraph(ui, ui.tr("review.privacy"), nullptr, ui.theme().muted, width);
    if (check_box(ui, "review.consent", ui.tr("review.consent"), d.consent, width)) {
        ui.emit(act::SetConsent{!d.consent});
    }
    notice_line(ui, v);
    action_row(ui, width, ui.tr("review.submit"), act::Submit{}, "review.submit");
    ImGui::EndGroup();
}

} // namespace cf::kiosk
