#pragma once
// What the asset harnesses share: the input read as forms::read_json_file reads a file (any
// syntax error refuses it), the installed category tree that forms and rules are checked
// against, and the check that every problem a parser reports names the file and a reason.

#include "forms/asset_error.h"
#include "forms/asset_reader.h"
#include "forms/category_tree.h"
#include "fuzz_support.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <vector>

namespace cf::fuzz {

inline std::optional<nlohmann::json> asset_doc(std::string_view text) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        return std::nullopt;
    }
    return doc;
}

// Read once from the source tree (COUNTERFOIL_FUZZ_ASSETS); an empty tree, which turns the
// category checks off, when it cannot be read.
inline const forms::CategoryTree& installed_categories() {
    static const forms::CategoryTree tree = [] {
        std::ifstream in(std::string(COUNTERFOIL_FUZZ_ASSETS) + "/categories.json");
        const std::string text{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        const auto doc = asset_doc(text);
        auto parsed = doc ? forms::parse_category_tree(*doc, "categories.json")
                          : std::expected<forms::CategoryTree, std::vector<forms::AssetError>>();
        return parsed ? std::move(*parsed) : forms::CategoryTree();
    }();
    return tree;
}

inline void check_errors(const std::vector<forms::AssetError>& errors, const std::string& file) {
    FUZZ_CHECK(!errors.empty(), file + ": refused without a reason");
    for (const forms::AssetError& e : errors) {
        FUZZ_CHECK(e.file == file, e.file + " " + e.field + " " + e.reason);
        FUZZ_CHECK(!e.reason.empty(), e.file + " " + e.field);
    }
}

} // namespace cf::fuzz
