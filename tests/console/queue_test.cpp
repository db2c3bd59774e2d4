// The console's lists against a real center with sample data: every queue of a manager with
// its count, filters by branch, category, priority and date, a bad date named, and paging.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"
#include "tests/sync/support/calendar_publish.h"

#include <doctest/doctest.h>

using namespace cf;
using console::Screen;

TEST_CASE("a manager sees every queue with its count and pages through the list") {
    test::ConsoleCenter center(400, 5);
    test::ConsoleHarness h(center.url());
    h.sign_in("M01", test::k_password);
    REQUIRE(h.controller().signed_in());
    for (sync::ConsoleQueue q : sync::k_console_queues) {
        const std::string id = "queue." + std::string(sync::to_string(q));
        REQUIRE_MESSAGE(h.shows(id), id);
        h.click_and_settle(id);
        CHECK(h.controller().queue() == q);
        CHECK(h.controller().total() == h.controller().count(q));
        CHECK(h.controller().rows().size() ==
              static_cast<std::size_t>(std::min<std::int64_t>(50, h.controller().total())));
    }
    h.click_and_settle("queue.all");
    REQUIRE(h.controller().total() == 400);
    const std::string first = h.controller().rows().front().number;
    h.click_and_settle("page.next");
    CHECK(h.controller().offset() == 50);
    CHECK(h.controller().rows().front().number != first);
    h.click_and_settle("page.prev");
    CHECK(h.controller().offset() == 0);
    CHECK(h.controller().rows().front().number == first);
}

TEST_CASE("filters narrow the list; a bad date is named and nothing is sent") {
    test::ConsoleCenter center(400, 5);
    test::ConsoleHarness h(center.url());
    h.sign_in("M01", test::k_password);
    h.click_and_settle("queue.all");
    const std::string branch = h.controller().rows().front().branch;

    h.fill("filter.branch", branch);
    h.click_and_settle("filter.apply");
    CHECK(h.controller().filter().branch == branch);
    CHECK(h.controller().total() < 400);
    CHECK(h.controller().total() > 0);
    for (const sync::QueueRow& r : h.controller().rows()) {
        CHECK(r.branch == branch);
    }
    const std::int64_t by_branch = h.controller().total();

    h.click("filter.priority");
    h.click_and_settle("filter.priority.urgent");
    h.click_and_settle("filter.apply");
    CHECK(h.controller().total() <= by_branch);
    for (const sync::QueueRow& r : h.controller().rows()) {
        CHECK(r.priority == core::Priority::urgent);
    }

    h.click("filter.category");
    h.click("filter.category.billing");
    h.click_and_settle("filter.apply");
    for (const sync::QueueRow& r : h.controller().rows()) {
        CHECK(r.category.starts_with("billing"));
    }

    h.fill("filter.from", "2026-13-01");
    h.click("filter.apply");
    CHECK_FALSE(h.controller().waiting());
    CHECK(h.controller().notice().key == "console.filter.invalid");
    CHECK(h.controller().filter_errors().contains("from"));

    h.click_and_settle("filter.clear");
    CHECK(h.controller().total() == 400);

    // A date range: tickets received on or after a day far in the past are all of them, and
    // none were received after tomorrow.
    h.fill("filter.from", "2000-01-01");
    h.click_and_settle("filter.apply");
    CHECK(h.controller().total() == 400);
    h.fill("filter.from", "2099-01-01");
    h.click_and_settle("filter.apply");
    CHECK(h.controller().total() == 0);
    CHECK(h.controller().rows().empty());
}

TEST_CASE("each role starts on its own list") {
    test::ConsoleCenter center(200, 3);
    test::ConsoleHarness h(center.url());
    const std::pair<const char*, sync::ConsoleQueue> starts[] = {
        {"R01", sync::ConsoleQueue::review},      {"D01", sync::ConsoleQueue::dispatch},
        {"H01", sync::ConsoleQueue::departments}, {"A01", sync::ConsoleQueue::audit},
        {"M01", sync::ConsoleQueue::escalated}, // a crisis or a twice-unsatisfied customer first
    };
    for (const auto& [id, queue] : starts) {
        h.sign_in(id, test::k_password);
        REQUIRE(h.controller().signed_in());
        CHECK(h.controller().queue() == queue);
        CHECK(h.controller().total() == h.controller().count(queue));
        h.click("nav.sign_out");
    }
    // The billing handler's list holds only tickets dispatched to billing.
    h.sign_in("H01", test::k_password);
    for (const sync::QueueRow& r : h.controller().rows()) {
        CHECK(std::ranges::find(r.departments, "billing") != r.departments.end());
    }
}

TEST_CASE("a calendar of the center running out is shown above the list until the next year is "
          "published") {
    test::ConsoleCenter center;
    const std::int64_t today = test::today_at_utc8();
    for (const char* far : {"hong-kong", "taiwan"}) {
        test::publish_calendar(center.dir, center.tmp.path(), far, "2059-12-31");
    }
    test::publish_calendar(center.dir, center.tmp.path(), "cn-mainland", test::iso_date(today + 5));
    test::ConsoleHarness h(center.url());
    h.sign_in("R01", test::k_password);
    REQUIRE(h.controller().signed_in());
    REQUIRE(h.controller().calendar_notices().size() == 1);
    CHECK(h.controller().calendar_notices()[0].days_left == 5);
    CHECK(h.shows("queue.calendar.cn-mainland"));
    CHECK_FALSE(h.shows("queue.calendar.hong-kong"));

    test::publish_calendar(center.dir, center.tmp.path(), "cn-mainland", "2059-12-31");
    h.click_and_settle("queue.review");
    CHECK(h.controller().calendar_notices().empty());
    CHECK_FALSE(h.shows("queue.calendar.cn-mainland"));
}
