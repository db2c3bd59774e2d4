// Issue 13, what the center refuses in a push whatever a terminal says: an event whose clock is
// far ahead of the center's (clock_ahead), and a create no terminal could have made
// (invalid_ticket naming the field), by the fast reader and the SAX reader alike. And a center
// whose clock an old bad event pushed far ahead does not carry it forward.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include "core/hybrid_clock.h"
#include "core/sqlite_db.h"
#include "core/ticket_number.h"
#include "core/uuid.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace cf::test;
using nlohmann::json;
namespace core = cf::core;

namespace {

struct Server {
    TempDir tmp;
    CenterProcess center;
    ApiClient api;
    std::string token;

    explicit Server(std::vector<std::string> serve_args = {})
        : center(tmp / "center", std::move(serve_args)), api(center),
          token(api.enroll(center, "SZ01", "K1")) {}

    std::int64_t stored_events() { return center_export(center.dir()).at("event_count"); }

    ApiReply push(const json& events) {
        return api.post("/v1/push", push_body("SZ01/K1", events).dump(), token);
    }

    // Refused with this status, code and field, nothing stored, the center still serving.
    void expect_refused(const json& events, int status, const std::string& code,
                        const std::string& field) {
        const ApiReply r = push(events);
        INFO("answer: ", r.body.dump().substr(0, 2000));
        CHECK(r.status == status);
        REQUIRE(r.body.is_object());
        CHECK(r.body.at("error") == code);
        CHECK(r.body.at("field") == field);
        CHECK_FALSE(r.body.at("message").get<std::string>().empty());
        CHECK(stored_events() == 0);
        CHECK(api.get("/healthz").status == 200);
    }
};

// An event dated `ms` after now, its ticket received then too.
json create_at(core::Millis at, int ticket_seq = 1) {
    json e = create_event("SZ01", "K1", 1, ticket_seq);
    e["hlc"] = static_cast<std::int64_t>(at) << 16;
    e["payload"]["ticket"]["received_at"] = at;
    e["payload"]["ticket"]["updated_at"] = at;
    return e;
}

// The same event with a ticket key the center does not know: the fast reader leaves it to the
// SAX reader, so the check after parsing meets the DOM's ticket.
json by_sax(json e) {
    e["payload"]["ticket"]["from_a_newer_terminal"] = "x";
    return e;
}

core::Millis now_ms() {
    return core::SystemClock().now();
}

} // namespace

