#include "fonts/font_atlas_manager.h"

#include <imgui_internal.h>

#include <algorithm>
#include <chrono>

namespace cf::fonts {

Result<std::unique_ptr<FontAtlasManager>> FontAtlasManager::open(FontOptions options) {
    auto source = find_fonts(options.font_dir);
    if (!source) {
        return std::unexpected(source.error());
    }
    return std::unique_ptr<FontAtlasManager>(
        new FontAtlasManager(std::move(*source), std::move(options)));
}

FontAtlasManager::FontAtlasManager(FontSource source, FontOptions options)
    : m_source(std::move(source)), m_options(std::move(options)) {
    m_spec.sizes = m_options.sizes;
    m_spec.max_texture_size = m_options.max_texture_size;
}

FontAtlasManager::~FontAtlasManager() {
    wait();
    // Leave an installed context with an atlas it owns rather than one about to be freed.
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context != nullptr && m_installed == &context->IO && m_current &&
        context->IO.Fonts == m_current->atlas.get()) {
        context->IO.Fonts = IM_NEW(ImFontAtlas)();
        context->IO.FontDefault = nullptr;
        context->FontAtlasOwnedByContext = true;
    }
}

// Codepoints above U+FFFF are recorded but never make a rebuild: no atlas can hold them.
void FontAtlasManager::add_ui_text(Face face, std::string_view utf8) {
    GlyphSet& set = m_spec.ui[index(face)];
    const std::size_t before = set.size();
    bool grew = !m_spec.faces[index(face)];
    m_spec.faces[index(face)] = true;
    set.add_text(utf8);
    grew = grew || set.size() != before;
    const auto& unsupported = m_spec.ui[index(face)].unsupported();
    m_unsupported.insert(unsupported.begin(), unsupported.end());
    if (grew) {
        changed();
    }
}

void FontAtlasManager::add_text(std::string_view utf8) {
    const std::size_t before = m_spec.content.size();
    m_spec.content.add_text(utf8);
    if (m_spec.content.size() != before) {
        changed();
    }
    const auto& unsupported = m_spec.content.unsupported();
    m_unsupported.insert(unsupported.begin(), unsupported.end());
}

void FontAtlasManager::add_common_text(std::string_view utf8) {
    const std::size_t before = m_spec.optional.size();
    for (char32_t cp : decode_utf8(utf8)) {
        if (cp <= k_max_drawable && m_optional_set.add(cp)) {
            m_spec.optional.push_back(cp);
        }
    }
    if (m_spec.optional.size() != before) {
        changed();
    }
}

void FontAtlasManager::set_sizes(const FontSizes& sizes) {
    if (!(sizes == m_spec.sizes)) {
        m_spec.sizes = sizes;
        changed();
    }
}

void FontAtlasManager::set_default_face(Face face) {
    m_default_face = face;
    if (m_installed != nullptr && m_current) {
        m_installed->FontDefault = font(face, Role::body);
    }
}

const std::set<char32_t>& FontAtlasManager::unsupported() const {
    return m_unsupported;
}

Result<BuiltAtlas> FontAtlasManager::build(ImFontAtlas& atlas) const {
    return build_atlas(m_source, m_spec, atlas);
}

Result<void> FontAtlasManager::build_now() {
    auto atlas = std::make_unique<ImFontAtlas>();
    auto built = build_atlas(m_source, m_spec, *atlas);
    if (!built) {
        m_last_error = built.error();
        return std::unexpected(built.error());
    }
    make_current(std::move(atlas), std::move(*built), m_spec, m_request_generation);
    return {};
}

bool FontAtlasManager::needs_rebuild() const {
    if (m_checked_generation != m_request_generation) {
        m_needs_rebuild = lacks_anything_requested();
        m_checked_generation = m_request_generation;
    }
    return m_needs_rebuild;
}

// What was asked for since the current atlas was built, and that it does not draw already
// (text added again, or moved from the common lists to typed text, needs no rebuild). Sets
// only grow, so comparing with the request the atlas was built from finds what is new.
bool FontAtlasManager::lacks_anything_requested() const {
    if (!m_current) {
        return true;
    }
    const AtlasSpec& built = m_current->spec;
    if (!(built.sizes == m_spec.sizes) || built.faces != m_spec.faces ||
        built.max_texture_size != m_spec.max_texture_size) {
        return true;
    }
    for (Face face : k_all_faces) {
        for (char32_t cp : m_spec.ui[index(face)].minus(built.ui[index(face)]).codepoints()) {
            for (Role role : {Role::body, Role::heading, Role::title}) {
                if (!has_glyph(cp, face, role)) {
                    return true;
                }
            }
        }
    }
    for (char32_t cp : m_spec.content.minus(built.content).codepoints()) {
        if (!has_glyph(cp)) {
            return true;
        }
    }
    for (std::size_t i = built.optional.size(); i < m_spec.optional.size(); ++i) {
        if (!has_glyph(m_spec.optional[i])) {
            return true;
        }
    }
    return false;
}

