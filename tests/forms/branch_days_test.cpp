#include "forms/deadlines.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>

using namespace cf;
using cf::test::at;
using cf::test::beijing;
using cf::test::has_error;

namespace {

constexpr const char* k_branches = "branches.json";

std::vector<forms::AssetError> branch_errors(const std::function<void(nlohmann::json&)>& change) {
    test::AssetsCopy assets;
    nlohmann::json doc = assets.read(k_branches);
    change(doc);
    assets.write(k_branches, doc);
    return assets.errors();
}

core::Millis important_due(const forms::Catalog& catalog, std::string_view branch,
                           std::string_view filed) {
    const std::optional<forms::BusinessCalendar> calendar =
        catalog.branch_calendar("cn-mainland", branch);
    REQUIRE(calendar.has_value());
    return forms::first_response_due(catalog.policy(), core::Priority::important, at(filed),
                                     *calendar);
}

} // namespace

TEST_SUITE("branch days") {

    TEST_CASE("an important complaint filed Saturday 10:00 at a branch open on Saturdays is due "
              "at 12:00 the same day") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(beijing(important_due(catalog, "SZ01", "2026-03-07T10:00+08:00")) ==
              "2026-03-07T12:00:00+08:00");
    }

    TEST_CASE("at a branch closed on Saturdays the same complaint is due Monday 02:00") {
        const forms::Catalog catalog = test::real_catalog();
        CHECK(beijing(important_due(catalog, "GZ02", "2026-03-07T10:00+08:00")) ==
              "2026-03-09T02:00:00+08:00");
    }

    TEST_CASE("a holiday closes a branch that opens on Saturdays") {
        const forms::Catalog catalog = test::real_catalog();
        // Saturday 3 October 2026 is in the National Day holiday: counting starts on the 8th.
        CHECK(beijing(important_due(catalog, "SZ01", "2026-10-03T10:00+08:00")) ==
              "2026-10-08T02:00:00+08:00");
    }

    TEST_CASE("the branch calendar keeps the calendar's id, offset and holidays") {
        const forms::Catalog catalog = test::real_catalog();
        const auto calendar = catalog.branch_calendar("cn-mainland", "SZ01");
        REQUIRE(calendar.has_value());
        CHECK(calendar->id() == "cn-mainland");
        CHECK(calendar->utc_offset_minutes() == 480);
        CHECK_FALSE(calendar->is_working_day({2026, 3, 8})); // Sunday stays closed at SZ01
        CHECK_FALSE(calendar->is_working_day({2027, 2, 6})); // 春节 past covers_until
        CHECK_FALSE(catalog.branch_calendar("mars", "SZ01").has_value());
    }

    TEST_CASE("without branches.json every branch opens Monday to Friday") {
        test::AssetsCopy assets;
        std::filesystem::remove(assets.path() / k_branches);
        auto catalog = forms::load_catalog(assets.path());
        REQUIRE(catalog.has_value());
        CHECK(catalog->branches.open_days("SZ01") == forms::k_monday_to_friday);
        const auto calendar = catalog->branch_calendar("cn-mainland", "SZ01");
        REQUIRE(calendar.has_value());
        CHECK_FALSE(calendar->is_working_day({2026, 3, 7}));
    }

    TEST_CASE("unknown weekday names and days listed twice are rejected") {
        const auto errors = branch_errors([](nlohmann::json& doc) {
            doc["default"]["open_days"] = {"monday", "Tuesday", "monday"};
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_branches, "default.open_days[1]", "weekday name"));
        CHECK(has_error(errors, k_branches, "default.open_days[2]", "listed twice"));
    }

    TEST_CASE("a branch that opens on no day is rejected") {
        const auto errors = branch_errors([](nlohmann::json& doc) {
            doc["branches"]["SZ01"]["open_days"] = nlohmann::json::array();
        });
        CHECK(has_error(errors, k_branches, "branches.SZ01.open_days", "is empty"));
    }

    TEST_CASE("unknown keys, a missing default and bad branch codes are rejected") {
        const auto errors = branch_errors([](nlohmann::json& doc) {
            doc.erase("default");
            doc["branch"] = nlohmann::json::object();
            doc["branches"]["sz01"] = {{"open_days", {"monday"}}};
            doc["branches"]["SZ01"]["hours"] = "9-17";
        });
        CAPTURE(test::all_errors(errors));
        CHECK(has_error(errors, k_branches, "default", "is missing"));
        CHECK(has_error(errors, k_branches, "branch"));
        CHECK(has_error(errors, k_branches, "branches.sz01", "not a branch code"));
        CHECK(has_error(errors, k_branches, "branches.SZ01.hours"));
    }

    TEST_CASE("a branches.json that is not JSON is reported with its name") {
        test::AssetsCopy assets;
        test::write_text(assets.path() / k_branches, "{\"default\": ");
        const auto errors = assets.errors();
        CAPTURE(test::all_errors(errors));
        bool named = false;
        for (const forms::AssetError& e : errors) {
            named = named || e.file == k_branches;
        }
        CHECK(named);
    }
}
