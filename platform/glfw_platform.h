#pragma once
// The real window: GLFW with an OpenGL 3.3 core context and ImGui's GLFW and OpenGL3 backends.
// GLFW and GL headers stay inside glfw_platform.cpp.
//
// The font texture is ours, not the OpenGL3 backend's: the backend would upload the atlas as
// RGBA32 (4 bytes per pixel, and a second copy inside the driver), which for a CJK atlas of
// several megapixels wastes tens of megabytes. upload_font_atlas() makes a GL_R8 texture whose
// swizzle (1, 1, 1, R) gives the backend's shader the white-with-alpha it expects.

#include "platform/platform.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

struct GLFWwindow;

namespace cf::platform {

struct WindowOptions {
    std::string title = "Counterfoil";
    bool fullscreen = true; // on the primary monitor, at its current video mode
    int width = 1280;       // window size when not fullscreen
    int height = 720;
    bool hide_cursor = false; // kiosk with a touch screen: no pointer on screen
    bool block_close = false; // kiosk: closing the window only raises take_close_request()
    bool vsync = true;
    std::array<float, 4> clear_color{0.08f, 0.09f, 0.11f, 1.0f};
    // Called on the UI thread when closing is blocked and someone tries to close the window.
    std::function<void()> on_close_request;
};

class GlfwPlatform final : public Platform {
public:
    // Opens the window and sets up ImGui's backends for the current ImGui context. Fails with
    // no_display when there is no display to open it on, no_opengl when the display cannot give
    // an OpenGL 3.3 core context, already_open when another GlfwPlatform is alive.
    static Result<std::unique_ptr<GlfwPlatform>> create(const WindowOptions& options);
    ~GlfwPlatform() override;
    GlfwPlatform(const GlfwPlatform&) = delete;
    GlfwPlatform& operator=(const GlfwPlatform&) = delete;

    void begin_frame() override;
    void end_frame() override;
    Wake wait_for_input(std::optional<double> timeout_s) override;
    void wake() override;
    bool should_close() const override;
    void close() override;
    bool take_close_request() override;
    Result<void> upload_font_atlas(ImFontAtlas& atlas) override;
    // Draws the last frame's ImGui draw data again into the back buffer and reads it there
    // (the front buffer is not reliably readable), without presenting it.
    Result<void> capture_png(const std::filesystem::path& path) override;
    FrameSize framebuffer_size() const override;

    // Input events seen so far (keys, characters, mouse, touch, resizes, close requests).
    std::uint64_t input_events() const { return m_input_events; }

private:
    explicit GlfwPlatform(WindowOptions options);
    Result<void> open();
    void install_callbacks();
    void render_draw_data();

    static void on_input(GLFWwindow* window);
    static void on_close(GLFWwindow* window);

    WindowOptions m_options;
    GLFWwindow* m_window = nullptr;
    bool m_owns_instance = false;
    bool m_glfw_initialized = false;
    bool m_imgui_glfw = false;
    bool m_imgui_gl = false;
    unsigned int m_font_texture = 0;
    std::uint64_t m_input_events = 0;
    std::atomic<bool> m_woken{false};
    bool m_close_requested = false;
    bool m_should_close = false;
    bool m_frame_rendered = false;
    bool m_in_frame = false;
};

} // namespace cf::platform
