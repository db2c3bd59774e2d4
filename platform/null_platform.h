#pragma once
// A platform with no window, after ImGui's example_null: frames run through ImGui and are
// thrown away. Tests drive it: they inject input with the helpers below, move time by hand and
// read back which timeouts the loop asked to sleep for (the loop never really sleeps here).

#include "platform/platform.h"

#include <imgui.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace cf::platform {

struct NullPlatformOptions {
    FrameSize display_size{1920, 1080};
    // Seconds on any monotonic scale. Empty: a manual clock that starts at 0, moves with
    // advance_time() and by the timeout of each wait_for_input() that sees no input (the wait
    // stands for a sleep of that length).
    std::function<double()> clock;
    bool block_close = false; // request_close() then behaves like the kiosk window
};

class NullPlatform final : public Platform {
public:
    explicit NullPlatform(NullPlatformOptions options = {});
    NullPlatform(const NullPlatform&) = delete;
    NullPlatform& operator=(const NullPlatform&) = delete;

    void begin_frame() override;
    void end_frame() override;
    Wake wait_for_input(std::optional<double> timeout_s) override;
    void wake() override;
    bool should_close() const override { return m_should_close; }
    void close() override { m_should_close = true; }
    bool take_close_request() override;
    // Builds the atlas if needed (as the Alpha8 texture a real upload would use), gives it a
    // made-up TexID and frees its pixels. Fails like the GLFW platform for released pixels.
    Result<void> upload_font_atlas(ImFontAtlas& atlas) override;
    Result<void> capture_png(const std::filesystem::path& path) override;
    FrameSize framebuffer_size() const override { return m_options.display_size; }

    // Input for the next frame; each makes the next wait_for_input() return Wake::input.
    void set_mouse(float x, float y);
    void mouse_button(bool down, int button = 0);
    void type_utf8(const char* text);
    // Holds the key (an ImGuiKey_ value) down for the next frame only, with the given modifiers.
    void press_key(ImGuiKey key, ImGuiKeyModFlags mods = ImGuiKeyModFlags_None);
    // The window's close button, as the GLFW platform reports it.
    void request_close();

    void advance_time(double seconds) { m_manual_now += seconds; }
    double now() const;
    void set_display_size(FrameSize size) { m_options.display_size = size; }

    // Every timeout wait_for_input() was called with, oldest first.
    const std::vector<std::optional<double>>& waits() const { return m_waits; }
    void clear_waits() { m_waits.clear(); }
    std::uint64_t frames_rendered() const { return m_frames; }
    // Width and height of the last atlas given to upload_font_atlas().
    FrameSize last_upload_size() const { return m_upload_size; }
    int uploads() const { return m_uploads; }

private:
    NullPlatformOptions m_options;
    double m_manual_now = 0;
    double m_last_frame_time = -1;
    bool m_input_pending = false;
    std::atomic<bool> m_woken{false};
    bool m_should_close = false;
    bool m_close_requested = false;
    std::vector<int> m_keys_to_press; // pressed by press_key(), down during the next frame
    std::vector<int> m_keys_down;     // down during the current frame, released at the next
    ImGuiKeyModFlags m_mods = ImGuiKeyModFlags_None;
    std::vector<std::optional<double>> m_waits;
    std::uint64_t m_frames = 0;
    FrameSize m_upload_size;
    int m_uploads = 0;
};

} // namespace cf::platform
