#pragma once
// The fields of a classification correction (复核 二次确认), shared by the counter's and the
// console's dialogs: a choice field's options as radio buttons, and the category tree as a
// combo. Each records its hit ids, so the headless tests tap them.

#include "forms/catalog.h"
#include "forms/field_definition.h"
#include "ui/ui.h"

#include <string>
#include <string_view>

namespace cf::ui {

// The field's label, then its options on the same line; ids "<prefix>.<field>.<value>".
void choice_radios(Ui& ui, const forms::FieldDefinition& field, std::string_view prefix,
                   std::string& value);

// Every category of the tree, each top-level one followed by its children, indented; the
// combo's id is "<prefix>.category".
void category_combo(Ui& ui, const forms::Catalog& catalog, std::string_view prefix,
                    std::string& code, float width);

} // namespace cf::ui
