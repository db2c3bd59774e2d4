// Issue 13, enrolment takeover: a code is for one branch and one terminal id, or for a
// terminal id the center has not seen; an enrolled terminal is replaced only with a code made
// with --replace, and the replaced device's token stops working when the new one enrols.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <thread>

using namespace cf::test;
using nlohmann::json;

namespace {

struct Center {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    ApiClient api{center};

    ApiReply enroll(const std::string& code, const std::string& terminal) {
        return api.post(
            "/v1/enroll",
            json{{"protocol", 1}, {"code", code}, {"branch", "SZ01"}, {"terminal", terminal}}
                .dump());
    }
    std::string code(const std::vector<std::string>& extra = {}) {
        return center.enroll_code("SZ01", extra);
    }
    int device_status(const std::string& token) { return api.get("/v1/device", token).status; }
};

} // namespace

TEST_CASE("a code for a new terminal cannot enrol a terminal id the center has") {
    Center c;
    const std::string k1 = c.api.enroll(c.center, "SZ01", "K1");
    const ApiReply taken = c.enroll(c.code(), "K1");
    CHECK(taken.status == 409);
    CHECK(taken.body.at("error") == "device_exists");
    CHECK(taken.body.at("field") == "terminal");
    CHECK(taken.body.at("message").get<std::string>().find("--terminal K1 --replace") !=
          std::string::npos);
    CHECK_FALSE(taken.body.contains("token"));
    // K1 keeps working, and is the only device.
    CHECK(c.device_status(k1) == 200);
    CHECK(center_export(c.center.dir()).at("devices").size() == 1);
}

TEST_CASE("a code made for one terminal id enrols only that one") {
    Center c;
    const std::string code = c.code({"--terminal", "K2"});
    const ApiReply wrong = c.enroll(code, "K3");
    CHECK(wrong.status == 403);
    CHECK(wrong.body.at("error") == "wrong_terminal");
    CHECK(wrong.body.at("field") == "terminal");
    const ApiReply right = c.enroll(code, "K2");
    CHECK_MESSAGE(right.status == 200, right.body.dump());
    CHECK(right.body.at("device") == "SZ01/K2");
}

TEST_CASE("an active terminal is enrolled again only with --replace, which revokes its old "
          "token at once") {
    Center c;
    const std::string old_token = c.api.enroll(c.center, "SZ01", "K1");
    const ApiReply refused = c.enroll(c.code({"--terminal", "K1"}), "K1");
    CHECK(refused.status == 409);
    CHECK(refused.body.at("error") == "device_active");
    CHECK(refused.body.at("message").get<std::string>().find("--replace") != std::string::npos);
    CHECK(c.device_status(old_token) == 200);

    const ApiReply replaced = c.enroll(c.code({"--terminal", "K1", "--replace"}), "K1");
    REQUIRE_MESSAGE(replaced.status == 200, replaced.body.dump());
    const std::string new_token = replaced.body.at("token");
    const ApiReply old_answer = c.api.get("/v1/device", old_token);
    CHECK(old_answer.status == 401);
    CHECK(old_answer.body.at("error") == "token_revoked");
    CHECK(c.device_status(new_token) == 200);
}

TEST_CASE("a terminal whose token expired enrols again with a code for its id") {
    Center c;
    const std::string old_token =
        c.api.enroll(c.center, "SZ01", "K1", {"--token-ttl-seconds", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    CHECK(c.device_status(old_token) == 401);
    const ApiReply again = c.enroll(c.code({"--terminal", "K1"}), "K1");
    CHECK_MESSAGE(again.status == 200, again.body.dump());
}

TEST_CASE("enroll-code --replace needs --terminal, and a terminal id must be valid") {
    Center c;
    auto no_terminal = run_center(c.center.dir(), {"enroll-code", "--branch", "SZ01", "--replace"});
    CHECK(no_terminal.exit_code == 2);
    CHECK(no_terminal.err.find("--replace") != std::string::npos);
    auto bad = run_center(c.center.dir(), {"enroll-code", "--branch", "SZ01", "--terminal", "k 1"});
    CHECK(bad.exit_code == 3);
    CHECK(bad.err.find("terminal") != std::string::npos);
}
