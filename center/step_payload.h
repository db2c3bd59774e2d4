#pragma once
// The shape of a center step's payload (README "Lifecycle steps for act"): which keys each
// step the center takes may carry, of which type, and how long its texts may be. The lifecycle
// (core::check_step) then decides what is required and whether the step is allowed; this
// refuses everything else first, so what is stored and passed on to the terminals is only
// what the step means.

#include "center/center_error.h"
#include "core/lifecycle.h"

#include <nlohmann/json.hpp>

#include <cstddef>

namespace cf::center {

// A text in a step's payload: as long as the forms' longest text (the description of
// assets/forms/counter.json), counted in characters as the forms count.
inline constexpr std::size_t k_max_step_text_chars = 4000;
// Departments one dispatch may name.
inline constexpr std::size_t k_max_step_departments = 64;

// Checks the payload of a center step or a note (an object; null reads as {}). Fails with 400
// wrong_type (the payload or a value of the wrong type), unknown_field (a key the step does
// not take), too_long (a text over k_max_step_text_chars), too_many_items or invalid_value (a
// department code), each naming the field ("payload.text").
CenterResult<void> check_step_payload(core::Step step, const nlohmann::json& payload);

} // namespace cf::center
