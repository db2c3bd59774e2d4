#include "kiosk/kiosk_frame.h"

#include "kiosk/kiosk_view.h"

#include <imgui.h>

#include <algorithm>

namespace cf::kiosk {

namespace {

std::string utf8_of(ImWchar c) {
    std::string out;
    const unsigned cp = c;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

bool any_input(const ImGuiIO& io) {
    if (!io.InputQueueCharacters.empty() || io.MouseWheel != 0.0f) {
        return true;
    }
    for (int i = 0; i < IM_ARRAYSIZE(io.MouseDown); ++i) {
        if (io.MouseDown[i] || io.MouseReleased[i]) {
            return true;
        }
    }
    for (int i = 0; i < IM_ARRAYSIZE(io.KeysDown); ++i) {
        if (io.KeysDown[i]) {
            return true;
        }
    }
    return false;
}

} // namespace

void KioskFrame::before_frame() {
    m_controller.tick();
}

std::optional<double> KioskFrame::next_deadline_s() const {
    const std::optional<core::Millis> at = m_controller.next_deadline();
    if (!at) {
        return std::nullopt;
    }
    return std::max<double>(0.0, static_cast<double>(*at - m_controller.now()) / 1000.0);
}

// A keyboard plugged into the kiosk (development, or staff at the counter PC) types through
// the same actions as the on-screen keys.
void KioskFrame::read_physical_keys(ImGuiIO& io) {
    for (const ImWchar c : io.InputQueueCharacters) {
        m_controller.apply(act::TypeText{utf8_of(c)});
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace))) {
        m_controller.apply(act::Backspace{});
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter))) {
        m_controller.apply(act::Enter{});
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        m_controller.apply(act::Back{});
    }
}

void KioskFrame::draw() {
    ImGuiIO& io = ImGui::GetIO();
    if (any_input(io)) {
        m_controller.touch();
    }
    read_physical_keys(io);

    KioskView view = make_view(m_controller, m_controller.now(), m_utc_offset);
    if (m_hooks.sync_status && view.state.screen == Screen::staff_menu) {
        view.sync = m_hooks.sync_status();
    }
    if (m_hooks.shown_text) {
        for (const std::string& c : view.composition.candidates) {
            m_hooks.shown_text(c);
        }
        m_hooks.shown_text(view.composition.preedit);
    }
    const UiFonts fonts = m_hooks.fonts ? m_hooks.fonts(view.state.locale) : UiFonts{};
    std::vector<Action> actions = draw_kiosk(view, fonts, scale_for(io.DisplaySize.y), m_hits);
    const int filed_before = m_controller.tickets_filed();
    for (const Action& a : actions) {
        m_controller.apply(a);
    }
    if (m_controller.tickets_filed() != filed_before && m_hooks.filed) {
        m_hooks.filed();
    }
}

} // namespace cf::kiosk
