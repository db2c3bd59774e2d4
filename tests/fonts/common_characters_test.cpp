#include "fonts/common_characters.h"
#include "fonts/glyph_set.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf::fonts;

TEST_SUITE("common characters") {

    TEST_CASE("each list holds about 3000 Han characters without its comments") {
        for (Face face : k_all_faces) {
            auto text = load_common_characters(cf::test::assets_dir(), face);
            REQUIRE_MESSAGE(text, text.error().message);
            const auto codepoints = decode_utf8(*text);
            CHECK(codepoints.size() >= 3000);
            CHECK(codepoints.size() <= 3100);
            CHECK(std::all_of(codepoints.begin(), codepoints.end(),
                              [](char32_t cp) { return cp >= 0x3007 && cp <= 0xFAFF; }));
        }
    }

    TEST_CASE("the lists hold the characters of their script") {
        auto hans = load_common_characters(cf::test::assets_dir(), Face::sc);
        auto hant = load_common_characters(cf::test::assets_dir(), Face::tc);
        REQUIRE(hans);
        REQUIRE(hant);
        GlyphSet sc;
        sc.add_text(*hans);
        GlyphSet tc;
        tc.add_text(*hant);
        for (char32_t cp : decode_utf8("投诉处理您的号码请")) {
            CHECK(sc.contains(cp));
        }
        for (char32_t cp : decode_utf8("投訴處理您的號碼請為著裡")) {
            CHECK(tc.contains(cp));
        }
    }

    TEST_CASE("a missing list is an error naming the file") {
        cf::test::TempDir dir;
        auto text = load_common_characters(dir.path(), Face::tc);
        REQUIRE_FALSE(text);
        CHECK(text.error().code == ErrorCode::asset_missing);
        CHECK(text.error().message.find("common-zh-Hant.txt") != std::string::npos);
    }
}
