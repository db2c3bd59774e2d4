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

} // namespace

std::expected<ClassifierRules, std::vector<AssetError>>
parse_classifier_rules(const nlohmann::json& doc, const std::string& file,
                       const CategoryTree& categories) {
    AssetReader reader(file);
    ClassifierRules result;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "", {"rules"});
    const nlohmann::json* rules = reader.member(doc, "", "rules", true);
    if (rules != nullptr && reader.expect_array(*rules, "rules")) {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < rules->size(); ++i) {
            const nlohmann::json& node = (*rules)[i];
            const std::string path = index_path("rules", i);
            if (!reader.expect_object(node, path)) {
                continue;
            }
            reader.reject_unknown_keys(node, path, {"id", "words", "suggests", "weight"});
            KeywordRule rule;
            if (auto id = reader.string(node, path, "id", true)) {
                rule.id = *id;
                if (!ids.insert(*id).second) {
                    reader.fail(join_path(path, "id"), "'" + *id + "' is used by two rules");
                }
            }
            const std::string words_path = join_path(path, "words");
            const nlohmann::json* words = reader.member(node, path, "words", true);
            if (words != nullptr && reader.expect_array(*words, words_path)) {
                if (words->empty()) {
                    reader.fail(words_path, "a rule needs at least one word");
                }
                std::set<std::string> seen;
                for (std::size_t k = 0; k < words->size(); ++k) {
                    const std::string word_path = index_path(words_path, k);
                    if (auto word = parse_keyword((*words)[k], word_path, reader)) {
                        if (!seen.insert(word->pattern).second) {
                            reader.fail(word_path, "'" + word->text + "' is listed twice");
                        }
                        rule.words.push_back(std::move(*word));
                    }
                }
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
