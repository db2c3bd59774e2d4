#pragma once
// The center's reader of a request body from a client it does not trust (every body but a
// push, which push_parser.h reads): a SAX pass (nlohmann::json::sax_parse, which keeps its own
// stack on the heap) that builds the DOM only within limits, so nothing later (a copy, a dump,
// a check that walks the value) meets a depth it cannot bear. It refuses what parse_body
// refuses and, like the push reader, a key given twice in one object, and a NUL character in a
// key or a text, naming the field by its JSON path.

#include "sync/protocol.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace cf::sync {

// Containers nested in a request body, the body itself counting as one. A console step's
// payload needs three; the push reader allows a payload 32.
inline constexpr std::size_t k_max_body_depth = 32;

// Parses a request body. Fails with invalid_utf8, malformed_json, or invalid_value naming the
// field for a container nested deeper than max_depth, a key given twice, or a NUL character.
Parsed<nlohmann::json> parse_request_body(std::string_view body,
                                          std::size_t max_depth = k_max_body_depth);

} // namespace cf::sync
