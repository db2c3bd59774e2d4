#include "forms/classifier_rules.h"

#include "forms/asset_reader.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <set>

namespace cf::forms {
namespace {

bool all_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            return false;
        }
    }
    return true;
}

std::optional<Keyword> parse_keyword(const nlohmann::json& item, const std::string& path,
                                     AssetReader& reader) {
    if (!item.is_string() || trim(item.get_ref<const std::string&>()).empty()) {
        reader.fail(path, "must be a non-empty word");
        return std::nullopt;
    }
    Keyword word;
    word.text = item.get<std::string>();
    word.ascii = all_ascii(word.text);
    std::string_view pattern = word.text;
    if (word.ascii && pattern.ends_with('*')) {
        word.prefix = true;
        pattern.remove_suffix(1);
    }
    if (pattern.find('*') != std::string_view::npos || pattern.empty()) {
        reader.fail(path, "'" + word.text + "': '*' may only end an English word (a prefix)");
        return std::nullopt;
    }
    if (!is_valid_utf8(pattern)) {
        reader.fail(path, "is not UTF-8 text");
        return std::nullopt;
    }
    word.pattern = ascii_lower(pattern);
    return word;
}

template <class T, class Parse>
void read_value(const nlohmann::json& suggests, const std::string& path, std::string_view key,
                Parse parse, std::optional<T>& out, AssetReader& reader) {
    if (auto text = reader.string(suggests, path, key, false)) {
        if (auto value = parse(*text)) {
            out = *value;
        } else {
            reader.fail(join_path(path, key),
                        "'" + *text + "' is not a value of " + std::string(key));
        }
    }
}

Suggestion parse_suggestion(const nlohmann::json& node, const std::string& path,
                            const CategoryTree& categories, AssetReader& reader) {
    Suggestion s;
    if (!reader.expect_object(node, path)) {
        return s;
    }
    reader.reject_unknown_keys(
        node, path,
        {"request_type", "category", "severity", "priority", "special_type", "emotion"});
    if (node.empty()) {
        reader.fail(path, "suggests nothing");
    }
    read_value(node, path, "request_type", core::parse_request_type, s.request_type, reader);
    read_value(node, path, "severity", core::parse_severity, s.severity, reader);
    read_value(node, path, "priority", core::parse_priority, s.priority, reader);
    read_value(node, path, "special_type", core::parse_special_type, s.special_type, reader);
    read_value(node, path, "emotion", core::parse_emotion, s.emotion, reader);
    if (auto code = reader.string(node, path, "category", false)) {
        if (!categories.empty() && !categories.contains(*code)) {
            reader.fail(join_path(path, "category"),
                        "'" + *code + "' is not in the category tree (categories.json)");
        }
        s.category = *code;
    }
    return s;
}

std::vector<Keyword> parse_words(const nlohmann::json& words, const std::string& words_path,
                                 AssetReader& reader) {
    std::vector<Keyword> out;
    std::set<std::string> seen;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string word_path = index_path(words_path, k);
        if (auto word = parse_keyword(words[k], word_path, reader)) {
            if (!seen.insert(word->pattern).second) {
                reader.fail(word_path, "'" + word->text + "' is listed twice");
            }
            out.push_back(std::move(*word));
        }
    }
    return out;
}

std::optional<Signal> parse_signal(std::string_view text) {
    if (text == "exclamation_run") {
        return Signal::exclamation_run;
    }
    if (text == "all_caps") {
        return Signal::all_caps;
    }
    return std::nullopt;
}

void parse_signals(const nlohmann::json& node, const std::string& path, KeywordRule& rule,
                   AssetReader& reader) {
    if (const nlohmann::json* signals = reader.member(node, path, "signals", false)) {
        const std::string signals_path = join_path(path, "signals");
        if (reader.expect_array(*signals, signals_path)) {
            for (std::size_t k = 0; k < signals->size(); ++k) {
                const nlohmann::json& item = (*signals)[k];
                const auto signal = item.is_string()
                                        ? parse_signal(item.get_ref<const std::string&>())
                                        : std::nullopt;
                if (signal) {
                    rule.signals.push_back(*signal);
                } else {
                    reader.fail(index_path(signals_path, k),
                                "must be \"exclamation_run\" or \"all_caps\"");
                }
            }
        }
    }
    if (const nlohmann::json* acronyms = reader.member(node, path, "acronyms", false)) {
        const std::string acronyms_path = join_path(path, "acronyms");
        if (reader.expect_array(*acronyms, acronyms_path)) {
            for (std::size_t k = 0; k < acronyms->size(); ++k) {
                const nlohmann::json& item = (*acronyms)[k];
                if (item.is_string() && !item.get_ref<const std::string&>().empty() &&
                    all_ascii(item.get_ref<const std::string&>())) {
                    rule.acronyms.push_back(item.get<std::string>());
                } else {
                    reader.fail(index_path(acronyms_path, k), "must be a word in capitals");
                }
            }
        }
    }
}

