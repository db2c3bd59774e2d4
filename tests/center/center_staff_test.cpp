// Console sign-in in the center's storage (issue 13, findings 4, 5 and 6): every refusal does
// the same Argon2 work and gets the same answer, attempts at one id are checked one at a time
// and counted before the next, wrong passwords slow an id down (known or not) instead of
// locking it for minutes, and one address that keeps failing is slowed down before any
// password is checked. Times are passed in, so no case waits for a clock.
#include "center/cpu_slots.h"
#include "center/sqlite_center_storage.h"
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>
#include <sodium.h>

#include <array>
#include <chrono>
#include <latch>
#include <thread>

using namespace cf::test;
using cf::center::SqliteCenterStorage;
using cf::core::Millis;

namespace {

constexpr Millis k_t0 = 1'800'000'000'000;

struct Staffed {
    TempDir tmp;
    std::unique_ptr<SqliteCenterStorage> storage;

    explicit Staffed(std::initializer_list<const char*> ids) {
        REQUIRE(SqliteCenterStorage::init(tmp / "center"));
        auto opened = SqliteCenterStorage::open(tmp / "center");
        REQUIRE(opened);
        storage = std::move(*opened);
        for (const char* id : ids) {
            cf::center::StaffAccount a;
            a.id = id;
            a.name = std::string("Staff ") + id;
            a.role = cf::core::Role::reviewer;
            REQUIRE(storage->add_staff(a, k_password, k_t0));
        }
    }

    cf::center::CenterResult<cf::sync::SignInResponse>
    sign_in(const std::string& id, const std::string& password, Millis now) {
        return storage->sign_in(cf::sync::SignInRequest{id, password}, cf::center::k_session_ttl,
                                now);
    }
};

// The fastest of three Argon2id checks in this process, as a floor for a sign-in that checks.
double argon2_ms() {
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    REQUIRE(crypto_pwhash_str(hash.data(), "x", 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0);
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        const auto t = std::chrono::steady_clock::now();
        CHECK(crypto_pwhash_str_verify(hash.data(), "y", 1) != 0);
        best = std::min(
            best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t)
                      .count());
    }
    return best;
}

} // namespace

TEST_CASE("an unknown id, a short or long password, a disabled account and a wrong password get "
          "the same answer after the same Argon2 work") {
    Staffed s({"R01", "R02", "R03", "R04"});
    REQUIRE(s.storage->disable_staff("R04", k_t0));
    const double floor_ms = argon2_ms() / 3;
    struct Case {
        const char* what;
        std::string id;
        std::string password;
    };
    const std::vector<Case> cases = {
        {"unknown id", "X99", k_password},
        {"short password", "R01", "abc"},
        {"long password", "R02", std::string(129, 'p')},
        {"wrong password", "R03", "wrong password"},
        {"disabled account", "R04", "wrong password"},
    };
    std::optional<cf::center::CenterError> first;
    for (const auto& c : cases) {
        CAPTURE(c.what);
        const auto t = std::chrono::steady_clock::now();
        auto r = s.sign_in(c.id, c.password, k_t0);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
        REQUIRE_FALSE(r);
        CHECK(r.error().status == 401);
        CHECK(r.error().code == "bad_credentials");
        CHECK(ms >= floor_ms);
        if (!first) {
            first = r.error();
        }
        CHECK(r.error().message == first->message);
        CHECK(r.error().field == first->field);
    }
}

