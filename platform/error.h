#pragma once
// Errors of the platform module: what went wrong with the window, the GPU or a screenshot, in a
// message an operator can act on. The app shows them at start-up or writes them to its log.

#include <expected>
#include <string>

namespace cf::platform {

enum class ErrorCode {
    no_display,   // no X11/Wayland display to open a window on
    no_opengl,    // the display cannot give an OpenGL 3.3 core context
    already_open, // another GlfwPlatform is alive in this process (GLFW is process-global)
    texture,      // the font atlas cannot be made into a texture (too large, out of memory)
    no_frame,     // a screenshot was asked for before any frame was rendered
    unsupported,  // the platform cannot do this (the null platform renders nothing)
    write_failed, // a file could not be written; the message names the path
};

struct Error {
    ErrorCode code;
    std::string message;
};

template <class T> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace cf::platform
