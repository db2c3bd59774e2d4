#pragma once
// Keyword classification of a ticket's text (DOMAIN.md "Classification").
//
// Matching: a word containing any non-ASCII character (Chinese) matches as a substring; an
// ASCII word matches case-insensitively and on word boundaries (no letter or digit right
// before or after it), except that a trailing '*' in the rule makes it a prefix
// ("overcharg*" matches "overcharged"). Each distinct word of a rule found in the text adds
// the rule's weight to every value the rule suggests.
//
// Conflicts, per attribute:
// - severity, priority, emotion: the most severe suggestion wins (major > important > general,
//   urgent > important > normal, agitated > anxious > calm), whatever the weights; missing a
//   warning sign costs more than an extra one.
// - request_type, special_type: the value with the highest total weight; a tie goes to the
//   value whose rule comes first in the rules file.
// - category: first the top-level group with the highest total (a child's weight also counts
//   for its group), then inside it the child with the highest total, or the group itself
//   when no child was suggested; ties go to the earlier rule.

#include "forms/classifier_rules.h"
#include "forms/intake.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

struct Classification {
    Suggestion result;          // the winning value per attribute; unset when nothing matched
    std::vector<Match> matches; // every word found, in rule order
};

// Classifies `text` (any mix of Simplified, Traditional and English). Never fails; text that
// matches nothing gives an empty result.
Classification classify(const ClassifierRules& rules, std::string_view text);

// The suggestion with the priority a filed ticket gets when nobody chose one (intake.h): raised
// to urgent for an agitated customer, a major severity or a media-exposure customer.
Suggestion with_priority_policy(Suggestion s);

// "request_type=complaint, severity=important" for the explanation.
std::string describe(const Suggestion& s);

} // namespace cf::forms
