#pragma once
// A form (assets/forms/<id>.json): the ordered fields a kiosk or counter screen shows, and the
// rules that span several fields. Submissions are validated against it (submission_validator.h).

#include "core/ticket.h"
#include "forms/asset_error.h"
#include "forms/category_tree.h"
#include "forms/field_definition.h"
#include "forms/localized_text.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// At least one of these paths must be given (e.g. customer.phone or customer.email).
struct OneOfRule {
    std::vector<TicketPath> paths;
};

struct FormDefinition {
    std::string id; // the file name without .json: "kiosk", "counter"
    LocalizedText title;
    core::Channel channel = core::Channel::counter; // when the submission names none
    std::string receiver; // 受理人 when the submission names none ("kiosk" on the kiosk)
    std::vector<FieldDefinition> fields;
    std::vector<OneOfRule> one_of;

    const FieldDefinition* find_field(std::string_view id) const;
    // The field bound to this path, or nullptr when the path is not on this form.
    const FieldDefinition* field_for(TicketPath path) const;
};

// Parses one form file. Fails with every problem: unknown keys and field types, missing
// labels or locales, duplicate ids or binds, a bind to an unknown path or one the type cannot
// fill, choice fields without options, options outside a fixed set, visible_if naming no
// earlier field, defaults and validation limits that do not fit the field. Category defaults
// are checked against `categories` unless it is empty.
std::expected<FormDefinition, std::vector<AssetError>>
parse_form_definition(const nlohmann::json& doc, const std::string& file,
                      const CategoryTree& categories);

} // namespace cf::forms
