#include "kiosk/screens.h"

#include "ui/widgets.h"

#include <string>

namespace cf::kiosk {

// SOP 002 (知识库标准答案): the knowledge base's answers to the enquiry the customer typed, in
// their language. Each question is a tappable bar; the open one shows its answer and the
// button that files the enquiry as answered. "Continue" carries on to the normal filing.
void draw_answers(Ui& ui, const KioskView& v) {
    top_bar(ui, v, true);
    begin_column(ui);
    ImGui::BeginGroup();
    const float width = column_width(ui);
    heading(ui, ui.tr("answers.title"));
    paragraph(ui, ui.tr("answers.subtitle"), nullptr, ui.theme().muted, width);
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    const std::string_view loc = code(v.state.locale);
    const float area_h = ImGui::GetContentRegionAvail().y - ui.px(150);
    if (ui::begin_scroll_area("answers.list", ImVec2(width, area_h))) {
        const float w = width - ui.px(24);
        for (std::size_t i = 0; i < v.state.answers.size(); ++i) {
            const forms::KnowledgeArticle* a = v.catalog.knowledge.find(v.state.answers[i]);
            if (a == nullptr) {
                continue;
            }
            const int index = static_cast<int>(i);
            const bool open = index == v.state.answer_open;
            if (button(ui, "answer." + std::to_string(i), a->question.in(loc), ImVec2(w, ui.px(88)),
                       open ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
                ui.emit(act::OpenAnswer{index});
            }
            if (open) {
                ImGui::Dummy(ImVec2(0, ui.px(8)));
                const ImVec2 at = ImGui::GetCursorScreenPos();
                paragraph(ui, a->answer.in(loc), nullptr, 0, w);
                ui.hits().record("answer.text", at,
                                 ImVec2(at.x + w, ImGui::GetCursorScreenPos().y));
                ImGui::Dummy(ImVec2(0, ui.px(8)));
                if (button(ui, "answer.helped", ui.tr("answers.helped"),
                           ImVec2(ui.px(520), ui.px(88)), ui::ButtonKind::primary)) {
                    ui.emit(act::AnswerHelped{a->id});
                }
            }
            ImGui::Dummy(ImVec2(0, ui.px(16)));
        }
    }
    ui::end_scroll_area();
    ImGui::Dummy(ImVec2(0, ui.px(12)));
    notice_line(ui, v);
    action_row(ui, width, ui.tr("answers.continue"));
    ImGui::EndGroup();
}

} // namespace cf::kiosk
