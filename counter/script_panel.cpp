// "What to say" (话术) on the ticket detail: the sentences for the point the ticket is at
// (script_moments.h), in the customer's language because staff read them aloud to the
// customer, with the ticket number and the promised handling time filled in.

#include "counter/script_moments.h"
#include "counter/script_text.h"
#include "counter/views.h"

namespace cf::counter {

void draw_script_panel(Ui& ui, CounterController& c, const TicketDetail& d) {
    const core::Ticket& t = d.ticket;
    const std::optional<core::Step> step =
        c.step_draft() ? std::optional(c.step_draft()->step) : std::nullopt;
    const std::vector<forms::ScriptMoment> moments = script_moments(t.state, step, t.request_type);
    if (moments.empty()) {
        return;
    }
    const ui::Locale locale = customer_locale(t, ui.locale());
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s",
                        ui.fmt("counter.script.title",
                               {{"language", ui.tr("language." + std::string(ui::code(locale)))}})
                            .c_str());
    for (const forms::ScriptMoment m : moments) {
        const std::string text =
            script_sentence(c.catalog(), t, m, locale, c.now(), c.utc_offset_minutes());
        if (text.empty()) {
            continue;
        }
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextWrapped("%s", text.c_str());
        ui.hits().record("script." + std::string(forms::to_string(m)), ImGui::GetItemRectMin(),
                         ImGui::GetItemRectMax());
    }
    ImGui::EndGroup();
    ui.hits().record("detail.script", top, ImGui::GetItemRectMax());
    ImGui::Separator();
}

} // namespace cf::counter
