#include "core/remote_event.h"
#include "core/ticket_json.h"
#include "core/ticket_store.h"
#include "tests/support/store_fixture.h"

#include <doctest/doctest.h>

using namespace cf;
using cf::test::StoreFixture;
using nlohmann::json;

namespace {

// A second terminal of the branch, which receives K1's tickets by pull.
struct OtherTerminal {
    test::TempDir dir;
    core::ManualClock clock{test::k_monday_10am};
    std::optional<core::TicketStore> store;

    explicit OtherTerminal(const std::string& terminal) {
        REQUIRE(core::TicketStore::init(dir / "data", core::InitOptions{"SZ01", terminal}));
        store.emplace(*core::TicketStore::open(dir / "data", clock));
    }
};

// A create event as the center sends it: the ticket without personal data, the customer in
// plain text.
core::RemoteEvent pulled_create(core::TicketStore& from, const std::string& number) {
    auto t = from.get(number);
    REQUIRE(t);
    auto events = from.events(t->id);
    REQUIRE(events);
    REQUIRE(!events->empty());
    core::RemoteEvent r;
    r.event = events->front();
    r.event.payload = json{{"ticket", core::to_json(*t, core::PiiMode::omit)}};
    r.customer = t->customer;
    return r;
}

core::PullCheckpoint checkpoint() {
    return core::PullCheckpoint{"epoch-1", 1, 0};
}

} // namespace

TEST_CASE("a pulled create prepared before the transaction is stored as one prepared inside it") {
    StoreFixture k1;
    auto filed = k1.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(filed);
    OtherTerminal early("K2");
    OtherTerminal late("K3");

    std::vector<core::RemoteEvent> prepared{pulled_create(*k1.store, filed->number)};
    REQUIRE(core::prepare_remote_create(prepared[0], early.store->sealer()));
    CHECK(prepared[0].prepared.has_value());
    std::vector<core::RemoteEvent> plain{pulled_create(*k1.store, filed->number)};
    REQUIRE(early.store->apply_remote(prepared, {}, checkpoint()));
    REQUIRE(late.store->apply_remote(plain, {}, checkpoint()));

    auto a = early.store->get(filed->number);
    auto b = late.store->get(filed->number);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(core::to_json(*a, core::PiiMode::plain) == core::to_json(*b, core::PiiMode::plain));
    CHECK(a->customer.name == filed->customer.name);
    CHECK(a->customer.phone == filed->customer.phone);
    // The blind index is written too: the staff can find the ticket by phone.
    auto by_phone = early.store->find_by_phone(filed->customer.phone);
    REQUIRE(by_phone);
    CHECK(by_phone->size() == 1);
    auto events = early.store->events(a->id);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    CHECK(events->front().payload.at("ticket") == core::to_json(*a, core::PiiMode::omit));
    CHECK(events->front().payload.at("customer_sealed").contains("phone"));
}

TEST_CASE("a pulled create whose ticket is not its own is refused, prepared or not") {
    StoreFixture k1;
    auto filed = k1.store->file(test::sample_complaint(), test::frontdesk());
    REQUIRE(filed);
    OtherTerminal k2("K2");

    std::vector<core::RemoteEvent> events{pulled_create(*k1.store, filed->number)};
    events[0].event.ticket_id = "01a00000-0000-7000-8000-000000000000";
    auto prepared = core::prepare_remote_create(events[0], k2.store->sealer());
    REQUIRE(!prepared);
    CHECK(prepared.error().code == core::ErrorCode::invalid_input);
    CHECK(!events[0].prepared.has_value());
    auto applied = k2.store->apply_remote(events, {}, checkpoint());
    REQUIRE(!applied);
    CHECK(applied.error().code == core::ErrorCode::invalid_input);
    CHECK(!k2.store->get(filed->number));
}
