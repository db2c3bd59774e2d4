#pragma once
// The placeholders a 话术 sentence may hold and how they are filled in. Only two exist:
// {number}, the ticket number, and {due}, the time the customer is promised an answer (the
// ticket deadline, 工单时限). Anything else in braces is a typing mistake in the asset.

#include "forms/script_moment.h"

#include <optional>
#include <string>
#include <string_view>

namespace cf::forms {

struct PhraseValues {
    std::string number; // "KS-0001-20261207-0003"
    std::string due;    // "12月10日 17:00", already in the customer's language
};

// Whether {due} makes sense at `m`: the acknowledgement (where it is required), a progress
// update and a suggestion reply promise a time; the other moments do not.
bool moment_takes_due(ScriptMoment m);

// Nullopt when `text` is a valid sentence for `m`, else the reason in an English sentence:
// an unknown placeholder, an unclosed or stray brace, {due} where it makes no sense, or an
// acknowledgement without {due}.
std::optional<std::string> placeholder_problem(std::string_view text, ScriptMoment m);

// `text` with {number} and {due} replaced. Precondition: placeholder_problem(text, m) is
// nullopt for some m (the parser checked it); other text is copied as it is.
std::string fill_phrase(std::string_view text, const PhraseValues& values);

} // namespace cf::forms
