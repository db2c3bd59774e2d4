#include "core/step_schema.h"

#include "core/lifecycle.h"
#include "core/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <span>

namespace cf::core {

bool valid_department_code(std::string_view code) {
    return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

namespace {

using nlohmann::json;

enum class Shape { text, code, time, amount, departments, contact_fields, classification };

struct Key {
    const char* name;
    Shape shape;
};

// Every key each step may carry (lifecycle.h says what each one means).
std::span<const Key> keys_of(Step step) {
    static constexpr Key text[] = {{"text", Shape::text}};
    static constexpr Key feedback[] = {{"text", Shape::text}, {"contact_due", Shape::time}};
    static constexpr Key resolve[] = {
        {"resolution", Shape::text}, {"compensation", Shape::amount}, {"approved_by", Shape::code}};
    static constexpr Key reason[] = {{"reason", Shape::text}};
    static constexpr Key contact[] = {{"channel", Shape::code}, {"outcome", Shape::text}};
    static constexpr Key satisfaction[] = {
        {"level", Shape::code}, {"due_at", Shape::time}, {"assignee", Shape::code}};
    static constexpr Key close[] = {{"reason", Shape::text}, {"note", Shape::text}};
    static constexpr Key reopen[] = {{"reason", Shape::text}, {"due_at", Shape::time}};
    static constexpr Key review_accept[] = {{"due_at", Shape::time}};
    static constexpr Key dispatch[] = {{"departments", Shape::departments},
                                       {"deadline", Shape::time}};
    static constexpr Key handle[] = {{"department", Shape::code},
                                     {"investigation", Shape::text},
                                     {"responsibility", Shape::code},
                                     {"solution", Shape::text}};
    static constexpr Key audit_reject[] = {
        {"reason", Shape::text}, {"departments", Shape::departments}, {"deadline", Shape::time}};
    static constexpr Key sign_for[] = {{"department", Shape::code}};
    static constexpr Key audit_part[] = {{"department", Shape::code},
                                         {"verdict", Shape::code},
                                         {"reason", Shape::text},
                                         {"deadline", Shape::time}};
    static constexpr Key view_contact[] = {{"fields", Shape::contact_fields}};
    static constexpr Key approve[] = {{"compensation", Shape::amount}, {"plan", Shape::text}};
    static constexpr Key checklist[] = {{"item", Shape::code}, {"note", Shape::text}};
    static constexpr Key reclassify[] = {{"before", Shape::classification},
                                         {"after", Shape::classification},
                                         {"reason", Shape::text},
                                         {"first_response_due", Shape::time},
                                         {"due_at", Shape::time}};
    switch (step) {
    case Step::note:
        return text;
    case Step::feedback:
        return feedback;
    case Step::resolve:
        return resolve;
    case Step::submit:
    case Step::review_return:
        return reason;
    case Step::contact:
        return contact;
    case Step::satisfaction:
        return satisfaction;
    case Step::close:
        return close;
    case Step::reopen:
        return reopen;
    case Step::review_accept:
        return review_accept;
    case Step::dispatch:
        return dispatch;
    case Step::handle:
        return handle;
    case Step::audit_reject:
        return audit_reject;
    case Step::view_contact:
        return view_contact;
    case Step::approve:
        return approve;
    case Step::reclassify:
        return reclassify;
    case Step::checklist:
        return checklist;
    case Step::sign_for:
        return sign_for;
    case Step::audit_part:
        return audit_part;
    case Step::acknowledge:
    case Step::audit_approve:
        return {};
    }
    return {};
}

std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text) {
        n += (c & 0xC0) != 0x80 ? 1 : 0; // every reader of the payload checked it is UTF-8
    }
    return n;
}

std::unexpected<PayloadProblem> wrong(const char* code, std::string field, std::string what) {
    return std::unexpected(PayloadProblem{code, std::move(field), std::move(what)});
}

// A text or code: a string within its limit, without NUL.
std::expected<void, PayloadProblem> check_string(const json& v, const std::string& field,
                                                 bool code) {
    if (!v.is_string()) {
        return wrong("wrong_type", field, "must be a text");
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.find('\0') != std::string::npos) {
        return wrong("invalid_value", field, "must not hold a NUL character");
    }
    if (code && s.size() > k_max_step_code_bytes) {
        return wrong("too_long", field,
                     "at most " + std::to_string(k_max_step_code_bytes) + " bytes");
    }
    if (!code && characters(s) > k_max_step_text_chars) {
        return wrong("too_long", field,
                     "at most " + std::to_string(k_max_step_text_chars) + " characters");
    }
    return {};
}

std::expected<void, PayloadProblem> check_value(const Key& key, const json& v) {
    const std::string field = std::string("payload.") + key.name;
    switch (key.shape) {
    case Shape::text:
    case Shape::code:
        return check_string(v, field, key.shape == Shape::code);
    case Shape::time:
        if (!v.is_number_integer()) {
            return wrong("wrong_type", field, "must be a whole number of milliseconds");
        }
        return {};
    case Shape::amount:
        if (!v.is_number()) {
            return wrong("wrong_type", field, "must be an amount");
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
    case Shape::classification: {
        if (!v.is_object()) {
            return wrong("wrong_type", field, "must be an object of classification codes");
        }
        for (const auto& [name, code] : v.items()) {
            if (name != "request_type" && name != "category" && name != "priority" &&
                name != "severity") {
                return wrong("unknown_field", field + "." + cut_utf8(name, 64),
                             "is not request_type, category, priority or severity");
            }
            if (auto r = check_string(code, field + "." + name, true); !r) {
                return r;
            }
        }
        return {};
    }
    case Shape::contact_fields:
        if (!v.is_array()) {
            return wrong("wrong_type", field, "must be a list of customer fields");
        }
        if (v.size() > k_contact_fields.size()) {
            return wrong("too_many_items", field,
                         "at most " + std::to_string(k_contact_fields.size()) + " fields");
        }
        for (const auto& name : v) {
            if (auto r = check_string(name, field, true); !r) {
                return r;
            }
        }
        return {};
    }
    return {};
}

} // namespace

std::expected<void, PayloadProblem> check_step_schema(Step step, const json& payload) {
    if (payload.is_null()) {
        return {};
    }
    if (!payload.is_object()) {
        return wrong("wrong_type", "payload", "must be an object");
    }
    const auto keys = keys_of(step);
    for (const auto& [name, value] : payload.items()) {
        const auto key =
            std::find_if(keys.begin(), keys.end(), [&](const Key& k) { return name == k.name; });
        if (key == keys.end()) {
            // A name from outside is cut before an answer or a log repeats it.
            const std::string shown = cut_utf8(name, 64);
            return wrong("unknown_field", "payload." + shown,
                         "is not a field of step '" + std::string(to_string(step)) + "'");
        }
        if (auto r = check_value(*key, value); !r) {
            return r;
        }
    }
    return {};
}

} // namespace cf::core