bool FontAtlasManager::start_rebuild() {
    if (building() || !needs_rebuild() || m_failed_generation == m_request_generation) {
        return false;
    }
    if (m_worker.joinable()) {
        m_worker.join();
    }
    std::promise<Job> promise;
    m_job = promise.get_future();
    // The worker gets copies: the request may grow while it runs.
    m_worker =
        std::jthread([source = m_source, spec = m_spec, generation = m_request_generation,
                      done = m_options.on_build_done, promise = std::move(promise)]() mutable {
            Job job;
            job.atlas = std::make_unique<ImFontAtlas>();
            job.built = build_atlas(source, spec, *job.atlas);
            job.spec = std::move(spec);
            job.generation = generation;
            // The result is ready before the UI is woken, or it could look and go back to sleep.
            promise.set_value(std::move(job));
            if (done) {
                done();
            }
        });
    return true;
}

void FontAtlasManager::wait() const {
    if (m_job.valid()) {
        m_job.wait();
    }
}

bool FontAtlasManager::poll_ready() {
    if (!m_job.valid() || m_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
        return false;
    }
    Job job = m_job.get();
    if (m_worker.joinable()) {
        m_worker.join();
    }
    if (!job.built) {
        m_last_error = job.built.error();
        m_failed_generation = job.generation;
        return false;
    }
    if (job.generation <= m_current_generation) {
        return false; // build_now() made something newer meanwhile
    }
    make_current(std::move(job.atlas), std::move(*job.built), std::move(job.spec), job.generation);
    return true;
}

void FontAtlasManager::make_current(std::unique_ptr<ImFontAtlas> atlas, BuiltAtlas built,
                                    AtlasSpec spec, std::uint64_t generation) {
    // The old atlas goes only after io points at the new one.
    std::optional<Current> old = std::move(m_current);
    m_current.emplace(Current{std::move(atlas), std::move(built), std::move(spec)});
    m_current_generation = generation;
    m_checked_generation = 0;
    m_last_error.reset();
    if (m_installed != nullptr) {
        m_installed->Fonts = m_current->atlas.get();
        m_installed->FontDefault = font(m_default_face, Role::body);
    }
}

void FontAtlasManager::install(ImGuiIO& io) {
    IM_ASSERT(m_current && "install() needs a built atlas");
    ImGuiContext* context = ImGui::GetCurrentContext();
    IM_ASSERT(context != nullptr && &context->IO == &io);
    // The context frees the atlas it created for itself on destruction; it must not free ours.
    if (context->FontAtlasOwnedByContext) {
        IM_DELETE(io.Fonts);
        context->FontAtlasOwnedByContext = false;
    }
    io.Fonts = m_current->atlas.get();
    io.FontDefault = font(m_default_face, Role::body);
    m_installed = &io;
}

ImFontAtlas* FontAtlasManager::atlas() const {
    return m_current ? m_current->atlas.get() : nullptr;
}

ImFont* FontAtlasManager::font(Face face, Role role) const {
    return m_current ? m_current->built.fonts.font(face, role) : nullptr;
}

bool FontAtlasManager::has_glyph(char32_t codepoint, Face face, Role role) const {
    const ImFont* f = font(face, role);
    return f != nullptr && codepoint <= k_max_drawable &&
           f->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)) != nullptr;
}

bool FontAtlasManager::has_glyph(char32_t codepoint) const {
    if (!m_current) {
        return false;
    }
    for (Face face : k_all_faces) {
        if (m_current->built.fonts.built(face) && !has_glyph(codepoint, face)) {
            return false;
        }
    }
    return true;
}

std::vector<char32_t> FontAtlasManager::missing(std::string_view utf8, Face face, Role role) const {
    std::vector<char32_t> out;
    for (char32_t cp : decode_utf8(utf8)) {
        if (!needs_no_glyph(cp) && !has_glyph(cp, face, role) &&
            std::find(out.begin(), out.end(), cp) == out.end()) {
            out.push_back(cp);
        }
    }
    return out;
}

std::vector<char32_t> FontAtlasManager::missing(std::string_view utf8) const {
    std::vector<char32_t> out;
    for (char32_t cp : decode_utf8(utf8)) {
        if (!needs_no_glyph(cp) && !has_glyph(cp) &&
            std::find(out.begin(), out.end(), cp) == out.end()) {
            out.push_back(cp);
        }
    }
    return out;
}

const BuildStats& FontAtlasManager::stats() const {
    IM_ASSERT(m_current && "stats() needs a built atlas");
    return m_current->built.stats;
}

const std::vector<char32_t>& FontAtlasManager::not_in_font() const {
    IM_ASSERT(m_current && "not_in_font() needs a built atlas");
    return m_current->built.not_in_font;
}

const std::vector<char32_t>& FontAtlasManager::dropped() const {
    IM_ASSERT(m_current && "dropped() needs a built atlas");
    return m_current->built.dropped;
}

} // namespace cf::fonts