TEST_CASE("sixteen sign-ins at once for one id: one is checked, the others wait their turn") {
    Staffed s({"M01"});
    std::latch start(16);
    std::vector<cf::center::CenterResult<cf::sync::SignInResponse>> answers(
        16, std::unexpected(cf::center::CenterError{}));
    std::vector<std::thread> threads;
    for (int i = 0; i < 16; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            answers[i] = s.sign_in("M01", i == 7 ? k_password : "wrong password", k_t0);
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    int checked = 0;
    int sessions = 0;
    for (const auto& a : answers) {
        if (a) {
            ++sessions;
        }
        if (a || a.error().status != 423) {
            ++checked;
        } else {
            CHECK(a.error().code == "locked");
        }
    }
    CHECK(checked == 1);
    CHECK(sessions <= 1);
}

TEST_CASE("after a wrong password the id waits a second, and the right one gets no session "
          "until then") {
    Staffed s({"M01"});
    CHECK(s.sign_in("M01", "wrong password", k_t0).error().code == "bad_credentials");
    auto early = s.sign_in("M01", k_password, k_t0 + 10);
    REQUIRE_FALSE(early);
    CHECK(early.error().status == 423);
    CHECK(early.error().code == "locked");
    CHECK(early.error().locked_until == k_t0 + 1000);
    CHECK(s.sign_in("M01", k_password, k_t0 + 1000));
}

TEST_CASE("an unknown id is slowed down like a known one, with the same answer") {
    Staffed s({"M01"});
    CHECK(s.sign_in("M01", "wrong password", k_t0).error().code == "bad_credentials");
    CHECK(s.sign_in("NOBODY", "wrong password", k_t0).error().code == "bad_credentials");
    auto known = s.sign_in("M01", "wrong password", k_t0 + 10);
    auto unknown = s.sign_in("NOBODY", "wrong password", k_t0 + 10);
    REQUIRE_FALSE(known);
    REQUIRE_FALSE(unknown);
    CHECK(known.error().status == 423);
    CHECK(unknown.error().status == 423);
    CHECK(known.error().code == unknown.error().code);
    CHECK(known.error().message == unknown.error().message);
    CHECK(known.error().field == unknown.error().field);
    CHECK(known.error().locked_until == unknown.error().locked_until);
}

TEST_CASE("wrong passwords double the wait up to a minute; the right one then gets in") {
    Staffed s({"M01"});
    Millis at = k_t0;
    Millis wait = 0;
    for (int i = 0; i < 12; ++i) {
        CAPTURE(i);
        auto r = s.sign_in("M01", "wrong password", at);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == "bad_credentials");
        auto next = s.sign_in("M01", "wrong password", at);
        REQUIRE_FALSE(next);
        REQUIRE(next.error().status == 423);
        const Millis delay = *next.error().locked_until - at;
        CHECK(delay >= wait);
        CHECK(delay <= cf::core::k_minute);
        wait = delay;
        at = *next.error().locked_until;
    }
    CHECK(wait == cf::core::k_minute);
    CHECK(s.sign_in("M01", k_password, at));
}

TEST_CASE("one address that keeps failing is slowed down before any password is checked") {
    ConsoleCenter c;
    for (int i = 0; i < 10; ++i) {
        auto r = c.sign_in_reply("U" + std::to_string(i), "wrong password");
        CHECK(r.status == 401);
    }
    auto r = c.sign_in_reply("U99", "wrong password");
    CHECK(r.status == 429);
    CHECK(r.body.value("error", "") == "too_many_attempts");
    CHECK_FALSE(r.retry_after.empty());
    // Not the id's doing: another address still gets its answer.
    CHECK(c.sign_in_reply("U99", "wrong password").status == 429);
}

TEST_CASE("concurrent sign-ins never run more Argon2 checks at once than the cap") {
    Staffed s({"R01"});
    constexpr int k_threads = 12;
    std::latch start(k_threads);
    std::vector<int> statuses(k_threads, 0);
    std::vector<std::thread> threads;
    for (int i = 0; i < k_threads; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto r = s.sign_in("U" + std::to_string(i), "wrong password", k_t0);
            statuses[i] = r ? 200 : r.error().status;
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    const auto checks = s.storage->password_checks();
    CHECK(checks.most_at_once >= 1);
    CHECK(checks.most_at_once <= cf::center::CpuSlots::for_passwords().size());
    int refused = 0;
    for (int status : statuses) {
        CHECK((status == 401 || status == 503));
        refused += status == 401 ? 1 : 0;
    }
    // Every 401 did its check; a 503 did none.
    CHECK(checks.done == refused);
}

TEST_CASE("every refusal of a password is one counted check") {
    Staffed s({"R01", "R02"});
    REQUIRE(s.storage->disable_staff("R02", k_t0));
    const auto before = s.storage->password_checks().done;
    CHECK_FALSE(s.sign_in("X99", "wrong password", k_t0));
    CHECK_FALSE(s.sign_in("R01", "abc", k_t0));
    CHECK_FALSE(s.sign_in("R02", "wrong password", k_t0));
    CHECK(s.storage->password_checks().done == before + 3);
    // A throttled attempt is answered without one.
    CHECK(s.sign_in("R01", k_password, k_t0).error().status == 423);
    CHECK(s.storage->password_checks().done == before + 3);
}
