#include "core/masking.h"

#include <doctest/doctest.h>

#include <string>

using namespace cf::core;

TEST_SUITE("masking") {

    TEST_CASE("mask_phone keeps the first 3 and last 4 digits of a mobile") {
        CHECK(mask_phone("13800138000") == "138****8000");
    }

    TEST_CASE("mask_phone keeps one star per hidden digit") {
        CHECK(mask_phone("075512345678") == "075*****5678");
        CHECK(mask_phone("85291234567") == "852****4567");
        CHECK(mask_phone("886912345678") == "886*****5678");
    }

    TEST_CASE("mask_phone masks the normalized number when the text is a valid phone") {
        CHECK(mask_phone("+86 138-0013-8000") == "138****8000");
        CHECK(mask_phone("138 0013 8000") == "138****8000");
        CHECK(mask_phone("9123 4567") == "852****4567");
    }

    TEST_CASE("mask_phone masks the digits of text that is not a valid phone") {
        CHECK(mask_phone("+1 415 555 0100") == "141****0100");
    }

    TEST_CASE("mask_phone hides all but the last 4 digits of a short local number") {
        CHECK(mask_phone("71234567") == "****4567");
        CHECK(mask_phone("1234567") == "***4567");
    }

    TEST_CASE("mask_phone hides all but the last 2 digits of a very short value") {
        CHECK(mask_phone("123456") == "****56");
        CHECK(mask_phone("123") == "*23");
        CHECK(mask_phone("12") == "**");
        CHECK(mask_phone("7") == "*");
    }

    TEST_CASE("mask_phone shows nothing of a value without digits") {
        CHECK(mask_phone("call me") == "***");
        CHECK(mask_phone("") == "");
    }

    TEST_CASE("mask_name keeps the first Chinese character") {
        CHECK(mask_name("张三") == "张*");
        CHECK(mask_name("欧阳娜娜") == "欧***");
    }

    TEST_CASE("mask_name uses one star per character after the first") {
        CHECK(mask_name("Alice Wong") == "A*********");
        CHECK(mask_name("Zoë") == "Z**");
        CHECK(mask_name("𠮷野家") == "𠮷**");
    }

    TEST_CASE("mask_name hides a single-character name completely") {
        CHECK(mask_name("王") == "*");
        CHECK(mask_name("A") == "*");
    }

    TEST_CASE("mask_name ignores surrounding spaces") {
        CHECK(mask_name("  张三 ") == "张*");
        CHECK(mask_name("   ") == "");
    }

    TEST_CASE("mask_name never shows a broken UTF-8 tail") {
        // A lone continuation byte and a truncated sequence each count as one character.
        CHECK(mask_name(std::string("\x80\xe5\xbc", 3)) == "\x80**");
        CHECK(mask_name(std::string("A\xe5\xbc", 3)) == "A**");
    }

    TEST_CASE("mask_email keeps the first character and the domain") {
        CHECK(mask_email("alice@example.com") == "a****@example.com");
        CHECK(mask_email("bo@qq.com") == "b*@qq.com");
    }

    TEST_CASE("mask_email hides a one-character local part completely") {
        CHECK(mask_email("a@example.com") == "*@example.com");
    }

    TEST_CASE("mask_email masks by character in a Chinese local part") {
        CHECK(mask_email("张三丰@例子.中国") == "张**@例子.中国");
    }

    TEST_CASE("mask_email masks text that is not an email like a name") {
        CHECK(mask_email("alice") == "a****");
        CHECK(mask_email("@example.com") == "@***********");
        CHECK(mask_email("") == "");
    }

    TEST_CASE("mask_account shows only the last 4 characters") {
        CHECK(mask_account("C20261123001234") == "****1234");
        CHECK(mask_account("12345") == "****2345");
        CHECK(mask_account("订单号12345678") == "****5678");
    }

    TEST_CASE("mask_account hides short values completely") {
        CHECK(mask_account("1234") == "****");
        CHECK(mask_account("12") == "****");
        CHECK(mask_account("") == "");
    }

    TEST_CASE("masking never returns a non-empty input unchanged") {
        for (const std::string value : {"1", "12", "123", "1234", "13800138000", "a", "ab", "张",
                                        "张三", "a@b", "x@example.com", "0755-1234567"}) {
            CAPTURE(value);
            CHECK(mask_phone(value) != value);
            CHECK(mask_name(value) != value);
            CHECK(mask_email(value) != value);
            CHECK(mask_account(value) != value);
        }
    }

} // TEST_SUITE
