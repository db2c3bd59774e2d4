#pragma once
// Events that reach a terminal from the regional center by sync: the center's workflow steps
// and feedback, and tickets and steps of other terminals of the same branch. The store applies
// them to its log and its projection together with the new pull cursor (remote_events.cpp).

#include "core/event.h"
#include "core/ticket.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cf::core {

struct RemoteEvent {
    Event event; // for a create, payload holds "ticket" (no personal data) only, or nothing
                 // when ticket_text holds it
    // For a create: the customer's personal data as received (in plain text over TLS); the
    // store seals it with its own key before anything is written.
    std::optional<Customer> customer;
    // For a create, when the receiver has it: the ticket's JSON text (what payload["ticket"]
    // holds, if anything). The store reads it with read_ticket_text and keeps it as the row's
    // body when that reader takes it, instead of building the ticket from the DOM and
    // serialising it; otherwise it reads payload["ticket"].
    std::string ticket_text;
};

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
