#pragma once
// The three languages a customer can choose on the attract screen.

#include <array>
#include <string_view>

namespace cf::kiosk {

enum class Locale { zh_hans, zh_hant, en };

inline constexpr std::array<Locale, 3> k_all_locales = {Locale::zh_hans, Locale::zh_hant,
                                                        Locale::en};

// "zh-Hans", "zh-Hant", "en": the codes of assets/i18n and forms::LocalizedText.
constexpr std::string_view code(Locale l) {
    switch (l) {
    case Locale::zh_hans:
        return "zh-Hans";
    case Locale::zh_hant:
        return "zh-Hant";
    case Locale::en:
        return "en";
    }
    return "zh-Hans";
}

} // namespace cf::kiosk
