#pragma once
// What every drawing function of every mode gets for one frame: the texts, fonts and theme for
// the current locale and accessibility settings, the scale and the hit registry. The kiosk adds
// the list its frame's actions go into (kiosk/kiosk_ui.h).

#include "forms/ui_strings.h"
#include "ui/hit_registry.h"
#include "ui/locale.h"
#include "ui/theme.h"

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace cf::ui {

// Fonts for the current locale (the SC face for zh-Hans and English, the TC face for
// zh-Hant). Null members fall back to ImGui's current font, as in headless tests.
struct UiFonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* huge = nullptr; // ASCII only: ticket numbers
};

class Ui {
public:
    Ui(const forms::UiStrings& strings, Locale locale, UiFonts fonts, Theme theme, float scale,
       HitRegistry& hits)
        : m_strings(strings), m_locale(locale), m_fonts(fonts), m_theme(theme), m_scale(scale),
          m_hits(hits) {}

    const std::string& tr(std::string_view key) const { return m_strings.get(code(m_locale), key); }
    std::string fmt(std::string_view key,
                    std::initializer_list<std::pair<std::string_view, std::string>> args) const {
        return m_strings.format(code(m_locale), key, args);
    }
    Locale locale() const { return m_locale; }
    const UiFonts& fonts() const { return m_fonts; }
    const Theme& theme() const { return m_theme; }
    // Pixels for a length given at 1920x1080 (button heights, gaps).
    float px(float at_1080p) const { return at_1080p * m_scale; }
    HitRegistry& hits() { return m_hits; }

private:
    const forms::UiStrings& m_strings;
    Locale m_locale;
    UiFonts m_fonts;
    Theme m_theme;
    float m_scale;
    HitRegistry& m_hits;
};

// PushFont for the scope; a null font leaves the current one.
class FontScope {
public:
    explicit FontScope(ImFont* font) : m_pushed(font != nullptr) {
        if (m_pushed) {
            ImGui::PushFont(font);
        }
    }
    ~FontScope() {
        if (m_pushed) {
            ImGui::PopFont();
        }
    }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;

private:
    bool m_pushed;
};

} // namespace cf::ui
