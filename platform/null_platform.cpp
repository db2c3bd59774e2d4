#include "platform/null_platform.h"

#include "platform/atlas_pixels.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace cf::platform {

namespace {

// ImGui asserts a positive delta time after the first frame; frames rendered while a test's
// clock stands still get this instead.
constexpr float k_min_delta = 1e-6f;

} // namespace

NullPlatform::NullPlatform(NullPlatformOptions options) : m_options(std::move(options)) {
    ImGuiIO& io = ImGui::GetIO();
    // ImGuiKey_ values index io.KeysDown directly: press_key() needs no native key codes.
    for (int key = 0; key < ImGuiKey_COUNT; ++key) {
        io.KeyMap[key] = key;
    }
    io.DisplaySize = ImVec2(static_cast<float>(m_options.display_size.width),
                            static_cast<float>(m_options.display_size.height));
}

double NullPlatform::now() const {
    return m_options.clock ? m_options.clock() : m_manual_now;
}

void NullPlatform::begin_frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->TexID == nullptr) {
        // Nothing sensible to do with a failure here: ImGui's NewFrame asserts on it.
        (void)upload_font_atlas(*io.Fonts);
    }
    io.DisplaySize = ImVec2(static_cast<float>(m_options.display_size.width),
                            static_cast<float>(m_options.display_size.height));
    const double t = now();
    io.DeltaTime = m_last_frame_time < 0
                       ? 1.0f / 60.0f
                       : std::max(k_min_delta, static_cast<float>(t - m_last_frame_time));
    m_last_frame_time = t;

    // A press lasts exactly one frame so that ImGui sees it as pressed and then released.
    for (int key : m_keys_down) {
        io.KeysDown[key] = false;
    }
    m_keys_down = std::move(m_keys_to_press);
    m_keys_to_press.clear();
    for (int key : m_keys_down) {
        io.KeysDown[key] = true;
    }
    io.KeyCtrl = (m_mods & ImGuiKeyModFlags_Ctrl) != 0;
    io.KeyShift = (m_mods & ImGuiKeyModFlags_Shift) != 0;
    io.KeyAlt = (m_mods & ImGuiKeyModFlags_Alt) != 0;
    io.KeySuper = (m_mods & ImGuiKeyModFlags_Super) != 0;
    m_mods = ImGuiKeyModFlags_None;

    ImGui::NewFrame();
}

void NullPlatform::end_frame() {
    ImGui::Render();
    ++m_frames;
}

Wake NullPlatform::wait_for_input(std::optional<double> timeout_s) {
    m_waits.push_back(timeout_s);
    if (m_input_pending) {
        m_input_pending = false;
        return Wake::input;
    }
    if (m_woken.exchange(false)) {
        return Wake::woken;
    }
    if (timeout_s && !m_options.clock) {
        m_manual_now += std::max(0.0, *timeout_s);
    }
    return Wake::timeout;
}

void NullPlatform::wake() {
    m_woken.store(true);
}

bool NullPlatform::take_close_request() {
    return std::exchange(m_close_requested, false);
}

Result<void> NullPlatform::upload_font_atlas(ImFontAtlas& atlas) {
    auto pixels = atlas_alpha8(atlas);
    if (!pixels) {
        return std::unexpected(pixels.error());
    }
    m_upload_size = {pixels->width, pixels->height};
    ++m_uploads;
    // Any non-null id will do: nothing is drawn. Distinct ids let tests see a re-upload.
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_uploads)));
    atlas.ClearTexData();
    return {};
}

Result<void> NullPlatform::capture_png(const std::filesystem::path& path) {
    return fail(ErrorCode::unsupported,
                "the null platform renders nothing, so there is no frame to write to " +
                    path.string());
}

void NullPlatform::set_mouse(float x, float y) {
    ImGui::GetIO().MousePos = ImVec2(x, y);
    m_input_pending = true;
}

void NullPlatform::mouse_button(bool down, int button) {
    IM_ASSERT(button >= 0 && button < IM_ARRAYSIZE(ImGui::GetIO().MouseDown));
    ImGui::GetIO().MouseDown[button] = down;
    m_input_pending = true;
}

void NullPlatform::type_utf8(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    m_input_pending = true;
}

void NullPlatform::press_key(ImGuiKey key, ImGuiKeyModFlags mods) {
    IM_ASSERT(key >= 0 && key < ImGuiKey_COUNT);
    m_keys_to_press.push_back(key);
    m_mods |= mods;
    m_input_pending = true;
}

void NullPlatform::request_close() {
    if (m_options.block_close) {
        m_close_requested = true;
    } else {
        m_should_close = true;
    }
    m_input_pending = true;
}

} // namespace cf::platform
