// Issue 13, console tokens: a token made by `console-token` acts for one role (and a handler's
// department), for 90 days unless told otherwise; the actor and role of a step come from the
// token, never from the request.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include "core/sqlite_db.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace cf::test;
using nlohmann::json;
namespace core = cf::core;

namespace {

struct Center {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    ApiClient api{center};
    std::string device = api.enroll(center, "SZ01", "K1");

    std::string token(const std::vector<std::string>& args) {
        std::vector<std::string> all = {"console-token"};
        all.insert(all.end(), args.begin(), args.end());
        auto r = run_center(center.dir(), all);
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.last_line();
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

    ApiReply step(const std::string& number, json body, const std::string& token) {
        body["protocol"] = 1;
        return api.post("/v1/center/tickets/" + number + "/steps", body.dump(), token);
    }
};

} // namespace

TEST_CASE("a console token acts as its own role and name, whatever the request says") {
    Center c;
    const std::string number = c.submitted_ticket();
    const std::string reviewer = c.token({"--role", "reviewer", "--name", "R07"});
    // A reviewer's token cannot claim to be a manager or someone else.
    const ApiReply as_manager = c.step(
        number, {{"step", "review_accept"}, {"actor", "M01"}, {"role", "manager"}}, reviewer);
    CHECK(as_manager.status == 403);
    CHECK(as_manager.body.at("error") == "wrong_role");
    const ApiReply as_other = c.step(
        number, {{"step", "review_accept"}, {"actor", "M01"}, {"role", "reviewer"}}, reviewer);
    CHECK(as_other.status == 403);
    CHECK(as_other.body.at("error") == "wrong_role");
    // Nor take a step its role may not take.
    const ApiReply dispatch = c.step(
        number,
        {{"step", "dispatch"},
         {"payload", {{"departments", {"billing"}}, {"deadline", core::SystemClock().now()}}}},
        reviewer);
    CHECK(dispatch.status == 422);
    CHECK(dispatch.body.at("error") == "step_refused");
    // Without actor and role in the body, the step is the token's.
    const ApiReply accepted = c.step(number, {{"step", "review_accept"}}, reviewer);
    REQUIRE_MESSAGE(accepted.status == 200, accepted.body.dump());
    const ApiReply shown = c.api.get("/v1/center/tickets/" + number, reviewer);
    REQUIRE(shown.status == 200);
    const json& last = shown.body.at("ticket").at("events").back();
    CHECK(last.at("kind") == "review_accept");
    CHECK(last.at("actor") == "R07");
    CHECK(last.at("actor_role") == "reviewer");
}

TEST_CASE("a handler's console token acts only for its department") {
    Center c;
    const std::string number = c.submitted_ticket();
    const std::string manager = c.token({"--role", "manager", "--name", "M01"});
    REQUIRE(c.step(number, {{"step", "review_accept"}}, manager).status == 200);
    REQUIRE(c.step(number,
                   {{"step", "dispatch"},
                    {"payload",
                     {{"departments", {"billing"}},
                      {"deadline", core::SystemClock().now() + core::k_day}}}},
                   manager)
                .status == 200);
    const std::string network =
        c.token({"--role", "handler", "--department", "network", "--name", "H02"});
    const json handle = {
        {"step", "handle"},
        {"payload",
         {{"investigation", "核实"}, {"responsibility", "our_department"}, {"solution", "退款"}}}};
    json claim = handle;
    claim["department"] = "billing";
    CHECK(c.step(number, claim, network).body.at("error") == "wrong_role");
    CHECK(c.step(number, handle, network).status == 422);
    const std::string billing =
        c.token({"--role", "handler", "--department", "billing", "--name", "H01"});
    REQUIRE(c.step(number, {{"step", "sign_for"}, {"payload", json::object()}}, billing).status ==
            200);
    const ApiReply handled = c.step(number, handle, billing);
    CHECK_MESSAGE(handled.status == 200, handled.body.dump());
}

TEST_CASE("a console token lasts 90 days unless --ttl-days says otherwise") {
    Center c;
    c.token({"--role", "auditor"});
    c.token({"--role", "auditor", "--ttl-days", "7"});
    c.center.stop();
    auto db = core::Database::open(c.center.dir() / "center.db", core::OpenOptions{});
    REQUIRE(db);
    auto q = db->query("SELECT expires_at - created_at FROM tokens WHERE kind = 'console' "
                       "ORDER BY created_at, expires_at DESC");
    REQUIRE(q);
    std::vector<std::int64_t> lifetimes;
    while (*q->step()) {
        lifetimes.push_back(q->int64(0));
    }
    REQUIRE(lifetimes.size() == 2);
    CHECK(lifetimes[0] == 90 * core::k_day);
    CHECK(lifetimes[1] == 7 * core::k_day);
}

TEST_CASE("console-token needs a center role, and a department exactly for a handler") {
    Center c;
    auto run = [&](const std::vector<std::string>& args) {
        std::vector<std::string> all = {"console-token"};
        all.insert(all.end(), args.begin(), args.end());
        return run_center(c.center.dir(), all);
    };
    auto none = run({});
    CHECK(none.exit_code == 2);
    CHECK(none.err.find("--role") != std::string::npos);
    auto branch_role = run({"--role", "frontdesk"});
    CHECK(branch_role.exit_code == 3);
    CHECK(branch_role.err.find("--role") != std::string::npos);
    auto handler = run({"--role", "handler"});
    CHECK(handler.exit_code == 2);
    CHECK(handler.err.find("--department") != std::string::npos);
    auto reviewer = run({"--role", "reviewer", "--department", "billing"});
    CHECK(reviewer.exit_code == 3);
    CHECK(reviewer.err.find("--department") != std::string::npos);
    auto ttl = run({"--role", "reviewer", "--ttl-days", "0"});
    CHECK(ttl.exit_code == 2);
}

TEST_CASE("only a manager's console token publishes assets") {
    // Issue 13: any console token, a handler's included, could replace the category tree,
    // the forms or the SLA policy of every terminal in the region.
    Center c;
    const auto publish = [&](const std::string& token) {
        const json tree = json::parse(std::ifstream(assets_dir() / "categories.json"));
        json body = {{"protocol", 1}, {"name", "categories.json"}, {"content", tree.dump()}};
        return c.api.post("/v1/center/assets", body.dump(), token);
    };
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"--role", "reviewer"},
                                               {"--role", "dispatcher"},
                                               {"--role", "auditor"},
                                               {"--role", "handler", "--department", "billing"}}) {
        CAPTURE(args.at(1));
        const ApiReply r = publish(c.token(args));
        CHECK(r.status == 403);
        CHECK(r.body.at("error") == "wrong_role");
        CHECK(r.body.at("message").get<std::string>().find("manager") != std::string::npos);
    }
    const ApiReply ok = publish(c.token({"--role", "manager"}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
    CHECK(ok.body.at("version") == 1);
}
