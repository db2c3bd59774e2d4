#pragma once
// The value check of each field type, shared by submission validation and by the asset loader
// (which checks defaults and visible_if values with it).

#include "forms/category_tree.h"
#include "forms/field_definition.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace cf::forms {

// Null, text that is only whitespace and an empty list count as "not given".
bool is_empty_value(const nlohmann::json& value);

// One '@', a local part and a domain with a dot, no spaces, at most 254 characters.
bool is_plausible_email(std::string_view text);

// Why `value` cannot be the value of `field`, as a sentence without the field name, or nullopt
// when it can. `value` must not be empty (is_empty_value). A category field accepts any code
// in `categories`; when `categories` is empty the code is not checked.
std::optional<std::string> check_field_value(const FieldDefinition& field,
                                             const nlohmann::json& value,
                                             const CategoryTree& categories,
                                             int utc_offset_minutes);

} // namespace cf::forms
