// Exactly once under failure: a faulty link (dropped, reset after the center committed,
// delayed and truncated connections), SIGKILL of the client at random moments, a center
// restart and a center restored from an older backup. After each, every event is at the
// center exactly once and the terminals have converged.
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/fault_proxy.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <csignal>
#include <random>
#include <thread>

using namespace cf::test;
using nlohmann::json;

namespace {

// Runs `sync --once` until it succeeds (at most `tries` times); returns the attempts made.
int sync_until_done(const Terminal& t, int tries, const std::vector<std::string>& extra = {}) {
    for (int i = 1; i <= tries; ++i) {
        if (t.sync_once(extra) == 0) {
            return i;
        }
    }
    FAIL("sync did not complete in ", tries, " attempts");
    return tries;
}

void expect_converged(const Terminal& t, const CenterProcess& center) {
    const json status = t.status();
    CHECK(status.at("pending") == 0);
    CHECK(status.at("dead_letters") == 0);
    const json exported = center_export(center.dir());
    CHECK(check_exactly_once(exported) == t.last_seq());
}

} // namespace

TEST_CASE("a link that drops, resets after commit, delays and truncates loses and doubles "
          "nothing") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(600);
    std::mt19937 rng(4);
    // Every kind of fault on about half the responses; the sequence is fixed by the seed.
    FaultProxy proxy(center.port(), [&rng](int) {
        switch (rng() % 8) {
        case 0:
            return ProxyFault::drop;
        case 1:
        case 2:
            return ProxyFault::reset;
        case 3:
            return ProxyFault::truncate;
        case 4:
            return ProxyFault::delay;
        default:
            return ProxyFault::pass;
        }
    });
    k1.enroll(center, proxy.url());
    const int attempts = sync_until_done(k1, 200, {"--batch", "50"});
    CHECK(attempts > 1);
    CHECK(proxy.faults_injected() > 5);
    expect_converged(k1, center);
}

TEST_CASE("a reset after every push the center committed still ends exactly once") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(300);
    // Responses alternate device status, push: reset every push answer for a while.
    FaultProxy proxy(center.port(), [](int i) {
        return i < 12 && i % 2 == 1 ? ProxyFault::reset : ProxyFault::pass;
    });
    k1.enroll(center, proxy.url());
    sync_until_done(k1, 50, {"--batch", "50"});
    expect_converged(k1, center);
}

TEST_CASE("SIGKILL of the client at random moments during sync loses and doubles nothing") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(3000);
    k1.enroll(center);
    std::mt19937 rng(11);
    int killed = 0;
    for (int round = 0; round < 12; ++round) {
        const pid_t pid =
            spawn(cli_path(), {"--data", k1.dir().string(), "sync", "--once", "--batch", "100"});
        std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 400));
        if (::kill(pid, SIGKILL) == 0) {
            ++killed;
        }
        wait_for(pid);
    }
    CHECK(killed > 0);
    sync_until_done(k1, 3);
    expect_converged(k1, center);
}

TEST_CASE("a center restart and a SIGKILLed center lose nothing the client was told") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(200);
    k1.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    k1.file(200);
    CHECK(center.stop() == 0);  // graceful: SIGTERM
    CHECK(k1.sync_once() == 5); // unreachable
    CHECK(k1.status().at("last_error").is_string());
    center.start();
    REQUIRE(k1.sync_once() == 0);
    k1.file(200);
    center.kill_hard();
    center.start();
    REQUIRE(k1.sync_once() == 0);
    expect_converged(k1, center);
    CHECK(k1.status().at("last_error").is_null());
}

TEST_CASE("a center restored from an older backup gets the missing events again (new epoch)") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    Terminal k2(tmp / "k2", "SZ01", "K2");
    k1.file(100);
    k1.enroll(center);
    k2.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    auto backup = run_center(center.dir(), {"backup", "--to", (tmp / "backup.db").string()});
    REQUIRE_MESSAGE(backup.exit_code == 0, backup.err);
    const std::string old_epoch = center_export(center.dir()).at("epoch");
    const auto later = k1.file(150);
    REQUIRE(k1.sync_once() == 0);
    REQUIRE(k2.sync_once() == 0);
    CHECK(k2.event_count() == 250);

    center.stop();
    auto restored = run_center(center.dir(), {"restore", "--from", (tmp / "backup.db").string()});
    REQUIRE_MESSAGE(restored.exit_code == 0, restored.err);
    center.start();
    json before = center_export(center.dir());
    CHECK(before.at("epoch") != old_epoch);
    CHECK(before.at("event_count") == 100);

    REQUIRE(k1.sync_once() == 0);
    auto out = k1.cli({"sync", "--once"});
    expect_converged(k1, center);
    CHECK(center_export(center.dir()).at("event_count") == 250);
    // The other terminal pulls from the start of the new epoch and skips what it has.
    REQUIRE(k2.sync_once() == 0);
    CHECK(k2.event_count() == 250);
    CHECK(k2.show(later.back()).at("number") == later.back());
}
