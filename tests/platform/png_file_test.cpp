#include "platform/png_file.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdint>
#include <vector>

using namespace cf::platform;

TEST_SUITE("png file") {

    TEST_CASE("rows given bottom-up are written top-down") {
        cf::test::TempDir dir;
        // 2x2 RGB: bottom row red, top row blue.
        const std::vector<std::uint8_t> pixels = {255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255};
        const auto path = dir / "shot.png";
        REQUIRE(write_png_bottom_up(path, 2, 2, 3, pixels));
        int w = 0, h = 0, channels = 0;
        unsigned char* decoded = stbi_load(path.c_str(), &w, &h, &channels, 3);
        REQUIRE(decoded != nullptr);
        CHECK(w == 2);
        CHECK(h == 2);
        CHECK(decoded[2] == 255);     // top-left is blue
        CHECK(decoded[6 + 0] == 255); // bottom-left is red
        stbi_image_free(decoded);
    }

    TEST_CASE("an unwritable path gives an error naming it") {
        const std::vector<std::uint8_t> pixels(3, 0);
        auto written = write_png_bottom_up("/nonexistent-dir/shot.png", 1, 1, 3, pixels);
        REQUIRE_FALSE(written);
        CHECK(written.error().code == ErrorCode::write_failed);
        CHECK(written.error().message.find("/nonexistent-dir/shot.png") != std::string::npos);
    }
}
