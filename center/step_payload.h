#pragma once
// The shape of a center step's payload (README "Lifecycle steps for act"), as the center
// answers it: core::check_step_schema (core/step_schema.h) says which keys each step may
// carry, of which type and how long; this turns its finding into a 400 naming the field. The
// lifecycle (core::check_step) then decides what is required and whether the step is allowed.

#include "center/center_error.h"
#include "core/lifecycle.h"

#include <nlohmann/json.hpp>

namespace cf::center {

// Checks the payload of a step (an object; null reads as {}). Fails with 400 wrong_type,
// unknown_field, too_long, too_many_items or invalid_value, each naming the field
// ("payload.text").
CenterResult<void> check_step_payload(core::Step step, const nlohmann::json& payload);

} // namespace cf::center
