// A terminal offline for weeks, with a clock off by a day: thousands of events queue up, the
// status shows their age, and one sync sends them all in order.
#include "core/hybrid_clock.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

using namespace cf::test;
using nlohmann::json;
namespace core = cf::core;

TEST_CASE("thousands of events queued offline for weeks go in one sync, in order") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    const core::Millis three_weeks_ago = core::SystemClock().now() - 21 * core::k_day;
    k1.file(5000, three_weeks_ago);
    json before = k1.status();
    CHECK(before.at("pending") == 5000);
    CHECK(before.at("oldest_pending_age_s").get<std::int64_t>() >= 21 * 86400 - 60);
    CHECK(before.at("last_success").is_null());
    k1.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    json after = k1.status();
    CHECK(after.at("pending") == 0);
    CHECK(after.at("oldest_pending_age_s").is_null());
    CHECK(after.at("last_success").is_string());
    const json exported = center_export(center.dir());
    CHECK(check_exactly_once(exported) == 5000);
    CHECK(exported.at("devices")[0].at("acked_seq") == 5000);
}

TEST_CASE("a terminal whose clock is a day off still converges, and center steps order after "
          "its events") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal ahead(tmp / "ahead", "SZ01", "K1");
    Terminal behind(tmp / "behind", "SZ01", "K2");
    const core::Millis now = core::SystemClock().now();
    const auto a = ahead.file(20, now + core::k_day);
    const auto b = behind.file(20, now - core::k_day);
    for (auto* t : {&ahead, &behind}) {
        t->enroll(center);
        REQUIRE(t->sync_once() == 0);
    }
    // The center answers the skewed ticket; its step must come after the ticket's own events
    // in the timeline, although the center's clock is a day behind that terminal's.
    for (const auto& number : {a[0], b[0]}) {
        auto r = run_center(center.dir(), {"act", number, "note", "--actor", "C001", "--role",
                                           "reviewer", "--json", R"({"text":"中心已收到"})"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    }
    for (auto* t : {&ahead, &behind}) {
        REQUIRE(t->sync_once() == 0);
    }
    for (auto* t : {&ahead, &behind}) {
        CHECK(t->event_count() == 42);
        const json shown = t->show(a[0]);
        const auto& events = shown.at("events");
        REQUIRE(events.size() == 2);
        CHECK(events[0].at("kind") == "create");
        CHECK(events[1].at("kind") == "note");
        CHECK(events[1].at("hlc").get<core::Hlc>() > events[0].at("hlc").get<core::Hlc>());
    }
    CHECK(check_exactly_once(center_export(center.dir())) == 42);
}

TEST_CASE("a terminal whose clock is weeks ahead keeps a dead letter saying its clock is wrong") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(1, core::SystemClock().now() + 30 * core::k_day);
    k1.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    CHECK(k1.status().at("dead_letters") == 1);
    auto letters = k1.cli({"sync", "dead-letters", "--json"});
    REQUIRE(letters.exit_code == 0);
    const json list = json::parse(letters.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("status") == 422);
    const std::string error = list[0].at("error");
    CHECK(error.starts_with("clock_ahead: "));
    CHECK(error.find("this terminal's clock is wrong") != std::string::npos);
    // The center stored nothing of it, and its mark moved past it.
    const json exported = center_export(center.dir());
    CHECK(exported.at("event_count") == 0);
    CHECK(exported.at("devices")[0].at("acked_seq") == 1);
}

TEST_CASE("a terminal that was away pulls thousands of events in pages and applies each once") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    Terminal k2(tmp / "k2", "SZ01", "K2");
    const auto numbers = k1.file(2500);
    k1.enroll(center);
    k2.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    REQUIRE(k2.sync_once() == 0);
    CHECK(k2.event_count() == 2500);
    // A second pass pulls nothing new and changes nothing.
    REQUIRE(k2.sync_once() == 0);
    CHECK(k2.event_count() == 2500);
    CHECK(k2.show(numbers.back()).at("number") == numbers.back());
    auto list = k2.cli({"list", "--limit", "5000", "--json"});
    CHECK(json::parse(list.out).size() == 2500);
}
