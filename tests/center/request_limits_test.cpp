// Request bodies against a real center (issue 13, findings 2, 7 and 10): deep nesting,
// duplicate and unknown keys, NUL characters, over-long texts and huge names are refused with
// a short answer and a short log line naming the problem, nothing is stored, and the center
// stays up.
#include "tests/center/console_fixture.h"
#include "tests/sync/support/terminal.h"

#include "core/utf8.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace cf::test;
using nlohmann::json;

namespace {

std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

// A console step's body with the payload given as JSON text.
std::string console_step_text(const std::string& step, const std::string& payload) {
    static int n = 0;
    return R"({"protocol":1,"request_id":"limits-)" + std::to_string(++n) + R"(","step":")" + step +
           R"(","payload":)" + payload + "}";
}

ApiReply post_console_step(ConsoleCenter& c, const std::string& token, const std::string& number,
                           const std::string& body) {
    return c.api.post("/v1/console/tickets/" + number + "/steps", body, token);
}

bool alive(ConsoleCenter& c) {
    return c.api.get("/healthz").status == 200;
}

std::int64_t stored_events(ConsoleCenter& c) {
    return center_export(c.center.dir()).at("event_count");
}

std::size_t longest_log_line(const std::string& log) {
    std::istringstream in(log);
    std::size_t longest = 0;
    for (std::string line; std::getline(in, line);) {
        longest = std::max(longest, line.size());
    }
    return longest;
}

} // namespace

TEST_CASE("a console step nested 10,000 or 20,000 deep is refused, not stored, and the center "
          "stays up") {
    ConsoleCenter c;
    c.add_staff("M01", "manager");
    const std::string token = c.sign_in("M01");
    const std::string number = c.push({});
    const auto before = stored_events(c);
    for (std::size_t depth : {10'000u, 20'000u}) {
        CAPTURE(depth);
        auto r = post_console_step(
            c, token, number,
            console_step_text("note", R"({"text":"x","deep":)" + nested(depth) + "}"));
        CHECK(r.status == 400);
        CHECK(r.body.value("error", "") == "invalid_value");
        CHECK(r.body.value("message", "").find("deeper than") != std::string::npos);
        REQUIRE(alive(c));
    }
    CHECK(stored_events(c) == before);
}

TEST_CASE("a /v1/center step nested 100,000 deep is refused and the center stays up") {
    ConsoleCenter c;
    const std::string console =
        run_center(c.center.dir(), {"console-token", "--role", "manager", "--name", "C001"})
            .last_line();
    const std::string number = c.push({});
    const std::string body = R"({"protocol":1,"step":"note","actor":"C001","role":"manager",)"
                             R"("payload":{"text":"x","deep":)" +
                             nested(100'000) + "}}";
    auto r = c.api.post("/v1/center/tickets/" + number + "/steps", body, console);
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") == "invalid_value");
    REQUIRE(alive(c));
}

TEST_CASE("every other JSON body the center reads has a depth limit") {
    ConsoleCenter c;
    const std::string console =
        run_center(c.center.dir(), {"console-token", "--role", "manager", "--name", "C001"})
            .last_line();
    const std::string deep = R"({"protocol":1,"x":)" + nested(100'000) + "}";
    for (const auto& [path, token] :
         std::vector<std::pair<std::string, std::string>>{{"/v1/enroll", ""},
                                                          {"/v1/console/sign-in", ""},
                                                          {"/v1/pull", c.device_token["SZ01"]},
                                                          {"/v1/center/assets", console}}) {
        CAPTURE(path);
        auto r = c.api.post(path, deep, token);
        CHECK(r.status == 400);
        CHECK(r.body.value("error", "") == "invalid_value");
        CHECK(r.body.value("message", "").find("deeper than") != std::string::npos);
        REQUIRE(alive(c));
    }
}

TEST_CASE("a key given twice is refused, naming the key, not read as the last one") {
    ConsoleCenter c;
    c.add_staff("A01", "auditor");
    const std::string token = c.sign_in("A01");
    const std::string number = c.push({});
    const auto before = stored_events(c);
    // Once ran as a note.
    auto step = post_console_step(
        c, token, number,
        R"({"protocol":1,"request_id":"twice-0001","step":"audit_approve","step":"note",)"
        R"("payload":{"text":"x"}})");
    CHECK(step.status == 400);
    CHECK(step.body.value("field", "") == "step");
    CHECK(step.body.value("message", "").find("twice") != std::string::npos);
    CHECK(stored_events(c) == before);

    auto payload = post_console_step(c, token, number,
                                     console_step_text("note", R"({"text":"x","text":"y"})"));
    CHECK(payload.status == 400);
    CHECK(payload.body.value("field", "") == "payload.text");

    auto enroll = c.api.post("/v1/enroll", R"({"protocol":1,"code":"x","code":")" +
                                               c.center.enroll_code("SZ01") +
                                               R"(","branch":"SZ01","terminal":"K9"})");
    CHECK(enroll.status == 400);
    CHECK(enroll.body.value("field", "") == "code");

    auto sign_in = c.api.post("/v1/console/sign-in",
                              R"({"protocol":1,"staff":"A01","password":"wrong password",)"
                              R"("password":")" +
                                  std::string(k_password) + R"("})");
    CHECK(sign_in.status == 400);
    CHECK(sign_in.body.value("field", "") == "password");
}

