// Console sign-in against a real center: the right password, a wrong one and the lockout,
// fields named before sending, the idle sign-out, and a center that cannot be reached.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include <doctest/doctest.h>

using namespace cf;
using console::Screen;

TEST_CASE("staff sign in against the center, see their role's queues, and sign out") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    CHECK(h.controller().screen() == Screen::sign_in);
    CHECK_FALSE(h.shows("nav.queue")); // nothing behind the sign-in

    h.sign_in("R01", test::k_password);
    REQUIRE(h.controller().signed_in());
    CHECK(h.controller().staff().role == core::Role::reviewer);
    CHECK(h.controller().screen() == Screen::queue);
    CHECK(h.controller().sign_in_password().empty()); // the password is not kept
    CHECK(h.shows("queue.review"));
    CHECK(h.shows("queue.answer"));
    CHECK_FALSE(h.shows("queue.dispatch")); // the dispatcher's list
    CHECK(h.shows("nav.dashboard"));

    h.click("nav.sign_out");
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().screen() == Screen::sign_in);
}

TEST_CASE("a handler sees only the department lists and no dashboard") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    h.sign_in("H01", test::k_password);
    REQUIRE(h.controller().signed_in());
    CHECK(h.controller().staff().department == "billing");
    CHECK(h.shows("queue.departments"));
    CHECK(h.shows("queue.overdue"));
    CHECK_FALSE(h.shows("queue.review"));
    CHECK_FALSE(h.shows("queue.all"));
    CHECK_FALSE(h.shows("nav.dashboard"));
}

TEST_CASE("empty fields are named and nothing is sent") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    h.click("sign_in.submit");
    CHECK(h.controller().notice().key == "console.sign_in.need_id");
    CHECK_FALSE(h.controller().waiting());
    h.fill("sign_in.id", "R01");
    h.click("sign_in.submit");
    CHECK(h.controller().notice().key == "console.sign_in.need_password");
    CHECK_FALSE(h.controller().waiting());
}

TEST_CASE("a wrong password is refused, and repeated failures lock the account") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    h.sign_in("R01", "wrong-password");
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "console.sign_in.bad_credentials");
    CHECK(h.shows("notice"));
    // An unknown id gets the same answer.
    h.sign_in("X99", "wrong-password");
    CHECK(h.controller().notice().key == "console.sign_in.bad_credentials");

    bool locked = false;
    for (int i = 0; i < 12 && !locked; ++i) {
        h.sign_in("R01", "wrong-password");
        locked = h.controller().notice().key == "console.sign_in.locked";
    }
    REQUIRE(locked);
    // Locked: the right password does not get in either, and the notice says until when.
    h.sign_in("R01", test::k_password);
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "console.sign_in.locked");
    REQUIRE(h.controller().notice().args.size() == 1);
    CHECK(h.controller().notice().args[0].second != "—");
}

TEST_CASE("an idle console signs out after the configured minutes") {
    test::ConsoleCenter center;
    test::ConsoleHarnessOptions options;
    options.timings.idle_sign_out = 15 * core::k_minute;
    test::ConsoleHarness h(center.url(), options);
    h.sign_in("A01", test::k_password);
    REQUIRE(h.controller().signed_in());
    REQUIRE(h.controller().next_deadline().has_value());

    h.advance(14 * core::k_minute);
    CHECK(h.controller().signed_in());
    h.click("queue.audit"); // input: the staff member is still there
    h.settle();
    h.advance(14 * core::k_minute);
    CHECK(h.controller().signed_in());
    h.advance(2 * core::k_minute);
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().screen() == Screen::sign_in);
    CHECK(h.controller().notice().key == "console.sign_in.idle");
}

TEST_CASE("signing in while the center is down says it cannot be reached") {
    test::ConsoleCenter center;
    test::ConsoleHarness h(center.url());
    // One answer first: a SIGTERM that reaches the center before it serves is lost (a race in
    // `serve`, reported), and the center would never stop.
    h.sign_in("R01", "wrong-password");
    REQUIRE(h.controller().notice().key == "console.sign_in.bad_credentials");
    center.center->stop();
    h.sign_in("R01", test::k_password);
    CHECK_FALSE(h.controller().signed_in());
    CHECK(h.controller().notice().key == "console.sign_in.unreachable");
    CHECK(h.shows("unreachable"));
    CHECK_FALSE(h.controller().reachability().reachable);

    center.center->start();
    h.sign_in("R01", test::k_password);
    CHECK(h.controller().signed_in());
    CHECK(h.controller().reachability().reachable);
    CHECK_FALSE(h.shows("unreachable"));
}

TEST_CASE("closing the console signs its staff member out on the center too") {
    test::ConsoleCenter center;
    {
        test::ConsoleHarness h(center.url());
        h.sign_in("A01", test::k_password);
        REQUIRE(h.controller().signed_in());
    } // the window closes with A01 still signed in
    // The sign-out went out before the console's request worker stopped.
    const std::string log = center.center->log();
    const auto at = log.find("\"path\":\"/v1/console/sign-out\"");
    REQUIRE_MESSAGE(at != std::string::npos, log);
    const auto line_end = log.find('\n', at);
    const auto line_start = log.rfind('\n', at);
    const std::string line = log.substr(line_start + 1, line_end - line_start - 1);
    CHECK_MESSAGE(line.find("\"status\":200") != std::string::npos, line);
}
