// The center's own side through its HTTP API: the console token, the workflow steps, the
// overdue lists, the scopes of tokens, and a SIGTERM that lets a request in flight finish.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <csignal>
#include <map>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace cf::test;
using nlohmann::json;

namespace {

struct Center {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    ApiClient api{center};
    std::string device = api.enroll(center, "SZ01", "K1");
    std::map<std::string, std::string> tokens; // "role/department" -> console token
    std::string console = token_for("manager");

    // A console token acting as C001 in this role (and department, for a handler).
    std::string token_for(const std::string& role, const std::string& department = {}) {
        auto& token = tokens[role + "/" + department];
        if (token.empty()) {
            std::vector<std::string> args = {"console-token", "--role", role, "--name", "C001"};
            if (!department.empty()) {
                args.insert(args.end(), {"--department", department});
            }
            auto r = run_center(center.dir(), args);
            REQUIRE_MESSAGE(r.exit_code == 0, r.err);
            token = r.last_line();
        }
        return token;
    }

    // One submitted ticket pushed by SZ01/K1; returns its number.
    std::string submitted_ticket() {
        json create = create_event("SZ01", "K1", 1, 1);
        json ack = note_event(create, 2);
        ack["kind"] = "acknowledge";
        ack["payload"] = json::object();
        json submit = note_event(create, 3);
        submit["kind"] = "submit";
        submit["payload"] = {{"reason", "转中心处理"}};
        submit["hlc"] = create.at("hlc").get<std::int64_t>() + 2;
        auto r = api.post("/v1/push",
                          push_body("SZ01/K1", json::array({create, ack, submit})).dump(), device);
        REQUIRE_MESSAGE(r.status == 200, r.body.dump());
        return create.at("payload").at("ticket").at("number");
    }

    ApiReply step(const std::string& number, const std::string& step, const std::string& role,
                  json payload = json::object(), const std::string& department = {}) {
        return api.post(
            "/v1/center/tickets/" + number + "/steps",
            json{{"protocol", 1}, {"step", step}, {"payload", std::move(payload)}}.dump(),
            token_for(role, department));
    }
};

} // namespace

