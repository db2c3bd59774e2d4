#include "forms/intake.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>

using namespace cf;
using cf::test::at;
using cf::test::beijing;
using nlohmann::json;

namespace {

core::Ticket ticket_with(core::Priority priority) {
    core::Ticket t;
    t.priority = priority;
    return t;
}

} // namespace

TEST_SUITE("add_step_deadline") {

    TEST_CASE("an unsatisfied customer starts a second round due 24 hours later") {
        const forms::Catalog catalog = test::real_catalog();
        json payload = {{"level", "unsatisfied"}};
        const core::Millis saturday = at("2026-03-07T10:00+08:00");
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::normal),
                                 core::Step::satisfaction, payload, saturday);
        REQUIRE(payload.contains("due_at"));
        CHECK(beijing(payload["due_at"].get<core::Millis>()) == "2026-03-08T10:00:00+08:00");
        CHECK(payload["level"] == "unsatisfied");
    }

    TEST_CASE("a satisfied customer sets no deadline") {
        const forms::Catalog catalog = test::real_catalog();
        json payload = {{"level", "satisfied"}};
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::normal),
                                 core::Step::satisfaction, payload, at("2026-03-04T10:00+08:00"));
        CHECK_FALSE(payload.contains("due_at"));
    }

    TEST_CASE("reopening restarts the first response for the ticket's priority") {
        const forms::Catalog catalog = test::real_catalog();
        const core::Millis friday = at("2026-03-06T15:00+08:00");
        json normal = {{"reason", "customer called again"}};
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::normal),
                                 core::Step::reopen, normal, friday);
        CHECK(beijing(normal["due_at"].get<core::Millis>()) == "2026-03-09T15:00:00+08:00");
        json urgent = {{"reason", "customer called again"}};
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::urgent),
                                 core::Step::reopen, urgent, friday);
        CHECK(urgent["due_at"].get<core::Millis>() == friday + 30 * core::k_minute);
    }

    TEST_CASE("other steps are left as they are") {
        const forms::Catalog catalog = test::real_catalog();
        json payload = {{"text", "called the customer"}};
        const json before = payload;
        for (const core::Step step :
             {core::Step::note, core::Step::acknowledge, core::Step::close, core::Step::submit}) {
            forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::urgent),
                                     step, payload, at("2026-03-04T10:00+08:00"));
        }
        CHECK(payload == before);
    }

    TEST_CASE("a deadline already in the payload is kept") {
        const forms::Catalog catalog = test::real_catalog();
        json payload = {{"level", "unsatisfied"}, {"due_at", 123}};
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::normal),
                                 core::Step::satisfaction, payload, at("2026-03-04T10:00+08:00"));
        CHECK(payload["due_at"] == 123);
    }

    TEST_CASE("a null payload becomes an object with the deadline") {
        const forms::Catalog catalog = test::real_catalog();
        json payload;
        const core::Millis now = at("2026-03-04T10:00+08:00");
        forms::add_step_deadline(catalog, "cn-mainland", ticket_with(core::Priority::important),
                                 core::Step::reopen, payload, now);
        CHECK(payload["due_at"].get<core::Millis>() == now + 2 * core::k_hour);
    }

    TEST_CASE("an unknown calendar counts every day, so a weekend reopen is not pushed back") {
        const forms::Catalog catalog = test::real_catalog();
        json payload = json::object();
        const core::Millis saturday = at("2026-03-07T10:00+08:00");
        forms::add_step_deadline(catalog, "atlantis", ticket_with(core::Priority::important),
                                 core::Step::reopen, payload, saturday);
        CHECK(payload["due_at"].get<core::Millis>() == saturday + 2 * core::k_hour);
    }
}
