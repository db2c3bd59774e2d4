#pragma once
// The fast paths of the two large bodies, the center's push and the terminal's pull page: a
// hand-written pass over a well-formed body (core::JsonScan), with a create event's ticket
// read straight into core::Ticket (core::read_ticket_text) and kept as received text, so a
// batch of a thousand tickets makes no DOM at all. A step's payload still becomes a JSON value
// (it is small and the lifecycle reads it).
//
// Each accepts only bodies that its slow reader accepts (push: the SAX reader of
// push_parser.cpp; pull: parse_body and parse_pull_response) and reads them to the same
// message, but for the creates, whose payload is in WireEvent::create instead. It refuses
// (nullopt) anything else: then the slow reader reads the body, and names the problem or, for
// a body that is fine but unusual (keys in another order, an unknown ticket key, a fraction in
// a step payload), reads it the slow way.

#include "sync/messages.h"

#include <optional>
#include <string_view>

namespace cf::sync {

// Any text: a body that is not valid UTF-8 is refused (every string is checked, and nothing
// but ASCII is taken outside them). The batch is not checked for order or device
// (check_push_batch does that for both paths).
std::optional<PushRequest> read_push_text(std::string_view body);

// A pull answer, the same way (UTF-8 checked as above).
std::optional<PullResponse> read_pull_text(std::string_view body);

} // namespace cf::sync
