#include "forms/ui_strings.h"
#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace cf;
using test::has_error;

namespace {

std::map<std::string, nlohmann::json, std::less<>> docs(nlohmann::json hans, nlohmann::json hant,
                                                        nlohmann::json en) {
    return {{"zh-Hans", std::move(hans)}, {"zh-Hant", std::move(hant)}, {"en", std::move(en)}};
}

} // namespace

TEST_SUITE("ui strings") {
    TEST_CASE("the shipped translations load with every key in every locale") {
        auto catalog = forms::load_catalog(test::assets_dir());
        REQUIRE_MESSAGE(catalog.has_value(), test::all_errors(catalog.error()));
        const forms::UiStrings& ui = catalog->ui;
        CHECK(ui.get("zh-Hans", "receipt.title") == "提交成功，谢谢您！");
        CHECK(ui.get("zh-Hant", "receipt.title") == "提交成功，謝謝您！");
        CHECK(ui.get("en", "receipt.title") == "Submitted. Thank you!");
        CHECK(ui.texts("en").size() == ui.texts("zh-Hant").size());
    }

    TEST_CASE("placeholders are filled in") {
        auto ui = forms::parse_ui_strings(docs({{"step", "第 {n} 步，共 {total} 步"}},
                                               {{"step", "第 {n} 步，共 {total} 步"}},
                                               {{"step", "Step {n} of {total}"}}));
        REQUIRE(ui);
        CHECK(ui->format("en", "step", {{"n", "2"}, {"total", "6"}}) == "Step 2 of 6");
        CHECK(ui->format("zh-Hans", "step", {{"n", "2"}, {"total", "6"}}) == "第 2 步，共 6 步");
    }

    TEST_CASE("a key missing from one locale is reported against that file") {
        auto ui = forms::parse_ui_strings(
            docs({{"a", "甲"}, {"b", "乙"}}, {{"a", "甲"}, {"b", "乙"}}, {{"a", "A"}}));
        REQUIRE_FALSE(ui);
        CHECK(has_error(ui.error(), "i18n/en.json", "b", "missing"));
    }

    TEST_CASE("an empty or non-string text is refused") {
        auto ui = forms::parse_ui_strings(docs({{"a", ""}}, {{"a", 3}}, {{"a", "A"}}));
        REQUIRE_FALSE(ui);
        CHECK(has_error(ui.error(), "i18n/zh-Hans.json", "a", "non-empty string"));
        CHECK(has_error(ui.error(), "i18n/zh-Hant.json", "a", "non-empty string"));
    }

    TEST_CASE("translations with different placeholders are refused") {
        auto ui = forms::parse_ui_strings(
            docs({{"a", "{n} 秒"}}, {{"a", "{n} 秒"}}, {{"a", "{seconds} seconds"}}));
        REQUIRE_FALSE(ui);
        CHECK(has_error(ui.error(), "i18n/en.json", "a", "{seconds}"));
    }

    TEST_CASE("a missing locale file is reported by the catalog") {
        test::AssetsCopy assets;
        std::filesystem::remove(assets.path() / "i18n/zh-Hant.json");
        CHECK(has_error(assets.errors(), "i18n/zh-Hant.json", "", "cannot be read"));
    }
}
