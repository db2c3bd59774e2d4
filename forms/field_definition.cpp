#include "forms/field_definition.h"

namespace cf::forms {

const ChoiceOption* FieldDefinition::find_option(std::string_view value) const {
    for (const ChoiceOption& option : options) {
        if (option.value == value) {
            return &option;
        }
    }
    return nullptr;
}

} // namespace cf::forms
