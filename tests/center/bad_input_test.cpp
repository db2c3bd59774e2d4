// Every bad input of issue 4 against a real center process: each gets a 4xx with a JSON error
// naming the problem, nothing is stored, and the server keeps serving.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include "sync/http_client.h"

#include <doctest/doctest.h>

#include <thread>

using namespace cf::test;
using nlohmann::json;

namespace {

struct Server {
    TempDir tmp;
    CenterProcess center{tmp / "center", {"--max-body", "65536"}};
    ApiClient api{center};
    std::string token = api.enroll(center, "SZ01", "K1");

    std::int64_t stored_events() { return center_export(center.dir()).at("event_count"); }

    // The answer is a JSON error with this status and code, the center stored nothing, and it
    // still answers the health check.
    void expect_refused(const ApiReply& r, int status, const std::string& code,
                        const std::string& field_part = {}) {
        INFO("answer: ", r.body.dump());
        CHECK(r.status == status);
        REQUIRE(r.body.is_object());
        CHECK(r.body.at("error") == code);
        CHECK(r.body.at("protocol") == 1);
        CHECK_FALSE(r.body.at("epoch").get<std::string>().empty());
        CHECK_FALSE(r.body.at("message").get<std::string>().empty());
        if (!field_part.empty()) {
            CHECK(r.body.at("field").get<std::string>().find(field_part) != std::string::npos);
        }
        CHECK(stored_events() == 0);
        CHECK(api.get("/healthz").status == 200);
    }
};

} // namespace

TEST_CASE("malformed JSON is refused with malformed_json") {
    Server s;
    s.expect_refused(
        s.api.post("/v1/push", R"({"protocol":1,"device":"SZ01/K1","events":[)", s.token), 400,
        "malformed_json");
}

TEST_CASE("a field of the wrong type is refused naming the field") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["device_seq"] = "1";
    s.expect_refused(s.api.post("/v1/push", push_body("SZ01/K1", json::array({e})).dump(), s.token),
                     400, "wrong_type", "events[0].device_seq");
}

TEST_CASE("an unknown event kind is refused naming the field") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["kind"] = "teleport";
    s.expect_refused(s.api.post("/v1/push", push_body("SZ01/K1", json::array({e})).dump(), s.token),
                     400, "unknown_kind", "events[0].kind");
}

TEST_CASE("an unknown field is refused naming it") {
    Server s;
    json body = push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)}));
    body["priority"] = "now";
    s.expect_refused(s.api.post("/v1/push", body.dump(), s.token), 400, "unknown_field",
                     "priority");
}

TEST_CASE("a body over the limit is refused with 413") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["payload"]["ticket"]["description"] = std::string(70'000, 'x');
    s.expect_refused(s.api.post("/v1/push", push_body("SZ01/K1", json::array({e})).dump(), s.token),
                     413, "body_too_large");
}

TEST_CASE("a gzip body that inflates past the limit is refused with 413") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["payload"]["ticket"]["description"] = std::string(500'000, 'x');
    const std::string zipped =
        cf::sync::gzip_compress(push_body("SZ01/K1", json::array({e})).dump());
    REQUIRE(zipped.size() < 65536);
    s.expect_refused(s.api.post("/v1/push", zipped, s.token, {{"Content-Encoding", "gzip"}}), 413,
                     "body_too_large");
}

TEST_CASE("invalid UTF-8 is refused with invalid_utf8") {
    Server s;
    std::string body = push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump();
    body.replace(body.find("S001"), 4, "S\xff\xfe\x01");
    s.expect_refused(s.api.post("/v1/push", body, s.token), 400, "invalid_utf8");
}

TEST_CASE("a missing token is refused with 401") {
    Server s;
    s.expect_refused(
        s.api.post("/v1/push",
                   push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump()),
        401, "missing_token");
}

TEST_CASE("a forged token is refused with 401") {
    Server s;
    std::string forged = s.token;
    forged.back() = forged.back() == 'a' ? 'b' : 'a';
    s.expect_refused(
        s.api.post("/v1/push",
                   push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump(),
                   forged),
        401, "bad_token");
}

