#include "center/step_payload.h"

#include "center/center_storage.h"
#include "core/step_schema.h"

#include <string>

namespace cf::center {

CenterResult<void> check_center_role(core::Role role) {
    if (core::is_center_role(role)) {
        return {};
    }
    return center_error(400, "invalid_value",
                        "--role: '" + std::string(core::to_string(role)) +
                            "' is not a center role (reviewer, dispatcher, handler, auditor, "
                            "manager)",
                        "role");
}

CenterResult<void> check_step_payload(core::Step step, const nlohmann::json& payload) {
    if (auto shape = core::check_step_schema(step, payload); !shape) {
        const core::PayloadProblem& p = shape.error();
        return center_error(400, p.code, p.field + ": " + p.what, p.field);
    }
    return {};
}

} // namespace cf::center
