// The 话术 asset (assets/scripts/phrases.json, forms/script_phrases.h): the real file, and
// broken copies whose every problem is named with the file and the field.

#include "forms/phrase_placeholders.h"
#include "forms/script_phrases.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

using namespace cf;
using cf::test::has_error;
using forms::ScriptMoment;

namespace {

constexpr const char* k_file = "scripts/phrases.json";

// The real asset with `edit` applied, parsed; the errors it gives (none when it parses).
template <class Edit> std::vector<forms::AssetError> errors_after(Edit edit) {
    test::AssetsCopy assets;
    nlohmann::json doc = assets.read(k_file);
    edit(doc);
    auto parsed = forms::parse_script_phrases(doc, k_file);
    return parsed ? std::vector<forms::AssetError>{} : parsed.error();
}

} // namespace

TEST_SUITE("script phrases") {

    TEST_CASE("the real asset has every moment of every request type in the three locales") {
        const forms::Catalog catalog = test::real_catalog();
        for (const core::RequestType type : forms::k_request_types) {
            for (const ScriptMoment m : forms::k_script_moments) {
                CAPTURE(core::to_string(type));
                CAPTURE(forms::to_string(m));
                const forms::LocalizedText* text = catalog.phrases.find(type, m);
                CHECK((text != nullptr) == forms::moment_applies(type, m));
                if (text != nullptr) {
                    CHECK_FALSE(text->zh_hans.empty());
                    CHECK_FALSE(text->zh_hant.empty());
                    CHECK_FALSE(text->en.empty());
                }
            }
        }
    }

    TEST_CASE("only a complaint is apologised for, and praise is thanked") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::ScriptPhrases& p = catalog.phrases;
        REQUIRE(p.find(core::RequestType::complaint, ScriptMoment::apology) != nullptr);
        CHECK(p.find(core::RequestType::complaint, ScriptMoment::apology)
                  ->in("zh-Hans")
                  .find("歉意") != std::string::npos);
        CHECK(p.find(core::RequestType::praise, ScriptMoment::apology) == nullptr);
        CHECK(p.find(core::RequestType::praise, ScriptMoment::thanks)
                  ->in("zh-Hans")
                  .find("感谢您的表扬") != std::string::npos);
        CHECK(p.find(core::RequestType::suggestion, ScriptMoment::suggestion_reply)
                  ->in("zh-Hant")
                  .find("{due}") != std::string::npos);
    }

    TEST_CASE("the acknowledgement is filled with the number and the promised time") {
        const forms::Catalog catalog = test::real_catalog();
        const std::string text = forms::fill_phrase(
            catalog.phrases.find(core::RequestType::complaint, ScriptMoment::acknowledgement)
                ->in("en"),
            {"KS-0001-20261207-0003", "10 Dec 17:00"});
        CHECK(text.find("KS-0001-20261207-0003") != std::string::npos);
        CHECK(text.find("by 10 Dec 17:00") != std::string::npos);
        CHECK(text.find('{') == std::string::npos);
    }

    TEST_CASE("a missing phrases file stops the catalog with the file's name") {
        test::AssetsCopy assets;
        std::filesystem::remove(assets.path() / k_file);
        CHECK(has_error(assets.errors(), k_file, "", "cannot be read"));
    }

    TEST_CASE("a corrupt phrases file stops the catalog with the line of the mistake") {
        test::AssetsCopy assets;
        test::write_text(assets.path() / k_file, "{\"complaint\": {\n");
        CHECK(has_error(assets.errors(), k_file, "", "not valid JSON"));
    }

    TEST_CASE("an apology for praise, a suggestion or an enquiry is refused") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            for (const char* type : {"praise", "suggestion", "enquiry"}) {
                doc[type]["apology"] = doc["complaint"]["apology"];
            }
        });
        CHECK(has_error(errors, k_file, "praise.apology", "only a complaint"));
        CHECK(has_error(errors, k_file, "suggestion.apology", "only a complaint"));
        CHECK(has_error(errors, k_file, "enquiry.apology", "only a complaint"));
        CHECK(errors.size() == 3);
    }

    TEST_CASE("a suggestion reply for a complaint is refused") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["complaint"]["suggestion_reply"] = doc["suggestion"]["suggestion_reply"];
        });
        CHECK(has_error(errors, k_file, "complaint.suggestion_reply", "only a suggestion"));
    }

    TEST_CASE("a missing request type, moment or locale is named") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc.erase("report");
            doc["complaint"].erase("apology");
            doc["suggestion"].erase("suggestion_reply");
            doc["praise"]["closing"].erase("zh-Hant");
            doc["enquiry"]["greeting"]["en"] = "";
        });
        CHECK(has_error(errors, k_file, "report", "missing"));
        CHECK(has_error(errors, k_file, "complaint.apology", "missing"));
        CHECK(has_error(errors, k_file, "suggestion.suggestion_reply", "missing"));
        CHECK(has_error(errors, k_file, "praise.closing.zh-Hant", "missing"));
        CHECK(has_error(errors, k_file, "enquiry.greeting.en", "empty"));
        CHECK(errors.size() == 5);
    }

    TEST_CASE("unknown request types, moments and locales are refused") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["complain"] = doc["complaint"];
            doc["complaint"]["greting"] = doc["complaint"]["greeting"];
            doc["praise"]["thanks"]["zh-TW"] = "感謝";
        });
        CHECK(has_error(errors, k_file, "complain", "not a request type"));
        CHECK(has_error(errors, k_file, "complaint.greting", "unknown moment"));
        CHECK(has_error(errors, k_file, "praise.thanks.zh-TW", "unknown key"));
        CHECK(errors.size() == 3);
    }

    TEST_CASE("placeholders other than {number} and {due}, and stray braces, are refused") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["complaint"]["acknowledgement"]["en"] = "Registered as {number}, due {hours}.";
            doc["enquiry"]["progress"]["zh-Hans"] = "编号 {number 正在处理";
            doc["other"]["closing"]["en"] = "Thanks} again";
        });
        CHECK(has_error(errors, k_file, "complaint.acknowledgement.en", "{hours}"));
        CHECK(has_error(errors, k_file, "enquiry.progress.zh-Hans", "never closed"));
        CHECK(has_error(errors, k_file, "other.closing.en", "without its '{'"));
        CHECK(errors.size() == 3);
    }

    TEST_CASE("the acknowledgement must promise a time, a greeting must not") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["praise"]["acknowledgement"]["zh-Hant"] = "您的表揚已登記，編號是 {number}。";
            doc["complaint"]["greeting"]["en"] = "Hello, we answer by {due}.";
        });
        CHECK(has_error(errors, k_file, "praise.acknowledgement.zh-Hant", "{due}"));
        CHECK(has_error(errors, k_file, "complaint.greeting.en", "may not hold {due}"));
        CHECK(errors.size() == 2);
    }

    TEST_CASE("a sentence longer than one can read aloud is refused, counted in characters") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            std::string zh;
            for (std::size_t i = 0; i < forms::k_max_phrase_chars; ++i) {
                zh += "谢";
            }
            doc["other"]["thanks"]["zh-Hans"] = zh; // 200 characters: the limit, accepted
            doc["other"]["thanks"]["zh-Hant"] = zh + "謝";
        });
        CHECK(has_error(errors, k_file, "other.thanks.zh-Hant", "201 characters"));
        CHECK(errors.size() == 1);
    }

    TEST_CASE("a moment that is not an object of locales is named") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["complaint"]["closing"] = "Thank you";
            doc["praise"] = nlohmann::json::array();
        });
        CHECK(has_error(errors, k_file, "complaint.closing", "must be an object"));
        CHECK(has_error(errors, k_file, "praise", "must be an object"));
    }
}
