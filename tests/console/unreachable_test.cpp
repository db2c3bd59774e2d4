// A broken link: with the center stopped the console says so, a step tried then keeps its
// input and is taken once when retried after the center is back; lists load again by
// themselves.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace cf;
using console::Screen;

TEST_CASE("a step tried while the center is down keeps its input and is taken once on retry") {
    test::ConsoleCenter center;
    const std::string number = center.submitted_tickets(1).front();
    test::ConsoleHarness h(center.url());
    h.sign_in("R01", test::k_password);
    h.click_and_settle("row." + number);
    h.click("step.review_accept");
    h.click_and_settle("dialog.confirm");
    h.click("nav.sign_out");

    h.sign_in("D01", test::k_password);
    h.click_and_settle("row." + number);
    h.click("step.dispatch");
    h.click("dialog.departments.billing"); // the category's suggestion, off
    h.click("dialog.departments.network");
    h.click("dialog.deadline.8");

    center.center->stop();
    h.click_and_settle("dialog.confirm");
    REQUIRE(h.controller().dialog().has_value());
    const console::StepDialog& d = *h.controller().dialog();
    REQUIRE(d.error.has_value());
    CHECK(d.error->kind == console::ConsoleError::Kind::unreachable);
    CHECK(d.departments == std::set<std::string>{"network"}); // the input is kept
    CHECK(d.deadline_hours == 8);
    const std::string request_id = d.request_id;
    CHECK_FALSE(request_id.empty());
    CHECK(h.shows("dialog.error"));
    CHECK(h.shows("dialog.retry"));
    CHECK(h.shows("unreachable")); // the banner
    CHECK_FALSE(h.controller().reachability().reachable);

    // Still down: the retry fails the same way with the same request id.
    h.click_and_settle("dialog.retry");
    REQUIRE(h.controller().dialog().has_value());
    CHECK(h.controller().dialog()->request_id == request_id);

    center.center->start();
    h.click_and_settle("dialog.retry");
    CHECK_FALSE(h.controller().dialog().has_value());
    CHECK(h.controller().notice().key == "console.step.done");
    CHECK(h.controller().reachability().reachable);
    CHECK_FALSE(h.shows("unreachable"));
    REQUIRE(h.controller().detail().has_value());
    CHECK(h.controller().detail()->ticket.state == core::State::dispatched);
    const auto& timeline = h.controller().detail()->timeline;
    CHECK(std::ranges::count_if(timeline, [](const auto& e) { return e.kind == "dispatch"; }) == 1);
}

TEST_CASE("lists show the center unreachable and load again by themselves when it is back") {
    test::ConsoleCenter center;
    center.submitted_tickets(1);
    test::ConsoleHarnessOptions options;
    options.timings.retry_reads = 2 * core::k_second;
    test::ConsoleHarness h(center.url(), options);
    h.sign_in("R01", test::k_password);
    CHECK(h.controller().total() == 1);

    center.center->stop();
    h.click_and_settle("queue.answer");
    CHECK(h.shows("unreachable"));
    const console::Reachability r = h.controller().reachability();
    CHECK_FALSE(r.reachable);
    CHECK_FALSE(r.last_error.empty());
    CHECK(r.since > 0);
    REQUIRE(h.controller().next_deadline().has_value());

    center.center->start();
    h.advance(3 * core::k_second); // the retry timer sends the list again
    h.settle();
    CHECK(h.controller().reachability().reachable);
    CHECK_FALSE(h.shows("unreachable"));
    CHECK(h.controller().queue() == sync::ConsoleQueue::answer);
    CHECK(h.controller().queue_loaded());
}
