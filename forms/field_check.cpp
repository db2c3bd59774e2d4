#include "forms/field_check.h"

#include "core/clock.h"
#include "core/phone.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <set>

namespace cf::forms {
namespace {

std::string must_be(std::string_view what, const nlohmann::json& value) {
    std::string kind;
    switch (value.type()) {
    case nlohmann::json::value_t::object:
        kind = "an object";
        break;
    case nlohmann::json::value_t::array:
        kind = "a list";
        break;
    case nlohmann::json::value_t::string:
        kind = "text";
        break;
    case nlohmann::json::value_t::boolean:
        kind = "true/false";
        break;
    default:
        kind = "a number";
        break;
    }
    return "must be " + std::string(what) + ", not " + kind;
}

std::optional<std::string> check_length(std::string_view text, const FieldValidation& v,
                                        std::string_view what = "") {
    if (!is_valid_utf8(text)) {
        return std::string("contains bytes that are not UTF-8 text");
    }
    const std::size_t length = utf8_length(trim(text));
    const std::string subject = what.empty() ? "is" : std::string(what) + " is";
    if (v.max_length && length > *v.max_length) {
        return subject + " " + std::to_string(length) + " characters long; at most " +
               std::to_string(*v.max_length) + " are allowed";
    }
    if (v.min_length && length < *v.min_length) {
        return subject + " " + std::to_string(length) + " characters long; at least " +
               std::to_string(*v.min_length) + " are needed";
    }
    return std::nullopt;
}

std::string choices_of(const FieldDefinition& field) {
    std::vector<std::string> values;
    for (const ChoiceOption& option : field.options) {
        values.push_back(option.value);
    }
    return join(values);
}

bool is_choice(const FieldDefinition& field, std::string_view value,
               const CategoryTree& categories) {
    if (field.options_from_categories) {
        return categories.empty() || categories.contains(value);
    }
    return field.find_option(value) != nullptr;
}

std::string not_a_choice(const FieldDefinition& field, std::string_view value) {
    if (field.options_from_categories) {
        return in_quotes(value) + " is not a category code (e.g. billing or billing.overcharge)";
    }
    return in_quotes(value) + " is not one of the choices (" + choices_of(field) + ")";
}

std::optional<std::string> check_list_text(const FieldDefinition& field,
                                           const nlohmann::json& value) {
    std::vector<std::string> items;
    if (value.is_string()) {
        if (!is_valid_utf8(value.get_ref<const std::string&>())) {
            return std::string("contains bytes that are not UTF-8 text");
        }
        items = split_lines(value.get_ref<const std::string&>());
    } else if (value.is_array()) {
        for (const nlohmann::json& item : value) {
            if (!item.is_string()) {
                return must_be("a list of text lines", item);
            }
            items.push_back(item.get<std::string>());
        }
    } else {
        return must_be("text (one item per line) or a list of text", value);
    }
    const FieldValidation& v = field.validation;
    if (v.max_items && items.size() > *v.max_items) {
        return "has " + std::to_string(items.size()) + " items; at most " +
               std::to_string(*v.max_items) + " are allowed";
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto why = check_length(items[i], v, "item " + std::to_string(i + 1))) {
            return why;
        }
    }
    return std::nullopt;
}

} // namespace

bool is_empty_value(const nlohmann::json& value) {
    if (value.is_null()) {
        return true;
    }
    if (value.is_string()) {
        return trim(value.get_ref<const std::string&>()).empty();
    }
    if (value.is_array()) {
        return value.empty();
    }
    return false;
}

bool is_plausible_email(std::string_view text) {
    if (text.size() > 254) {
        return false;
    }
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
        local.find("..") != std::string_view::npos) {
        return false;
    }
    for (const char c : local) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F ||
            std::string_view("(),:;<>[\\]\"").find(c) != std::string_view::npos) {
            return false;
        }
    }
    // Domain: dot-separated labels of letters, digits and hyphens (non-ASCII allowed for
    // internationalised names), at least two labels, a top-level label of two or more.
    std::size_t labels = 0;
    std::size_t last_label = 0;
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = domain.find('.', start);
        if (end == std::string_view::npos) {
            end = domain.size();
        }
        const std::string_view label = domain.substr(start, end - start);
        if (label.empty() || label.front() == '-' || label.back() == '-') {
            return false;
        }
        for (const char c : label) {
            const auto u = static_cast<unsigned char>(c);
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || u >= 0x80;
            if (!ok) {
                return false;
            }
        }
        ++labels;
        last_label = label.size();
        start = end + 1;
    }
    return labels >= 2 && last_label >= 2;
}

std::optional<std::string> check_field_value(const FieldDefinition& field,
                                             const nlohmann::json& value,
                                             const CategoryTree& categories,
                                             int utc_offset_minutes) {
    switch (field.type) {
    case FieldType::text:
    case FieldType::multiline:
        if (is_list_path(field.bind)) {
            return check_list_text(field, value);
        }
        if (!value.is_string()) {
            return must_be("text", value);
        }
        return check_length(value.get_ref<const std::string&>(), field.validation);
    case FieldType::phone: {
        if (!value.is_string()) {
            return must_be("a phone number as text", value);
        }
        const std::string_view text = trim(value.get_ref<const std::string&>());
        if (core::classify_phone(text) == core::PhoneKind::invalid) {
            return in_quotes(text) +
                   " is not a phone number (mainland mobile, landline, Hong Kong, "
                   "Macau or Taiwan)";
        }
        return std::nullopt;
    }
    case FieldType::email: {
        if (!value.is_string()) {
            return must_be("an email address as text", value);
        }
        const std::string_view text = trim(value.get_ref<const std::string&>());
        if (!is_valid_utf8(text) || !is_plausible_email(text)) {
            return in_quotes(text) + " is not an email address (like name@example.com)";
        }
        return check_length(text, field.validation);
    }
    case FieldType::single_choice: {
        if (!value.is_string()) {
            return must_be("one choice as text", value);
        }
        const std::string_view text = trim(value.get_ref<const std::string&>());
        if (!is_choice(field, text, categories)) {
            return not_a_choice(field, text);
        }
        return std::nullopt;
    }
    case FieldType::multiple_choice: {
        if (!value.is_array()) {
            return must_be("a list of choices", value);
        }
        std::set<std::string> seen;
        for (const nlohmann::json& item : value) {
            if (!item.is_string()) {
                return must_be("a list of choices as text", item);
            }
            const std::string text(trim(item.get_ref<const std::string&>()));
            if (!is_choice(field, text, categories)) {
                return not_a_choice(field, text);
            }
            if (!seen.insert(text).second) {
                return in_quotes(text) + " is chosen more than once";
            }
        }
        if (field.validation.max_items && seen.size() > *field.validation.max_items) {
            return "has " + std::to_string(seen.size()) + " choices; at most " +
                   std::to_string(*field.validation.max_items) + " are allowed";
        }
        return std::nullopt;
    }
    case FieldType::datetime: {
        if (!value.is_string()) {
            return must_be("a date and time as text", value);
        }
        const std::string_view text = trim(value.get_ref<const std::string&>());
        if (!core::parse_iso8601(text, utc_offset_minutes)) {
            return in_quotes(text) +
                   " is not a date and time like 2026-03-01T14:30+08:00 or 2026-03-01";
        }
        return std::nullopt;
    }
    case FieldType::yesno:
        if (!value.is_boolean()) {
            return must_be("true or false", value);
        }
        if (field.validation.must_be_true && !value.get<bool>()) {
            return std::string("must be yes (accepted) to continue");
        }
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace cf::forms
