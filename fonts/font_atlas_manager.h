#pragma once
// The font atlas of the app: which characters it holds, building it quickly at start-up, and
// growing it in the background when new characters turn up.
//
// Start-up (the first frame must not wait for thousands of CJK glyphs):
//   1. open() maps the font file and finds the faces (a few milliseconds).
//   2. add_ui_text(face of the active locale, that locale's UI strings), then build_now():
//      one face, a few hundred glyphs at three sizes, tens of milliseconds. install(io).
//      (Or start_rebuild() + wait() to build it while the window opens.)
//   3. add_ui_text() for the other locales, add_common_text() with the common-character lists
//      (load_common_characters), then start_rebuild(): both faces and several thousand glyphs
//      build on a worker thread into a separate atlas while the UI runs on the small one.
// Every frame, before ImGui::NewFrame (FrameCallbacks::before_frame):
//   poll_ready() swaps in a finished atlas (io.Fonts and io.FontDefault follow when installed;
//   the platform uploads it at the next begin_frame because it has no texture yet), then
//   if needs_rebuild(), start_rebuild().
// Typed text and loaded records: pass them to add_text(). A character outside the atlas makes
// needs_rebuild() true; the rebuild runs in the background and until it is swapped in the old
// atlas stays in use and the new character shows as ImGui's fallback glyph. Codepoints above
// U+FFFF cannot be drawn by this ImGui build (16-bit ImWchar): they go to unsupported().
// Room: the texture is at most 4096x4096. At large text scales (beyond about 1.5 x the default
// sizes) the common characters no longer all fit; the least frequent are then left out
// (dropped()) and come back one by one through add_text() when they are actually used.
//
// Threads: every function is for the UI thread. The worker only builds its own atlas; ImGui
// allocates through the global allocator and counts into the current context's
// io.MetricsActiveAllocations without a lock, so that debug counter may be off.
// Lifetime: ImFont pointers are valid until the next poll_ready() or build_now() that returns
// true; look them up each frame. Destroy the ImGui context before the manager, or let the
// manager's destructor hand the installed context an empty atlas of its own.

#include "fonts/atlas_builder.h"
#include "fonts/error.h"
#include "fonts/font_roles.h"
#include "fonts/font_source.h"
#include "fonts/glyph_set.h"

#include <imgui.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cf::fonts {

struct FontOptions {
    std::filesystem::path font_dir = std::string(k_default_font_dir);
    FontSizes sizes;
    int max_texture_size = k_max_texture_size;
    // Called on the worker thread after a background build finished, e.g. Platform::wake(),
    // so that a sleeping UI loop comes round to poll_ready().
    std::function<void()> on_build_done;
};

class FontAtlasManager {
public:
    // Maps the font file and finds its faces. Fails like find_fonts: font_missing naming the
    // file and fonts-noto-cjk, or face_missing.
    static Result<std::unique_ptr<FontAtlasManager>> open(FontOptions options);
    ~FontAtlasManager();
    FontAtlasManager(const FontAtlasManager&) = delete;
    FontAtlasManager& operator=(const FontAtlasManager&) = delete;

    // Text shown in that face at every size (UI strings of the face's locales); also makes the
    // face part of the atlas.
    void add_ui_text(Face face, std::string_view utf8);
    // Text shown at body size in whichever face is active: typed text, loaded records.
    void add_text(std::string_view utf8);
    // Like add_text, for characters that are only likely to be needed (the common-character
    // lists), most frequent first: the tail is left out when the texture has no room.
    void add_common_text(std::string_view utf8);
    void set_sizes(const FontSizes& sizes);
    const FontSizes& sizes() const { return m_spec.sizes; }
    // The face whose body font becomes io.FontDefault.
    void set_default_face(Face face);
    // Codepoints above U+FFFF that were added: this ImGui cannot draw them.
    const std::set<char32_t>& unsupported() const;

    // True when characters, faces or sizes were asked for that the current atlas lacks.
    bool needs_rebuild() const;
    // Builds the current request on this thread and makes it current. Fails with
    // atlas_too_large or render_failed, keeping the previous atlas.
    Result<void> build_now();
    // Builds the current request into the caller's empty atlas, leaving the manager as it is.
    // Keep the result's inputs alive while that atlas lives. Fails like build_now().
    Result<BuiltAtlas> build(ImFontAtlas& atlas) const;
    // Starts building the current request on a worker thread. Returns false, doing nothing,
    // when nothing is missing, a build is running, or this very request already failed.
    bool start_rebuild();
    bool building() const { return m_job.valid(); }
    // Blocks until the running build (if any) finished; poll_ready() then swaps it in.
    void wait() const;
    // Swaps in a finished background build. Returns true when the atlas changed; the app must
    // then upload it (or let the platform's begin_frame do it). A failed build keeps the old
    // atlas and sets last_error().
    bool poll_ready();
    const std::optional<Error>& last_error() const { return m_last_error; }

    // Points io.Fonts and io.FontDefault at the current atlas, now and after every swap. Frees
    // the atlas the context made for itself. Precondition: a build succeeded; io belongs to the
    // current ImGui context.
    void install(ImGuiIO& io);

    ImFontAtlas* atlas() const;
    ImFont* font(Face face, Role role) const;
    // Whether the current atlas draws codepoint in that face and role (false before any build).
    bool has_glyph(char32_t codepoint, Face face, Role role = Role::body) const;
    // Whether every face built draws it at body size.
    bool has_glyph(char32_t codepoint) const;
    // The distinct codepoints of the text (in order of appearance) that the current atlas does
    // not draw in that face and role; line breaks and other controls need none.
    std::vector<char32_t> missing(std::string_view utf8, Face face, Role role = Role::body) const;
    // The same for body text of every face built.
    std::vector<char32_t> missing(std::string_view utf8) const;

    const BuildStats& stats() const;
    // Requested codepoints that Noto Sans CJK has no glyph for; no rebuild will add them.
    const std::vector<char32_t>& not_in_font() const;
    // Common characters the current atlas left out for lack of room (sorted).
    const std::vector<char32_t>& dropped() const;
    const FontSource& source() const { return m_source; }

private:
    struct Current {
        std::unique_ptr<ImFontAtlas> atlas;
        BuiltAtlas built;
        AtlasSpec spec; // what it was built from
    };
    struct Job {
        std::unique_ptr<ImFontAtlas> atlas;
        Result<BuiltAtlas> built;
        AtlasSpec spec;
        std::uint64_t generation = 0;
    };

    FontAtlasManager(FontSource source, FontOptions options);
    void make_current(std::unique_ptr<ImFontAtlas> atlas, BuiltAtlas built, AtlasSpec spec,
                      std::uint64_t generation);
    void changed() { ++m_request_generation; }
    bool lacks_anything_requested() const;

    FontSource m_source;
    FontOptions m_options;
    AtlasSpec m_spec;
    Face m_default_face = Face::sc;
    std::uint64_t m_request_generation = 1;
    std::uint64_t m_current_generation = 0;
    std::uint64_t m_failed_generation = 0;
    mutable std::uint64_t m_checked_generation = 0; // needs_rebuild() answer cached for this
    mutable bool m_needs_rebuild = true;
    GlyphSet m_optional_set; // m_spec.optional, for lookups
    std::optional<Current> m_current;
    std::optional<Error> m_last_error;
    ImGuiIO* m_installed = nullptr;
    std::set<char32_t> m_unsupported;
    std::future<Job> m_job;
    std::jthread m_worker; // last: joined first on destruction
};

} // namespace cf::fonts
