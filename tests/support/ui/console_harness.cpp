#include "tests/support/ui/console_harness.h"

#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <chrono>
#include <thread>

namespace cf::test {

ConsoleHarness::ConsoleHarness(std::string center_url, ConsoleHarnessOptions options) {
    auto catalog = forms::load_catalog(assets_dir());
    REQUIRE_MESSAGE(catalog.has_value(), "the assets must load");
    m_catalog = std::move(*catalog);
    auto departments = console::load_departments(assets_dir());
    REQUIRE_MESSAGE(departments.has_value(), "assets/departments.json must load");

    m_context = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    platform::NullPlatformOptions popts;
    popts.display_size = {1920, 1080};
    popts.clock = [this] {
        return static_cast<double>(m_clock.now()) / 1000.0;
    };
    m_platform = std::make_unique<platform::NullPlatform>(popts);

    console::ConsoleServices services;
    services.http.base_url = std::move(center_url);
    services.http.connect_timeout = std::chrono::milliseconds(2000);
    services.http.request_timeout = std::chrono::milliseconds(20000);
    services.catalog = &m_catalog;
    auto by_category =
        console::load_category_departments(assets_dir(), m_catalog.categories, *departments);
    REQUIRE_MESSAGE(by_category.has_value(), "assets/category_departments.json must load");
    services.departments = std::move(*departments);
    services.category_departments = std::move(*by_category);
    services.default_deadline_hours = console::handling_hours_from_policy(assets_dir());
    services.clock = &m_clock;
    services.timings = options.timings;
    m_controller = std::make_unique<console::ConsoleController>(std::move(services));
    console::ConsoleHooks hooks;
    if (!options.export_path.empty()) {
        hooks.export_path = [path = options.export_path] {
            return path;
        };
    }
    m_frame = std::make_unique<console::ConsoleFrame>(*m_controller, std::move(hooks));
    frame(2);
}

ConsoleHarness::~ConsoleHarness() {
    m_frame.reset();
    m_controller.reset();
    m_platform.reset();
    ImGui::DestroyContext(m_context);
}

void ConsoleHarness::frame(int n) {
    for (int i = 0; i < n; ++i) {
        m_frame->before_frame();
        m_platform->begin_frame();
        m_frame->draw();
        m_platform->end_frame();
    }
}

void ConsoleHarness::settle() {
    for (int i = 0; i < 3000 && m_controller->waiting(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        frame();
    }
    REQUIRE_MESSAGE(!m_controller->waiting(), "the center's answers never came");
    frame(2);
}

bool ConsoleHarness::shows(std::string_view id) const {
    return m_frame->hits().find(id).has_value();
}

std::vector<std::string> ConsoleHarness::ids(std::string_view prefix) const {
    std::vector<std::string> out;
    for (const auto& [id, rect] : m_frame->hits().all()) {
        if (id.starts_with(prefix)) {
            out.push_back(id);
        }
    }
    return out;
}

void ConsoleHarness::click(std::string_view id) {
    const std::optional<ImVec4> r = m_frame->hits().find(id);
    REQUIRE_MESSAGE(r.has_value(), "no widget '" << std::string(id) << "' on screen");
    m_platform->set_mouse((r->x + r->z) * 0.5f, (r->y + r->w) * 0.5f);
    frame(); // hover first, so the click lands on the item under the mouse
    m_platform->mouse_button(true);
    frame();
    m_platform->mouse_button(false);
    frame();
    frame();
}

void ConsoleHarness::click_and_settle(std::string_view id) {
    click(id);
    settle();
}

void ConsoleHarness::type(std::string_view utf8) {
    const std::string text(utf8);
    m_platform->type_utf8(text.c_str());
    frame(2);
}

void ConsoleHarness::press(ImGuiKey key, ImGuiKeyModFlags mods) {
    m_platform->press_key(key, mods);
    frame(2);
}

void ConsoleHarness::fill(std::string_view id, std::string_view text) {
    click(id);
    press(ImGuiKey_A, ImGuiKeyModFlags_Ctrl);
    press(ImGuiKey_Delete);
    type(text);
}

void ConsoleHarness::sign_in(std::string_view id, std::string_view password) {
    fill("sign_in.id", id);
    fill("sign_in.password", password);
    click("sign_in.submit");
    settle();
}

void ConsoleHarness::advance(core::Millis ms) {
    m_clock.advance(ms);
    frame();
}

} // namespace cf::test
