#pragma once
// One field of a form as the assets describe it: what it asks (labels in three locales), what
// kind of value it takes, where the value goes in the ticket, and when it is shown.

#include "forms/field_type.h"
#include "forms/localized_text.h"
#include "forms/ticket_path.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cf::forms {

struct ChoiceOption {
    std::string value; // stored code, e.g. "refund"
    LocalizedText label;
};

// The field is shown (and validated) only while field `field` has the value `equals`.
struct VisibleIf {
    std::string field; // id of an earlier field on the same form
    nlohmann::json equals;
};

struct FieldValidation {
    std::optional<std::size_t> min_length; // characters (code points), text types
    std::optional<std::size_t> max_length; // characters; for a list-bound multiline, per line
    std::optional<std::size_t> max_items;  // multiple_choice, list-bound multiline
    bool must_be_true = false;             // yesno: only "yes" lets the form through (consent)
};

struct FieldDefinition {
    std::string id; // stable widget and test id
    FieldType type = FieldType::text;
    TicketPath bind = TicketPath::description;
    bool required = false;
    FieldValidation validation;
    LocalizedText label;
    std::optional<LocalizedText> help;
    std::vector<ChoiceOption> options; // choice fields, unless options_from_categories
    bool options_from_categories = false;
    std::optional<VisibleIf> visible_if;
    std::optional<nlohmann::json> default_value; // used when the submission leaves it out
    std::string widget; // optional presentation hint: "tiles", "list" or "dropdown"

    // The option with this value, or nullptr.
    const ChoiceOption* find_option(std::string_view value) const;
};

} // namespace cf::forms
