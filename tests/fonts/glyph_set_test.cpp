#include "fonts/glyph_set.h"

#include <doctest/doctest.h>

#include <vector>

using namespace cf::fonts;

TEST_SUITE("glyph set") {

    TEST_CASE("UTF-8 decodes to codepoints in every length") {
        CHECK(decode_utf8("a\xC3\xA9\xE6\x8A\x95\xF0\x9F\x98\x80") ==
              std::vector<char32_t>{U'a', U'é', U'投', U'😀'});
    }

    TEST_CASE("malformed UTF-8 becomes U+FFFD per bad byte and decoding goes on") {
        // A stray continuation byte, a truncated sequence, an overlong '/', a surrogate.
        CHECK(decode_utf8("\x80"
                          "a") == std::vector<char32_t>{0xFFFD, U'a'});
        CHECK(decode_utf8("\xE6\x8A") == std::vector<char32_t>{0xFFFD, 0xFFFD});
        CHECK(decode_utf8("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});
        CHECK(decode_utf8("\xED\xA0\x80").front() == 0xFFFD);
    }

    TEST_CASE("adding text counts new codepoints and skips line breaks") {
        GlyphSet set;
        CHECK(set.add_text("投诉\n投诉") == 2);
        CHECK(set.add_text("诉a") == 1);
        CHECK(set.size() == 3);
        CHECK(set.contains(U'投'));
        CHECK_FALSE(set.contains(U'\n'));
    }

    TEST_CASE("codepoints above U+FFFF are kept apart as unsupported") {
        GlyphSet set;
        set.add_text("a😀𠀀");
        CHECK(set.size() == 1);
        CHECK(set.unsupported() == std::set<char32_t>{0x1F600, 0x20000});
        CHECK(set.contains(0x1F600));
    }

    TEST_CASE("ranges are inclusive pairs ending in 0") {
        GlyphSet set;
        set.add_range(U'a', U'c');
        set.add(U'x');
        set.add(U'投');
        CHECK(set.ranges() == std::vector<ImWchar>{'a', 'c', 'x', 'x', static_cast<ImWchar>(U'投'),
                                                   static_cast<ImWchar>(U'投'), 0});
        CHECK(GlyphSet().ranges() == std::vector<ImWchar>{0});
    }

    TEST_CASE("set difference and containment") {
        GlyphSet a;
        a.add_text("abc");
        GlyphSet b;
        b.add_text("b");
        CHECK(a.contains_all(b));
        CHECK_FALSE(b.contains_all(a));
        CHECK(a.minus(b).codepoints() == std::vector<char32_t>{U'a', U'c'});
    }
}
