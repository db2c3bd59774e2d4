#pragma once
// A store for branch SZ01 (UTC+8) with the real assets and a StatsModel over them, and helpers
// to file tickets on a given day.

#include "core/periods.h"
#include "counter/stats_model.h"
#include "forms/catalog.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

namespace cf::test {

inline constexpr int k_shenzhen = 8 * 60;

inline forms::Catalog load_test_catalog() {
    auto catalog = forms::load_catalog(assets_dir());
    if (!catalog) {
        throw std::runtime_error("the assets do not load: " + catalog.error().front().file + " " +
                                 catalog.error().front().field + " " +
                                 catalog.error().front().reason);
    }
    return std::move(*catalog);
}

struct StatsFixture : StoreFixture {
    forms::Catalog catalog = load_test_catalog();
    counter::StatsModel model{*store, catalog};

    // Files a ticket of this type and category at the clock's current time.
    core::Ticket file(core::RequestType type = core::RequestType::complaint,
                      std::string category = "billing") {
        core::NewTicket t = sample_complaint();
        t.request_type = type;
        t.category = std::move(category);
        t.first_response_due = clock.now() + 24 * core::k_hour;
        t.due_at = t.first_response_due;
        auto filed = store->file(t, frontdesk());
        REQUIRE(filed);
        return *filed;
    }

    // Acknowledges and resolves the ticket at the clock's time, then records the customer's
    // satisfaction ("satisfied", "mostly_satisfied", "unsatisfied").
    void resolve(const core::Ticket& t, const std::string& level) {
        REQUIRE(store->act(t.number, core::Step::acknowledge, frontdesk(), {}));
        REQUIRE(store->act(t.number, core::Step::resolve, frontdesk(),
                           {{"resolution", "explained and put right"}}));
        nlohmann::json rating = {{"level", level}};
        if (level == "unsatisfied") {
            // Opens the second round, which needs its deadline.
            rating["due_at"] = clock.now() + 24 * core::k_hour;
        }
        REQUIRE(store->act(t.number, core::Step::satisfaction, frontdesk(), rating));
    }

    // Takes the ticket to the regional center and dispatches it to `department` with a
    // deadline a day from the clock's time, as the center's events would sync back.
    void dispatch(const core::Ticket& t, const std::string& department) {
        REQUIRE(store->act(t.number, core::Step::acknowledge, frontdesk(), {}));
        REQUIRE(store->act(t.number, core::Step::submit, frontdesk(), {{"reason", "center"}}));
        REQUIRE(store->act(t.number, core::Step::review_accept, as(core::Role::reviewer, "C1"),
                           {{"due_at", clock.now() + 5 * core::k_day}}));
        REQUIRE(
            store->act(t.number, core::Step::dispatch, as(core::Role::dispatcher, "C2"),
                       {{"departments", {department}}, {"deadline", clock.now() + core::k_day}}));
    }

    void handle(const core::Ticket& t, const std::string& department,
                const std::string& responsibility) {
        REQUIRE(store->act(t.number, core::Step::sign_for,
                           as(core::Role::handler, "C3", department),
                           {{"department", department}}));
        REQUIRE(store->act(t.number, core::Step::handle, as(core::Role::handler, "C3", department),
                           {{"department", department},
                            {"investigation", "checked"},
                            {"responsibility", responsibility},
                            {"solution", "put right"}}));
    }

    void refresh(bool force = false) { REQUIRE(model.refresh(clock.now(), k_shenzhen, force)); }
};

} // namespace cf::test
