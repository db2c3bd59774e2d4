// The classifier's rules reader (forms/classifier_rules.h, assets/classifier/rules.json),
// checked against the installed category tree. Checks that an accepted file's rules have
// unique ids, words or signals, non-empty words and weights in 1..100, and that classifying a
// text made of all their words suggests only categories of the tree; a refusal names the file
// and reasons.
#include "asset_checks.h"
#include "forms/classifier.h"
#include "forms/classifier_rules.h"

#include <set>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::forms;
    const auto doc = cf::fuzz::asset_doc(cf::fuzz::as_text(data, size));
    if (!doc) {
        return 0;
    }
    const CategoryTree& tree = cf::fuzz::installed_categories();
    const auto rules = parse_classifier_rules(*doc, "classifier/rules.json", tree);
    if (!rules) {
        cf::fuzz::check_errors(rules.error(), "classifier/rules.json");
        return 0;
    }
    std::set<std::string> ids;
    std::string text;
    for (const KeywordRule& rule : rules->rules) {
        FUZZ_CHECK(ids.insert(rule.id).second, rule.id);
        FUZZ_CHECK(rule.weight >= 1 && rule.weight <= 100, rule.id);
        FUZZ_CHECK(!rule.words.empty() || !rule.signals.empty(), rule.id);
        for (const Keyword& w : rule.words) {
            FUZZ_CHECK(!w.pattern.empty(), rule.id + ": " + w.text);
            text += " " + w.pattern + " ";
        }
        for (const Keyword& w : rule.requires_words) {
            FUZZ_CHECK(!w.pattern.empty(), rule.id + ": " + w.text);
            text += " " + w.pattern + " ";
        }
    }
    for (const Keyword& w : rules->negation.words) {
        FUZZ_CHECK(!w.pattern.empty(), "negation: " + w.text);
        text += " " + w.pattern + " ";
    }
    const Classification c = classify(*rules, text);
    if (c.result.category && !tree.empty()) {
        FUZZ_CHECK(tree.contains(*c.result.category), *c.result.category);
    }
    return 0;
}