TEST_CASE("an expired token is refused with 401") {
    Server s;
    const std::string short_lived =
        s.api.enroll(s.center, "SZ01", "K2", {"--token-ttl-seconds", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    s.expect_refused(
        s.api.post("/v1/push",
                   push_body("SZ01/K2", json::array({create_event("SZ01", "K2", 1, 1)})).dump(),
                   short_lived),
        401, "token_expired");
}

TEST_CASE("a revoked device's token is refused with 401") {
    Server s;
    auto r = run_center(s.center.dir(), {"revoke", "--device", "SZ01/K1"});
    REQUIRE(r.exit_code == 0);
    s.expect_refused(
        s.api.post("/v1/push",
                   push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump(),
                   s.token),
        401, "token_revoked");
}

TEST_CASE("another branch's token cannot push for this branch's device") {
    Server s;
    const std::string other = s.api.enroll(s.center, "GZ02", "K1");
    s.expect_refused(
        s.api.post("/v1/push",
                   push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump(),
                   other),
        403, "wrong_device", "device");
}

TEST_CASE("another branch's token cannot pull this branch's changes") {
    Server s;
    const std::string other = s.api.enroll(s.center, "GZ02", "K1");
    s.expect_refused(
        s.api.post(
            "/v1/pull",
            json{{"protocol", 1}, {"device", "SZ01/K1"}, {"cursor", {{"events", 0}, {"assets", 0}}}}
                .dump(),
            other),
        403, "wrong_device");
}

TEST_CASE("a batch out of order is refused") {
    Server s;
    json a = create_event("SZ01", "K1", 2, 1);
    json b = create_event("SZ01", "K1", 1, 2);
    s.expect_refused(
        s.api.post("/v1/push", push_body("SZ01/K1", json::array({a, b})).dump(), s.token), 400,
        "events_out_of_order", "events[1].device_seq");
}

TEST_CASE("a batch after a gap is refused and says where to start") {
    Server s;
    auto r = s.api.post(
        "/v1/push", push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 5, 1)})).dump(),
        s.token);
    s.expect_refused(r, 409, "gap");
    CHECK(r.body.at("expected_seq") == 1);
}

TEST_CASE("a replayed batch gets the same answer and is stored once") {
    Server s;
    const json first = create_event("SZ01", "K1", 1, 1);
    const std::string body =
        push_body("SZ01/K1", json::array({first, note_event(first, 2)})).dump();
    auto a = s.api.post("/v1/push", body, s.token);
    auto b = s.api.post("/v1/push", body, s.token);
    REQUIRE(a.status == 200);
    CHECK(b.status == 200);
    CHECK(a.body == b.body);
    CHECK(a.body.at("acked_seq") == 2);
    CHECK(s.stored_events() == 2);
}

TEST_CASE("a replay with other events under stored sequence numbers is refused") {
    Server s;
    const json first = create_event("SZ01", "K1", 1, 1);
    REQUIRE(
        s.api.post("/v1/push", push_body("SZ01/K1", json::array({first})).dump(), s.token).status ==
        200);
    auto r = s.api.post(
        "/v1/push", push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 2)})).dump(),
        s.token);
    INFO(r.body.dump());
    CHECK(r.status == 409);
    CHECK(r.body.at("error") == "seq_conflict");
    CHECK(r.body.at("index") == 0);
    CHECK(s.stored_events() == 1);
}

TEST_CASE("a center step sent by a terminal is refused naming the event") {
    Server s;
    const json first = create_event("SZ01", "K1", 1, 1);
    json step = note_event(first, 2);
    step["kind"] = "review_accept";
    step["payload"] = json::object();
    auto r =
        s.api.post("/v1/push", push_body("SZ01/K1", json::array({first, step})).dump(), s.token);
    s.expect_refused(r, 422, "center_step_from_terminal", "events[1]");
    CHECK(r.body.at("event_id") == step.at("id"));
}

TEST_CASE("an enrolment code works once, for its branch, until it expires") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    ApiClient api(center);
    const std::string code = center.enroll_code("SZ01");
    auto enroll = [&](const std::string& c, const std::string& branch) {
        return api.post(
            "/v1/enroll",
            json{{"protocol", 1}, {"code", c}, {"branch", branch}, {"terminal", "K1"}}.dump());
    };
    CHECK(enroll(code, "GZ02").body.at("error") == "wrong_branch");
    CHECK(enroll(code, "SZ01").status == 200);
    auto again = enroll(code, "SZ01");
    CHECK(again.status == 401);
    CHECK(again.body.at("error") == "code_used");
    const std::string short_code = center.enroll_code("SZ01", {"--ttl-seconds", "1"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1200));
    auto late = enroll(short_code, "SZ01");
    CHECK(late.status == 401);
    CHECK(late.body.at("error") == "code_expired");
    CHECK(api.get("/healthz").status == 200);
}
