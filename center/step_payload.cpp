#include "center/step_payload.h"

#include "center/center_storage.h"
#include "sync/json_fields.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace cf::center {

// Here rather than with the staff accounts, so the step payload check (and its fuzz harness,
// tests/fuzz) needs nothing of the storage.
bool valid_department_code(std::string_view code) {
    return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

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

namespace {

using nlohmann::json;

enum class Shape { text, code, time, departments };

struct Key {
    const char* name;
    Shape shape;
};

// Every key each step may carry (required ones are the lifecycle's to ask for).
std::span<const Key> keys_of(core::Step step) {
    static constexpr Key note[] = {{"text", Shape::text}};
    static constexpr Key review_accept[] = {{"due_at", Shape::time}};
    static constexpr Key reason[] = {{"reason", Shape::text}};
    static constexpr Key dispatch[] = {{"departments", Shape::departments},
                                       {"deadline", Shape::time}};
    static constexpr Key handle[] = {{"department", Shape::code},
                                     {"investigation", Shape::text},
                                     {"responsibility", Shape::code},
                                     {"solution", Shape::text}};
    static constexpr Key audit_reject[] = {
        {"reason", Shape::text}, {"departments", Shape::departments}, {"deadline", Shape::time}};
    switch (step) {
    case core::Step::note:
    case core::Step::feedback:
        return note;
    case core::Step::review_accept:
        return review_accept;
    case core::Step::review_return:
        return reason;
    case core::Step::dispatch:
        return dispatch;
    case core::Step::handle:
        return handle;
    case core::Step::audit_reject:
        return audit_reject;
    default:
        return {}; // audit_approve takes none; branch steps are refused before this
    }
}

std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        n += (c & 0xC0) != 0x80 ? 1 : 0; // the body was checked to be UTF-8
    }
    return n;
}

CenterResult<void> wrong(const char* code, const std::string& field, const std::string& what) {
    return center_error(400, code, field + ": " + what, field);
}

CenterResult<void> check_value(const Key& key, const json& v) {
    const std::string field = std::string("payload.") + key.name;
    switch (key.shape) {
    case Shape::text:
        if (!v.is_string()) {
            return wrong("wrong_type", field, "must be a text");
        }
        if (characters(v.get_ref<const std::string&>()) > k_max_step_text_chars) {
            return wrong("too_long", field,
                         "at most " + std::to_string(k_max_step_text_chars) + " characters");
        }
        return {};
    case Shape::code:
        if (!v.is_string()) {
            return wrong("wrong_type", field, "must be a text");
        }
        if (v.get_ref<const std::string&>().size() > 64) {
            return wrong("too_long", field, "at most 64 bytes");
        }
        return {};
    case Shape::time:
        if (!v.is_number_integer()) {
            return wrong("wrong_type", field, "must be a whole number of milliseconds");
        }
        return {};
    case Shape::departments:
        if (!v.is_array()) {
            return wrong("wrong_type", field, "must be a list of department codes");
        }
        if (v.size() > k_max_step_departments) {
            return wrong("too_many_items", field,
                         "at most " + std::to_string(k_max_step_departments) + " departments");
        }
        for (const auto& code : v) {
            if (!code.is_string() || !valid_department_code(code.get_ref<const std::string&>())) {
                return wrong("invalid_value", field,
                             "every item must be a department code (1-32 of a-z, 0-9, '_', '-')");
            }
        }
        return {};
    }
    return {};
}

} // namespace

CenterResult<void> check_step_payload(core::Step step, const json& payload) {
    if (payload.is_null()) {
        return {};
    }
    if (!payload.is_object()) {
        return wrong("wrong_type", "payload", "must be an object");
    }
    const auto keys = keys_of(step);
    for (const auto& [name, value] : payload.items()) {
        const Key* key = nullptr;
        for (const Key& k : keys) {
            if (name == k.name) {
                key = &k;
            }
        }
        if (key == nullptr) {
            const std::string field = "payload." + sync::cut_name(name);
            return wrong("unknown_field", field,
                         "is not a field of step '" + std::string(core::to_string(step)) + "'");
        }
        if (auto r = check_value(*key, value); !r) {
            return r;
        }
    }
    return {};
}

} // namespace cf::center
