#include "forms/catalog.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

using namespace cf;
using cf::test::has_error;

TEST_SUITE("catalog") {

    TEST_CASE("the real assets load without a single error") {
        auto catalog = forms::load_catalog(test::assets_dir());
        if (!catalog) {
            FAIL(test::all_errors(catalog.error()));
        }
        CHECK(catalog->form_ids() == std::vector<std::string>{"counter", "kiosk", "kiosk_answer"});
        CHECK(catalog->calendar_ids() ==
              std::vector<std::string>{"cn-mainland", "hong-kong", "taiwan", "weekdays"});
        CHECK(catalog->classifier.rules.size() >= 20);
    }

    TEST_CASE("the category tree has the eight top-level categories of the procedures") {
        const forms::Catalog catalog = test::real_catalog();
        std::vector<std::string> codes;
        for (const forms::Category& c : catalog.categories.top_level()) {
            codes.push_back(c.code);
            CHECK(c.children.size() >= 3);
            CHECK(c.children.size() <= 6);
        }
        CHECK(codes == std::vector<std::string>{"product_quality", "service_attitude",
                                                "delivery_delay", "billing", "mis_selling",
                                                "process_experience", "rights_harmed", "other"});
    }

    TEST_CASE("category labels are looked up in each locale, with the parent for a child") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(catalog.category_label("billing", "zh-Hans") == "计费差错");
        CHECK(catalog.category_label("billing.overcharge", "zh-Hans") == "计费差错 / 多扣费");
        CHECK(catalog.category_label("billing.overcharge", "zh-Hant") == "計費差錯 / 多扣費");
        CHECK(catalog.category_label("billing.overcharge", "en") == "Billing error / Overcharged");
        CHECK(catalog.category_label("service_attitude", "zh-Hant") == "服務態度");
    }

    TEST_CASE("an unknown category code is shown as the code itself") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(catalog.category_label("retired.code", "en") == "retired.code");
    }

    TEST_CASE("forms and calendars are found by id, unknown ids give nothing") {
        const forms::Catalog catalog = test::real_catalog();
        REQUIRE(catalog.find_form("kiosk") != nullptr);
        CHECK(catalog.find_form("kiosk")->title.in("zh-Hans") == "投诉与建议");
        CHECK(catalog.find_form("counter")->title.in("zh-Hant") == "投訴登記表");
        CHECK(catalog.find_form("nope") == nullptr);
        REQUIRE(catalog.find_calendar("cn-mainland") != nullptr);
        CHECK(catalog.find_calendar("cn-mainland")->utc_offset_minutes() == 480);
        CHECK(catalog.find_calendar("mars") == nullptr);
    }

    TEST_CASE("the policy holds the first response times of DOMAIN.md") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::SlaPolicy& p = catalog.policy();
        CHECK(p.first_response_for(core::Priority::urgent) ==
              forms::SlaDuration{30 * core::k_minute, forms::TimeBasis::wall});
        CHECK(p.first_response_for(core::Priority::important) ==
              forms::SlaDuration{2 * core::k_hour, forms::TimeBasis::business});
        CHECK(p.first_response_for(core::Priority::normal) ==
              forms::SlaDuration{24 * core::k_hour, forms::TimeBasis::business});
        CHECK(p.second_round == forms::SlaDuration{24 * core::k_hour, forms::TimeBasis::wall});
        CHECK(p.ticket_due.at(core::RequestType::suggestion) ==
              forms::SlaDuration{3 * core::k_day, forms::TimeBasis::business});
        CHECK(p.specialist_contact.length == 60 * core::k_minute);
        CHECK(p.warning_ratio == doctest::Approx(0.8));
    }

    TEST_CASE("an empty assets directory reports every missing file and folder") {
        test::TempDir empty;
        auto catalog = forms::load_catalog(empty.path());
        REQUIRE_FALSE(catalog.has_value());
        const auto& errors = catalog.error();
        CHECK(has_error(errors, "categories.json", "", "cannot be read"));
        CHECK(has_error(errors, "classifier/rules.json", "", "cannot be read"));
        CHECK(has_error(errors, "sla/policy.json", "", "cannot be read"));
        CHECK(has_error(errors, "forms/", "", "cannot be read"));
        CHECK(has_error(errors, "calendars/", "", "cannot be read"));
    }

    TEST_CASE("a form whose id differs from its file name is rejected") {
        test::AssetsCopy assets;
        nlohmann::json kiosk = assets.read("forms/kiosk.json");
        assets.write("forms/walk_in.json", kiosk);
        const auto errors = assets.errors();
        CHECK(has_error(errors, "forms/walk_in.json", "id", "must match the file name"));
        CHECK(errors.size() == 1);
    }

    TEST_CASE("errors in several files are all reported in one load") {
        test::AssetsCopy assets;
        test::write_text(assets.path() / "sla/policy.json", "{\"warning_ratio\": 0.8,");
        nlohmann::json categories = assets.read("categories.json");
        categories["categories"][0]["label"].erase("en");
        assets.write("categories.json", categories);
        nlohmann::json calendar = assets.read("calendars/weekdays.json");
        calendar["utc_offset_minutes"] = "eight hours";
        assets.write("calendars/weekdays.json", calendar);
        const auto errors = assets.errors();
        CHECK(has_error(errors, "sla/policy.json", "", "not valid JSON"));
        CHECK(has_error(errors, "categories.json", "categories[0].label.en", "missing"));
        CHECK(has_error(errors, "calendars/weekdays.json", "utc_offset_minutes", "whole number"));
    }

    TEST_CASE("a classifier rule naming a category outside the tree is rejected") {
        test::AssetsCopy assets;
        nlohmann::json rules = assets.read("classifier/rules.json");
        rules["rules"][0]["suggests"]["category"] = "billing.teleportation";
        assets.write("classifier/rules.json", rules);
        const auto errors = assets.errors();
        CHECK(has_error(errors, "classifier/rules.json", "rules[0].suggests.category",
                        "not in the category tree"));
    }
}
