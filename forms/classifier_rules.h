#pragma once
// Keyword rules for automatic classification (assets/classifier/rules.json): each rule lists
// words in Simplified Chinese, Traditional Chinese and English, and what a ticket mentioning
// one of them probably is. Staff can always change the result.

#include "core/ticket.h"
#include "forms/asset_error.h"
#include "forms/category_tree.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <optional>
#include <string>
#include <vector>

namespace cf::forms {

// What a rule suggests; unset members suggest nothing.
struct Suggestion {
    std::optional<core::RequestType> request_type;
    std::optional<std::string> category;
    std::optional<core::Severity> severity;
    std::optional<core::Priority> priority;
    std::optional<core::SpecialType> special_type;
    std::optional<core::Emotion> emotion;
};

// One word of a rule, prepared for matching.
struct Keyword {
    std::string text;    // as written in the rule file
    std::string pattern; // lower-cased, without a trailing '*'
    bool ascii = false;  // matched case-insensitively on word boundaries
    bool prefix = false; // written with a trailing '*': "compensat*" matches "compensation"
};

// Marks in the text that are not words (classifier.h says exactly what each one finds).
enum class Signal {
    exclamation_run, // "！！", "?!", "？？？"
    all_caps,        // "GET THE MANAGER", "RUDE"
};

struct KeywordRule {
    std::string id;
    std::vector<Keyword> words; // may be empty when the rule has signals
    Suggestion suggests;
    int weight = 1; // added for every distinct word of the rule found in the text
    // A word of this rule right after a negator ("没有多扣", "not complaining") votes only for
    // its category: the customer names the subject but denies the problem.
    bool negatable = false;
    // When not empty, the rule's words count only in a text that also holds one of these
    // ("今天" counts for urgency only next to "取不出").
    std::vector<Keyword> requires_words;
    std::vector<Signal> signals;
    std::vector<std::string> acronyms; // capitals that are not shouting ("ATM"), for all_caps
};

// Negators ("没有", "不是", "not") and how many characters may stand between a negator and
// the word it negates, in the same clause.
struct Negation {
    std::vector<Keyword> words;
    int window = 4;
};

struct ClassifierRules {
    std::vector<KeywordRule> rules; // in file order, which also breaks ties
    Negation negation;              // no words: nothing is negated
};

// Parses the rules file. Fails with every problem: duplicate ids, empty or duplicate words,
// a '*' anywhere but at the end of an English word, unknown attributes or values, a category
// not in `categories` (unchecked when it is empty), a weight outside 1..100, a rule with
// neither words nor signals, an unknown signal, a negation window outside 1..20. Optional keys
// added later ("negation", "negatable", "requires", "signals", "acronyms") leave older files valid.
std::expected<ClassifierRules, std::vector<AssetError>>
parse_classifier_rules(const nlohmann::json& doc, const std::string& file,
                       const CategoryTree& categories);

} // namespace cf::forms
