#include "forms/localized_text.h"

#include "forms/asset_reader.h"

namespace cf::forms {

bool is_supported_locale(std::string_view locale) {
    for (const std::string_view l : k_locales) {
        if (l == locale) {
            return true;
        }
    }
    return false;
}

const std::string& LocalizedText::in(std::string_view locale) const {
    if (locale == "zh-Hant") {
        return zh_hant;
    }
    if (locale == "en") {
        return en;
    }
    return zh_hans;
}

LocalizedText parse_localized_text(const nlohmann::json& value, const std::string& path,
                                   AssetReader& reader) {
    LocalizedText text;
    if (!reader.expect_object(value, path)) {
        return text;
    }
    reader.reject_unknown_keys(value, path, {"zh-Hans", "zh-Hant", "en"});
    text.zh_hans = reader.string(value, path, "zh-Hans", true).value_or("");
    text.zh_hant = reader.string(value, path, "zh-Hant", true).value_or("");
    text.en = reader.string(value, path, "en", true).value_or("");
    return text;
}

} // namespace cf::forms
