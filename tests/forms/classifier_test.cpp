#include "forms/classifier.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;

namespace {

forms::Classification classify(std::string_view text) {
    const forms::Catalog catalog = test::real_catalog();
    return forms::classify(catalog.classifier, text);
}

bool matched(const forms::Classification& c, std::string_view word, std::string_view rule_id) {
    return std::any_of(c.matches.begin(), c.matches.end(), [&](const forms::Match& m) {
        return m.word == word && m.rule_id == rule_id;
    });
}

const forms::Match* match_of(const forms::Classification& c, std::string_view word) {
    for (const forms::Match& m : c.matches) {
        if (m.word == word) {
            return &m;
        }
    }
    return nullptr;
}

} // namespace

TEST_SUITE("classifier") {

    TEST_CASE("Simplified Chinese: an overcharged phone bill is a billing complaint") {
        const auto c = classify("上个月的话费账单多扣了50元，我要投诉！");
        CHECK(c.result.request_type == core::RequestType::complaint);
        CHECK(c.result.category == "billing.overcharge");
        CHECK(c.result.priority == core::Priority::important);
        CHECK_FALSE(c.result.special_type.has_value());
        const forms::Match* m = match_of(c, "多扣");
        REQUIRE(m != nullptr);
        CHECK(m->rule_id == "billing_overcharge");
        CHECK(m->sets.find("category=billing.overcharge") != std::string::npos);
        CHECK(matched(c, "话费", "billing"));
        CHECK(matched(c, "账单", "billing"));
        CHECK(matched(c, "投诉", "complaint"));
    }

    TEST_CASE("Traditional Chinese: a long queue and an angry customer") {
        const auto c = classify("在營業廳排隊等了兩個小時，職員態度很差，我很生氣");
        CHECK(c.result.category == "process_experience.long_queue");
        CHECK(c.result.request_type == core::RequestType::complaint);
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(matched(c, "排隊", "long_queue"));
        CHECK(matched(c, "態度", "rude_staff"));
        CHECK(matched(c, "生氣", "agitated"));
    }

    TEST_CASE("English: case-insensitive words, prefixes and a media threat") {
        const auto c =
            classify("I was OVERCHARGED on my Bill and I am furious. I will talk to a Journalist.");
        CHECK(c.result.category == "billing.overcharge");
        CHECK(c.result.special_type == core::SpecialType::media_exposure);
        CHECK(c.result.severity == core::Severity::major);
        CHECK(c.result.priority == core::Priority::urgent);
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(matched(c, "overcharg*", "billing_overcharge"));
        CHECK(matched(c, "bill", "billing"));
        CHECK(matched(c, "journalist*", "media_exposure"));
    }

    TEST_CASE("English words match only whole words unless written as a prefix") {
        const auto c = classify("a billion dollars, translate this");
        CHECK_FALSE(matched(c, "bill", "billing"));
        CHECK_FALSE(matched(c, "late", "delay"));
        CHECK(matched(classify("I want COMPENSATION now"), "compensat*", "compensation"));
        CHECK(matched(classify("the delivery was late."), "late", "delay"));
    }

    TEST_CASE("Chinese words match inside mixed text") {
        const auto c = classify("我要投诉complaint!!!");
        CHECK(matched(c, "投诉", "complaint"));
        CHECK(matched(c, "complain*", "complaint"));
        CHECK(matched(c, "!!!", "agitated"));
    }

    TEST_CASE("for emotion, severity and priority the most severe suggestion wins") {
        const auto c = classify("我很担心，也很愤怒，卡被冻结了");
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(c.result.priority == core::Priority::urgent);
        CHECK(c.result.severity == core::Severity::important);
    }

    TEST_CASE("for request type the highest total weight wins") {
        CHECK(classify("我想表扬这位员工，但要投诉排队").result.request_type ==
              core::RequestType::complaint);
        CHECK(classify("感谢你们，我要表扬这位柜员，不是投诉").result.request_type ==
              core::RequestType::praise);
    }

    TEST_CASE("a child category wins inside the group with the highest total") {
        // billing words (账单, 扣费) and the overcharge child (多扣) outweigh one queue word.
        const auto c = classify("账单里扣费多扣了，还排队");
        CHECK(c.result.category == "billing.overcharge");
        // Only group-level words: the group itself.
        CHECK(classify("这个月的账单看不懂").result.category == "billing");
    }

    TEST_CASE("suggestion, enquiry and praise are recognised in all three scripts") {
        CHECK(classify("建议增加一个窗口").result.request_type == core::RequestType::suggestion);
        CHECK(classify("建議增加一個窗口").result.request_type == core::RequestType::suggestion);
        CHECK(classify("I suggest more counters").result.request_type ==
              core::RequestType::suggestion);
        CHECK(classify("请问怎么办理销户").result.request_type == core::RequestType::enquiry);
        CHECK(classify("請問如何開戶").result.request_type == core::RequestType::enquiry);
        CHECK(classify("How do I close my account?").result.request_type ==
              core::RequestType::enquiry);
        CHECK(classify("Excellent service from Ms Li").result.request_type ==
              core::RequestType::praise);
        CHECK(classify("感謝李小姐").result.request_type == core::RequestType::praise);
    }

    TEST_CASE("text that matches nothing suggests nothing") {
        const auto c = classify("你好");
        CHECK(c.matches.empty());
        CHECK_FALSE(c.result.request_type.has_value());
        CHECK_FALSE(c.result.category.has_value());
        CHECK_FALSE(c.result.priority.has_value());
    }

    TEST_CASE("a rule file with bad words and values is rejected with every problem") {
        test::AssetsCopy assets;
        nlohmann::json rules = assets.read("classifier/rules.json");
        rules["rules"][0]["words"].push_back("co*mplain");
        rules["rules"][0]["words"].push_back("");
        rules["rules"][1]["suggests"]["priority"] = "asap";
        rules["rules"][2]["id"] = rules["rules"][0]["id"];
        rules["rules"][3]["weight"] = 0;
        assets.write("classifier/rules.json", rules);
        const auto errors = assets.errors();
        CAPTURE(test::all_errors(errors));
        const std::string file = "classifier/rules.json";
        CHECK(test::has_error(errors, file, "rules[0].words[6]", "'*' may only end"));
        CHECK(test::has_error(errors, file, "rules[0].words[7]", "non-empty"));
        CHECK(test::has_error(errors, file, "rules[1].suggests.priority", "asap"));
        CHECK(test::has_error(errors, file, "rules[2].id", "used by two rules"));
        CHECK(test::has_error(errors, file, "rules[3].weight", "between 1 and 100"));
    }
}
