// Signing in to the console against a real center: the right password opens a 12-hour
// session, wrong ones get one answer whatever was wrong and make the id wait, a disabled account
// and a signed-out or expired session stop working at once, and tokens keep to their API.
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

#include <thread>

using namespace cf::test;
using nlohmann::json;

TEST_CASE("the right password opens a session; an unknown id and a wrong password look alike") {
    ConsoleCenter c;
    c.add_staff("H01", "handler", "billing");
    const auto before = c.now();
    auto ok = c.sign_in_reply("H01", k_password);
    REQUIRE_MESSAGE(ok.status == 200, ok.body.dump());
    CHECK(ok.body.at("staff").at("role") == "handler");
    CHECK(ok.body.at("staff").at("department") == "billing");
    CHECK(ok.body.at("expires_at").get<std::int64_t>() >= before + 12 * cf::core::k_hour);
    const std::string token = ok.body.at("token");
    CHECK(c.queue(token, "queue=departments").status == 200);

    auto wrong = c.sign_in_reply("H01", "wrong password");
    auto unknown = c.sign_in_reply("NOBODY", k_password);
    CHECK(wrong.status == 401);
    CHECK(unknown.status == 401);
    CHECK(wrong.body.at("error") == "bad_credentials");
    CHECK(unknown.body.at("error") == "bad_credentials");
    CHECK(wrong.body.at("message") == unknown.body.at("message"));
    CHECK(c.center.log().find(k_password) == std::string::npos);
}

TEST_CASE("wrong passwords make the id wait a little, even for the right one, then it gets in") {
    ConsoleCenter c;
    c.add_staff("R01", "reviewer");
    // Each wrong one doubles the wait from a second, so a 423 comes within a few tries.
    ApiReply waiting;
    for (int i = 0; i < 8 && waiting.status != 423; ++i) {
        waiting = c.sign_in_reply("R01", "wrong password");
        CHECK((waiting.status == 401 || waiting.status == 423));
    }
    REQUIRE(waiting.status == 423);
    CHECK(waiting.body.at("error") == "locked");
    CHECK_FALSE(waiting.retry_after.empty());
    const auto until = waiting.body.at("locked_until").get<std::int64_t>();
    CHECK(until <= c.now() + cf::core::k_minute);
    auto right = c.sign_in_reply("R01", k_password);
    if (c.now() < until) {
        CHECK(right.status == 423);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(until - c.now() + 50));
    CHECK(c.sign_in_reply("R01", k_password).status == 200);
}

TEST_CASE("a disabled account cannot sign in and its open sessions stop at once") {
    ConsoleCenter c;
    c.add_staff("A01", "auditor");
    const std::string token = c.sign_in("A01");
    REQUIRE(c.queue(token, "queue=audit").status == 200);
    REQUIRE(run_center(c.center.dir(), {"staff", "disable", "--id", "A01"}).exit_code == 0);
    auto refused = c.queue(token, "queue=audit");
    CHECK(refused.status == 401);
    CHECK(refused.body.at("error") == "token_revoked");
    auto again = c.sign_in_reply("A01", k_password);
    CHECK(again.status == 403);
    CHECK(again.body.at("error") == "account_disabled");
    // A wrong password does not tell that the account exists.
    CHECK(c.sign_in_reply("A01", "wrong password").body.at("error") == "bad_credentials");
}

TEST_CASE("sign-out ends the session; an expired session is refused") {
    ConsoleCenter c({"--session-ttl-seconds", "2"});
    c.add_staff("M01", "manager");
    const std::string token = c.sign_in("M01");
    const std::string other = c.sign_in("M01");
    auto out = c.api.post("/v1/console/sign-out", "", token);
    REQUIRE_MESSAGE(out.status == 200, out.body.dump());
    auto after = c.queue(token, "queue=review");
    CHECK(after.status == 401);
    CHECK(after.body.at("error") == "token_revoked");
    CHECK(c.queue(other, "queue=review").status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(2200));
    auto expired = c.queue(other, "queue=review");
    CHECK(expired.status == 401);
    CHECK(expired.body.at("error") == "token_expired");
}

TEST_CASE("the console API takes only staff sessions, and staff sessions only the console API") {
    ConsoleCenter c;
    c.add_staff("M01", "manager");
    const std::string staff = c.sign_in("M01");
    const std::string console =
        run_center(c.center.dir(), {"console-token", "--role", "manager"}).last_line();
    const std::string device = c.device_token.at("SZ01");
    for (const std::string& path :
         {std::string("/v1/console/queue?queue=review"), std::string("/v1/console/dashboard"),
          std::string("/v1/console/reports"),
          std::string("/v1/console/tickets/SZ01-261123-K1-0001X")}) {
        INFO(path);
        CHECK(c.api.get(path, device).body.at("error") == "wrong_scope");
        CHECK(c.api.get(path, console).body.at("error") == "wrong_scope");
        CHECK(c.api.get(path).body.at("error") == "missing_token");
        CHECK(c.api.get(path, "cfs1_" + std::string(64, 'a')).body.at("error") == "bad_token");
        CHECK(c.api.get(path, "forged").body.at("error") == "bad_token");
    }
    CHECK(c.api.get("/v1/center/tickets", staff).body.at("error") == "wrong_scope");
    CHECK(c.api.get("/v1/device", staff).body.at("error") == "wrong_scope");
    // The old console-token API is as it was.
    CHECK(c.api.get("/v1/center/tickets", console).status == 200);
    // Sign-in needs its fields.
    auto missing = c.api.post("/v1/console/sign-in", json{{"protocol", 1}}.dump());
    CHECK(missing.status == 400);
    CHECK(c.api.post("/v1/console/sign-in", "{not json").body.at("error") == "malformed_json");
}
