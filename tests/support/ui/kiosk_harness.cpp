#include "tests/support/ui/kiosk_harness.h"

#include "tests/support/faulty_vfs.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cctype>

namespace cf::test {

ui::RimeComposer& shared_composer() {
    // One for the process (librime allows one engine per process), shut down at exit before
    // its directory goes.
    static TempDir dir;
    static ui::RimeComposer composer(ime::EngineOptions{dir.path() / "rime"});
    return composer;
}

KioskHarness::KioskHarness(HarnessOptions options) {
    auto catalog = forms::load_catalog(assets_dir());
    REQUIRE_MESSAGE(catalog.has_value(), "the assets must load");
    m_catalog = std::move(*catalog);
    if (!options.vfs.empty()) {
        core::OpenOptions open_options;
        open_options.vfs = options.vfs;
        set_vfs_fault(Fault::none); // registers the faulty VFS
        store.reset();
        store.emplace(open_again(open_options));
    }
    m_staff =
        std::make_unique<core::StaffDirectory>(store->database(), store->sealer().pin_pepper());

    m_context = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    platform::NullPlatformOptions popts;
    popts.display_size = {1920, 1080};
    popts.clock = [this] {
        return static_cast<double>(clock.now()) / 1000.0;
    };
    m_platform = std::make_unique<platform::NullPlatform>(popts);

    kiosk::KioskServices services;
    services.store = &*store;
    services.catalog = &m_catalog;
    services.clock = &clock;
    services.composer = options.pinyin ? &shared_composer() : nullptr;
    services.staff = m_staff.get();
    services.timings = options.timings;
    m_controller = std::make_unique<kiosk::KioskController>(services);
    m_frame = std::make_unique<kiosk::KioskFrame>(*m_controller, kiosk::FrameHooks{});
    frame(2);
}

KioskHarness::~KioskHarness() {
    m_frame.reset();
    m_controller.reset();
    m_platform.reset();
    ImGui::DestroyContext(m_context);
    // The shared composer may still hold the last customer's composition; clear it so the next
    // test starts from nothing, as a wipe would.
    if (shared_composer().available()) {
        shared_composer().clear();
        (void)shared_composer().take_commit();
    }
}

void KioskHarness::frame(int n) {
    for (int i = 0; i < n; ++i) {
        m_frame->before_frame();
        m_platform->begin_frame();
        m_frame->draw();
        m_platform->end_frame();
    }
}

bool KioskHarness::shows(std::string_view id) const {
    return m_frame->hits().find(id).has_value();
}

void KioskHarness::tap(std::string_view id) {
    const std::optional<ImVec4> r = m_frame->hits().find(id);
    REQUIRE_MESSAGE(r.has_value(), "no widget '" << std::string(id) << "' on screen");
    const float x = (r->x + r->z) * 0.5f;
    const float y = (r->y + r->w) * 0.5f;
    m_platform->set_mouse(x, y);
    m_platform->mouse_button(true);
    frame();
    m_platform->mouse_button(false);
    frame();
    frame(); // the screen the tap led to, with its widgets recorded
}

void KioskHarness::tap_keys(std::string_view keys) {
    for (const char c : keys) {
        // Key ids are lower case; the keyboard shows capitals where the field wants them.
        const std::string id =
            c == ' ' ? std::string("key.space")
                     : std::string("key.") +
                           static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        // Digits and letters live on different layouts, as on a phone's keyboard.
        if (!shows(id) && shows("key.layout")) {
            tap("key.layout");
        }
        tap(id);
    }
}

void KioskHarness::type(std::string_view utf8) {
    const std::string text(utf8);
    m_platform->type_utf8(text.c_str());
    frame(2);
}

void KioskHarness::advance(core::Millis ms) {
    clock.advance(ms);
    frame();
}

} // namespace cf::test
