#include "app/kiosk_fonts.h"

#include "fonts/common_characters.h"
#include "ui/theme.h"

namespace cf::app {

namespace {

void append_category(std::string& out, const forms::Category& c, std::string_view loc) {
    out += c.label.in(loc);
    out += '\n';
    for (const forms::Category& child : c.children) {
        append_category(out, child, loc);
    }
}

fonts::FontSizes sizes_for(float scale, bool large) {
    fonts::FontSizes s;
    s.scale = scale * (large ? ui::k_large_text_factor : 1.0f);
    return s;
}

} // namespace

std::string kiosk_texts(const forms::Catalog& catalog, ui::Locale locale) {
    const std::string_view loc = ui::code(locale);
    std::string out;
    for (std::string_view t : catalog.ui.texts(loc)) {
        out += t;
        out += '\n';
    }
    for (const forms::Category& c : catalog.categories.top_level()) {
        append_category(out, c, loc);
    }
    for (const auto& [id, form] : catalog.forms) {
        out += form.title.in(loc);
        for (const forms::FieldDefinition& f : form.fields) {
            out += f.label.in(loc);
            for (const forms::ChoiceOption& o : f.options) {
                out += o.label.in(loc);
            }
        }
    }
    // 话术 in every locale: the counter reads them in the customer's language, whatever the
    // staff member's own.
    for (std::string_view t : catalog.phrases.all_texts()) {
        out += t;
    }
    // The knowledge base's questions and answers: the kiosk shows them in the customer's
    // language, the counter beside an enquiry in the customer's language too.
    for (std::string_view t : catalog.knowledge.all_texts()) {
        out += t;
    }
    // Ticket numbers, digits and Latin text are drawn in every locale.
    for (char c = 0x20; c < 0x7F; ++c) {
        out += c;
    }
    return out;
}

fonts::Result<std::unique_ptr<KioskFonts>> KioskFonts::open(const std::filesystem::path& font_dir,
                                                            const forms::Catalog& catalog,
                                                            const std::filesystem::path& assets_dir,
                                                            float display_scale,
                                                            std::function<void()> on_build_done) {
    fonts::FontOptions options;
    if (!font_dir.empty()) {
        options.font_dir = font_dir;
    }
    options.sizes = sizes_for(display_scale, false);
    options.on_build_done = std::move(on_build_done);
    auto manager = fonts::FontAtlasManager::open(options);
    if (!manager) {
        return std::unexpected(manager.error());
    }
    for (ui::Locale l : ui::k_all_locales) {
        (*manager)->add_ui_text(fonts::face_for_locale(ui::code(l)), kiosk_texts(catalog, l));
    }
    (*manager)->set_default_face(fonts::Face::sc);
    (*manager)->start_rebuild();
    return std::unique_ptr<KioskFonts>(
        new KioskFonts(std::move(*manager), assets_dir, display_scale));
}

void KioskFonts::set_scale(float display_scale) {
    if (display_scale == m_scale) {
        return;
    }
    m_scale = display_scale;
    m_manager->set_sizes(sizes_for(m_scale, m_large));
}

fonts::Result<void> KioskFonts::finish_first_atlas() {
    m_manager->wait();
    m_manager->poll_ready();
    // Built for other sizes (the window turned out bigger or smaller), or the build failed:
    // build the current request here, reporting its error.
    if (m_manager->needs_rebuild()) {
        if (auto built = m_manager->build_now(); !built) {
            return std::unexpected(built.error());
        }
    }
    m_manager->install(ImGui::GetIO());
    return {};
}

void KioskFonts::start_common_characters() {
    for (fonts::Face face : fonts::k_all_faces) {
        // Without the lists the kiosk still works: typed characters are added as they come.
        // Common text goes in most frequent first; its tail is left out when a large-text
        // atlas would outgrow the texture.
        if (auto common = fonts::load_common_characters(m_assets, face)) {
            m_manager->add_common_text(*common);
        }
    }
    m_manager->start_rebuild();
}

bool KioskFonts::before_frame() {
    const bool changed = m_manager->poll_ready();
    if (m_manager->needs_rebuild()) {
        m_manager->start_rebuild();
    }
    return changed;
}

void KioskFonts::set_large_text(bool on) {
    if (on == m_large) {
        return;
    }
    m_large = on;
    m_manager->set_sizes(sizes_for(m_scale, on));
}

void KioskFonts::settle() {
    for (int i = 0; i < 4 && (m_manager->needs_rebuild() || m_manager->building()); ++i) {
        m_manager->start_rebuild();
        m_manager->wait();
        m_manager->poll_ready();
    }
}

ui::UiFonts KioskFonts::fonts_for(ui::Locale locale) const {
    const fonts::Face face = fonts::face_for_locale(ui::code(locale));
    return ui::UiFonts{
        m_manager->font(face, fonts::Role::body), m_manager->font(face, fonts::Role::heading),
        m_manager->font(face, fonts::Role::title), m_manager->font(face, fonts::Role::huge)};
}

} // namespace cf::app
