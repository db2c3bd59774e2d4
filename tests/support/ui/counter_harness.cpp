#include "tests/support/ui/counter_harness.h"

#include "tests/support/ui/kiosk_harness.h" // shared_composer()

#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>
#include <thread>

namespace cf::test {

CounterHarness::CounterHarness(CounterHarnessOptions options) {
    auto catalog = forms::load_catalog(assets_dir());
    REQUIRE_MESSAGE(catalog.has_value(), "the assets must load");
    m_catalog = std::move(*catalog);
    m_staff =
        std::make_unique<core::StaffDirectory>(store->database(), store->sealer().pin_pepper());

    m_context = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    platform::NullPlatformOptions popts;
    popts.display_size = {1920, 1080};
    popts.clock = [this] {
        return static_cast<double>(clock.now()) / 1000.0;
    };
    m_platform = std::make_unique<platform::NullPlatform>(popts);

    counter::CounterServices services;
    services.store = &*store;
    services.catalog = &m_catalog;
    services.clock = &clock;
    services.staff = m_staff.get();
    services.timings = options.timings;
    if (options.background_queue) {
        services.background_queue_dir = dir.path() / "data";
    }
    m_controller = std::make_unique<counter::CounterController>(services);
    m_frame = std::make_unique<counter::CounterFrame>(
        *m_controller, counter::CounterHooks{}, options.pinyin ? &shared_composer() : nullptr);
    frame(2);
}

CounterHarness::~CounterHarness() {
    m_frame.reset();
    m_controller.reset();
    m_platform.reset();
    ImGui::DestroyContext(m_context);
}

void CounterHarness::add_staff(std::string_view id, core::Role role, std::string_view pin,
                               std::string_view name) {
    auto r = m_staff->add({std::string(id), std::string(name), role, false}, pin, clock.now());
    REQUIRE_MESSAGE(r.has_value(), "staff add: " << (r ? "" : r.error().message));
}

void CounterHarness::frame(int n) {
    for (int i = 0; i < n; ++i) {
        m_frame->before_frame();
        m_platform->begin_frame();
        m_frame->draw();
        m_platform->end_frame();
    }
}

bool CounterHarness::shows(std::string_view id) const {
    return m_frame->hits().find(id).has_value();
}

void CounterHarness::click(std::string_view id) {
    const std::optional<ImVec4> r = m_frame->hits().find(id);
    REQUIRE_MESSAGE(r.has_value(), "no widget '" << std::string(id) << "' on screen");
    m_platform->set_mouse((r->x + r->z) * 0.5f, (r->y + r->w) * 0.5f);
    m_platform->mouse_button(true);
    frame();
    m_platform->mouse_button(false);
    frame();
    frame(); // the screen the click led to, with its widgets recorded
}

void CounterHarness::type(std::string_view utf8) {
    const std::string text(utf8);
    m_platform->type_utf8(text.c_str());
    frame(2);
}

void CounterHarness::press(ImGuiKey key, ImGuiKeyModFlags mods) {
    m_platform->press_key(key, mods);
    frame(2);
}

void CounterHarness::fill(std::string_view id, std::string_view text) {
    click(id);
    press(ImGuiKey_A, ImGuiKeyModFlags_Ctrl);
    press(ImGuiKey_Delete);
    type(text);
}

void CounterHarness::sign_in(std::string_view id, std::string_view pin) {
    fill("sign_in.id", id);
    fill("sign_in.pin", pin);
    click("sign_in.submit");
}

void CounterHarness::advance(core::Millis ms) {
    clock.advance(ms);
    frame();
}

} // namespace cf::test

namespace cf::test {

void CounterHarness::settle_queue() {
    for (int i = 0; i < 1000 && m_controller->queue().loading(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        frame();
    }
    REQUIRE_MESSAGE(!m_controller->queue().loading(), "the queue's background load never came");
    frame();
}

} // namespace cf::test
