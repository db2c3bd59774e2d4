#pragma once
// Writing screenshots. OpenGL returns rows bottom-up; PNG stores them top-down.

#include "platform/error.h"

#include <cstdint>
#include <filesystem>
#include <span>

namespace cf::platform {

// Writes an 8-bit image with `channels` (3 = RGB, 4 = RGBA) per pixel, rows given bottom row
// first (as glReadPixels returns them), as a PNG file. Precondition: pixels holds
// width * height * channels bytes. Fails with write_failed naming the path.
Result<void> write_png_bottom_up(const std::filesystem::path& path, int width, int height,
                                 int channels, std::span<const std::uint8_t> pixels);

} // namespace cf::platform
