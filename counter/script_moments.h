#pragma once
// Which 话术 sentences (forms/script_phrases.h) staff read at a ticket's current point: the
// step being taken decides, else the ticket's state. Kept apart from the drawing so that it is
// tested without ImGui.

#include "core/lifecycle.h"
#include "core/ticket.h"
#include "forms/script_moment.h"

#include <optional>
#include <vector>

namespace cf::counter {

// In reading order. A new ticket: greeting, thanks, apology (complaints), acknowledgement
// with the handling time. Acknowledging: the acknowledgement. At the center: a progress update.
// Resolved or answered, and recording satisfaction: the satisfaction question. Closing or
// satisfied: the closing thanks. Suggestions get their reply where others get the
// acknowledgement or the progress update. Only moments the type has (moment_applies) are
// returned; steps with nothing to say (a note) give the state's sentences.
std::vector<forms::ScriptMoment> script_moments(core::State state, std::optional<core::Step> step,
                                                core::RequestType type);

} // namespace cf::counter
