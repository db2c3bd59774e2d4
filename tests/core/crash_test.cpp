// A child process files tickets in a loop and prints each number after its commit; the parent
// kills it with SIGKILL at random moments, many times. Every number the child printed must be
// in the database afterwards, and the database must pass its integrity check.
#include "core/ticket_store.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

#include <csignal>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

using namespace cf;

namespace {

[[noreturn]] void file_forever(const std::filesystem::path& data, int out_fd) {
    core::SystemClock clock;
    auto store = core::TicketStore::open(data, clock);
    if (!store) {
        _exit(3);
    }
    // Tell the parent the store is open, so the kill lands while tickets are being filed and
    // not during start-up (which can take longer than the kill delay on a loaded machine).
    if (write(out_fd, "open\n", 5) != 5) {
        _exit(5);
    }
    while (true) {
        auto t = store->file(test::sample_complaint(), test::frontdesk());
        if (!t) {
            _exit(4);
        }
        std::string line = t->number + "\n";
        if (write(out_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
            _exit(5);
        }
    }
}

// Waits for the child's "open" line.
bool wait_until_open(int fd) {
    std::string line;
    char c = 0;
    while (read(fd, &c, 1) == 1) {
        if (c == '\n') {
            return line == "open";
        }
        line += c;
    }
    return false;
}

// Reads whatever the child wrote until it is gone; returns complete lines only.
std::vector<std::string> read_lines(int fd) {
    std::string all;
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        all.append(buf, static_cast<std::size_t>(n));
    }
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = all.find('\n', start)) != std::string::npos; start = nl + 1) {
        lines.push_back(all.substr(start, nl - start));
    }
    return lines;
}

} // namespace

TEST_CASE("every printed ticket number survives SIGKILL at random moments") {
    test::StoreFixture f;
    const auto data = f.dir / "data";
    f.store.reset(); // no connection may cross fork()

    std::mt19937 rng(20261123);
    std::uniform_int_distribution<int> delay_us(2'000, 60'000);
    std::set<std::string> printed;
    constexpr int k_rounds = 40;
    int killed_mid_run = 0;
    for (int round = 0; round < k_rounds; ++round) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(fds[0]);
            file_forever(data, fds[1]);
        }
        close(fds[1]);
        const bool opened = wait_until_open(fds[0]);
        if (!opened) {
            kill(child, SIGKILL);
            waitpid(child, nullptr, 0);
        }
        REQUIRE_MESSAGE(opened, "the child could not open the store");
        usleep(static_cast<useconds_t>(delay_us(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        killed_mid_run += WIFSIGNALED(status) ? 1 : 0;
        INFO("child exit status ", status);
        CHECK(WIFSIGNALED(status));
        for (auto& n : read_lines(fds[0])) {
            printed.insert(n);
        }
        close(fds[0]);
    }
    CHECK(killed_mid_run == k_rounds);

    auto store = core::TicketStore::open(data, f.clock);
    REQUIRE(store);
    auto check = store->database().query("PRAGMA integrity_check");
    REQUIRE(check);
    REQUIRE(*check->step());
    CHECK(check->text(0) == "ok");
    int missing = 0;
    for (const auto& number : printed) {
        if (!store->get(number)) {
            ++missing;
        }
    }
    MESSAGE(printed.size(), " numbers printed before the kills");
    CHECK(printed.size() > 0);
    CHECK(missing == 0);
    // Every ticket row has its create event, and every event is in the outbox: nothing is
    // half written.
    auto orphans = store->database().query(
        "SELECT count(*) FROM tickets t WHERE NOT EXISTS "
        "(SELECT 1 FROM events e WHERE e.ticket_id = t.id AND e.kind = 'create')");
    REQUIRE(orphans);
    REQUIRE(*orphans->step());
    CHECK(orphans->int64(0) == 0);
    CHECK(*store->count({}) >= static_cast<std::int64_t>(printed.size()));
    CHECK(*store->outbox_size() == *store->count({}));
}