TEST_CASE("the console takes every center step through the API and lists overdue tickets") {
    Center c;
    const std::string number = c.submitted_ticket();
    const auto now = cf::core::SystemClock().now();
    // Deadlines lie in the future (issue 14); these two pass in a second, for the overdue lists.
    CHECK(c.step(number, "review_accept", "reviewer", {{"due_at", now + 1000}}).status == 200);
    auto dispatched = c.step(number, "dispatch", "dispatcher",
                             {{"departments", {"billing", "network"}}, {"deadline", now + 1000}});
    REQUIRE(dispatched.status == 200);
    while (cf::core::SystemClock().now() <= now + 1000) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(dispatched.body.at("ticket").at("state") == "dispatched");
    // No console answer carries the customer's phone in plain text.
    CHECK(dispatched.body.dump().find("13800138000") == std::string::npos);

    auto overdue = c.api.get("/v1/center/overdue", c.console);
    REQUIRE(overdue.status == 200);
    CHECK(overdue.body.at("handling").size() == 1);
    CHECK(overdue.body.at("ticket").size() == 1);

    // A handler works only for their own department.
    auto wrong = c.step(number, "handle", "handler",
                        {{"department", "billing"},
                         {"investigation", "x"},
                         {"responsibility", "supplier"},
                         {"solution", "y"}},
                        "network");
    CHECK(wrong.status == 422);
    CHECK(wrong.body.at("error") == "step_refused");
    for (const char* dept : {"billing", "network"}) {
        REQUIRE(c.step(number, "sign_for", "handler", json::object(), dept).status == 200);
        auto handled = c.step(
            number, "handle", "handler",
            {{"investigation", "核实"}, {"responsibility", "our_department"}, {"solution", "退款"}},
            dept);
        REQUIRE_MESSAGE(handled.status == 200, handled.body.dump());
    }
    CHECK(
        c.step(
             number, "audit_reject", "auditor",
             {{"reason", "方案不完整"}, {"departments", {"billing"}}, {"deadline", now + 3600'000}})
            .body.at("ticket")
            .at("state") == "dispatched");
    CHECK(c.step(number, "sign_for", "handler", json::object(), "billing").status == 200);
    CHECK(c.step(number, "handle", "handler",
                 {{"investigation", "复查"},
                  {"responsibility", "our_department"},
                  {"solution", "全额退款"}},
                 "billing")
              .status == 200);
    CHECK(c.step(number, "audit_approve", "auditor").status == 200);
    auto fed = c.step(number, "feedback", "reviewer", {{"text", "已全额退款"}});
    REQUIRE(fed.status == 200);
    CHECK(fed.body.at("ticket").at("state") == "answered");
    // The branch calls back within the policy's 24 hours (assets/sla/policy.json "callback").
    const auto contact_due = fed.body.at("ticket").at("contact_due").get<std::int64_t>();
    CHECK(contact_due >= now + 24 * 3600'000);
    CHECK(contact_due <= cf::core::SystemClock().now() + 24 * 3600'000);
    // A branch step cannot be taken at the center (console-token refuses a branch role).
    CHECK(c.step(number, "close", "manager", {{"reason", "x"}}).body.at("error") ==
          "branch_step_at_center");

    auto shown = c.api.get("/v1/center/tickets/" + number, c.console);
    REQUIRE(shown.status == 200);
    CHECK(shown.body.at("ticket").at("events").size() == 14); // with three sign-fors
    CHECK(shown.body.at("ticket").at("events")[0].at("payload").empty());
    CHECK(shown.body.at("ticket").at("customer").at("phone") == "138****8000");
    CHECK(shown.body.dump().find("13800138000") == std::string::npos);
    auto list = c.api.get("/v1/center/tickets?state=answered", c.console);
    CHECK(list.body.at("tickets").size() == 1);
}

TEST_CASE("a deadline in the past is refused at review and dispatch, naming it") {
    // Issue 14: a dispatch deadline in the past was taken and the ticket was late at once.
    Center c;
    const std::string number = c.submitted_ticket();
    const auto now = cf::core::SystemClock().now();
    const auto refused = [](const ApiReply& r, const std::string& field) {
        INFO(r.body.dump());
        CHECK(r.status == 422);
        CHECK(r.body.at("error") == "deadline_in_past");
        CHECK(r.body.at("field") == field);
    };
    refused(c.step(number, "review_accept", "reviewer", {{"due_at", now - 60'000}}),
            "payload.due_at");
    REQUIRE(c.step(number, "review_accept", "reviewer", {{"due_at", now + 3600'000}}).status ==
            200);
    refused(c.step(number, "dispatch", "dispatcher",
                   {{"departments", {"billing"}}, {"deadline", now - 1000}}),
            "payload.deadline");
    auto shown = c.api.get("/v1/center/tickets/" + number, c.console);
    CHECK(shown.body.at("ticket").at("state") == "accepted");
}

TEST_CASE("a handler signs for (签收) before handling; the auditor judges each part as it "
          "completes") {
    // Issue 14: 004 「相关职能部门及营业部需及时签收并处理」, 「支持即做审核的部分完成」.
    Center c;
    const std::string number = c.submitted_ticket();
    const auto now = cf::core::SystemClock().now();
    REQUIRE(c.step(number, "review_accept", "reviewer").status == 200);
    REQUIRE(c.step(number, "dispatch", "dispatcher",
                   {{"departments", {"billing", "network"}}, {"deadline", now + 3600'000}})
                .status == 200);
    const json answer = {
        {"investigation", "核实"}, {"responsibility", "our_department"}, {"solution", "退款"}};
    auto early = c.step(number, "handle", "handler", answer, "billing");
    CHECK(early.status == 422);
    CHECK(early.body.at("error") == "step_refused");
    CHECK(early.body.at("message").get<std::string>().find("sign_for") != std::string::npos);
    // The handler's department goes into the event, so every terminal can check it again.
    auto signed_for = c.step(number, "sign_for", "handler", json::object(), "billing");
    REQUIRE_MESSAGE(signed_for.status == 200, signed_for.body.dump());
    CHECK(signed_for.body.at("ticket").at("departments_signed") == json{"billing"});
    CHECK(c.step(number, "sign_for", "handler", json::object(), "billing").status == 422);
    REQUIRE(c.step(number, "handle", "handler", answer, "billing").status == 200);

    // billing's part is approved while network still works.
    auto part = c.step(number, "audit_part", "auditor",
                       {{"department", "billing"}, {"verdict", "approved"}});
    REQUIRE_MESSAGE(part.status == 200, part.body.dump());
    CHECK(part.body.at("ticket").at("state") == "dispatched");
    CHECK(part.body.at("ticket").at("departments_approved") == json{"billing"});
    CHECK(c.step(number, "audit_part", "auditor",
                 {{"department", "network"}, {"verdict", "approved"}})
              .status == 422); // not handled yet
    CHECK(c.step(number, "audit_part", "auditor",
                 {{"department", "billing"}, {"verdict", "approved"}, {"note", "x"}})
              .status == 400); // not a key of the step

    REQUIRE(c.step(number, "sign_for", "handler", json::object(), "network").status == 200);
    REQUIRE(c.step(number, "handle", "handler", answer, "network").status == 200);
    // network's part sent back: a deadline in the past is refused, then it is dispatched again.
    auto past = c.step(number, "audit_part", "auditor",
                       {{"department", "network"},
                        {"verdict", "rejected"},
                        {"reason", "信号问题未说明"},
                        {"deadline", now - 1000}});
    CHECK(past.body.at("error") == "deadline_in_past");
    auto back = c.step(number, "audit_part", "auditor",
                       {{"department", "network"},
                        {"verdict", "rejected"},
                        {"reason", "信号问题未说明"},
                        {"deadline", now + 7200'000}});
    REQUIRE_MESSAGE(back.status == 200, back.body.dump());
    CHECK(back.body.at("ticket").at("state") == "dispatched");
    CHECK(back.body.at("ticket").at("departments_pending") == json{"network"});
    REQUIRE(c.step(number, "sign_for", "handler", json::object(), "network").status == 200);
    REQUIRE(c.step(number, "handle", "handler", answer, "network").status == 200);
    // The last part approved: no audit of the whole is left to take.
    auto last = c.step(number, "audit_part", "auditor",
                       {{"department", "network"}, {"verdict", "approved"}});
    REQUIRE(last.status == 200);
    CHECK(last.body.at("ticket").at("state") == "audited");
    CHECK(c.step(number, "feedback", "reviewer", {{"text", "已退款"}}).status == 200);
}

TEST_CASE("the reviewer corrects the classification at review, within the category tree") {
    Center c;
    const std::string number = c.submitted_ticket();
    auto unknown = c.step(number, "reclassify", "reviewer",
                          {{"after", {{"category", "astrology"}}}, {"reason", "x"}});
    INFO(unknown.body.dump());
    CHECK(unknown.status == 422);
    CHECK(unknown.body.at("field") == "payload.after.category");
    auto fixed = c.step(number, "reclassify", "reviewer",
                        {{"after", {{"category", "billing.overcharge"}, {"priority", "urgent"}}},
                         {"reason", "多扣费, and the customer is upset"}});
    REQUIRE_MESSAGE(fixed.status == 200, fixed.body.dump());
    const json& t = fixed.body.at("ticket");
    CHECK(t.at("category") == "billing.overcharge");
    CHECK(t.at("priority") == "urgent");
    CHECK(t.at("due_at") == t.at("received_at").get<std::int64_t>() + 24 * 3600'000);
    CHECK(c.step(number, "review_accept", "reviewer").status == 200);
}

TEST_CASE("device and console tokens only open their own endpoints") {
    Center c;
    CHECK(c.api.get("/v1/center/tickets", c.device).body.at("error") == "wrong_scope");
    CHECK(c.api.get("/v1/device", c.console).body.at("error") == "wrong_scope");
    CHECK(c.api.get("/v1/center/tickets").status == 401);
    CHECK(c.api.get("/v1/device", c.device).body.at("acked_seq") == 0);
}

TEST_CASE("SIGTERM lets a request in flight finish, then closes the database") {
    Center c;
    const std::string body =
        push_body("SZ01/K1", json::array({create_event("SZ01", "K1", 1, 1)})).dump();
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(c.center.port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    const std::string head =
        "POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + c.device +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n";
    const std::string first = head + body.substr(0, body.size() / 2);
    REQUIRE(send(fd, first.data(), first.size(), 0) == static_cast<ssize_t>(first.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // The request is half sent: stop the center now.
    std::thread stopper([&] { CHECK(c.center.stop() == 0); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const std::string rest = body.substr(body.size() / 2);
    REQUIRE(send(fd, rest.data(), rest.size(), 0) == static_cast<ssize_t>(rest.size()));
    std::string answer;
    char buf[4096];
    for (ssize_t n; (n = recv(fd, buf, sizeof buf, 0)) > 0;) {
        answer.append(buf, static_cast<std::size_t>(n));
    }
    close(fd);
    stopper.join();
    INFO(answer);
    CHECK(answer.starts_with("HTTP/1.1 200"));
    CHECK(c.center.log().find("\"event\":\"stopped\"") != std::string::npos);
    // Stored before it answered, and the database was closed cleanly.
    CHECK(center_export(c.center.dir()).at("event_count") == 1);
    CHECK_FALSE(std::filesystem::exists(c.center.dir() / "center.db-wal"));
}
