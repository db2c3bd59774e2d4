#include "forms/script_phrases.h"

#include "forms/asset_reader.h"
#include "forms/phrase_placeholders.h"

#include <nlohmann/json.hpp>

namespace cf::forms {

const LocalizedText* ScriptPhrases::find(core::RequestType type, ScriptMoment m) const {
    const auto t = by_type.find(type);
    if (t == by_type.end()) {
        return nullptr;
    }
    const auto it = t->second.find(m);
    return it == t->second.end() ? nullptr : &it->second;
}

std::vector<std::string_view> ScriptPhrases::all_texts() const {
    std::vector<std::string_view> out;
    for (const auto& [type, moments] : by_type) {
        for (const auto& [moment, text] : moments) {
            for (const std::string_view locale : k_locales) {
                out.push_back(text.in(locale));
            }
        }
    }
    return out;
}

namespace {

std::size_t code_points(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return n;
}

// Length and placeholders of each locale's sentence.
void check_sentence(const LocalizedText& text, ScriptMoment m, const std::string& path,
                    AssetReader& reader) {
    for (const std::string_view locale : k_locales) {
        const std::string& s = text.in(locale);
        if (s.empty()) {
            continue; // parse_localized_text reported it
        }
        const std::string field = join_path(path, locale);
        if (code_points(s) > k_max_phrase_chars) {
            reader.fail(field, "is " + std::to_string(code_points(s)) +
                                   " characters long; a sentence read aloud has at most " +
                                   std::to_string(k_max_phrase_chars));
        } else if (std::optional<std::string> problem = placeholder_problem(s, m)) {
            reader.fail(field, *problem);
        }
    }
}

std::map<ScriptMoment, LocalizedText> parse_type(const nlohmann::json& node, core::RequestType type,
                                                 const std::string& path, AssetReader& reader) {
    std::map<ScriptMoment, LocalizedText> moments;
    if (!reader.expect_object(node, path)) {
        return moments;
    }
    for (const auto& [key, value] : node.items()) {
        const std::string field = join_path(path, key);
        const std::optional<ScriptMoment> m = parse_script_moment(key);
        if (!m) {
            reader.fail(field, "unknown moment (a typing mistake?); the moments are greeting, "
                               "thanks, apology, acknowledgement, progress, suggestion_reply, "
                               "satisfaction and closing");
            continue;
        }
        if (!moment_applies(type, *m)) {
            reader.fail(field, *m == ScriptMoment::apology
                                   ? "only a complaint is apologised for; remove it"
                                   : "only a suggestion gets a suggestion reply; remove it");
            continue;
        }
        LocalizedText text = parse_localized_text(value, field, reader);
        check_sentence(text, *m, field, reader);
        moments.emplace(*m, std::move(text));
    }
    for (const ScriptMoment m : k_script_moments) {
        if (moment_applies(type, m) && !moments.contains(m) && !node.contains(to_string(m))) {
            reader.fail(join_path(path, to_string(m)), "is missing");
        }
    }
    return moments;
}

} // namespace

std::expected<ScriptPhrases, std::vector<AssetError>>
parse_script_phrases(const nlohmann::json& doc, const std::string& file) {
    AssetReader reader(file);
    ScriptPhrases phrases;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    for (const auto& [key, value] : doc.items()) {
        const std::optional<core::RequestType> type = core::parse_request_type(key);
        if (!type) {
            reader.fail(key, "is not a request type (complaint, enquiry, suggestion, praise, "
                             "report, other)");
            continue;
        }
        phrases.by_type.emplace(*type, parse_type(value, *type, key, reader));
    }
    for (const core::RequestType type : k_request_types) {
        if (!phrases.by_type.contains(type)) {
            reader.fail(std::string(core::to_string(type)), "is missing");
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return phrases;
}

} // namespace cf::forms
