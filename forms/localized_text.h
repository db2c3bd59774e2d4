#pragma once
// Text shown to people in the three locales Counterfoil supports. Every label in the assets
// has all three; a missing one is an asset error, never a blank on screen.

#include <array>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace cf::forms {

class AssetReader;

inline constexpr std::array<std::string_view, 3> k_locales = {"zh-Hans", "zh-Hant", "en"};
inline constexpr std::string_view k_default_locale = "zh-Hans";

bool is_supported_locale(std::string_view locale);

struct LocalizedText {
    std::string zh_hans;
    std::string zh_hant;
    std::string en;

    // The text in `locale`; an unknown locale gets zh-Hans, the branch's working language.
    const std::string& in(std::string_view locale) const;
    bool operator==(const LocalizedText&) const = default;
};

// Reads {"zh-Hans": .., "zh-Hant": .., "en": ..} at `path`; reports a missing or empty locale
// and unknown keys to `reader`.
LocalizedText parse_localized_text(const nlohmann::json& value, const std::string& path,
                                   AssetReader& reader);

} // namespace cf::forms
