// The form definition reader (forms/form_definition.h, assets/forms/<id>.json), checked
// against the installed category tree. Checks that an accepted form's fields have unique ids
// that find_field finds, and that a refusal names the file and reasons.
#include "asset_checks.h"
#include "forms/form_definition.h"

#include <set>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::forms;
    const auto doc = cf::fuzz::asset_doc(cf::fuzz::as_text(data, size));
    if (!doc) {
        return 0;
    }
    const auto form =
        parse_form_definition(*doc, "forms/test.json", cf::fuzz::installed_categories());
    if (!form) {
        cf::fuzz::check_errors(form.error(), "forms/test.json");
        return 0;
    }
    std::set<std::string> ids;
    for (const FieldDefinition& field : form->fields) {
        FUZZ_CHECK(ids.insert(field.id).second, field.id);
        FUZZ_CHECK(form->find_field(field.id) == &field, field.id);
    }
    return 0;
}
