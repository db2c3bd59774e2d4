#pragma once
// The center's reader of a push body: a SAX pass (nlohmann::json::sax_parse) that fills the
// PushRequest directly, without a DOM of the whole body. Only each event's payload becomes a
// JSON value (a create's ticket is read by core::ticket_from_json, a step's payload by the
// lifecycle). It checks what parse_body + parse_push_request check, with the same error codes
// and field paths, and is stricter in two ways: a key that appears twice in one object is
// refused (invalid_value), and a payload nested deeper than k_max_payload_depth is refused
// (invalid_value), so nothing recursive later meets an unbounded depth. A well-formed body is
// read by the fast path (wire_text_reader.h) first; its creates come in WireEvent::create.

#include "sync/messages.h"

#include <string_view>

namespace cf::sync {

inline constexpr std::size_t k_max_payload_depth = 32;

// Fails with invalid_utf8, malformed_json, or the first problem parse_push_request would name
// (wrong_type, missing_field, invalid_value, unknown_field, too_many_items, unknown_kind,
// unknown_role, unsupported_protocol, wrong_device, events_out_of_order).
Parsed<PushRequest> parse_push_body(std::string_view body);

} // namespace cf::sync
