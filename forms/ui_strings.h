#pragma once
// The text of every screen, in the three locales Counterfoil supports: assets/i18n/<locale>.json
// for the kiosk and assets/i18n/<part>/<locale>.json for each further part (counter/, ...).
// Each file is one flat object {"key": "text"}; a key lives in one part only. A table that loaded
// has every key in every locale, none empty, and the same {placeholders} in each translation, so a
// screen never shows a blank, a raw key or a stray "{n}".

#include "forms/asset_error.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cf::forms {

class UiStrings {
public:
    using Table = std::map<std::string, std::string, std::less<>>;

    UiStrings() = default;
    explicit UiStrings(std::map<std::string, Table, std::less<>> by_locale)
        : m_by_locale(std::move(by_locale)) {}

    // The text for `key` in `locale` (an unknown locale gets zh-Hans). A key that is not in the
    // tables is a bug in the calling screen: it asserts, and release builds show the key.
    const std::string& get(std::string_view locale, std::string_view key) const;

    // get() with every "{name}" replaced by its value.
    std::string format(std::string_view locale, std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

    bool has(std::string_view key) const;
    // Adds the texts of another part. Fails with the keys both define, naming `other_folder`.
    std::expected<void, std::vector<AssetError>> merge(const UiStrings& other,
                                                       std::string_view other_folder);
    bool empty() const { return m_by_locale.empty(); }
    // Every text of every locale, e.g. to build the font's glyph set.
    std::vector<std::string_view> all_texts() const;
    // Every text of one locale.
    std::vector<std::string_view> texts(std::string_view locale) const;

private:
    const Table& table(std::string_view locale) const;

    std::map<std::string, Table, std::less<>> m_by_locale;
};

// Parses the three documents, keyed by locale ("zh-Hans", "zh-Hant", "en"). Fails with every
// problem: a missing locale, a value that is not a non-empty string, a key missing from some
// locale (reported against the file that lacks it) and translations whose {placeholders} differ.
// Errors name the files as `folder`/<locale>.json.
std::expected<UiStrings, std::vector<AssetError>>
parse_ui_strings(const std::map<std::string, nlohmann::json, std::less<>>& docs,
                 std::string_view folder = "i18n");

} // namespace cf::forms
