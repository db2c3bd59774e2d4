// The queue's tabs, filters and rows, search, and the sync strip's dead letters.

#include "tests/support/ui/counter_harness.h"

#include "core/sync_state.h"

#include <doctest/doctest.h>

using namespace cf;
using counter::Screen;

namespace {

std::string file(test::CounterHarness& h, core::Priority p, std::string phone) {
    core::NewTicket n = test::sample_complaint();
    n.priority = p;
    n.customer.phone = std::move(phone);
    n.first_response_due = h.clock.now() + 2 * core::k_hour;
    n.due_at = n.first_response_due;
    auto t = h.store->file(n, {"kiosk", core::Role::kiosk, {}});
    REQUIRE(t.has_value());
    return t->number;
}

} // namespace

TEST_CASE("new tickets are in New with masked customers; taking one moves it to Mine") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    const std::string a = file(h, core::Priority::normal, "13800138000");
    const std::string b = file(h, core::Priority::urgent, "13900139000");
    h.sign_in("S001", "135790");
    counter::QueueModel& q = h.controller().queue();
    CHECK(q.count(core::QueueTab::fresh) == 2);
    CHECK(q.size() == 2);
    REQUIRE(q.row(0) != nullptr);
    CHECK(q.row(0)->customer_masked.find("138****8000") != std::string::npos);
    CHECK(h.shows("queue." + a));
    CHECK(h.shows("queue." + b));

    // Filter by priority.
    core::QueueFilter f = q.filter();
    f.priority = core::Priority::urgent;
    h.controller().set_queue_filter(f);
    h.frame(2);
    CHECK(q.size() == 1);
    CHECK(h.shows("queue." + b));
    CHECK_FALSE(h.shows("queue." + a));
    f.priority.reset();
    h.controller().set_queue_filter(f);
    h.frame(2);

    h.click("queue." + a);
    REQUIRE(h.controller().screen() == Screen::detail);
    h.click("step.acknowledge");
    h.click("step.confirm");
    h.click("nav.queue");
    CHECK(q.count(core::QueueTab::fresh) == 1);
    CHECK(q.count(core::QueueTab::mine) == 1);
    h.click("tab.mine");
    CHECK(h.shows("queue." + a));
}

TEST_CASE("tickets past their deadline show under Overdue as time passes") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    const std::string a = file(h, core::Priority::normal, "13800138000");
    h.sign_in("S001", "135790");
    CHECK(h.controller().queue().count(core::QueueTab::overdue) == 0);
    h.clock.advance(3 * core::k_hour);
    h.controller().touch();
    h.frame(2);
    CHECK(h.controller().queue().count(core::QueueTab::overdue) == 1);
    h.click("tab.overdue");
    CHECK(h.shows("queue." + a));
}

TEST_CASE("search by phone and by text lists tickets as the queue does") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    const std::string a = file(h, core::Priority::normal, "13800138000");
    file(h, core::Priority::normal, "13900139000");
    h.sign_in("S001", "135790");
    h.click("nav.search");
    h.fill("search.text", "13800138000");
    h.click("search.run");
    REQUIRE(h.controller().search_results().size() == 1);
    CHECK(h.shows("search." + a));
    h.click("search." + a);
    CHECK(h.controller().screen() == Screen::detail);
}

TEST_CASE("the sync strip opens the dead letters with the center's reason") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    core::SyncState sync(*h.store);
    REQUIRE(sync.add_dead_letter({"0190aaaa-0000-7000-8000-000000000001", 1, 422,
                                  "unknown category 'x'", h.clock.now()})
                .has_value());
    h.sign_in("S001", "135790");
    h.controller().go(Screen::dead_letters);
    h.frame(2);
    REQUIRE(h.controller().dead_letters().size() == 1);
    CHECK(h.controller().dead_letters()[0].error == "unknown category 'x'");
}

TEST_CASE("with the background loader, a click shows the old list until the new ids are in") {
    test::CounterHarness h({.pinyin = false, .timings = {}, .background_queue = true});
    h.add_staff("S001", core::Role::frontdesk, "135790");
    const std::string a = file(h, core::Priority::normal, "13800138000");
    const std::string b = file(h, core::Priority::urgent, "13900139000");
    h.sign_in("S001", "135790");
    h.settle_queue();
    counter::QueueModel& q = h.controller().queue();
    CHECK(q.size() == 2);
    CHECK(q.count(core::QueueTab::fresh) == 2);
    CHECK(h.shows("queue." + a));

    core::QueueFilter f = q.filter();
    f.priority = core::Priority::urgent;
    h.controller().set_queue_filter(f);
    h.settle_queue();
    CHECK(q.size() == 1);
    CHECK(h.shows("queue." + b));
    CHECK_FALSE(h.shows("queue." + a));

    // A step elsewhere changes the data: the counts follow.
    h.click("queue." + b);
    h.click("step.acknowledge");
    h.click("step.confirm");
    h.click("nav.queue");
    h.settle_queue();
    CHECK(q.count(core::QueueTab::fresh) == 1);
    CHECK(q.count(core::QueueTab::mine) == 1);
}

TEST_CASE("tickets changed by another connection (the sync worker) show without a click") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.sign_in("S001", "135790");
    CHECK(h.controller().queue().count(core::QueueTab::fresh) == 0);
    core::TicketStore other = h.open_again();
    core::NewTicket n = test::sample_complaint();
    n.first_response_due = h.clock.now() + core::k_hour;
    n.due_at = n.first_response_due;
    REQUIRE(other.file(n, {"kiosk", core::Role::kiosk, {}}).has_value());
    h.frame(2);
    CHECK(h.controller().queue().count(core::QueueTab::fresh) == 1);
    CHECK(h.controller().queue().size() == 1);
}

TEST_CASE("the queue warns from 30 days before the business calendar runs out") {
    // 2026-11-23: the calendar covers 2026 to its end, 38 days on: no warning.
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.sign_in("S001", "135790");
    CHECK_FALSE(h.shows("queue.calendar_warning"));
    CHECK_FALSE(h.controller().calendar_warning().has_value());
}

TEST_CASE("in December 2026 the queue asks for the next business calendar") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.clock.set(test::k_monday_10am + 14 * core::k_day); // 2026-12-07
    h.sign_in("S001", "135790");
    CHECK(h.shows("queue.calendar_warning"));
    REQUIRE(h.controller().calendar_warning().has_value());
    CHECK(h.controller().calendar_warning()->days_left == 24);
}

TEST_CASE("past the business calendar's end the queue says holidays follow the statutory rules") {
    test::CounterHarness h;
    h.add_staff("S001", core::Role::frontdesk, "135790");
    h.clock.set(test::k_monday_10am + 43 * core::k_day); // 2027-01-05
    h.sign_in("S001", "135790");
    CHECK(h.shows("queue.calendar_warning"));
    REQUIRE(h.controller().calendar_warning().has_value());
    CHECK(h.controller().calendar_warning()->days_left < 0);
}
