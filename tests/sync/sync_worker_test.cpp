// The background worker the app runs: it syncs without being asked, wakes the UI through its
// callback, keeps a status snapshot, backs off while the center is away and stops at once.
#include "sync/sync_worker.h"
#include "tests/support/store_fixture.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/fault_proxy.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace cf::test;
namespace cs = cf::sync;

namespace {

template <class F> bool eventually(F condition, int ms = 20000) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        if (condition()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

} // namespace

TEST_CASE("the worker pushes in the background, reports status and wakes the UI") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(50);
    k1.enroll(center);
    std::atomic<int> wakes{0};
    cs::SyncWorkerOptions options;
    options.data_dir = k1.dir();
    options.installed_assets = assets_dir();
    options.poll_interval = std::chrono::milliseconds(200);
    options.on_change = [&] {
        ++wakes;
    };
    cs::SyncWorker worker(options);
    REQUIRE(worker.start());
    CHECK(eventually([&] {
        auto s = worker.status();
        return s.pending == 0 && s.online && s.last_success > 0;
    }));
    CHECK(wakes.load() >= 2);
    // A ticket filed by the app: sync_now sends it without waiting for the poll.
    k1.file(1);
    worker.sync_now();
    CHECK(eventually([&] { return center_export(center.dir()).at("event_count") == 51; }));
    worker.stop();
    CHECK(worker.status().dead_letters == 0);
}

TEST_CASE("while the center is away the worker shows the error and backs off, and it stops at "
          "once even with a request hanging") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(5);
    // After enrolment every answer is held back for 30 s: a request in flight at stop().
    FaultProxy proxy(
        center.port(),
        [](int i) { return i == 0 ? cf::test::ProxyFault::pass : cf::test::ProxyFault::delay; },
        30000);
    k1.enroll(center, proxy.url());
    cs::SyncWorkerOptions options;
    options.data_dir = k1.dir();
    options.installed_assets = assets_dir();
    cs::SyncWorker worker(options);
    REQUIRE(worker.start());
    CHECK(eventually([&] { return worker.status().syncing; }));
    const auto started = std::chrono::steady_clock::now();
    worker.stop();
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(3));
    CHECK(worker.status().pending == 5);

    // The center is down: the worker records the error and plans the next try.
    center.stop();
    cs::SyncWorker down(
        cs::SyncWorkerOptions{k1.dir(), assets_dir(), std::chrono::milliseconds(100), 500, {}});
    REQUIRE(down.start());
    CHECK(eventually([&] { return !down.status().last_error.empty(); }));
    const auto s = down.status();
    CHECK_FALSE(s.online);
    CHECK(s.pending == 5);
    CHECK(s.next_attempt_at > cf::core::SystemClock().now());
    down.stop();
}

TEST_CASE("the worker refuses to start without an enrolment or with a readable token") {
    TempDir tmp;
    Terminal k1(tmp / "k1", "SZ01", "K1");
    cs::SyncWorker worker(cs::SyncWorkerOptions{k1.dir(), assets_dir(), {}, 500, {}});
    auto r = worker.start();
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("enroll") != std::string::npos);
}

TEST_CASE("while the center is away a crisis ticket is sent at once, not after the backoff") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    std::atomic<bool> away{false};
    FaultProxy proxy(center.port(),
                     [&](int) { return away ? ProxyFault::drop : ProxyFault::pass; });
    k1.enroll(center, proxy.url());
    away = true;
    cs::SyncWorker worker(
        cs::SyncWorkerOptions{k1.dir(), assets_dir(), std::chrono::milliseconds(200), 500, {}});
    REQUIRE(worker.start());
    // Four failed passes: the next try is 4 to 8 seconds away.
    const cf::core::SystemClock clock;
    REQUIRE(eventually([&] {
        const auto s = worker.status();
        return !s.online && s.next_attempt_at > clock.now() + 3500;
    }));
    const cf::core::Millis backoff_ends = worker.status().next_attempt_at;
    away = false; // the center is back, but the worker does not know yet

    auto store = cf::core::TicketStore::open(k1.dir(), clock);
    REQUIRE(store);
    // A plain complaint waits for the backoff.
    REQUIRE(store->file(sample_complaint(), frontdesk()));
    worker.sync_now();
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    CHECK(worker.status().pending == 1);
    // A 重大 complaint does not: the center's manager must hear of it now.
    cf::core::NewTicket major = sample_complaint();
    major.severity = cf::core::Severity::major;
    REQUIRE(store->file(major, frontdesk()));
    worker.sync_now();
    CHECK(eventually([&] { return worker.status().pending == 0; }));
    CHECK(clock.now() < backoff_ends);
    worker.stop();
    CHECK(center_export(center.dir()).at("event_count") == 2);
}
