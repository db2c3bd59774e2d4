// What the center stores of a pushed ticket: the ticket's text as the terminal sent it when
// it holds only ticket keys (the fast path), and otherwise the ticket rebuilt from the keys
// the center knows, so neither an unknown key nor personal data inside the ticket reaches
// the stored body.
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include "center/center_schema.h"
#include "core/sqlite_db.h"

#include <doctest/doctest.h>

using namespace cf::test;
using nlohmann::json;

namespace {

// number -> the body of the center's tickets (as the center reads it) and their body column,
// and every event payload, read from its database.
struct Stored {
    std::map<std::string, std::string> bodies;
    std::map<std::string, std::string> body_columns;
    std::vector<std::string> payloads;
};

Stored stored(const std::filesystem::path& center_dir) {
    auto db = cf::core::Database::open(center_dir / "center.db", cf::core::OpenOptions{});
    REQUIRE(db);
    Stored out;
    auto q = db->query(std::string("SELECT number, ") + cf::center::k_ticket_body +
                       ", body FROM tickets");
    REQUIRE(q);
    while (*q->step()) {
        out.bodies[q->text(0)] = q->text(1);
        out.body_columns[q->text(0)] = q->text(2);
    }
    auto e = db->query("SELECT payload FROM events");
    REQUIRE(e);
    while (*e->step()) {
        out.payloads.push_back(e->text(0));
    }
    return out;
}

} // namespace

TEST_CASE("a pushed ticket's body is its text as sent, or rebuilt without keys the center does "
          "not know") {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    ApiClient api{center};
    const std::string token = api.enroll(center, "SZ01", "K1");
    json plain = create_event("SZ01", "K1", 1, 1);
    json odd = create_event("SZ01", "K1", 2, 2);
    odd["payload"]["ticket"]["from_a_newer_terminal"] = "x";
    odd["payload"]["ticket"]["customer"] = {{"name", "王五"}, {"phone", "13900139000"}};
    auto r = api.post("/v1/push", push_body("SZ01/K1", json::array({plain, odd})).dump(), token);
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());

    center.stop();
    const Stored s = stored(center.dir());
    const std::string plain_number = plain["payload"]["ticket"]["number"];
    const std::string odd_number = odd["payload"]["ticket"]["number"];
    REQUIRE(s.bodies.size() == 2);
    // The text as sent is in the create event, and the row reads its body from there.
    const std::string sent = plain["payload"]["ticket"].dump();
    CHECK(s.body_columns.at(plain_number).empty());
    CHECK(json::parse(s.bodies.at(plain_number)) == plain["payload"]["ticket"]);
    CHECK(std::count_if(s.payloads.begin(), s.payloads.end(), [&](const std::string& p) {
              return p.starts_with(R"({"ticket":)" + sent + ",");
          }) == 1);
    const json rebuilt = json::parse(s.bodies.at(odd_number));
    CHECK_FALSE(rebuilt.contains("from_a_newer_terminal"));
    CHECK_FALSE(rebuilt.contains("customer"));
    CHECK(rebuilt.at("description") == odd["payload"]["ticket"]["description"]);
    for (const auto& text : s.payloads) {
        CHECK(text.find("王五") == std::string::npos);
        CHECK(text.find("13900139000") == std::string::npos);
        CHECK(text.find("from_a_newer_terminal") == std::string::npos);
    }
    for (const auto& [number, body] : s.bodies) {
        CHECK(body.find("王五") == std::string::npos);
    }
}

TEST_CASE("a ticket's body moves from its create event to its row at the first change") {
    TempDir tmp;
    CenterProcess center{tmp / "center"};
    ApiClient api{center};
    const std::string token = api.enroll(center, "SZ01", "K1");
    json create = create_event("SZ01", "K1", 1, 1);
    auto r = api.post("/v1/push", push_body("SZ01/K1", json::array({create})).dump(), token);
    REQUIRE_MESSAGE(r.status == 200, r.body.dump());
    const std::string number = create["payload"]["ticket"]["number"];
    auto noted = run_center(center.dir(), {"act", number, "note", "--actor", "R01", "--role",
                                           "reviewer", "--json", R"({"text":"已核对"})"});
    REQUIRE_MESSAGE(noted.exit_code == 0, noted.err);
    center.stop();
    const Stored s = stored(center.dir());
    const json body = json::parse(s.body_columns.at(number));
    CHECK(body.at("description") == create["payload"]["ticket"]["description"]);
    CHECK(json::parse(s.bodies.at(number)) == body);
}
