// The text model: trained on a few texts it learns their words, it reads back from its file
// exactly, a broken file names every problem, and it says which words drove a verdict.
#include "forms/labelled_text.h"
#include "forms/text_features.h"
#include "forms/text_model.h"
#include "forms/text_model_training.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

using namespace cf;
using nlohmann::json;

namespace {

forms::LabelledText text(std::string words, core::RequestType type, std::string category) {
    forms::LabelledText t;
    t.text = std::move(words);
    t.labels.request_type = type;
    t.labels.category = std::move(category);
    return t;
}

// A few complaints about bills and about staff, and enquiries; enough to learn the words.
std::vector<forms::LabelledText> small_corpus() {
    using core::RequestType;
    return {
        text("话费多扣了三十块", RequestType::complaint, "billing.overcharge"),
        text("这个月话费多扣钱了", RequestType::complaint, "billing.overcharge"),
        text("账单多扣了两次月租", RequestType::complaint, "billing.overcharge"),
        text("I was charged twice on my bill", RequestType::complaint, "billing.overcharge"),
        text("柜员态度很差，爱理不理", RequestType::complaint, "service_attitude.rude_staff"),
        text("那个柜员态度恶劣还骂人", RequestType::complaint, "service_attitude.rude_staff"),
        text("櫃員態度好差", RequestType::complaint, "service_attitude.rude_staff"),
        text("The clerk was rude and shouted at me", RequestType::complaint,
             "service_attitude.rude_staff"),
        text("请问营业时间到几点", RequestType::enquiry, "other.general"),
        text("请问周六营业吗", RequestType::enquiry, "other.general"),
        text("What time do you open on Saturday?", RequestType::enquiry, "other.general"),
    };
}

// Every feature counts, even one seen in a single text: the corpus is tiny.
forms::TrainingOptions every_feature() {
    forms::TrainingOptions o;
    o.min_count = 1;
    return o;
}

forms::TextModel small_model() {
    return forms::train_text_model(small_corpus(), every_feature(), "test-1",
                                   json{{"corpus_texts", 11}});
}

} // namespace

TEST_SUITE("text model") {

    TEST_CASE("trained on a few texts it recognises their words in a new text, in either script") {
        const forms::TextModel m = small_model();
        REQUIRE(m.head("category") != nullptr);
        REQUIRE(m.head("request_type") != nullptr);
        CHECK(m.head("severity") == nullptr); // no labels to learn from

        auto category_of = [&](std::string_view t) {
            const forms::ModelVerdict v = forms::predict(m, t);
            return v.heads[1].label;
        };
        CHECK(category_of("上个月话费又多扣了") == "billing.overcharge");
        CHECK(category_of("柜员的态度太差了") == "service_attitude.rude_staff");
        CHECK(category_of("話費多扣咗") == "billing.overcharge");
        CHECK(category_of("charged twice again") == "billing.overcharge");
        CHECK(forms::predict(m, "请问几点营业").heads[0].label == "enquiry");
    }

    TEST_CASE("the same texts and seed always give the same model") {
        CHECK(small_model().to_json() == small_model().to_json());
        forms::TrainingOptions other = every_feature();
        other.seed = 7;
        CHECK(forms::train_text_model(small_corpus(), other, "test-1", json{{"corpus_texts", 11}})
                  .to_json() != small_model().to_json());
    }

    TEST_CASE("the file reads back to a model with the same verdicts") {
        const forms::TextModel m = small_model();
        const json file = m.to_json();
        auto back =
            forms::parse_text_model(file, "classifier/model.json", test::real_catalog().categories);
        REQUIRE(back.has_value());
        CHECK(back->version() == "test-1");
        CHECK(back->trained()["corpus_texts"] == 11);
        CHECK(back->feature_count() == m.feature_count());
        for (const char* t : {"话费多扣了", "态度差", "open on Saturday?"}) {
            const auto a = forms::predict(m, t);
            const auto b = forms::predict(*back, t);
            for (std::size_t h = 0; h < a.heads.size(); ++h) {
                CHECK(a.heads[h].label == b.heads[h].label);
                CHECK(a.heads[h].probability == doctest::Approx(b.heads[h].probability));
            }
        }
    }

    TEST_CASE("a verdict names the text's words that pushed it there, strongest first") {
        const forms::ModelVerdict v = forms::predict(small_model(), "柜员态度很差", 3);
        REQUIRE(v.heads[1].label == "service_attitude.rude_staff");
        REQUIRE_FALSE(v.reasons[1].empty());
        CHECK(v.reasons[1].size() <= 3);
        const std::vector<std::string> own = forms::text_features("柜员态度很差");
        for (const forms::FeatureWeight& r : v.reasons[1]) {
            CHECK(r.weight > 0.0f);
            CHECK_MESSAGE(std::ranges::find(own, r.feature) != own.end(), r.feature);
        }
        CHECK(std::is_sorted(v.reasons[1].begin(), v.reasons[1].end(),
                             [](const auto& a, const auto& b) { return a.weight > b.weight; }));
    }

    TEST_CASE("a broken model file is refused with every problem named") {
        json file = small_model().to_json();
        file["format_version"] = 2;
        file["heads"][0]["labels"][0] = "grumble";
        file["heads"][1]["bias"] = json::array({1.0});
        file["heads"][1]["scale"] = -1;
        file["features"][1] = file["features"][0];
        auto r =
            forms::parse_text_model(file, "classifier/model.json", test::real_catalog().categories);
        REQUIRE_FALSE(r.has_value());
        std::string all;
        for (const forms::AssetError& e : r.error()) {
            CHECK(e.file == "classifier/model.json");
            all += forms::to_string(e) + "\n";
        }
        CHECK(all.find("format_version") != std::string::npos);
        CHECK(all.find("'grumble' is not a value of request_type") != std::string::npos);
        CHECK(all.find("heads[1].bias") != std::string::npos);
        CHECK(all.find("heads[1].scale") != std::string::npos);
        CHECK(all.find("is listed twice") != std::string::npos);
    }

    TEST_CASE(
        "weights of the wrong size or not base64 are refused; a category not in the tree too") {
        json file = small_model().to_json();
        file["weights"] = "AAAA";
        auto r = forms::parse_text_model(file, "m.json", {});
        REQUIRE_FALSE(r.has_value());
        CHECK(forms::to_string(r.error()[0]).find("need") != std::string::npos);
        file["weights"] = "not base64!";
        CHECK_FALSE(forms::parse_text_model(file, "m.json", {}).has_value());

        json other = small_model().to_json();
        other["heads"][1]["labels"][0] = "billing.no_such_leaf";
        auto wrong = forms::parse_text_model(other, "m.json", test::real_catalog().categories);
        REQUIRE_FALSE(wrong.has_value());
        CHECK(forms::to_string(wrong.error()[0]).find("billing.no_such_leaf") != std::string::npos);
        CHECK_FALSE(forms::parse_text_model(json::array(), "m.json", {}).has_value());
    }

    TEST_CASE("an empty model predicts nothing, and no texts train an empty model") {
        CHECK(forms::predict(forms::TextModel{}, "多扣了").heads.empty());
        CHECK(forms::train_text_model({}, {}, "v", json::object()).empty());
    }
}
