#pragma once
// The headless UI harness: a real ImGui context on the null platform, the real kiosk controller
// on a real data directory and the real assets, a manual clock, and taps, typing and time.
//
//     KioskHarness h;
//     h.tap("language.en");        // by the widget's stable id
//     h.tap("type.complaint");
//     h.tap_keys("tousu");         // on-screen keys, one tap each
//     h.advance(61 * core::k_second);

#include "core/staff_directory.h"
#include "forms/catalog.h"
#include "kiosk/kiosk_controller.h"
#include "kiosk/kiosk_frame.h"
#include "platform/null_platform.h"
#include "tests/support/store_fixture.h"
#include "ui/rime_composer.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct ImGuiContext;

namespace cf::test {

// One librime engine for the whole test process (librime is process-global), deployed into a
// temporary directory on first use.
ui::RimeComposer& shared_composer();

struct HarnessOptions {
    bool pinyin = true; // use the shared librime composer
    kiosk::KioskTimings timings{};
    std::string vfs; // SQLite VFS for the store, e.g. test::k_faulty_vfs
};

// Options without Chinese input: tests of flows that type only letters and digits.
inline HarnessOptions no_pinyin() {
    HarnessOptions o;
    o.pinyin = false;
    return o;
}

class KioskHarness : public StoreFixture {
public:
    explicit KioskHarness(HarnessOptions options = {});
    ~KioskHarness();
    KioskHarness(const KioskHarness&) = delete;
    KioskHarness& operator=(const KioskHarness&) = delete;

    kiosk::KioskController& controller() { return *m_controller; }
    const kiosk::KioskState& state() const { return m_controller->state(); }
    const forms::Catalog& catalog() const { return m_catalog; }
    core::StaffDirectory& staff() { return *m_staff; }
    platform::NullPlatform& platform() { return *m_platform; }

    // Renders n frames with no input.
    void frame(int n = 1);
    // Taps the centre of the widget drawn under `id`; fails the test when there is none.
    void tap(std::string_view id);
    // Whether a widget with this id was drawn in the last frame.
    bool shows(std::string_view id) const;
    // Taps on-screen keys: each character c taps "key.c".
    void tap_keys(std::string_view keys);
    // Types on a physical keyboard (characters go through ImGui's input queue).
    void type(std::string_view utf8);
    // Moves the clock on and renders a frame, as the loop would at its deadline.
    void advance(core::Millis ms);

private:
    forms::Catalog m_catalog;
    std::unique_ptr<core::StaffDirectory> m_staff;
    ImGuiContext* m_context = nullptr;
    std::unique_ptr<platform::NullPlatform> m_platform;
    std::unique_ptr<kiosk::KioskController> m_controller;
    std::unique_ptr<kiosk::KioskFrame> m_frame;
};

} // namespace cf::test
