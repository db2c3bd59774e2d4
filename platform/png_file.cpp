#include "platform/png_file.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace cf::platform {

Result<void> write_png_bottom_up(const std::filesystem::path& path, int width, int height,
                                 int channels, std::span<const std::uint8_t> pixels) {
    const auto stride = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    const auto rows = static_cast<std::size_t>(height);
    if (width <= 0 || height <= 0 || pixels.size() < stride * rows) {
        return fail(ErrorCode::write_failed,
                    "cannot write " + path.string() + ": the image is empty or incomplete");
    }
    // A flipped copy rather than stb's global flip flag, which other threads may share.
    std::vector<std::uint8_t> top_down(stride * rows);
    for (std::size_t row = 0; row < rows; ++row) {
        std::copy_n(pixels.data() + (rows - 1 - row) * stride, stride,
                    top_down.data() + row * stride);
    }
    errno = 0;
    const int ok = stbi_write_png(path.c_str(), width, height, channels, top_down.data(),
                                  static_cast<int>(stride));
    if (ok == 0) {
        const int err = errno;
        return fail(ErrorCode::write_failed,
                    "cannot write " + path.string() +
                        (err != 0 ? std::string(": ") + std::strerror(err) : std::string()));
    }
    return {};
}

} // namespace cf::platform
