#include "counter/script_text.h"

#include "forms/phrase_placeholders.h"
#include "ui/time_text.h"

namespace cf::counter {

ui::Locale customer_locale(const core::Ticket& t, ui::Locale fallback) {
    for (const ui::Locale l : ui::k_all_locales) {
        if (ui::code(l) == t.locale) {
            return l;
        }
    }
    return fallback;
}

std::string script_sentence(const forms::Catalog& catalog, const core::Ticket& t,
                            forms::ScriptMoment m, ui::Locale locale, core::Millis now,
                            int utc_offset_minutes) {
    const forms::LocalizedText* text = catalog.phrases.find(t.request_type, m);
    if (text == nullptr) {
        return {};
    }
    const core::Millis due = t.due_at != 0 ? t.due_at : t.first_response_due;
    const forms::PhraseValues values{
        t.number, ui::when_text(catalog.ui, locale, due, now, utc_offset_minutes)};
    return forms::fill_phrase(text->in(ui::code(locale)), values);
}

} // namespace cf::counter
