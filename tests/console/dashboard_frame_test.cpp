// The dashboard of 500 branches stays cheap to draw: every text comes from the answer's cache
// and the full branch list is clipped, so a frame's CPU does not grow with the branches.

#include "tests/console/console_center.h"
#include "tests/support/ui/console_harness.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace cf;
using console::Screen;

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

} // namespace

TEST_CASE("the dashboard with 500 branches draws each frame in a few milliseconds") {
    test::ConsoleCenter center(5000, 500);
    test::ConsoleHarness h(center.url());
    h.sign_in("M01", test::k_password);
    h.click_and_settle("nav.dashboard");
    REQUIRE(h.controller().dashboard().has());
    // Nearly every branch has tickets in the last 12 weeks of the sample.
    CHECK(h.controller().dashboard().data().by_branch.size() > 450);
    // Only the busiest branches are in the chart; the table draws the rows on screen.
    CHECK(h.ids("dash.branch.").size() == console::DashboardModel::k_top_branches);
    CHECK(h.ids("dash.branch_row.").size() < 40);

    std::vector<double> ms;
    for (int i = 0; i < 200; ++i) {
        // The mouse moves over the charts, as a person's would.
        h.platform().set_mouse(200.0f + static_cast<float>(i * 8 % 1500), 500.0f);
        const double start = thread_cpu_ms();
        h.frame();
        ms.push_back(thread_cpu_ms() - start);
    }
    std::sort(ms.begin(), ms.end());
    const double p99 = ms[ms.size() * 99 / 100];
    MESSAGE("dashboard frame CPU p50 " << ms[ms.size() / 2] << " ms, p99 " << p99 << " ms");
    // The target (issue 6) is 4 ms in Release; this holds in Debug builds too (thread CPU time,
    // so other processes on the machine do not count).
    CHECK(p99 < 4.0);
}
