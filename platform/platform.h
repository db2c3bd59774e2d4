#pragma once
// The window, input and GPU as the app loop sees them. GlfwPlatform is the real one; the
// NullPlatform runs ImGui with no window for headless tests. Both expect the caller to have
// created an ImGui context first and to destroy the platform before that context.
//
// A frame is:   platform.begin_frame();  ...ImGui calls...;  platform.end_frame();
// begin_frame() feeds ImGui's io (display size, delta time, mouse, keys, characters) and calls
// ImGui::NewFrame(); end_frame() calls ImGui::Render(), draws the result and presents it.
// Between frames the loop sleeps in wait_for_input() (see FramePacer).

#include "platform/error.h"

#include <filesystem>
#include <optional>

struct ImFontAtlas;

namespace cf::platform {

// What ended a wait_for_input().
enum class Wake {
    input,   // the user did something (key, character, mouse, touch, resize, close request)
    woken,   // another thread called wake(), e.g. a worker has results for the UI
    timeout, // the timeout passed with neither
};

struct FrameSize {
    int width = 0;
    int height = 0;
    bool operator==(const FrameSize&) const = default;
};

class Platform {
public:
    virtual ~Platform() = default;

    // Feeds io and starts an ImGui frame (ImGui::NewFrame). Uploads io.Fonts first when it has
    // no texture yet, so the default font works without an explicit upload_font_atlas().
    virtual void begin_frame() = 0;
    // Ends the ImGui frame (ImGui::Render), draws it and presents it.
    virtual void end_frame() = 0;

    // Sleeps until input arrives, wake() is called or timeout_s passes (none: no time limit;
    // zero or less: only takes the events already queued). Processes the events it sees.
    virtual Wake wait_for_input(std::optional<double> timeout_s) = 0;
    // Ends a wait_for_input() in progress, or makes the next one return at once. Callable from
    // any thread while the platform is alive.
    virtual void wake() = 0;

    // True once close() was called, or the window was closed while closing is not blocked.
    virtual bool should_close() const = 0;
    // The app decided to quit: should_close() becomes true.
    virtual void close() = 0;
    // True (once per request) when someone tried to close the window while closing is blocked
    // (kiosk mode): the app asks for a staff sign-in instead of quitting.
    virtual bool take_close_request() = 0;

    // Makes the atlas's pixels (built now if needed) into the font texture, sets the atlas's
    // TexID, deletes the previous font texture and frees the atlas's CPU pixels. Fails with
    // texture when the atlas's pixels were already released (ClearTexData) or it is larger than
    // the GPU allows, leaving the previous texture in use.
    virtual Result<void> upload_font_atlas(ImFontAtlas& atlas) = 0;

    // Writes the last rendered frame as a PNG file. Fails with no_frame before the first
    // end_frame() (or between begin_frame and end_frame), write_failed naming the path, or
    // unsupported on a platform that renders nothing.
    virtual Result<void> capture_png(const std::filesystem::path& path) = 0;

    // The size of the drawable area in pixels.
    virtual FrameSize framebuffer_size() const = 0;
};

} // namespace cf::platform