void parse_negation(const nlohmann::json& doc, ClassifierRules& result, AssetReader& reader) {
    const nlohmann::json* node = reader.member(doc, "", "negation", false);
    if (node == nullptr || !reader.expect_object(*node, "negation")) {
        return;
    }
    reader.reject_unknown_keys(*node, "negation", {"words", "window"});
    const nlohmann::json* words = reader.member(*node, "negation", "words", true);
    if (words != nullptr && reader.expect_array(*words, "negation.words")) {
        result.negation.words = parse_words(*words, "negation.words", reader);
    }
    if (auto window = reader.integer(*node, "negation", "window", false)) {
        if (*window < 1 || *window > 20) {
            reader.fail("negation.window", "must be between 1 and 20");
        } else {
            result.negation.window = static_cast<int>(*window);
        }
    }
}

} // namespace

std::expected<ClassifierRules, std::vector<AssetError>>
parse_classifier_rules(const nlohmann::json& doc, const std::string& file,
                       const CategoryTree& categories) {
    AssetReader reader(file);
    ClassifierRules result;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "", {"rules", "negation"});
    parse_negation(doc, result, reader);
    const nlohmann::json* rules = reader.member(doc, "", "rules", true);
    if (rules != nullptr && reader.expect_array(*rules, "rules")) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const nlohmann::json& node = (*rules)[i];
            const std::string path = index_path("rules", i);
            if (!reader.expect_object(node, path)) {
                continue;
            }
            reader.reject_unknown_keys(node, path,
                                       {"id", "words", "suggests", "weight", "negatable",
                                        "requires", "signals", "acronyms"});
            KeywordRule rule;
            if (auto id = reader.string(node, path, "id", true)) {
                rule.id = *id;
                if (!ids.insert(*id).second) {
                    reader.fail(join_path(path, "id"), "'" + *id + "' is used by two rules");
                }
            }
            const std::string words_path = join_path(path, "words");
            parse_signals(node, path, rule, reader);
            const bool has_signals = node.contains("signals");
            const nlohmann::json* words = reader.member(node, path, "words", !has_signals);
            if (words != nullptr && reader.expect_array(*words, words_path)) {
                if (words->empty() && !has_signals) {
                    reader.fail(words_path, "a rule needs at least one word");
                }
                rule.words = parse_words(*words, words_path, reader);
            }
            if (has_signals && rule.signals.empty() && rule.words.empty()) {
                reader.fail(path, "a rule needs at least one word or signal");
            }
            if (const nlohmann::json* requires_words =
                    reader.member(node, path, "requires", false)) {
                const std::string requires_path = join_path(path, "requires");
                if (reader.expect_array(*requires_words, requires_path)) {
                    if (requires_words->empty()) {
                        reader.fail(requires_path, "lists no word; leave it out instead");
                    }
                    rule.requires_words = parse_words(*requires_words, requires_path, reader);
                }
            }
            if (auto negatable = reader.boolean(node, path, "negatable", false)) {
                rule.negatable = *negatable;
            }
            if (const nlohmann::json* s = reader.member(node, path, "suggests", true)) {
                rule.suggests =
                    parse_suggestion(*s, join_path(path, "suggests"), categories, reader);
            }
            if (auto weight = reader.integer(node, path, "weight", true)) {
                if (*weight < 1 || *weight > 100) {
                    reader.fail(join_path(path, "weight"), "must be between 1 and 100");
                } else {
                    rule.weight = static_cast<int>(*weight);
                }
            }
            result.rules.push_back(std::move(rule));
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return result;
}

} // namespace cf::forms