TEST_CASE("a step payload holds only its step's keys, of their types") {
    ConsoleCenter c;
    c.add_staff("M01", "manager");
    const std::string token = c.sign_in("M01");
    const std::string console =
        run_center(c.center.dir(), {"console-token", "--role", "manager", "--name", "C001"})
            .last_line();
    const std::string number = c.push({});
    const auto before = stored_events(c);

    auto unknown =
        post_console_step(c, token, number, console_step_text("note", R"({"text":"x","bogus":1})"));
    CHECK(unknown.status == 400);
    CHECK(unknown.body.value("error", "") == "unknown_field");
    CHECK(unknown.body.value("field", "") == "payload.bogus");

    auto wrong_type =
        post_console_step(c, token, number, console_step_text("note", R"({"text":["x"]})"));
    CHECK(wrong_type.status == 400);
    CHECK(wrong_type.body.value("field", "") == "payload.text");

    auto center = c.api.post("/v1/center/tickets/" + number + "/steps",
                             json{{"protocol", 1},
                                  {"step", "note"},
                                  {"actor", "C001"},
                                  {"role", "manager"},
                                  {"payload", {{"text", "x"}, {"extra", {{"a", 1}}}}}}
                                 .dump(),
                             console);
    CHECK(center.status == 400);
    CHECK(center.body.value("field", "") == "payload.extra");
    CHECK(stored_events(c) == before);
}

TEST_CASE("a NUL character is refused in a step, an enrolment and a sign-in") {
    ConsoleCenter c;
    c.add_staff("M01", "manager");
    const std::string token = c.sign_in("M01");
    const std::string number = c.push({});
    auto step =
        post_console_step(c, token, number, console_step_text("note", R"({"text":"a\u0000b"})"));
    CHECK(step.status == 400);
    CHECK(step.body.value("field", "") == "payload.text");
    auto sign_in =
        c.api.post("/v1/console/sign-in", R"({"protocol":1,"staff":"M01\u0000","password":"x"})");
    CHECK(sign_in.status == 400);
    CHECK(sign_in.body.value("field", "") == "staff");
    auto enroll = c.api.post("/v1/enroll",
                             R"({"protocol":1,"code":"a\u0000b","branch":"SZ01","terminal":"K9"})");
    CHECK(enroll.status == 400);
    CHECK(enroll.body.value("field", "") == "code");
}

TEST_CASE("step texts have the forms' limit: 4,000 characters, whatever their bytes") {
    ConsoleCenter c;
    c.add_staff("M01", "manager");
    const std::string token = c.sign_in("M01");
    const std::string number = c.push({});
    std::string text;
    for (int i = 0; i < 4000; ++i) {
        text += "字";
    }
    auto fits = c.step(token, number, "note", {{"text", text}});
    CHECK_MESSAGE(fits.status == 200, fits.body.dump().substr(0, 300));
    auto over = c.step(token, number, "note", {{"text", text + "字"}});
    CHECK(over.status == 400);
    CHECK(over.body.value("error", "") == "too_long");
    CHECK(over.body.value("field", "") == "payload.text");
}

TEST_CASE("a 4 MiB unknown key gets a short answer and a short log line") {
    ConsoleCenter c;
    std::string key;
    while (key.size() < 4 * 1024 * 1024) {
        key += "字母";
    }
    // Every field of the message right, so the unknown one is what is named.
    auto r = c.api.post(
        "/v1/enroll",
        json{{"protocol", 1}, {"code", "x"}, {"branch", "SZ01"}, {"terminal", "K9"}, {key, 1}}
            .dump());
    CHECK(r.status == 400);
    CHECK(r.body.value("error", "") == "unknown_field");
    CHECK(r.bytes <= 4096);
    const std::string field = r.body.value("field", "");
    CHECK(field.size() <= 64 + 3); // the cut name and a mark that it was cut
    CHECK(cf::core::valid_utf8(field));
    CHECK(longest_log_line(c.center.log()) <= 4096);
}

TEST_CASE("a long path gets a short answer and a short log line") {
    ConsoleCenter c;
    const std::string path = "/v1/" + std::string(6000, 'a');
    auto r = c.api.get(path);
    CHECK(r.status == 404);
    CHECK(r.bytes <= 4096);
    CHECK(longest_log_line(c.center.log()) <= 4096);
}
