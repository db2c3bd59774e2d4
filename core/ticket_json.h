#pragma once
// The ticket as JSON: for `show --json`, for the stored row body and for event payloads.
// Personal data is written only as the caller asks: left out, masked, or in plain text (the
// last only for a staff member who pressed "show", never for files or logs).

#include "core/error.h"
#include "core/ticket.h"

#include <nlohmann/json.hpp>

namespace cf::core {

enum class PiiMode { omit, masked, plain };

nlohmann::json to_json(const Ticket& t, PiiMode pii);

// Reads what to_json wrote (any PiiMode; customer fields are read when present).
// Fails with corrupt naming the first field that is missing or of the wrong type.
Result<Ticket> ticket_from_json(const nlohmann::json& j);

nlohmann::json customer_json(const Customer& c, PiiMode pii);

} // namespace cf::core
