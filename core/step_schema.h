#pragma once
// The shape of every step's payload (lifecycle.h lists the steps and their keys): which keys a
// step may carry, of which type, and how long its texts may be. check_step runs it before the
// lifecycle's own rules, so a terminal never stores, and the center never takes, a step with a
// key it does not mean, a text longer than the forms allow or a NUL character, wherever the
// step came from (the counter, the CLI, a push or the console).

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <expected>
#include <string>
#include <string_view>

namespace cf::core {

enum class Step;

// A text in a step's payload: as long as the forms' longest text (the description of
// assets/forms/counter.json), counted in characters as the forms count.
inline constexpr std::size_t k_max_step_text_chars = 4000;
// A code in a payload (a channel, a staff id, a satisfaction level, a department): bytes.
inline constexpr std::size_t k_max_step_code_bytes = 64;
// Departments one dispatch may name.
inline constexpr std::size_t k_max_step_departments = 64;

// A department code: 1-32 of a-z, 0-9, '_' and '-'.
bool valid_department_code(std::string_view code);

struct PayloadProblem {
    // wrong_type (the payload or a value of the wrong type), unknown_field (a key the step
    // does not take), too_long (a text over its limit), too_many_items (departments or
    // fields) or invalid_value (a NUL character, a department code, a customer field name).
    std::string code;
    std::string field; // "payload.text"
    std::string what;  // "must be a text"
};

// Checks the payload of a step: an object (null reads as {}) with only the step's keys, each
// of its type. What is required, and whether the step is allowed now, is check_step's.
std::expected<void, PayloadProblem> check_step_schema(Step step, const nlohmann::json& payload);

} // namespace cf::core
