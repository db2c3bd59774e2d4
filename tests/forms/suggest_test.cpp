// Rules and model together: the model decides what the words are about, the rules explain and
// overrule where the procedures leave no choice.
#include "forms/suggest.h"
#include "forms/text_model_training.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;
using nlohmann::json;

namespace {

// Two rules of our own, so these cases do not move when the shipped rules grow.
forms::ClassifierRules rules() {
    const json doc = {
        {"rules", json::array({{{"id", "regulator"},
                                {"words", {"12315"}},
                                {"suggests", {{"special_type", "media_exposure"}}},
                                {"weight", 5}},
                               {{"id", "attitude"},
                                {"words", {"态度"}},
                                {"suggests", {{"category", "service_attitude.rude_staff"}}},
                                {"weight", 2}}})}};
    auto r = forms::parse_classifier_rules(doc, "rules.json", test::real_catalog().categories);
    if (!r) {
        for (const forms::AssetError& e : r.error()) {
            MESSAGE(forms::to_string(e));
        }
    }
    REQUIRE(r.has_value());
    return std::move(*r);
}

forms::LabelledText text(std::string words, core::RequestType type, std::string category,
                         core::Priority priority) {
    forms::LabelledText t;
    t.text = std::move(words);
    t.labels.request_type = type;
    t.labels.category = std::move(category);
    t.labels.priority = priority;
    t.labels.severity = core::Severity::general;
    t.labels.emotion = core::Emotion::calm;
    t.labels.special_type = core::SpecialType::none;
    return t;
}

forms::TextModel model() {
    using core::Priority;
    using core::RequestType;
    const std::vector<forms::LabelledText> texts = {
        text("话费多扣了三十块", RequestType::complaint, "billing.overcharge", Priority::important),
        text("账单多扣了两次", RequestType::complaint, "billing.overcharge", Priority::important),
        text("多扣的钱什么时候退", RequestType::complaint, "billing.overcharge",
             Priority::important),
        text("请问营业时间", RequestType::enquiry, "other.general", Priority::normal),
        text("请问几点关门", RequestType::enquiry, "other.general", Priority::normal),
        text("请问周末开门吗", RequestType::enquiry, "other.general", Priority::normal),
    };
    forms::TrainingOptions every_feature; // the corpus is tiny
    every_feature.min_count = 1;
    return forms::train_text_model(texts, every_feature, "m1", json::object());
}

bool explained_by_model(const forms::Classification& c, std::string_view sets) {
    return std::ranges::any_of(c.matches, [&](const forms::Match& m) {
        return m.rule_id == "model:m1" && m.sets == sets;
    });
}

} // namespace

TEST_SUITE("rules and model") {

    TEST_CASE("without a model the result is exactly the keyword rules'") {
        const forms::ClassifierRules r = rules();
        const auto alone = forms::classify(r, "柜员态度差，我打12315");
        const auto together = forms::classify_text(r, forms::TextModel{}, "柜员态度差，我打12315");
        CHECK(forms::describe(together.result) == forms::describe(alone.result));
        CHECK(together.matches.size() == alone.matches.size());
    }

    TEST_CASE("the model names the category and type, and the words behind them are shown") {
        const auto c = forms::classify_text(rules(), model(), "这个月话费又多扣了");
        CHECK(c.result.category == "billing.overcharge");
        CHECK(c.result.request_type == core::RequestType::complaint);
        CHECK(explained_by_model(c, "category=billing.overcharge"));
        const auto word = std::ranges::find_if(c.matches, [](const forms::Match& m) {
            return m.sets == "category=billing.overcharge";
        });
        REQUIRE(word != c.matches.end());
        CHECK(word->word.find("扣") != std::string::npos);
    }

    TEST_CASE("a regulator threat the model never saw still makes a major, urgent 外宣传型 case") {
        const auto c = forms::classify_text(rules(), model(), "话费多扣了，不退我就打12315");
        CHECK(c.result.special_type == core::SpecialType::media_exposure);
        CHECK(c.result.severity == core::Severity::major);
        CHECK(c.result.priority == core::Priority::urgent);
    }

    TEST_CASE("a complaint is never left at normal priority, whatever the model says") {
        forms::CombinePolicy never_urgent;
        never_urgent.urgent_at = 1.1f;
        const auto c = forms::classify_text(rules(), model(), "多扣", never_urgent);
        REQUIRE(c.result.request_type == core::RequestType::complaint);
        CHECK(c.result.priority >= core::Priority::important);
    }

    TEST_CASE("the model's urgent needs only P(urgent) over the policy's threshold") {
        forms::CombinePolicy eager;
        eager.urgent_at = 0.0f;
        CHECK(forms::classify_text(rules(), model(), "请问营业时间", eager).result.priority ==
              core::Priority::urgent);
    }

    TEST_CASE("where the model is unsure, a rule's category decides") {
        forms::CombinePolicy cautious;
        cautious.trust_model_above = 1.1f; // never sure enough
        const auto c = forms::classify_text(rules(), model(), "态度问题", cautious);
        CHECK(c.result.category == "service_attitude.rude_staff");
        CHECK_FALSE(explained_by_model(c, "category=" + c.result.category.value_or("")));
    }

    TEST_CASE("model features read as words: stems and markers are spelled out") {
        CHECK(forms::feature_for_display("~charg") == "charg…");
        CHECK(forms::feature_for_display("#!!") == "!!");
        CHECK(forms::feature_for_display("#CAPS") == "ALL CAPS");
        CHECK(forms::feature_for_display("多扣") == "多扣");
    }
}
