#include "fonts/font_source.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <filesystem>
#include <fstream>
#include <string>

using namespace cf::fonts;

namespace {

std::string family_of(const FontSource& source, Face face) {
    FT_Library library = nullptr;
    REQUIRE(FT_Init_FreeType(&library) == 0);
    FT_Face ft = nullptr;
    REQUIRE(FT_New_Face(library, source.file.c_str(), source.index(face), &ft) == 0);
    std::string family = ft->family_name;
    FT_Done_Face(ft);
    FT_Done_FreeType(library);
    return family;
}

bool mentions(const std::string& message, const std::string& what) {
    return message.find(what) != std::string::npos;
}

} // namespace

TEST_SUITE("font source") {

    TEST_CASE("the SC and TC faces are found in the collection by name") {
        auto source = find_fonts();
        REQUIRE_MESSAGE(source, source.error().message);
        CHECK(source->index(Face::sc) != source->index(Face::tc));
        CHECK(family_of(*source, Face::sc) == "Noto Sans CJK SC");
        CHECK(family_of(*source, Face::tc) == "Noto Sans CJK TC");
        CHECK(source->bytes->size() > 10'000'000);
    }

    TEST_CASE("a folder without the font names the file and the Debian package") {
        cf::test::TempDir dir;
        auto source = find_fonts(dir.path());
        REQUIRE_FALSE(source);
        CHECK(source.error().code == ErrorCode::font_missing);
        CHECK(mentions(source.error().message, (dir / "NotoSansCJK-Regular.ttc").string()));
        CHECK(mentions(source.error().message, "is missing"));
        CHECK(mentions(source.error().message, "fonts-noto-cjk"));
    }

    TEST_CASE("a file that is not a font is refused") {
        cf::test::TempDir dir;
        std::ofstream(dir / "NotoSansCJK-Regular.ttc") << "not a font";
        auto source = find_fonts(dir.path());
        REQUIRE_FALSE(source);
        CHECK(source.error().code == ErrorCode::font_missing);
        CHECK(mentions(source.error().message, "fonts-noto-cjk"));
    }

    TEST_CASE("a folder in place of the font file is refused") {
        cf::test::TempDir dir;
        std::filesystem::create_directory(dir / "NotoSansCJK-Regular.ttc");
        auto source = find_fonts(dir.path());
        REQUIRE_FALSE(source);
        CHECK(source.error().code == ErrorCode::font_missing);
        CHECK(mentions(source.error().message, "cannot be read"));
    }

    TEST_CASE("a font without the Chinese faces is refused naming the face") {
        cf::test::TempDir dir;
        // The serif collection has the same regions under other names.
        std::filesystem::create_symlink(std::filesystem::path(k_default_font_dir) /
                                            "NotoSerifCJK-Regular.ttc",
                                        dir / "NotoSansCJK-Regular.ttc");
        auto source = find_fonts(dir.path());
        REQUIRE_FALSE(source);
        CHECK(source.error().code == ErrorCode::face_missing);
        CHECK(mentions(source.error().message, "Noto Sans CJK SC"));
        CHECK(mentions(source.error().message, "fonts-noto-cjk"));
    }
}
