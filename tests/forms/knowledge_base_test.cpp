// The knowledge base (assets/knowledge/articles.json, forms/knowledge_base.h): the real file,
// and broken copies whose every problem is named with the file and the field.

#include "forms/knowledge_base.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <set>

using namespace cf;
using cf::test::has_error;

namespace {

constexpr const char* k_file = "knowledge/articles.json";

// The real asset with `edit` applied, parsed against the real tree; its errors (none when it
// parses).
template <class Edit> std::vector<forms::AssetError> errors_after(Edit edit) {
    test::AssetsCopy assets;
    nlohmann::json doc = assets.read(k_file);
    edit(doc);
    const forms::Catalog catalog = test::real_catalog();
    auto parsed = forms::parse_knowledge_base(doc, k_file, catalog.categories);
    return parsed ? std::vector<forms::AssetError>{} : parsed.error();
}

} // namespace

TEST_SUITE("knowledge base") {

    TEST_CASE("the real base holds at least 60 bank and telecom articles in three locales") {
        const forms::Catalog catalog = test::real_catalog();
        const auto& articles = catalog.knowledge.articles;
        CHECK(articles.size() >= 60);
        int bank = 0;
        int telecom = 0;
        std::set<std::string> ids;
        for (const forms::KnowledgeArticle& a : articles) {
            CAPTURE(a.id);
            CHECK(ids.insert(a.id).second);
            bank += a.id.starts_with("bank.") ? 1 : 0;
            telecom += a.id.starts_with("tel.") ? 1 : 0;
            for (const std::string_view locale : forms::k_locales) {
                CHECK_FALSE(a.question.in(locale).empty());
                CHECK_FALSE(a.answer.in(locale).empty());
                CHECK_FALSE(a.keywords.in(locale).empty());
            }
            if (!a.category.empty()) {
                const forms::Category* c = catalog.categories.find(a.category);
                REQUIRE(c != nullptr);
                CHECK(c->children.empty());
            }
        }
        CHECK(bank >= 20);
        CHECK(telecom >= 20);
    }

    TEST_CASE("a missing knowledge file stops the catalog with the file's name") {
        test::AssetsCopy assets;
        std::filesystem::remove(assets.path() / k_file);
        CHECK(has_error(assets.errors(), k_file, "", "cannot be read"));
    }

    TEST_CASE("a duplicate id is named with the article that repeats it") {
        const auto errors = errors_after(
            [](nlohmann::json& doc) { doc["articles"][3]["id"] = doc["articles"][0]["id"]; });
        CHECK(has_error(errors, k_file, "articles[3].id", "used by an earlier article"));
        CHECK(errors.size() == 1);
    }

    TEST_CASE("a missing language, an empty answer and an unknown category are each named") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["articles"][0]["question"].erase("zh-Hant");
            doc["articles"][1]["answer"]["en"] = "";
            doc["articles"][2]["category"] = "billing.no_such_thing";
            doc["articles"][4]["category"] = "billing";
            doc["articles"][5]["keywords"]["en"] = nlohmann::json::array();
        });
        INFO(test::all_errors(errors));
        CHECK(has_error(errors, k_file, "articles[0].question.zh-Hant", "missing"));
        CHECK(has_error(errors, k_file, "articles[1].answer.en", "empty"));
        CHECK(has_error(errors, k_file, "articles[2].category", "not a category"));
        CHECK(has_error(errors, k_file, "articles[4].category", "is a group"));
        CHECK(has_error(errors, k_file, "articles[5].keywords.en", "at least one keyword"));
        CHECK(errors.size() == 5);
    }

    TEST_CASE("a bad id, version or over-long answer is refused") {
        const auto errors = errors_after([](nlohmann::json& doc) {
            doc["articles"][0]["id"] = "Bank Hours!";
            doc["articles"][1]["version"] = 0;
            doc["articles"][2]["answer"]["zh-Hans"] = std::string(700 * 3, 'a');
            doc["articles"][3]["colour"] = "red";
        });
        INFO(test::all_errors(errors));
        CHECK(has_error(errors, k_file, "articles[0].id", "not an article id"));
        CHECK(has_error(errors, k_file, "articles[1].version", "1 or more"));
        CHECK(has_error(errors, k_file, "articles[2].answer.zh-Hans", "at most 600"));
        CHECK(has_error(errors, k_file, "articles[3].colour"));
    }

    TEST_CASE("an empty base is refused") {
        const auto errors =
            errors_after([](nlohmann::json& doc) { doc["articles"] = nlohmann::json::array(); });
        CHECK(has_error(errors, k_file, "articles", "no articles"));
    }

    TEST_CASE("article ids are short plain codes") {
        CHECK(forms::valid_article_id("bank.card_lost"));
        CHECK(forms::valid_article_id("tel.number-porting_2"));
        CHECK_FALSE(forms::valid_article_id(""));
        CHECK_FALSE(forms::valid_article_id("Bank.card"));
        CHECK_FALSE(forms::valid_article_id("卡"));
        CHECK_FALSE(forms::valid_article_id(std::string(65, 'a')));
    }
}
