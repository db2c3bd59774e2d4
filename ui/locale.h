#pragma once
// The three languages of every screen: a customer chooses one on the attract screen, staff on
// their sign-in screen or top bar.

#include <array>
#include <string_view>

namespace cf::ui {

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

} // namespace cf::ui
