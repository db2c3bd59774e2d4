// `counterfoil-center sample-data` on a small region: every console queue and dashboard figure
// has data, every ticket's events replay through the lifecycle to the stored ticket, every
// category is used, personal data is sealed, and the demo accounts sign in.
#include "center/sqlite_center_storage.h"
#include "core/lifecycle.h"
#include "core/ticket_json.h"
#include "tests/center/console_fixture.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

using namespace cf::test;
using nlohmann::json;

TEST_CASE("sample-data fills a consistent region where every queue and figure has data") {
    TempDir tmp;
    const auto dir = tmp / "center";
    auto made =
        run_center_with_input(dir,
                              {"sample-data", "--tickets", "3000", "--branches", "8", "--seed", "7",
                               "--assets", assets_dir().string(), "--staff-password-stdin"},
                              std::string(k_password) + "\n");
    REQUIRE_MESSAGE(made.exit_code == 0, made.err);
    CHECK(made.out.find("made 3000 tickets") != std::string::npos);
    // A second run would mix two regions: refused.
    CHECK(run_center_with_input(dir, {"sample-data", "--tickets", "10", "--branches", "2"}, "")
              .exit_code == 3);

    const json exported = center_export(dir);
    CHECK(exported.at("tickets").size() == 3000);
    check_exactly_once(exported);
    CHECK(exported.dump().find("customer_sealed") == std::string::npos);

    {
        auto storage = cf::center::SqliteCenterStorage::open(dir);
        REQUIRE(storage);
        cf::center::CenterQuery query;
        query.limit = 5000;
        auto all = (*storage)->list(query);
        REQUIRE(all);
        std::set<std::string> categories;
        std::set<std::string> branches;
        const auto now = cf::core::SystemClock().now();
        for (std::size_t i = 0; i < all->size(); ++i) {
            const auto& stored = (*all)[i];
            categories.insert(stored.category);
            branches.insert(stored.branch);
            if (i % 10 != 0) {
                continue;
            }
            // Replaying the events gives the stored ticket.
            auto found = (*storage)->get(stored.number);
            REQUIRE(found);
            CHECK_FALSE(found->ticket.customer.name.empty());
            CHECK(found->ticket.customer.phone.size() == 11);
            const auto& events = found->events;
            REQUIRE(events.front().kind == "create");
            auto replayed = cf::core::ticket_from_json(events.front().payload.at("ticket"));
            REQUIRE(replayed);
            cf::core::Hlc last = events.front().hlc;
            for (std::size_t k = 1; k < events.size(); ++k) {
                const auto& e = events[k];
                INFO(stored.number, " ", e.kind);
                CHECK(e.hlc > last);
                CHECK(cf::core::hlc_physical(e.hlc) < now);
                last = e.hlc;
                auto step = cf::core::parse_step(e.kind);
                REQUIRE(step);
                const cf::core::Actor actor{e.actor, e.actor_role,
                                            e.payload.value("department", "")};
                CHECK(cf::core::check_step(*replayed, *step, actor, e.payload));
                CHECK((e.origin_device == cf::sync::k_center_device) ==
                      (cf::core::step_side(*step) == cf::core::Owner::center));
                cf::core::apply_step(*replayed, *step, actor, e.payload,
                                     cf::core::hlc_physical(e.hlc));
            }
            CHECK(cf::core::to_json(*replayed, cf::core::PiiMode::omit) ==
                  cf::core::to_json(found->ticket, cf::core::PiiMode::omit));
        }
        CHECK(branches.size() == 8);
        const json tree = json::parse(std::ifstream(assets_dir() / "categories.json"));
        for (const auto& top : tree.at("categories")) {
            for (const auto& child : top.at("children")) {
                CHECK_MESSAGE(categories.contains(child.at("code").get<std::string>()),
                              child.at("code"));
            }
        }
    }

    CenterProcess center(dir);
    ApiClient api(center);
    for (const char* id : {"R01", "D01", "H01", "H02", "A01"}) {
        auto r = api.post("/v1/console/sign-in",
                          json{{"protocol", 1}, {"staff", id}, {"password", k_password}}.dump());
        CHECK_MESSAGE(r.status == 200, id);
    }
    auto signed_in =
        api.post("/v1/console/sign-in",
                 json{{"protocol", 1}, {"staff", "M01"}, {"password", k_password}}.dump());
    REQUIRE(signed_in.status == 200);
    const std::string token = signed_in.body.at("token");
    auto all = api.get("/v1/console/queue?queue=all", token);
    REQUIRE(all.status == 200);
    for (const auto& [queue, count] : all.body.at("counts").items()) {
        CHECK_MESSAGE(count.get<int>() > 0, queue);
    }
    auto d = api.get("/v1/console/dashboard", token);
    REQUIRE(d.status == 200);
    CHECK(d.body.at("by_branch").size() == 8);
    const json tree = json::parse(std::ifstream(assets_dir() / "categories.json"));
    CHECK(d.body.at("by_category").size() == tree.at("categories").size());
    for (const char* figure :
         {"first_response_met", "first_response_total", "handling_met", "handling_total",
          "resolved", "satisfied", "mostly_satisfied", "avg_handling_ms"}) {
        CHECK_MESSAGE(d.body.at(figure).get<std::int64_t>() > 0, figure);
    }
    CHECK(d.body.at("first_response_met") < d.body.at("first_response_total"));
    CHECK(d.body.at("handling_met") < d.body.at("handling_total"));
    CHECK(d.body.at("top_problems").size() == 10);
    CHECK_FALSE(d.body.at("most_overdue").empty());
}
