#include "forms/ui_strings.h"

#include "forms/localized_text.h"

#include <nlohmann/json.hpp>

#include <cassert>
#include <set>

namespace cf::forms {

namespace {

std::string file_of(std::string_view folder, std::string_view locale) {
    return std::string(folder) + "/" + std::string(locale) + ".json";
}

// The names between braces, e.g. {"n", "total"} for "第 {n} 步，共 {total} 步".
std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string_view::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        names.emplace(text.substr(open + 1, close - open - 1));
    }
    return names;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const std::string& n : names) {
        out += (out.empty() ? "{" : ", {") + n + "}";
    }
    return out.empty() ? "none" : out;
}

} // namespace

const UiStrings::Table& UiStrings::table(std::string_view locale) const {
    auto it = m_by_locale.find(locale);
    if (it == m_by_locale.end()) {
        it = m_by_locale.find(k_default_locale);
    }
    assert(it != m_by_locale.end() && "UiStrings used before it was loaded");
    return it->second;
}

const std::string& UiStrings::get(std::string_view locale, std::string_view key) const {
    const Table& t = table(locale);
    const auto it = t.find(key);
    if (it == t.end()) {
        assert(false && "a screen asked for a text key that assets/i18n does not have");
        static const std::string missing = "?";
        return missing;
    }
    return it->second;
}

std::string
UiStrings::format(std::string_view locale, std::string_view key,
                  std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    std::string out = get(locale, key);
    for (const auto& [name, value] : args) {
        const std::string marker = "{" + std::string(name) + "}";
        for (std::size_t at = out.find(marker); at != std::string::npos;
             at = out.find(marker, at + value.size())) {
            out.replace(at, marker.size(), value);
        }
    }
    return out;
}

bool UiStrings::has(std::string_view key) const {
    return !m_by_locale.empty() && table(k_default_locale).contains(key);
}

std::vector<std::string_view> UiStrings::all_texts() const {
    std::vector<std::string_view> out;
    for (const auto& [locale, t] : m_by_locale) {
        for (const auto& [key, text] : t) {
            out.push_back(text);
        }
    }
    return out;
}

std::vector<std::string_view> UiStrings::texts(std::string_view locale) const {
    std::vector<std::string_view> out;
    for (const auto& [key, text] : table(locale)) {
        out.push_back(text);
    }
    return out;
}

std::expected<void, std::vector<AssetError>> UiStrings::merge(const UiStrings& other,
                                                              std::string_view other_folder) {
    std::vector<AssetError> errors;
    for (const auto& [locale, table] : other.m_by_locale) {
        for (const auto& [key, text] : table) {
            if (!m_by_locale[locale].emplace(key, text).second) {
                errors.push_back({file_of(other_folder, locale), key,
                                  "is already defined by another part of assets/i18n"});
            }
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return {};
}

std::expected<UiStrings, std::vector<AssetError>>
parse_ui_strings(const std::map<std::string, nlohmann::json, std::less<>>& docs,
                 std::string_view folder) {
    std::vector<AssetError> errors;
    std::map<std::string, UiStrings::Table, std::less<>> tables;
    for (std::string_view locale : k_locales) {
        const auto doc = docs.find(locale);
        if (doc == docs.end()) {
            errors.push_back(
                {file_of(folder, locale), "", "is missing: every locale needs its texts"});
            continue;
        }
        if (!doc->second.is_object()) {
            errors.push_back(
                {file_of(folder, locale), "", "must be an object of \"key\": \"text\""});
            continue;
        }
        UiStrings::Table& table = tables[std::string(locale)];
        for (const auto& [key, value] : doc->second.items()) {
            if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
                errors.push_back({file_of(folder, locale), key, "must be a non-empty string"});
                continue;
            }
            table.emplace(key, value.get<std::string>());
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }

    // Every key of any locale must be in all of them, with the same placeholders.
    std::set<std::string> keys;
    for (const auto& [locale, table] : tables) {
        for (const auto& [key, text] : table) {
            keys.insert(key);
        }
    }
    for (const std::string& key : keys) {
        const UiStrings::Table& reference = tables.at(std::string(k_default_locale));
        const auto ref = reference.find(key);
        for (const auto& [locale, table] : tables) {
            const auto it = table.find(key);
            if (it == table.end()) {
                errors.push_back(
                    {file_of(folder, locale), key, "is missing: every locale needs this text"});
            } else if (ref != reference.end() &&
                       placeholders(it->second) != placeholders(ref->second)) {
                errors.push_back({file_of(folder, locale), key,
                                  "has placeholders " + joined(placeholders(it->second)) +
                                      " but zh-Hans has " + joined(placeholders(ref->second))});
            }
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return UiStrings(std::move(tables));
}

} // namespace cf::forms
