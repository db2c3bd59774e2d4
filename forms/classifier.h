#pragma once
// Keyword classification of a ticket's text (DOMAIN.md "Classification").
//
// Matching: a word containing any non-ASCII character (Chinese) matches as a substring; an
// ASCII word matches case-insensitively and on word boundaries (no letter or digit right
// before or after it), except that a trailing '*' in the rule makes it a prefix
// ("overcharg*" matches "overcharged"). Each distinct word of a rule found in the text adds
// the rule's weight to every value the rule suggests.
//
// Word pairs: a rule with `requires` words counts only in a text that also holds one of them
// ("今天" is a stake only beside something blocked such as "取不出").
//
// Negation: a word of a `negatable` rule with one of the file's negators ("没有", "不是",
// "not") at most `negation.window` characters before it (spaces not counted) and no clause
// punctuation (，。！？,.!?;: and the like) in between votes only for the rule's category; its
// match says "negated by 没有". A word found several times is negated only when every
// occurrence is.
//
// Signals, found in code rather than by words (the match's word is the text found):
// - exclamation_run: two or more of ! ！ ? ？ in a row with an exclamation mark among them, or
//   three or more question marks ("！！", "?!", "？？？"; a single "！" is not one);
// - all_caps: two or more words of two or more capital letters separated by spaces only, or
//   one such word of four or more letters ("TWO HOURS", "MANAGER"), not counting the rule's
//   `acronyms` ("ATM", "SIM").
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
//
// Tier policies (SOP 002), applied last: a suggestion, praise or other request is capped at
// normal priority and general severity, an enquiry at general severity, unless something
// urgent or major was found; a complaint or report (or an open request type, which files as a
// complaint) with any match is at least important, explained as
// "policy:complaint_is_important".

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
