#include "forms/field_type.h"

#include <array>

namespace cf::forms {
namespace {

constexpr std::array<std::string_view, 8> k_names = {
    "text", "multiline", "phone", "email", "single_choice", "multiple_choice", "datetime", "yesno"};
static_assert(static_cast<std::size_t>(FieldType::yesno) + 1 == k_names.size());

} // namespace

std::string_view to_string(FieldType t) {
    return k_names.at(static_cast<std::size_t>(t));
}

std::optional<FieldType> parse_field_type(std::string_view name) {
    for (std::size_t i = 0; i < k_names.size(); ++i) {
        if (k_names[i] == name) {
            return static_cast<FieldType>(i);
        }
    }
    return std::nullopt;
}

} // namespace cf::forms
