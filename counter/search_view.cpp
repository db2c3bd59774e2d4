// Search by number, by phone or by any text; results are listed as in the queue.

#include "counter/views.h"

namespace cf::counter {

void draw_search(Ui& ui, CounterController& c) {
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.search.title").c_str());
    }
    ImGui::TextDisabled("%s", ui.tr("counter.search.hint").c_str());
    if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
    }
    bool run = text_input(ui, "search.text", c.search_text(), ui.px(720));
    ImGui::SameLine();
    run = push_button(ui, "search.run", ui.tr("counter.search.run")) || run;
    ImGui::SameLine();
    if (push_button(ui, "search.pinyin",
                    ui.tr(c.pinyin_panel() ? "counter.pinyin.hide" : "counter.pinyin.show"))) {
        c.pinyin_panel() = !c.pinyin_panel();
    }
    if (run) {
        c.run_search();
    }
    const auto& results = c.search_results();
    ImGui::TextUnformatted(
        ui.fmt("counter.search.count", {{"n", std::to_string(results.size())}}).c_str());
    draw_ticket_table(ui, c, "search", results.size(), [&results](std::size_t i) {
        return i < results.size() ? &results[i] : nullptr;
    });
}

} // namespace cf::counter
