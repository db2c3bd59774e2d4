#pragma once
// Measuring a classifier against the labelled corpus (docs/CLASSIFICATION_CORPUS.md): reads a
// split (train/dev/test.jsonl) and scores any function that turns a text into a Suggestion, so
// the keyword rules and a statistical model are measured the same way (docs/CLASSIFIER.md).
//
// A value the prediction leaves unset counts as the value a filed ticket gets when nobody
// chooses one: request type complaint, category "other", severity general, priority normal,
// emotion calm, special type none (core::NewTicket, k_fallback_category).

#include "core/ticket.h"
#include "forms/classifier_rules.h"

#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// One labelled text of the corpus.
struct CorpusText {
    std::string id;
    std::string text;
    std::string locale; // zh-Hans, zh-Hant or en
    core::RequestType request_type = core::RequestType::complaint;
    std::string category; // a leaf, e.g. "billing.overcharge"
    core::Severity severity = core::Severity::general;
    core::Priority priority = core::Priority::normal;
    core::SpecialType special_type = core::SpecialType::none;
    core::Emotion emotion = core::Emotion::calm;
    std::vector<std::string> tags;
};

// A line of a corpus file that cannot be used, or a file that cannot be read.
struct CorpusError {
    std::string where;  // "dev.jsonl:12", or the file alone when it cannot be opened
    std::string reason; // an English sentence
};

// "dev.jsonl:12: 'priority' is 'soon', not a priority"
std::string to_string(const CorpusError& e);

// Reads one jsonl split; empty lines are skipped. Fails with every bad line (not JSON, a key
// missing or of the wrong kind, an unknown value) or when the file cannot be opened.
std::expected<std::vector<CorpusText>, std::vector<CorpusError>>
read_corpus(const std::filesystem::path& file);

using Predictor = std::function<Suggestion(std::string_view text)>;

// `hits` out of `total`; rate() is 0 for an empty count.
struct Count {
    int hits = 0;
    int total = 0;
    double rate() const { return total == 0 ? 0.0 : static_cast<double>(hits) / total; }
    void add(bool hit) {
        hits += hit ? 1 : 0;
        ++total;
    }
};

// Accuracy of every attribute over a set of texts.
struct Accuracy {
    Count request_type;
    Count category_group; // the part before the '.'
    Count category_leaf;
    Count severity;
    Count priority;
    Count special_type;
    Count emotion;
};

struct LeafScore {
    std::string leaf;
    int labelled = 0;  // texts labelled with it
    int predicted = 0; // texts predicted as it
    int correct = 0;   // both
};

// What was predicted for one text, with unset values already replaced by the defaults.
struct Outcome {
    CorpusText text; // the labelled text
    core::RequestType request_type = core::RequestType::complaint;
    std::string category;
    core::Severity severity = core::Severity::general;
    core::Priority priority = core::Priority::normal;
    core::SpecialType special_type = core::SpecialType::none;
    core::Emotion emotion = core::Emotion::calm;
};

struct Evaluation {
    Accuracy overall;
    std::vector<std::pair<std::string, Accuracy>> by_locale; // zh-Hans, zh-Hant, en
    Count under_tier;       // predicted priority below the label (urgent > important > normal)
    Count urgent_recall;    // labelled urgent, predicted urgent
    Count important_recall; // labelled important, predicted important or urgent
    // Tagged media_threat, lawyer_threat or regulator_threat, predicted media_exposure and urgent.
    Count exposure_recall;
    // Not tagged with a threat, predicted media_exposure.
    Count exposure_false_alarm;
    Count agitated_recall;         // labelled agitated, predicted agitated
    Count agitated_false_alarm;    // not labelled agitated, predicted agitated
    std::vector<LeafScore> leaves; // every labelled or predicted leaf, sorted by name
    std::vector<Outcome> outcomes; // one per text, in corpus order
};

// True for a text tagged media_threat, lawyer_threat or regulator_threat.
bool has_exposure_threat(const CorpusText& text);

// Runs `predict` on every text. Never fails.
Evaluation evaluate(const std::vector<CorpusText>& corpus, const Predictor& predict);

// The figures as Markdown tables: accuracy overall and per locale, the priority and exposure
// figures, and the per-leaf counts.
std::string format_markdown(const Evaluation& e);

// One line per text whose priority is under the label, whose exposure threat was missed or
// falsely seen, or whose `field` (request_type, category, severity, priority, special_type,
// emotion; empty for none) is wrong: "c0006 priority urgent->important: <text>".
std::string format_misses(const Evaluation& e, std::string_view field);

} // namespace cf::forms
