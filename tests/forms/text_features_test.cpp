// The features the text model reads: Chinese n-grams with no segmenter, English words, pairs
// and stems, and the markers of tone.
#include "forms/chinese_script.h"
#include "forms/text_features.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;

namespace {

bool has(const std::vector<std::string>& features, std::string_view f) {
    return std::ranges::find(features, f) != features.end();
}

} // namespace

TEST_SUITE("text features") {

    TEST_CASE(
        "a Chinese clause gives its characters, pairs and triples, never across punctuation") {
        const auto f = forms::text_features("多扣了，退钱");
        for (const char* gram : {"多", "扣", "了", "多扣", "扣了", "多扣了", "退", "钱", "退钱"}) {
            CHECK_MESSAGE(has(f, gram), gram);
        }
        CHECK_FALSE(has(f, "了退"));
        CHECK_FALSE(has(f, "扣了退"));
    }

    TEST_CASE("Traditional Chinese is read as Simplified, so both scripts teach the same words") {
        REQUIRE(forms::chinese_script_available());
        const auto traditional = forms::text_features("賬戶被凍結了");
        CHECK(has(traditional, "账户"));
        CHECK(has(traditional, "冻结"));
        CHECK(traditional == forms::text_features("账户被冻结了"));
    }

    TEST_CASE("English gives lower-cased words, pairs within a clause and stems of long words") {
        const auto f = forms::text_features("Overcharged AGAIN, refund please");
        CHECK(has(f, "overcharged"));
        CHECK(has(f, "overcharged again"));
        CHECK(has(f, "~overc"));
        CHECK(has(f, "refund please"));
        CHECK_FALSE(has(f, "again refund")); // the comma ends the clause
        CHECK_FALSE(has(f, "~again"));       // too short to cut
    }

    TEST_CASE(
        "runs of ! or ? and shouted English are markers; one mark or one capital word is not") {
        CHECK(has(forms::text_features("还钱！！"), "#!!"));
        CHECK(has(forms::text_features("why??"), "#??"));
        CHECK(has(forms::text_features("GET THE MANAGER now"), "#CAPS"));
        CHECK_FALSE(has(forms::text_features("还钱！"), "#!!"));
        CHECK_FALSE(has(forms::text_features("my ATM card"), "#CAPS"));
        CHECK_FALSE(has(forms::text_features("called 12315 and 12321"), "#CAPS"));
        CHECK(forms::is_marker_feature("#!!"));
        CHECK_FALSE(forms::is_marker_feature("#"));
    }

    TEST_CASE("full-width letters and digits read as ASCII; a mixed text gives both kinds") {
        const auto f = forms::text_features("打１２３１５投诉，APP一直显示error");
        CHECK(has(f, "12315"));
        CHECK(has(f, "app"));
        CHECK(has(f, "error"));
        CHECK(has(f, "显示"));
    }

    TEST_CASE("invalid UTF-8 and empty text give no features and never fail") {
        CHECK(forms::text_features("").empty());
        CHECK(forms::text_features("\xff\xfe\x80").empty());
        const auto f = forms::text_features("扣\xff费");
        CHECK(has(f, "扣"));
        CHECK_FALSE(has(f, "扣费")); // the bad byte separates
    }

    TEST_CASE("to_script_of writes Simplified in the customer's script; other locales unchanged") {
        CHECK(forms::to_script_of("您的账户已经解冻", "zh-Hant") == "您的賬戶已經解凍");
        CHECK(forms::to_script_of("您的账户已经解冻", "zh-Hans") == "您的账户已经解冻");
        CHECK(forms::to_script_of("Your account", "en") == "Your account");
        CHECK(forms::to_simplified("賬戶凍結") == "账户冻结");
        // A cut sequence becomes a space before OpenCC sees it (it would read past the end).
        CHECK(forms::to_simplified("凍\xe5\x87") == "冻  ");
    }
}
