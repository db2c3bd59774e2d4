// "What to say" (话术) on the ticket detail: the sentences for the point the ticket is at
// (script_moments.h), in the customer's language because staff read them aloud to the
// customer, with the ticket number and the promised handling time filled in.

#include "counter/script_moments.h"
#include "counter/views.h"

#include "forms/phrase_placeholders.h"
#include "ui/time_text.h"

namespace cf::counter {

namespace {

// The ticket's language; the staff member's own when the ticket has none we know.
ui::Locale customer_locale(const core::Ticket& t, ui::Locale fallback) {
    for (const ui::Locale l : ui::k_all_locales) {
        if (ui::code(l) == t.locale) {
            return l;
        }
    }
    return fallback;
}

} // namespace

void draw_script_panel(Ui& ui, CounterController& c, const TicketDetail& d) {
    const core::Ticket& t = d.ticket;
    const std::optional<core::Step> step =
        c.step_draft() ? std::optional(c.step_draft()->step) : std::nullopt;
    const std::vector<forms::ScriptMoment> moments = script_moments(t.state, step, t.request_type);
    if (moments.empty()) {
        return;
    }
    const ui::Locale locale = customer_locale(t, ui.locale());
    const std::string code(ui::code(locale));
    // The promise is the ticket deadline (工单时限), in words of the customer's language.
    const forms::PhraseValues values{t.number,
                                     ui::when_text(c.catalog().ui, locale,
                                                   t.due_at != 0 ? t.due_at : t.first_response_due,
                                                   c.now(), c.utc_offset_minutes())};
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::BeginGroup();
    ImGui::TextDisabled(
        "%s", ui.fmt("counter.script.title", {{"language", ui.tr("language." + code)}}).c_str());
    for (const forms::ScriptMoment m : moments) {
        const forms::LocalizedText* text = c.catalog().phrases.find(t.request_type, m);
        if (text == nullptr) {
            continue;
        }
        const std::string id = "script." + std::string(forms::to_string(m));
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextWrapped("%s", forms::fill_phrase(text->in(code), values).c_str());
        ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::EndGroup();
    ui.hits().record("detail.script", top, ImGui::GetItemRectMax());
    ImGui::Separator();
}

} // namespace cf::counter
