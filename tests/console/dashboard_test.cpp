// The regional dashboard against a real center with sample data: the figures, the period, a
// click on a bar opens the matching list, and the CSV export.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include "core/csv_file.h"

#include <doctest/doctest.h>

using namespace cf;
using console::Screen;

namespace {

void open_dashboard(test::ConsoleHarness& h) {
    h.sign_in("M01", test::k_password);
    REQUIRE(h.controller().signed_in());
    h.click_and_settle("nav.dashboard");
    REQUIRE(h.controller().screen() == Screen::dashboard);
    REQUIRE(h.controller().dashboard().has());
}

} // namespace

TEST_CASE("the dashboard shows the region's figures in every language") {
    test::ConsoleCenter center(600, 6);
    test::ConsoleHarness h(center.url());
    open_dashboard(h);
    const sync::Dashboard& d = h.controller().dashboard().data();
    CHECK(d.total > 0);
    CHECK(d.by_branch.size() == 6);
    CHECK(d.by_week.size() == 12);
    CHECK(h.shows("dash.figures"));
    CHECK(h.shows("dash.branch." + d.by_branch.front().key));
    CHECK(h.shows("dash.branch_row." + d.by_branch.back().key));
    CHECK(h.shows("dash.category." + d.by_category.front().key));
    CHECK(h.shows("dash.week." + d.by_week.back().key));
    for (const char* l : {"lang.zh-Hant", "lang.en", "lang.zh-Hans"}) {
        h.click(l);
        CHECK(h.shows("dash.figures"));
    }

    h.click_and_settle("dash.period.4");
    CHECK(h.controller().dashboard().data().by_week.size() == 4);
    h.click_and_settle("dash.period.26");
    CHECK(h.controller().dashboard().data().by_week.size() == 26);
}

TEST_CASE("a click on a bar opens the list of its tickets") {
    test::ConsoleCenter center(600, 6);
    test::ConsoleHarness h(center.url());
    open_dashboard(h);
    const sync::Dashboard d = h.controller().dashboard().data();

    SUBCASE("a branch") {
        const sync::CountBy& b = d.by_branch.front();
        h.click_and_settle("dash.branch." + b.key);
        CHECK(h.controller().screen() == Screen::queue);
        CHECK(h.controller().queue() == sync::ConsoleQueue::all);
        CHECK(h.controller().filter().branch == b.key);
        CHECK(h.controller().filter_draft().branch == b.key); // shown in the filter row
        CHECK(h.controller().total() == b.count);
        for (const sync::QueueRow& r : h.controller().rows()) {
            CHECK(r.branch == b.key);
        }
    }
    SUBCASE("a branch from the full list") {
        const sync::CountBy& b = d.by_branch.back();
        h.click_and_settle("dash.branch_row." + b.key);
        CHECK(h.controller().filter().branch == b.key);
        CHECK(h.controller().total() == b.count);
    }
    SUBCASE("a category") {
        const sync::CountBy& c = d.by_category.front();
        h.click_and_settle("dash.category." + c.key);
        CHECK(h.controller().filter().category == c.key);
        CHECK(h.controller().total() == c.count);
    }
    SUBCASE("a week") {
        const sync::CountBy* w = nullptr;
        for (const sync::CountBy& x : d.by_week) {
            if (x.count > 0) {
                w = &x;
            }
        }
        REQUIRE(w != nullptr);
        h.click_and_settle("dash.week." + w->key);
        CHECK(h.controller().filter_draft().from == w->key);
        CHECK(h.controller().total() == w->count);
    }
    SUBCASE("a recurring problem") {
        REQUIRE_FALSE(d.top_problems.empty());
        const sync::CountBy& p = d.top_problems.front();
        h.click_and_settle("dash.problem." + p.key);
        CHECK(h.controller().filter().category == p.key);
        CHECK(h.controller().total() == p.count);
        for (const sync::QueueRow& r : h.controller().rows()) {
            CHECK(r.category == p.key);
        }
    }
    SUBCASE("a branch with overdue tickets") {
        REQUIRE_FALSE(d.most_overdue.empty());
        const sync::CountBy& o = d.most_overdue.front();
        h.click_and_settle("dash.overdue." + o.key);
        CHECK(h.controller().queue() == sync::ConsoleQueue::overdue);
        CHECK(h.controller().filter().branch == o.key);
        CHECK(h.controller().total() == o.count);
    }
}

TEST_CASE("the dashboard's figures export as CSV") {
    test::ConsoleCenter center(300, 4);
    test::TempDir out;
    test::ConsoleHarnessOptions options;
    options.export_path = out / "dashboard.csv";
    test::ConsoleHarness h(center.url(), options);
    open_dashboard(h);
    h.click("dash.export");
    CHECK(h.controller().notice().key == "console.export.done");
    const std::string csv = test::read_file_bytes(out / "dashboard.csv");
    REQUIRE(csv.starts_with(core::k_csv_bom));
    CHECK(csv.find("section,key,label,value\r\n") != std::string::npos);
    const sync::Dashboard& d = h.controller().dashboard().data();
    CHECK(csv.find("summary,total,工单总数," + std::to_string(d.total) + "\r\n") !=
          std::string::npos);
    CHECK(csv.find("by_branch," + d.by_branch.front().key + "," + d.by_branch.front().key + "," +
                   std::to_string(d.by_branch.front().count)) != std::string::npos);
    CHECK(csv.find("by_week,") != std::string::npos);
    CHECK(csv.find("top_problems,") != std::string::npos);
}

TEST_CASE("a handler has no dashboard") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    h.sign_in("H02", test::k_password);
    CHECK_FALSE(h.shows("nav.dashboard"));
    h.controller().go(Screen::dashboard);
    CHECK(h.controller().screen() == Screen::queue);
}
