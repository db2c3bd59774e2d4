#pragma once
// The kiosk's glyph set and fonts: every screen text of every locale and every label from the
// assets (categories, form options) are in the first atlas, so no screen ever shows a missing
// glyph; the common Simplified and Traditional characters follow in a background build, and
// typed or loaded text extends the set on demand.

#include "fonts/font_atlas_manager.h"
#include "forms/catalog.h"
#include "ui/locale.h"
#include "ui/ui.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace cf::app {

class KioskFonts {
public:
    // Opens the font file and starts building the first atlas on a worker thread, so that it
    // builds while the store, librime and the window open. Fails with the fonts module's error
    // when Noto Sans CJK is missing (naming fonts-noto-cjk).
    static fonts::Result<std::unique_ptr<KioskFonts>> open(const std::filesystem::path& font_dir,
                                                           const forms::Catalog& catalog,
                                                           const std::filesystem::path& assets_dir,
                                                           float display_scale,
                                                           std::function<void()> on_build_done);
    // The display's real scale, once the window is open; a different one rebuilds.
    void set_scale(float display_scale);
    // Waits for the first atlas and installs it in the current ImGui context. Fails when the
    // atlas cannot be built.
    fonts::Result<void> finish_first_atlas();

    // Starts the background build of the common characters.
    void start_common_characters();
    // Before each frame: swaps in a finished atlas (true when it changed) and starts a rebuild
    // when characters were added.
    bool before_frame();
    // Large text: every size times k_large_text_factor; rebuilt in the background.
    void set_large_text(bool on);
    void add_text(std::string_view utf8) { m_manager->add_text(utf8); }
    // Blocks until no build is running and swaps in the result (screenshots, benchmarks).
    void settle();

    ui::UiFonts fonts_for(ui::Locale locale) const;
    fonts::FontAtlasManager& manager() { return *m_manager; }

private:
    KioskFonts(std::unique_ptr<fonts::FontAtlasManager> manager, std::filesystem::path assets,
               float scale)
        : m_manager(std::move(manager)), m_assets(std::move(assets)), m_scale(scale) {}

    std::unique_ptr<fonts::FontAtlasManager> m_manager;
    std::filesystem::path m_assets;
    float m_scale;
    bool m_large = false;
};

// Every text the kiosk can show in a locale: its screen texts and the asset labels.
std::string kiosk_texts(const forms::Catalog& catalog, ui::Locale locale);

} // namespace cf::app
