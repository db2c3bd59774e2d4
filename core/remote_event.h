#pragma once
// Events that reach a terminal from the regional center by sync: the center's workflow steps
// and feedback, and tickets and steps of other terminals of the same branch. The store applies
// them to its log and its projection together with the new pull cursor (remote_events.cpp).

#include "core/error.h"
#include "core/event.h"
#include "core/pii_sealer.h"
#include "core/ticket.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cf::core {

// A pulled create event made ready to write: its ticket checked, the customer sealed with the
// terminal's key, the row body and the event's stored payload serialised. This is most of the
// CPU work of applying a create, and it needs no database, so the sync client does it on the
// thread that fetches a page while the store writes the previous one.
struct PreparedCreate {
    Ticket ticket;               // with its customer (phone normalised), for the blind index
    std::string body;            // the row body: the ticket without personal data
    std::array<Bytes, 5> sealed; // in the order of the sealed columns; empty when not given
    std::string payload;         // {"ticket":BODY,"customer_sealed":{...}}, as filing stores it
};

struct RemoteEvent {
    Event event; // for a create, payload holds "ticket" (no personal data) only
    // For a create: the customer's personal data as received (in plain text over TLS); the
    // store seals it with its own key before anything is written.
    std::optional<Customer> customer;
    // For a create, when prepare_remote_create succeeded; the payload above is then emptied.
    // Without it, TicketStore::apply_remote does the same work itself.
    std::optional<PreparedCreate> prepared;
};

// Prepares a pulled create event with sealer (the store's, TicketStore::sealer()); any other
// kind is left as it is. Touches no database, so it may run on any thread. Fails with
// invalid_input as apply_remote would (a create without its ticket or customer, a ticket that
// does not parse or whose id differs from the event's); remote is unchanged then, and
// apply_remote refuses the page with the same error.
Result<void> prepare_remote_create(RemoteEvent& remote, const PiiSealer& sealer);

// A received version of an asset file (forms, category tree ...), kept in the database so that
// the files in the data directory can always be rebuilt from it.
struct ReceivedAsset {
    std::string name;
    std::int64_t version = 0;
    std::string content;
};

// Where the next pull starts, written in the same transaction as the events it covers.
struct PullCheckpoint {
    std::string epoch;
    std::int64_t events_cursor = 0;
    std::int64_t assets_cursor = 0;
};

struct RemoteApplyResult {
    int applied = 0;    // events written and projected
    int duplicates = 0; // already in the log (an earlier pull, or this device's own)
    // Written to the log but not projected, because the local state machine refused them
    // (the message names the ticket and step); the timeline still shows them.
    std::vector<std::string> refused;
    std::vector<std::string> changed_tickets; // ticket numbers whose projection changed
};

} // namespace cf::core
