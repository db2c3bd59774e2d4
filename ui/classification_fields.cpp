#include "ui/classification_fields.h"

#include "ui/staff_widgets.h"

namespace cf::ui {

void choice_radios(Ui& ui, const forms::FieldDefinition& field, std::string_view prefix,
                   std::string& value) {
    const std::string locale(code(ui.locale()));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(field.label.in(locale).c_str());
    for (const forms::ChoiceOption& o : field.options) {
        ImGui::SameLine();
        const std::string id = std::string(prefix) + "." + field.id + "." + o.value;
        if (ImGui::RadioButton(imgui_label(o.label.in(locale), id).c_str(), value == o.value)) {
            value = o.value;
        }
        track(ui, id);
    }
}

void category_combo(Ui& ui, const forms::Catalog& catalog, std::string_view prefix,
                    std::string& code_value, float width) {
    const std::string locale(code(ui.locale()));
    const std::string id = std::string(prefix) + ".category";
    ImGui::SetNextItemWidth(width);
    if (ImGui::BeginCombo(("##" + id).c_str(),
                          catalog.category_label(code_value, locale).c_str())) {
        for (const forms::Category& group : catalog.categories.top_level()) {
            if (ImGui::Selectable(imgui_label(group.label.in(locale), group.code).c_str(),
                                  code_value == group.code)) {
                code_value = group.code;
            }
            for (const forms::Category& child : group.children) {
                if (ImGui::Selectable(
                        imgui_label("    " + child.label.in(locale), child.code).c_str(),
                        code_value == child.code)) {
                    code_value = child.code;
                }
            }
        }
        ImGui::EndCombo();
    }
    track(ui, id);
}

} // namespace cf::ui
