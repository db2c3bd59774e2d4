#pragma once
// The fast reader of a ticket's JSON text (as to_json(t, PiiMode::omit) writes it), straight
// into core::Ticket without a DOM: for the center's push of a thousand tickets a batch and a
// terminal's pull.
//
// It takes a subset of what ticket_from_json takes, and reads it to the same Ticket: only the
// keys of the omit form (no customer), each at most once, each of the type ticket_from_json
// accepts. Because nothing else is in it, text it accepts can be stored as the ticket's body
// as received. Anything else (an unknown key, a bad field, a number in another form) returns
// false; the caller then reads the text with ticket_from_json, which drops unknown keys and
// names a bad field.

#include "core/json_scan.h"
#include "core/ticket.h"

namespace cf::core {

// Reads the object at the scanner's position into t. False as above; t is then unspecified.
bool read_ticket_text(JsonScan& scan, Ticket& t);

} // namespace cf::core
