// Pulled creates: the ticket's text is kept as the row's body when it holds only ticket keys,
// and the ticket is rebuilt from the keys the store knows otherwise; both read back alike.
#include "core/ticket_json.h"
#include "core/ticket_number.h"
#include "core/uuid.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

using namespace cf;
using namespace cf::core;
using nlohmann::json;

namespace {

// A create of terminal K2 of the same branch, as the sync client hands it to the store.
RemoteEvent pulled_create(int seq, const json& ticket_json) {
    RemoteEvent r;
    r.event.id = uuid_v7(test::k_monday_10am + seq);
    r.event.ticket_id = ticket_json.at("id");
    r.event.origin_device = "SZ01/K2";
    r.event.device_seq = seq;
    r.event.hlc = static_cast<Hlc>(test::k_monday_10am) << 16;
    r.event.actor = "S002";
    r.event.kind = std::string(k_create_kind);
    r.event.payload = {{"ticket", ticket_json}};
    r.ticket_text = ticket_json.dump();
    Customer c;
    c.name = "李四";
    c.phone = "13900139000";
    r.customer = c;
    return r;
}

json ticket_of(int seq) {
    Ticket t;
    static_cast<NewTicket&>(t) = test::sample_complaint();
    t.customer = {};
    t.id = uuid_v7(test::k_monday_10am + seq);
    t.number = *format_ticket_number(TicketNumber{"SZ01", 2026, 11, 23, "K2", seq});
    t.branch = "SZ01";
    t.terminal = "K2";
    t.received_at = test::k_monday_10am;
    t.updated_at = test::k_monday_10am;
    return to_json(t, PiiMode::omit);
}

std::string body_of(TicketStore& store, const std::string& id) {
    auto q = store.database().query("SELECT body FROM tickets WHERE id = ?1");
    REQUIRE(q);
    q->bind(1, id);
    REQUIRE(*q->step());
    return q->text(0);
}

} // namespace

TEST_CASE("a pulled ticket's text becomes its body, or the ticket is rebuilt without "
          "unknown keys") {
    test::StoreFixture f;
    const json plain = ticket_of(1);
    json odd = ticket_of(2);
    odd["from_a_newer_center"] = true;
    // As the sync client's fast path hands it over: the text alone, no DOM.
    const json text_only = ticket_of(3);
    RemoteEvent fast = pulled_create(3, text_only);
    fast.event.payload = json::object();
    const RemoteEvent events[] = {pulled_create(1, plain), pulled_create(2, odd), fast};
    auto applied = f.store->apply_remote(events, {}, PullCheckpoint{"e1", 3, 0});
    REQUIRE(applied);
    CHECK(applied->applied == 3);
    CHECK(body_of(*f.store, text_only.at("id")) == text_only.dump());
    CHECK(body_of(*f.store, plain.at("id")) == plain.dump());
    const json rebuilt = json::parse(body_of(*f.store, odd.at("id")));
    CHECK_FALSE(rebuilt.contains("from_a_newer_center"));
    CHECK(rebuilt.at("description") == odd.at("description"));
    for (const json* t : {&plain, static_cast<const json*>(&odd)}) {
        auto got = f.store->get(t->at("number").get<std::string>());
        REQUIRE(got);
        CHECK(got->description == t->at("description"));
        CHECK(got->customer.name == "李四");
    }
}
