// The category tree reader (forms/category_tree.h parse_category_tree, assets/categories.json).
// Checks that every code of an accepted tree is found, belongs to its top-level code and has a
// label in every locale, that "other" is there, and that a refusal names the file and reasons.
#include "asset_checks.h"
#include "forms/category_tree.h"
#include "forms/localized_text.h"

namespace {

using namespace cf::forms;

void check_node(const CategoryTree& tree, const Category& c, const std::string& top) {
    FUZZ_CHECK(tree.find(c.code) == &c, c.code);
    FUZZ_CHECK(tree.top_level_of(c.code) == top, c.code);
    for (std::string_view locale : k_locales) {
        const auto label = tree.path_label(c.code, locale);
        FUZZ_CHECK(label && !label->empty(), c.code);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto doc = cf::fuzz::asset_doc(cf::fuzz::as_text(data, size));
    if (!doc) {
        return 0;
    }
    const auto tree = parse_category_tree(*doc, "categories.json");
    if (!tree) {
        cf::fuzz::check_errors(tree.error(), "categories.json");
        return 0;
    }
    FUZZ_CHECK(tree->contains(k_fallback_category), cf::fuzz::dump(*doc));
    for (const Category& top : tree->top_level()) {
        check_node(*tree, top, top.code);
        for (const Category& child : top.children) {
            FUZZ_CHECK(child.children.empty(), child.code);
            check_node(*tree, child, top.code);
        }
    }
    return 0;
}
