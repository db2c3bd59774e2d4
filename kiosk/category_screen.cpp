#include "kiosk/screens.h"

#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

void draw_category(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    heading(ui, ui.tr("category.title"), ui.tr("category.subtitle"));
    const std::string_view loc = code(v.state.locale);
    const forms::Category* open = v.state.draft.category_open.empty()
                                      ? nullptr
                                      : v.catalog.categories.find(v.state.draft.category_open);
    const float width = column_width(ui);
    const float gap = ui.px(24);
    const int columns = 3;
    const float w = (width - gap * (columns - 1)) / columns;
    const float h = ui.px(132);
    const float area_h = ImGui::GetContentRegionAvail().y - ui.px(130);

    if (ui::begin_scroll_area("category.tiles", ImVec2(width, area_h))) {
        int i = 0;
        const auto place = [&] {
            if (i % columns != 0) {
                ImGui::SameLine(0, gap);
            } else if (i > 0) {
                ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
            }
            ++i;
        };
        if (open == nullptr) {
            for (const forms::Category& c : v.catalog.categories.top_level()) {
                place();
                if (tile(ui, "category." + c.code, c.label.in(loc), {}, ImVec2(w, h),
                         v.state.draft.category == c.code)) {
                    ui.emit(c.children.empty() ? Action{act::ChooseCategory{c.code}}
                                               : Action{act::OpenCategory{c.code}});
                }
            }
        } else {
            for (const forms::Category& c : open->children) {
                place();
                if (tile(ui, "category." + c.code, c.label.in(loc), {}, ImVec2(w, h),
                         v.state.draft.category == c.code)) {
                    ui.emit(act::ChooseCategory{c.code});
                }
            }
            place();
            if (tile(ui, "category.whole",
                     ui.fmt("category.whole", {{"name", open->label.in(loc)}}), {}, ImVec2(w, h))) {
                ui.emit(act::ChooseCategory{open->code});
            }
        }
    }
    ui::end_scroll_area();
    ImGui::Dummy(ImVec2(0, ui.px(16)));
    action_row(ui, width, ui.tr("category.skip"), act::SkipCategory{}, "category.skip");
    ImGui::EndGroup();
}

} // namespace cf::kiosk
