#include "center/center_error.h"

namespace cf::center {

CenterError from_core(const core::Error& e) {
    switch (e.code) {
    case core::ErrorCode::busy:
        return CenterError{503, "busy", e.message, {}, {}, {}, {}, {}};
    case core::ErrorCode::disk_full:
        return CenterError{507, "disk_full", e.message, {}, {}, {}, {}, {}};
    case core::ErrorCode::not_found:
        return CenterError{404, "not_found", e.message, {}, {}, {}, {}, {}};
    case core::ErrorCode::invalid_input:
        return CenterError{400, "invalid_value", e.message, {}, {}, {}, {}, {}};
    case core::ErrorCode::rejected_step:
        return CenterError{422, "step_refused", e.message, {}, {}, {}, {}, {}};
    default:
        return CenterError{500, "storage", e.message, {}, {}, {}, {}, {}};
    }
}

CenterError from_protocol(const sync::ProtocolError& e) {
    return CenterError{400, e.code, e.message, e.field, {}, {}, {}, {}};
}

} // namespace cf::center