TEST_CASE("an event dated more than seven days ahead of the center is refused with clock_ahead") {
    Server s;
    json top = create_event("SZ01", "K1", 1, 1);
    top["hlc"] = std::numeric_limits<std::int64_t>::max();
    s.expect_refused(json::array({top}), 422, "clock_ahead", "events[0].hlc");
    const ApiReply r = s.push(json::array({top}));
    CHECK(r.body.at("message").get<std::string>().find("this terminal's clock is wrong") !=
          std::string::npos);
    s.expect_refused(json::array({create_at(now_ms() + 8 * core::k_day)}), 422, "clock_ahead",
                     "events[0].hlc");
    // A step dated ahead, after a good create, is named by its index.
    json create = create_event("SZ01", "K1", 1, 1);
    json note = note_event(create, 2);
    note["hlc"] = static_cast<std::int64_t>(now_ms() + 30 * core::k_day) << 16;
    s.expect_refused(json::array({create, note}), 422, "clock_ahead", "events[1].hlc");
    // Six days ahead is within the skew.
    const ApiReply ok = s.push(json::array({create_at(now_ms() + 6 * core::k_day)}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
}

TEST_CASE("serve --max-clock-skew-hours sets how far ahead a terminal's clock may be") {
    Server s({"--max-clock-skew-hours", "1"});
    s.expect_refused(json::array({create_at(now_ms() + 2 * core::k_hour)}), 422, "clock_ahead",
                     "events[0].hlc");
    const ApiReply ok = s.push(json::array({create_at(now_ms() + 30 * core::k_minute)}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
}

TEST_CASE("a center whose newest stored hlc is far ahead keeps its own clock within the skew") {
    TempDir tmp;
    const core::Millis start = now_ms();
    std::string number;
    {
        CenterProcess center(tmp / "center");
        ApiClient api(center);
        const std::string token = api.enroll(center, "SZ01", "K1");
        json create = create_event("SZ01", "K1", 1, 1);
        number = create["payload"]["ticket"]["number"];
        auto r = api.post("/v1/push", push_body("SZ01/K1", json::array({create})).dump(), token);
        REQUIRE_MESSAGE(r.status == 200, r.body.dump());
        center.stop();
        // What an older center stored when a terminal pushed hlc 2^63-1 for this ticket.
        auto db = core::Database::open(tmp / "center" / "center.db", core::OpenOptions{});
        REQUIRE(db);
        auto q = db->query(
            "INSERT INTO events(id, ticket_id, branch, origin_device, device_seq, hlc, actor, "
            "actor_role, kind, payload, received_at) SELECT ?1, ticket_id, branch, "
            "origin_device, 2, 9223372036854775807, actor, actor_role, 'note', "
            "'{\"text\":\"x\"}', received_at FROM events");
        REQUIRE(q);
        REQUIRE(q->bind(1, core::uuid_v7(start)).run());
        REQUIRE(db->exec("UPDATE tickets SET last_hlc = 9223372036854775807"));
        REQUIRE(db->exec("UPDATE devices SET acked_seq = 2"));
    }
    // A restarted center: its clock is seeded from the stored events.
    CenterProcess center(tmp / "center");
    auto noted = run_center(center.dir(), {"act", number, "note", "--actor", "C001", "--role",
                                           "reviewer", "--json", R"({"text":"中心已收到"})"});
    REQUIRE_MESSAGE(noted.exit_code == 0, noted.err);
    const json exported = center_export(center.dir());
    const core::Hlc ceiling = core::make_hlc(now_ms() + 7 * core::k_day + core::k_minute, 0xffff);
    int center_events = 0;
    for (const auto& t : exported.at("tickets")) {
        for (const auto& e : t.at("events")) {
            if (e.at("origin_device") == "CENTER") {
                ++center_events;
                const auto hlc = e.at("hlc").get<std::int64_t>();
                CHECK(hlc > static_cast<std::int64_t>(core::make_hlc(start, 0)));
                CHECK(static_cast<core::Hlc>(hlc) <= ceiling);
            }
        }
    }
    CHECK(center_events == 1);
    // Another terminal of the branch still pulls everything.
    Terminal k2(tmp / "k2", "SZ01", "K2");
    k2.enroll(center);
    CHECK(k2.sync_once() == 0);
    CHECK(k2.event_count() == 3);
}

TEST_CASE("a create in a state no terminal files is refused naming the field, on both readers") {
    Server s;
    for (const char* state : {"audited", "closed", "satisfied"}) {
        INFO(state);
        json e = create_event("SZ01", "K1", 1, 1);
        e["payload"]["ticket"]["state"] = state;
        s.expect_refused(json::array({e}), 422, "invalid_ticket", "events[0].payload.ticket.state");
        s.expect_refused(json::array({by_sax(e)}), 422, "invalid_ticket",
                         "events[0].payload.ticket.state");
    }
    json round = create_event("SZ01", "K1", 1, 1);
    round["payload"]["ticket"]["round"] = 999999;
    s.expect_refused(json::array({round}), 422, "invalid_ticket", "events[0].payload.ticket.round");
    s.expect_refused(json::array({by_sax(round)}), 422, "invalid_ticket",
                     "events[0].payload.ticket.round");
    json feedback = create_event("SZ01", "K1", 1, 1);
    feedback["payload"]["ticket"]["feedback"] = "已解决";
    s.expect_refused(json::array({feedback}), 422, "invalid_ticket",
                     "events[0].payload.ticket.feedback");
}

TEST_CASE("a create received far from its event's time is refused naming received_at") {
    Server s;
    json zero = create_event("SZ01", "K1", 1, 1);
    zero["payload"]["ticket"]["received_at"] = 0;
    s.expect_refused(json::array({zero}), 422, "invalid_ticket",
                     "events[0].payload.ticket.received_at");
    s.expect_refused(json::array({by_sax(zero)}), 422, "invalid_ticket",
                     "events[0].payload.ticket.received_at");
}

TEST_CASE("a create whose category is not in the category tree is refused naming it") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["payload"]["ticket"]["category"] = "=HYPERLINK(\"http://x\",\"billing\")";
    s.expect_refused(json::array({e}), 422, "invalid_ticket", "events[0].payload.ticket.category");
    s.expect_refused(json::array({by_sax(e)}), 422, "invalid_ticket",
                     "events[0].payload.ticket.category");
    // A top-level code and a child code of the tree are both fine.
    json top = create_event("SZ01", "K1", 1, 1);
    top["payload"]["ticket"]["category"] = "billing";
    json child = create_event("SZ01", "K1", 2, 2);
    child["payload"]["ticket"]["category"] = "billing.overcharge";
    const ApiReply ok = s.push(json::array({top, child}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
}

TEST_CASE("a category published to the center is accepted from then on") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["payload"]["ticket"]["category"] = "energy";
    s.expect_refused(json::array({e}), 422, "invalid_ticket", "events[0].payload.ticket.category");
    json tree = json::parse(std::ifstream(assets_dir() / "categories.json"));
    tree["categories"].push_back(
        {{"code", "energy"},
         {"label", {{"zh-Hans", "能源"}, {"zh-Hant", "能源"}, {"en", "Energy"}}}});
    const auto file = s.tmp / "categories.json";
    std::ofstream(file) << tree.dump();
    auto published = run_center(
        s.center.dir(), {"publish-asset", "--name", "categories.json", "--file", file.string()});
    REQUIRE_MESSAGE(published.exit_code == 0, published.err);
    const ApiReply ok = s.push(json::array({e}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
}

TEST_CASE("a create's texts are held to the longest limit of the forms") {
    Server s;
    // counter.json allows 4,000 characters of description (kiosk.json 2,000).
    json over = create_event("SZ01", "K1", 1, 1);
    over["payload"]["ticket"]["description"] = std::string(4001, 'x');
    s.expect_refused(json::array({over}), 422, "invalid_ticket",
                     "events[0].payload.ticket.description");
    s.expect_refused(json::array({by_sax(over)}), 422, "invalid_ticket",
                     "events[0].payload.ticket.description");
    // Characters, not bytes: 4,000 Chinese characters are 12,000 bytes and fine.
    std::string chinese;
    for (int i = 0; i < 4000; ++i) {
        chinese += "账";
    }
    json at_limit = create_event("SZ01", "K1", 1, 1);
    at_limit["payload"]["ticket"]["description"] = std::string(4000, 'x');
    json wide = create_event("SZ01", "K1", 2, 2);
    wide["payload"]["ticket"]["description"] = chinese;
    const ApiReply ok = s.push(json::array({at_limit, wide}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
    json demand = create_event("SZ01", "K1", 3, 3);
    demand["payload"]["ticket"]["demand"] = std::string(2001, 'x');
    const ApiReply refused = s.push(json::array({demand}));
    CHECK(refused.status == 422);
    CHECK(refused.body.at("field") == "events[0].payload.ticket.demand");
}

TEST_CASE("a seven-megabyte description is refused naming the field") {
    Server s;
    json e = create_event("SZ01", "K1", 1, 1);
    e["payload"]["ticket"]["description"] = std::string(7 * 1024 * 1024, 'x');
    s.expect_refused(json::array({e}), 422, "invalid_ticket",
                     "events[0].payload.ticket.description");
    s.expect_refused(json::array({by_sax(e)}), 422, "invalid_ticket",
                     "events[0].payload.ticket.description");
}

TEST_CASE("a terminal's step is held to its step's shape, naming the field") {
    // Issue 13: push checked a step only against the lifecycle, so an unknown key, a NUL and a
    // text of any length were stored and passed on to every terminal of the branch.
    Server s;
    const json first = create_event("SZ01", "K1", 1, 1);
    REQUIRE(s.push(json::array({first})).status == 200);
    const auto refused = [&](json payload, const std::string& code, const std::string& field) {
        json step = note_event(first, 2);
        step["payload"] = std::move(payload);
        const ApiReply r = s.push(json::array({step}));
        INFO("answer: ", r.body.dump().substr(0, 2000));
        CHECK(r.status == 422);
        CHECK(r.body.at("error") == code);
        CHECK(r.body.at("field") == field);
        CHECK(s.stored_events() == 1);
    };
    refused({{"text", "called"}, {"sneaked_in", 1}}, "invalid_step",
            "events[0].payload.sneaked_in");
    refused({{"text", std::string("a\0b", 3)}}, "invalid_step", "events[0].payload.text");
    refused({{"text", std::string(4001, 'x')}}, "invalid_step", "events[0].payload.text");
    refused({{"text", json::array({"x"})}}, "invalid_step", "events[0].payload.text");
    json fine = note_event(first, 2);
    fine["payload"] = {{"text", std::string(4000, 'x')}};
    const ApiReply ok = s.push(json::array({fine}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
    CHECK(s.stored_events() == 2);
}

TEST_CASE("a pushed resolution of 100,000 needs the supervisor's approve event before it") {
    // Issue 14: through sync a front-desk account resolved with a compensation of 100,000 and
    // no approval.
    Server s;
    json create = create_event("SZ01", "K1", 1, 1);
    create["payload"]["ticket"]["approval_above"] = 500;
    const auto step = [&](std::int64_t seq, const char* kind, json payload, const char* actor,
                          const char* role) {
        json e = note_event(create, seq);
        e["hlc"] = create.at("hlc").get<std::int64_t>() + seq;
        e["kind"] = kind;
        e["payload"] = std::move(payload);
        e["actor"] = actor;
        e["actor_role"] = role;
        return e;
    };
    const json ack = step(2, "acknowledge", json::object(), "S001", "frontdesk");
    REQUIRE(s.push(json::array({create, ack})).status == 200);
    const json costly = {{"resolution", "refund"}, {"compensation", 100000}};
    const ApiReply refused = s.push(json::array({step(3, "resolve", costly, "S001", "frontdesk")}));
    INFO(refused.body.dump());
    CHECK(refused.status == 422);
    CHECK(refused.body.at("error") == "step_refused");
    CHECK(refused.body.at("message").get<std::string>().find("approval") != std::string::npos);
    CHECK(s.stored_events() == 2);
    // A front-desk account cannot approve; the supervisor's approval lets it through.
    const ApiReply self = s.push(json::array(
        {step(3, "approve", {{"compensation", 100000}, {"plan", "refund"}}, "S001", "frontdesk")}));
    CHECK(self.status == 422);
    const ApiReply ok = s.push(json::array(
        {step(3, "approve", {{"compensation", 100000}, {"plan", "refund"}}, "S900", "supervisor"),
         step(4, "resolve", costly, "S001", "frontdesk")}));
    CHECK_MESSAGE(ok.status == 200, ok.body.dump());
    CHECK(s.stored_events() == 4);
}

TEST_CASE("a create cannot lift the approval limit above the region's policy") {
    Server s;
    json create = create_event("SZ01", "K1", 1, 1);
    create["payload"]["ticket"]["approval_above"] = 1e9;
    s.expect_refused(json::array({create}), 422, "invalid_ticket",
                     "events[0].payload.ticket.approval_above");
}
