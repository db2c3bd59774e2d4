#include "forms/submission_validator.h"

#include "forms/field_check.h"
#include "forms/localized_text.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace cf::forms {

bool ValidSubmission::was_given(TicketPath p) const {
    return std::find(given.begin(), given.end(), p) != given.end();
}

namespace {

constexpr std::size_t k_max_receiver_length = 100;

bool is_customer_path(TicketPath p) {
    return to_string(p).starts_with("customer.");
}

class Validator {
public:
    Validator(const FormDefinition& form, const CategoryTree& categories, int utc_offset_minutes)
        : m_form(form), m_categories(categories), m_offset(utc_offset_minutes) {}

    std::expected<ValidSubmission, std::vector<FieldError>> run(const nlohmann::json& submission);

private:
    void fail(std::string_view field, std::string reason) {
        m_errors.push_back(FieldError{std::string(field), std::move(reason)});
        m_failed.insert(std::string(field));
    }
    void collect(const nlohmann::json& submission);
    void consider(std::string_view key, const nlohmann::json& value);
    void check_fields();
    void check_always_accepted();
    void check_rules();
    // The value a field has for visible_if: the submitted one, else its default, else null.
    nlohmann::json effective_value(const FieldDefinition& field) const;
    const nlohmann::json* raw(TicketPath p) const {
        const auto it = m_raw.find(p);
        return it == m_raw.end() ? nullptr : it->second;
    }

    const FormDefinition& m_form;
    const CategoryTree& m_categories;
    int m_offset;
    std::map<TicketPath, const nlohmann::json*> m_raw;
    std::set<TicketPath> m_filled; // given or defaulted, and valid
    std::set<std::string> m_failed;
    std::vector<FieldError> m_errors;
    ValidSubmission m_result;
};

std::expected<ValidSubmission, std::vector<FieldError>>
Validator::run(const nlohmann::json& submission) {
    if (!submission.is_object()) {
        fail("submission", "must be a JSON object, like {\"description\": \"...\"}");
        return std::unexpected(m_errors);
    }
    m_result.ticket.channel = m_form.channel;
    m_result.ticket.receiver = m_form.receiver;
    m_result.ticket.locale = std::string(k_default_locale);
    collect(submission);
    check_fields();
    check_always_accepted();
    check_rules();
    if (!m_errors.empty()) {
        return std::unexpected(m_errors);
    }
    return m_result;
}

void Validator::collect(const nlohmann::json& submission) {
    for (const auto& [key, value] : submission.items()) {
        if (key == "customer") {
            if (value.is_null()) {
                continue;
            }
            if (!value.is_object()) {
                fail("customer", "must be an object with name, phone, email, customer_no "
                                 "and order_no");
                continue;
            }
            for (const auto& [sub, sub_value] : value.items()) {
                consider("customer." + sub, sub_value);
            }
            continue;
        }
        if (key == "first_response_due" || key == "due_at") {
            fail(key, "is computed from the SLA policy and cannot be submitted");
            continue;
        }
        if (key.find('.') != std::string::npos) {
            fail(key, "unknown field; customer details go inside \"customer\": {...}");
            continue;
        }
        consider(key, value);
    }
}

void Validator::consider(std::string_view key, const nlohmann::json& value) {
    const std::optional<TicketPath> p = parse_ticket_path(key);
    const bool customer_key = key.starts_with("customer.");
    if (!p || customer_key != is_customer_path(*p)) {
        fail(key, "unknown field; a submission holds this form's fields and receiver, locale "
                  "and channel");
        return;
    }
    if (m_form.field_for(*p) == nullptr && !always_accepted(*p)) {
        fail(key, "is not on the " + m_form.id + " form");
        return;
    }
    m_raw[*p] = &value;
}

nlohmann::json Validator::effective_value(const FieldDefinition& field) const {
    if (const nlohmann::json* v = raw(field.bind); v != nullptr && !is_empty_value(*v)) {
        return *v;
    }
    if (field.default_value) {
        return *field.default_value;
    }
    return nullptr;
}

void Validator::check_fields() {
    std::map<std::string, bool, std::less<>> visible;
    for (const FieldDefinition& field : m_form.fields) {
        bool shown = true;
        if (field.visible_if) {
            const FieldDefinition* control = m_form.find_field(field.visible_if->field);
            shown = control != nullptr && visible[control->id] &&
                    effective_value(*control) == field.visible_if->equals;
        }
        visible[field.id] = shown;
        if (!shown) {
            continue; // a hidden field's value is ignored, whatever it is
        }
        const std::string_view path = to_string(field.bind);
        const nlohmann::json* submitted = raw(field.bind);
        const bool from_submission = submitted != nullptr && !is_empty_value(*submitted);
        nlohmann::json value;
        if (from_submission) {
            value = *submitted;
        } else if (field.default_value) {
            value = *field.default_value;
        } else {
            if (field.required) {
                fail(path, "is required");
            }
            continue;
        }
        if (auto why = check_field_value(field, value, m_categories, m_offset)) {
            fail(path, *why);
            continue;
        }
        assign_to_ticket(m_result.ticket, field.bind, value, m_offset);
        m_filled.insert(field.bind);
        if (from_submission) {
            m_result.given.push_back(field.bind);
        }
    }
}

void Validator::check_always_accepted() {
    for (const TicketPath p : all_ticket_paths()) {
        if (!always_accepted(p) || m_form.field_for(p) != nullptr) {
            continue;
        }
        const nlohmann::json* value = raw(p);
        if (value == nullptr || is_empty_value(*value)) {
            continue;
        }
        const std::string_view path = to_string(p);
        if (!value->is_string()) {
            fail(path, "must be text");
            continue;
        }
        const std::string text(trim(value->get_ref<const std::string&>()));
        if (p == TicketPath::receiver &&
            (!is_valid_utf8(text) || utf8_length(text) > k_max_receiver_length)) {
            fail(path, "must be a staff id of at most 100 characters");
            continue;
        }
        if (has_fixed_values(p) && !is_fixed_value(p, text)) {
            fail(path, in_quotes(text) + " is not one of " + join(fixed_values(p)));
            continue;
        }
        assign_to_ticket(m_result.ticket, p, *value, m_offset);
        m_filled.insert(p);
        m_result.given.push_back(p);
    }
}

void Validator::check_rules() {
    for (const OneOfRule& rule : m_form.one_of) {
        bool satisfied = false;
        bool already_wrong = false;
        std::vector<std::string> names;
        for (const TicketPath p : rule.paths) {
            satisfied = satisfied || m_filled.contains(p);
            already_wrong = already_wrong || m_failed.contains(std::string(to_string(p)));
            names.emplace_back(to_string(p));
        }
        if (!satisfied && !already_wrong && !names.empty()) {
            fail(names.front(), "give at least one of " + join(names, " or "));
        }
    }
}

} // namespace

std::expected<ValidSubmission, std::vector<FieldError>>
validate_submission(const FormDefinition& form, const CategoryTree& categories,
                    const nlohmann::json& submission, int utc_offset_minutes) {
    return Validator(form, categories, utc_offset_minutes).run(submission);
}

} // namespace cf::forms
