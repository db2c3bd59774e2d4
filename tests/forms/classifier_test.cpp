#include "forms/classifier.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

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
        // The bad words go after the rule's own ones, whatever their number.
        const std::string first_bad =
            "rules[0].words[" + std::to_string(rules["rules"][0]["words"].size()) + "]";
        const std::string second_bad =
            "rules[0].words[" + std::to_string(rules["rules"][0]["words"].size() + 1) + "]";
        rules["rules"][0]["words"].push_back("co*mplain");
        rules["rules"][0]["words"].push_back("");
        rules["rules"][1]["suggests"]["priority"] = "asap";
        rules["rules"][2]["id"] = rules["rules"][0]["id"];
        rules["rules"][3]["weight"] = 0;
        assets.write("classifier/rules.json", rules);
        const auto errors = assets.errors();
        CAPTURE(test::all_errors(errors));
        const std::string file = "classifier/rules.json";
        CHECK(test::has_error(errors, file, first_bad, "'*' may only end"));
        CHECK(test::has_error(errors, file, second_bad, "non-empty"));
        CHECK(test::has_error(errors, file, "rules[1].suggests.priority", "asap"));
        CHECK(test::has_error(errors, file, "rules[2].id", "used by two rules"));
        CHECK(test::has_error(errors, file, "rules[3].weight", "between 1 and 100"));
    }

    TEST_CASE("the optional keys of newer rule files are checked too") {
        test::AssetsCopy assets;
        nlohmann::json rules = assets.read("classifier/rules.json");
        rules["negation"]["window"] = 0;
        rules["rules"][0]["signals"] = {"shouting"};
        rules["rules"][1]["requires"] = nlohmann::json::array();
        rules["rules"][2]["negatable"] = "yes";
        assets.write("classifier/rules.json", rules);
        const auto errors = assets.errors();
        CAPTURE(test::all_errors(errors));
        const std::string file = "classifier/rules.json";
        CHECK(test::has_error(errors, file, "negation.window", "between 1 and 20"));
        CHECK(test::has_error(errors, file, "rules[0].signals[0]", "exclamation_run"));
        CHECK(test::has_error(errors, file, "rules[1].requires", "lists no word"));
        CHECK(test::has_error(errors, file, "rules[2].negatable", ""));
    }

    TEST_CASE("a rule file of the older format, without the newer keys, still parses") {
        const nlohmann::json old_format = nlohmann::json::parse(R"({"rules": [
            {"id": "complaint", "words": ["投诉", "complain*"],
             "suggests": {"request_type": "complaint"}, "weight": 3},
            {"id": "agitated", "words": ["!!!", "生气"], "suggests": {"emotion": "agitated"},
             "weight": 1}]})");
        const auto rules = forms::parse_classifier_rules(old_format, "rules.json", {});
        REQUIRE(rules.has_value());
        const auto c = forms::classify(*rules, "我要投诉!!!");
        CHECK(c.result.request_type == core::RequestType::complaint);
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(rules->negation.words.empty());
    }

    TEST_CASE("negation: a denied problem names the subject but makes no complaint") {
        const auto c = classify("没有多扣钱，只是想咨询一下这个月的账单为什么比上个月多了十块");
        CHECK(c.result.request_type == core::RequestType::enquiry);
        CHECK(c.result.category == "billing.overcharge");
        CHECK(c.result.priority != core::Priority::important);
        CHECK(c.result.priority != core::Priority::urgent);
        const forms::Match* m = match_of(c, "多扣");
        REQUIRE(m != nullptr);
        CHECK(m->sets == "category=billing.overcharge; negated by 没有");
    }

    TEST_CASE("negation in Traditional Chinese and English, and denial phrases") {
        CHECK(classify("冇話收多咗錢，只係想問下點解今個月貴咗").result.request_type ==
              core::RequestType::enquiry);
        CHECK(classify("不是投诉，就是想问一下积分怎么换").result.request_type ==
              core::RequestType::enquiry);
        const auto c = classify(
            "Not complaining, just want to understand why this month's bill is a bit higher");
        CHECK(c.result.request_type == core::RequestType::enquiry);
        CHECK(matched(c, "complain*", "complaint"));
        CHECK(match_of(c, "complain*")->sets.find("negated by not") != std::string::npos);
    }

    TEST_CASE("a negator in another clause or too far before the word negates nothing") {
        CHECK(classify("我没有办过这个业务，你们却多扣了三十块").result.request_type ==
              core::RequestType::complaint);
        CHECK(classify("没有人告诉我，你们多扣了我的钱").result.request_type ==
              core::RequestType::complaint);
    }

    TEST_CASE("praise that mentions attitude, or an earlier complaint, stays praise") {
        const auto c = classify("上次来投诉过态度问题，这次小王态度很好，表扬一下");
        CHECK(c.result.request_type == core::RequestType::praise);
        CHECK(c.result.category == "service_attitude.rude_staff");
        CHECK(c.result.priority != core::Priority::important);
        CHECK(classify("那位櫃檯人員態度很好，很有耐心，謝謝").result.request_type ==
              core::RequestType::praise);
    }

    TEST_CASE("a run of exclamation or question marks is agitation, one mark is not") {
        const auto c = classify("你们那个柜员什么素质！！我就多问一句她就甩脸子");
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(matched(c, "！！", "agitated_marks"));
        CHECK(matched(classify("钱到底去哪了？！"), "？！", "agitated_marks"));
        CHECK(matched(classify("why is my card blocked???"), "???", "agitated_marks"));
        CHECK_FALSE(classify("请问这个怎么办理？").result.emotion.has_value());
        CHECK_FALSE(classify("谢谢！").result.emotion.has_value());
    }

    TEST_CASE("shouting in capitals is agitation, acronyms are not") {
        const auto c = classify("TWO HOURS in line and one teller open. Get the MANAGER out here.");
        CHECK(c.result.emotion == core::Emotion::agitated);
        CHECK(matched(c, "TWO HOURS", "agitated_marks"));
        CHECK(matched(classify("Your staff are RUDE."), "RUDE", "agitated_marks"));
        CHECK_FALSE(classify("The ATM kept my SIM and my ID").result.emotion.has_value());
        CHECK_FALSE(classify("Is OK to send the PDF by SMS").result.emotion.has_value());
    }

    TEST_CASE("insults and demands for the manager are agitation") {
        CHECK(classify("你们就是一群骗子").result.emotion == core::Emotion::agitated);
        CHECK(classify("把你们经理叫出来").result.emotion == core::Emotion::agitated);
        CHECK(classify("我真係忍無可忍").result.emotion == core::Emotion::agitated);
        CHECK(classify("I want to speak to the manager now").result.emotion ==
              core::Emotion::agitated);
    }

    TEST_CASE("exposure threats in Simplified Chinese: press, courts and regulators") {
        for (const char* text :
             {"合约机二十天没到，我已经联系了本地报社的热线", "我拍了视频，晚上就发朋友圈",
              "不解决我就发小红书让大家看看", "打官司我奉陪", "律师函明天就寄到你们行长办公室",
              "我已经打了12315", "不给个说法我就去消协", "我会去工信部申诉",
              "那我只能去找金融监管总局了"}) {
            CAPTURE(text);
            const auto c = classify(text);
            CHECK(c.result.special_type == core::SpecialType::media_exposure);
            CHECK(c.result.severity == core::Severity::major);
            CHECK(c.result.priority == core::Priority::urgent);
        }
    }

    TEST_CASE("exposure threats in Traditional Chinese (Hong Kong and Taiwan)") {
        for (const char* text :
             {"我會放上連登俾大家評評理", "我已經搵咗律師，準備發律師信", "我會去通訊辦投訴你哋",
              "我已經向金管會申訴", "我會寄存證信函，不行就提告", "我已經打1950跟消保官申訴了",
              "我會寫信去金管局", "會向私隱專員公署投訴"}) {
            CAPTURE(text);
            const auto c = classify(text);
            CHECK(c.result.special_type == core::SpecialType::media_exposure);
            CHECK(c.result.priority == core::Priority::urgent);
        }
    }

    TEST_CASE("exposure threats in English") {
        for (const char* text :
             {"My lawyer will be in touch.", "Expect a letter from our solicitor.",
              "I'll be contacting the financial regulator.", "I'm going to the local paper",
              "I've filed a complaint with the consumer council.",
              "I will take this to the ombudsman", "I'll sue you",
              "I'll post this on social media"}) {
            CAPTURE(text);
            const auto c = classify(text);
            CHECK(c.result.special_type == core::SpecialType::media_exposure);
            CHECK(c.result.priority == core::Priority::urgent);
        }
    }

    TEST_CASE("a lawyer's office named in passing and head office are no exposure threat") {
        CHECK_FALSE(classify("律師樓話今日五點前唔交到就當違約").result.special_type.has_value());
        CHECK_FALSE(classify("你们支行解决不了我就投诉到总行去").result.special_type.has_value());
    }

    TEST_CASE("a platform is a threat only beside posting: a plain mention is not") {
        CHECK_FALSE(classify("我在抖音上看到你们的广告，想问一下这个活动还有吗")
                        .result.special_type.has_value());
        CHECK_FALSE(classify("I saw your offer on the news, is it still on?")
                        .result.special_type.has_value());
        CHECK(classify("我要發到PTT和臉書，大家一起來看看").result.special_type ==
              core::SpecialType::media_exposure);
        CHECK(classify("退款拖了三个月！！我要上微博曝光你们！！").result.special_type ==
              core::SpecialType::media_exposure);
    }

    TEST_CASE("implicit urgency: blocked when a payment is due, without the obvious words") {
        for (const char* text :
             {"手机银行一直登不上去，提示系统繁忙，明天信用卡到期还款",
              "網銀一直登入失敗，今天是繳學費最後一天",
              "Your app won't let me log in, and my mortgage payment is due today.",
              "系统故障办不了，我今天必须把货款打给供应商", "卡被吞了！",
              "门口那台存款机吞了我两千块钱，钱没退出来，卡里也没加上",
              "我爸接了个电话说是公安局的，让他把钱转到安全账户",
              "门口那个台阶的瓷砖松了，刚才有个老人差点摔倒", "門號突然被停話"}) {
            CAPTURE(text);
            CHECK(classify(text).result.priority == core::Priority::urgent);
        }
    }

    TEST_CASE("a stake word without anything blocked is not urgent") {
        CHECK(classify("手机银行登不上").result.priority == core::Priority::important);
        CHECK(classify("我明天想来交房租，几点开门").result.priority != core::Priority::urgent);
    }

    TEST_CASE("a complaint is at least important, and the policy says so") {
        // No rule here suggests a priority; the text files as a complaint.
        const auto c = classify("取钱为什么要说明用途");
        CHECK(c.result.category == "other.policy_question");
        CHECK(c.result.priority == core::Priority::important);
        CHECK(std::any_of(c.matches.begin(), c.matches.end(), [](const forms::Match& m) {
            return m.rule_id == "policy:complaint_is_important";
        }));
        CHECK(classify("职员态度很差").result.request_type == core::RequestType::complaint);
    }

    TEST_CASE("every leaf of the category tree has a rule that can explain it") {
        const forms::Catalog catalog = test::real_catalog();
        std::set<std::string> covered;
        for (const forms::KeywordRule& rule : catalog.classifier.rules) {
            if (rule.suggests.category) {
                covered.insert(*rule.suggests.category);
            }
        }
        for (const forms::Category& group : catalog.categories.top_level()) {
            for (const forms::Category& leaf : group.children) {
                CAPTURE(leaf.code);
                CHECK(covered.contains(leaf.code));
            }
        }
    }
}
