#include "core/phone.h"

#include <doctest/doctest.h>

#include <string>

using namespace cf::core;

namespace {

struct Example {
    const char* text;
    PhoneKind kind;
    const char* normalized;
};

void check_examples(std::initializer_list<Example> examples) {
    for (const Example& e : examples) {
        CAPTURE(e.text);
        CHECK(classify_phone(e.text) == e.kind);
        CHECK(normalize_phone(e.text) == e.normalized);
    }
}

void check_invalid(std::initializer_list<const char*> texts) {
    for (const char* text : texts) {
        CAPTURE(text);
        CHECK(classify_phone(text) == PhoneKind::invalid);
        CHECK(normalize_phone(text).empty());
    }
}

} // namespace

TEST_SUITE("phone") {

    TEST_CASE("mainland mobiles are 11 digits starting 13 to 19") {
        check_examples({
            {"13800138000", PhoneKind::mainland_mobile, "13800138000"},
            {"19912345678", PhoneKind::mainland_mobile, "19912345678"},
            {"15012345678", PhoneKind::mainland_mobile, "15012345678"},
        });
    }

    TEST_CASE("mainland mobiles may be grouped with spaces, dashes, dots and brackets") {
        check_examples({
            {"138 0013 8000", PhoneKind::mainland_mobile, "13800138000"},
            {"138-0013-8000", PhoneKind::mainland_mobile, "13800138000"},
            {"(138) 0013.8000", PhoneKind::mainland_mobile, "13800138000"},
            {"  13800138000  ", PhoneKind::mainland_mobile, "13800138000"},
        });
    }

    TEST_CASE("mainland mobiles may carry the country code 86") {
        check_examples({
            {"+86 138 0013 8000", PhoneKind::mainland_mobile, "13800138000"},
            {"+8613800138000", PhoneKind::mainland_mobile, "13800138000"},
            {"0086 13800138000", PhoneKind::mainland_mobile, "13800138000"},
            {"86 138 0013 8000", PhoneKind::mainland_mobile, "13800138000"},
            {"(+86) 138-0013-8000", PhoneKind::mainland_mobile, "13800138000"},
        });
    }

    TEST_CASE("mainland landlines keep the trunk 0 and area code") {
        check_examples({
            {"010-12345678", PhoneKind::mainland_landline, "01012345678"},
            {"0755-1234567", PhoneKind::mainland_landline, "07551234567"},
            {"0755 12345678", PhoneKind::mainland_landline, "075512345678"},
            {"(021) 6123 4567", PhoneKind::mainland_landline, "02161234567"},
            {"020-1234567", PhoneKind::mainland_landline, "0201234567"},
            {"0931-8123456", PhoneKind::mainland_landline, "09318123456"},
        });
    }

    TEST_CASE("mainland landlines with +86 drop or keep the trunk 0") {
        check_examples({
            {"+86 10 12345678", PhoneKind::mainland_landline, "01012345678"},
            {"+86 755 12345678", PhoneKind::mainland_landline, "075512345678"},
            {"+86 (0)755 12345678", PhoneKind::mainland_landline, "075512345678"},
            {"0086 21 61234567", PhoneKind::mainland_landline, "02161234567"},
        });
    }

    TEST_CASE("Hong Kong numbers with the country code 852") {
        check_examples({
            {"+852 9123 4567", PhoneKind::hong_kong, "85291234567"},
            {"+852 2123 4567", PhoneKind::hong_kong, "85221234567"},
            {"852-5123-4567", PhoneKind::hong_kong, "85251234567"},
            {"00852 61234567", PhoneKind::hong_kong, "85261234567"},
            {"+852 7123 4567", PhoneKind::hong_kong, "85271234567"},
            {"+852 8123 4567", PhoneKind::hong_kong, "85281234567"},
            {"+852 3123 4567", PhoneKind::hong_kong, "85231234567"},
        });
    }

    TEST_CASE("a bare 8-digit number starting 2, 3, 5, 6 or 9 is from Hong Kong") {
        check_examples({
            {"9123 4567", PhoneKind::hong_kong, "85291234567"},
            {"51234567", PhoneKind::hong_kong, "85251234567"},
            {"6123-4567", PhoneKind::hong_kong, "85261234567"},
            {"2123 4567", PhoneKind::hong_kong, "85221234567"},
            {"3123 4567", PhoneKind::hong_kong, "85231234567"},
        });
    }

    TEST_CASE("Hong Kong numbers starting 1, 4 or 0 are not numbers") {
        check_invalid({"+852 1123 4567", "+852 4123 4567", "+852 0123 4567", "41234567", "71234567",
                       "+852 9123 456", "+852 9123 45678"});
    }

    TEST_CASE("Macau numbers with the country code 853") {
        check_examples({
            {"+853 6612 3456", PhoneKind::macau, "85366123456"},
            {"+853 2812 3456", PhoneKind::macau, "85328123456"},
            {"00853 66123456", PhoneKind::macau, "85366123456"},
            {"853 6612 3456", PhoneKind::macau, "85366123456"},
        });
        check_invalid({"+853 2712 3456", "+853 9612 3456", "+853 6612 345"});
    }

    TEST_CASE("Taiwan mobiles with the country code 886") {
        check_examples({
            {"+886 912 345 678", PhoneKind::taiwan, "886912345678"},
            {"+886 0912 345 678", PhoneKind::taiwan, "886912345678"},
            {"00886-912-345-678", PhoneKind::taiwan, "886912345678"},
            {"886912345678", PhoneKind::taiwan, "886912345678"},
        });
    }

    TEST_CASE("Taiwan mobiles written locally as 09xx xxx xxx") {
        check_examples({
            {"0912 345 678", PhoneKind::taiwan, "886912345678"},
            {"0912-345-678", PhoneKind::taiwan, "886912345678"},
        });
    }

    TEST_CASE("Taiwan landlines need the country code and drop the trunk 0") {
        check_examples({
            {"+886 2 2345 6789", PhoneKind::taiwan, "886223456789"},
            {"+886 (02) 2345-6789", PhoneKind::taiwan, "886223456789"},
            {"+886 7 234 5678", PhoneKind::taiwan, "88672345678"},
        });
        check_invalid({"+886 1 2345 6789", "+886 2345 678", "+886 9123 456 789"});
    }

    TEST_CASE("the canonical form of a Taiwan landline reads as the same number") {
        // Found by tests/fuzz/phone_fuzz.cpp (corpus/phone/taiwan_landline_8_digits.txt): the
        // 11-digit canonical form of an 8-digit landline was refused when read back.
        check_examples({
            {"+886 34560086", PhoneKind::taiwan, "88634560086"},
            {"88634560086", PhoneKind::taiwan, "88634560086"},
            {"88672345678", PhoneKind::taiwan, "88672345678"},
            {"886223456789", PhoneKind::taiwan, "886223456789"},
        });
    }

    TEST_CASE("numbers from other countries are not accepted") {
        check_invalid({"+1 415 555 0100", "+14155550100", "001 415 555 0100", "+44 20 7946 0958",
                       "+81 90 1234 5678", "+7 912 345 67 89"});
    }

    TEST_CASE("letters, extensions and other symbols make a phone invalid") {
        check_invalid({"138OO138OOO", "1380013800a", "010-12345678 ext 12", "010-12345678#12",
                       "138/0013/8000", "13800138000,", "电话13800138000", "+86+13800138000",
                       "138+00138000"});
    }

    TEST_CASE("too short or too long numbers are invalid") {
        check_invalid({"", "   ", "-", "1380013800", "138001380001", "1380013", "12345",
                       "0755-123456", "0755-123456789", "010-1234567890", "+86 138 0013 800",
                       "+86 138 0013 80000", "0086 1380013800"});
    }

    TEST_CASE("mainland numbers with a wrong second digit are invalid") {
        check_invalid({"12800138000", "11800138000", "10800138000", "00-12345678", "011-12345678",
                       "0755-0123456"});
    }

} // TEST_SUITE
