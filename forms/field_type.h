#pragma once
// The kinds of input a form field can be; each has its own widget and its own value check.

#include <optional>
#include <string_view>

namespace cf::forms {

enum class FieldType {
    text,            // one line of text
    multiline,       // several lines; bound to a list (evidence) it becomes one item per line
    phone,           // core::classify_phone must accept it
    email,           // a plausible address
    single_choice,   // one option value
    multiple_choice, // a list of distinct option values
    datetime,        // ISO 8601 date and time
    yesno,           // true or false
};

std::string_view to_string(FieldType t);
// nullopt for an unknown name.
std::optional<FieldType> parse_field_type(std::string_view name);

} // namespace cf::forms
