#pragma once
// The 话术 sentences as staff read them: in the customer's language, with the ticket number
// and the promised handling time filled in. Shared by the ticket detail's panel and the
// acknowledgement screen after saving.

#include "core/clock.h"
#include "core/ticket.h"
#include "forms/catalog.h"
#include "forms/script_moment.h"
#include "ui/locale.h"

#include <string>

namespace cf::counter {

// The ticket's language; `fallback` (the staff member's own) when it is not one we know.
ui::Locale customer_locale(const core::Ticket& t, ui::Locale fallback);

// The sentence for `m` of the ticket's request type in `locale`, {number} and {due} (the
// ticket deadline, or the first response when there is none, in words of `locale`) filled
// in; empty when the type has no such sentence (an apology for praise).
std::string script_sentence(const forms::Catalog& catalog, const core::Ticket& t,
                            forms::ScriptMoment m, ui::Locale locale, core::Millis now,
                            int utc_offset_minutes);

} // namespace cf::counter
