#include "forms/form_definition.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <functional>

using namespace cf;
using cf::test::has_error;

namespace {

constexpr const char* k_kiosk = "forms/kiosk.json";

// Kiosk fields by index: 0 request_type, 1 category, 2 description, 3 phone, 4 name,
// 5 remedies, 6 demand, 7 consent.
std::vector<forms::AssetError> kiosk_errors(const std::function<void(nlohmann::json&)>& change) {
    test::AssetsCopy assets;
    nlohmann::json kiosk = assets.read(k_kiosk);
    REQUIRE(kiosk["fields"][3]["id"] == "phone");
    change(kiosk);
    assets.write(k_kiosk, kiosk);
    return assets.errors();
}

} // namespace

TEST_SUITE("form definition") {

    TEST_CASE("an unknown field type is named with the types that exist") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][0]["type"] = "slider"; });
        CHECK(has_error(errors, k_kiosk, "fields[0].type", "unknown field type 'slider'"));
        CHECK(has_error(errors, k_kiosk, "fields[0].type", "single_choice"));
    }

    TEST_CASE("a label without its zh-Hant text is reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][2]["label"].erase("zh-Hant"); });
        CHECK(has_error(errors, k_kiosk, "fields[2].label.zh-Hant", "is missing"));
        CHECK(errors.size() == 1);
    }

    TEST_CASE("an option label with an empty locale is reported") {
        const auto errors = kiosk_errors(
            [](nlohmann::json& f) { f["fields"][5]["options"][1]["label"]["en"] = ""; });
        CHECK(has_error(errors, k_kiosk, "fields[5].options[1].label.en", "must not be empty"));
    }

    TEST_CASE("two fields with the same id are reported") {
        const auto errors = kiosk_errors([](nlohmann::json& f) { f["fields"][4]["id"] = "phone"; });
        CHECK(has_error(errors, k_kiosk, "fields[4].id", "'phone' is used by two fields"));
    }

    TEST_CASE("visible_if naming a field that does not exist is reported") {
        const auto errors = kiosk_errors([](nlohmann::json& f) {
            f["fields"][6]["visible_if"] = {{"field", "ghost"}, {"equals", true}};
        });
        CHECK(has_error(errors, k_kiosk, "fields[6].visible_if.field", "names no field"));
    }

    TEST_CASE("visible_if naming a field further down is reported") {
        const auto errors = kiosk_errors([](nlohmann::json& f) {
            f["fields"][2]["visible_if"] = {{"field", "consent"}, {"equals", true}};
        });
        CHECK(has_error(errors, k_kiosk, "fields[2].visible_if.field", "above"));
    }

    TEST_CASE("visible_if comparing with a value the field can never have is reported") {
        const auto errors = kiosk_errors([](nlohmann::json& f) {
            f["fields"][6]["visible_if"] = {{"field", "request_type"}, {"equals", "grumble"}};
        });
        CHECK(has_error(errors, k_kiosk, "fields[6].visible_if.equals", "grumble"));
    }

    TEST_CASE("a choice field with an empty option list is reported") {
        const auto errors = kiosk_errors(
            [](nlohmann::json& f) { f["fields"][5]["options"] = nlohmann::json::array(); });
        CHECK(has_error(errors, k_kiosk, "fields[5].options", "needs at least one option"));
    }

    TEST_CASE("a choice field without options is reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][5].erase("options"); });
        CHECK(has_error(errors, k_kiosk, "fields[5].options", "needs options"));
    }

    TEST_CASE("a bind to a path that is not in a ticket is reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][4]["bind"] = "customer.nickname"; });
        CHECK(has_error(errors, k_kiosk, "fields[4].bind",
                        "'customer.nickname' is not a ticket field"));
    }

    TEST_CASE("a bind the field type cannot fill is reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][3]["type"] = "email"; });
        CHECK(has_error(errors, k_kiosk, "fields[3].bind", "needs a phone field, not email"));
    }

    TEST_CASE("two fields bound to the same path are reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][6]["bind"] = "description"; });
        CHECK(has_error(errors, k_kiosk, "fields[6].bind", "filled by field 'description'"));
    }

    TEST_CASE("an option that is not a value of the bound enum is reported") {
        const auto errors = kiosk_errors(
            [](nlohmann::json& f) { f["fields"][0]["options"][0]["value"] = "grumble"; });
        CHECK(has_error(errors, k_kiosk, "fields[0].options[0].value",
                        "'grumble' is not a value of request_type"));
    }

    TEST_CASE("a default that does not fit its field is reported") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][7]["default"] = "yes"; });
        CHECK(has_error(errors, k_kiosk, "fields[7].default", "must be true or false"));
    }

    TEST_CASE("a validation limit that does not apply to the type is reported") {
        const auto errors = kiosk_errors(
            [](nlohmann::json& f) { f["fields"][7]["validation"]["max_length"] = 10; });
        CHECK(has_error(errors, k_kiosk, "fields[7].validation.max_length",
                        "does not apply to a yesno field"));
    }

    TEST_CASE("a misspelt key is reported instead of silently ignored") {
        const auto errors =
            kiosk_errors([](nlohmann::json& f) { f["fields"][2]["requierd"] = true; });
        CHECK(has_error(errors, k_kiosk, "fields[2].requierd", "unknown key"));
    }

    TEST_CASE("a one-of rule naming a field the form does not have is reported") {
        const auto errors = kiosk_errors([](nlohmann::json& f) {
            f["rules"] =
                nlohmann::json::parse(R"([{"one_of": ["customer.phone", "customer.email"]}])");
        });
        CHECK(has_error(errors, k_kiosk, "rules[0].one_of[1]", "no field of this form fills"));
    }

    TEST_CASE("a file that is not valid JSON is reported with its line") {
        test::AssetsCopy assets;
        test::write_text(assets.path() / k_kiosk, "{\n  \"id\": \"kiosk\",\n  \"fields\": [\n}\n");
        const auto errors = assets.errors();
        CHECK(has_error(errors, k_kiosk, "", "is not valid JSON: parse error at line 4, column 1"));
    }

    TEST_CASE("every problem of a broken form is reported in one load") {
        const auto errors = kiosk_errors([](nlohmann::json& f) {
            f["fields"][0]["type"] = "slider";
            f["fields"][2]["label"].erase("zh-Hant");
            f["fields"][4]["id"] = "phone";
            f["fields"][6]["visible_if"] = {{"field", "ghost"}, {"equals", true}};
            f["fields"][5]["options"] = nlohmann::json::array();
            f["fields"][1]["bind"] = "customer.nickname";
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_kiosk, "fields[0].type", "unknown field type"));
        CHECK(has_error(errors, k_kiosk, "fields[2].label.zh-Hant", "is missing"));
        CHECK(has_error(errors, k_kiosk, "fields[4].id", "used by two fields"));
        CHECK(has_error(errors, k_kiosk, "fields[6].visible_if.field", "names no field"));
        CHECK(has_error(errors, k_kiosk, "fields[5].options", "at least one option"));
        CHECK(has_error(errors, k_kiosk, "fields[1].bind", "not a ticket field"));
    }

    TEST_CASE("a broken form and a form with bad syntax are both reported") {
        test::AssetsCopy assets;
        nlohmann::json kiosk = assets.read(k_kiosk);
        kiosk["fields"][0]["type"] = "slider";
        assets.write(k_kiosk, kiosk);
        test::write_text(assets.path() / "forms/counter.json", "{\"id\": \"counter\",,}");
        const auto errors = assets.errors();
        CHECK(has_error(errors, k_kiosk, "fields[0].type", "unknown field type"));
        CHECK(has_error(errors, "forms/counter.json", "", "not valid JSON"));
    }

    TEST_CASE("a parsed form keeps order, labels, options and visibility rules") {
        const forms::Catalog catalog = test::real_catalog();
        const forms::FormDefinition& counter = *catalog.find_form("counter");
        const forms::FieldDefinition* tried_how = counter.find_field("tried_how");
        REQUIRE(tried_how != nullptr);
        REQUIRE(tried_how->visible_if.has_value());
        CHECK(tried_how->visible_if->field == "tried_before");
        CHECK(tried_how->visible_if->equals == true);
        const forms::FieldDefinition* emotion = counter.field_for(forms::TicketPath::emotion);
        REQUIRE(emotion != nullptr);
        CHECK(emotion->label.in("zh-Hans") == "情绪状态");
        CHECK(emotion->label.in("zh-Hant") == "情緒狀態");
        CHECK(emotion->find_option("agitated")->label.in("zh-Hans") == "情绪激动");
        CHECK(counter.field_for(forms::TicketPath::demand)->label.in("zh-Hant") == "訴求");
        REQUIRE(counter.one_of.size() == 1);
        CHECK(counter.one_of[0].paths ==
              std::vector<forms::TicketPath>{forms::TicketPath::customer_phone,
                                             forms::TicketPath::customer_email});
    }
}
