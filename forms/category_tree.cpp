#include "forms/category_tree.h"

#include "forms/asset_reader.h"

#include <set>

namespace cf::forms {

const Category* CategoryTree::find(std::string_view code) const {
    for (const Category& top : m_top) {
        if (top.code == code) {
            return &top;
        }
        for (const Category& child : top.children) {
            if (child.code == code) {
                return &child;
            }
        }
    }
    return nullptr;
}

std::optional<std::string> CategoryTree::top_level_of(std::string_view code) const {
    for (const Category& top : m_top) {
        if (top.code == code) {
            return top.code;
        }
        for (const Category& child : top.children) {
            if (child.code == code) {
                return top.code;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::string> CategoryTree::path_label(std::string_view code,
                                                    std::string_view locale) const {
    for (const Category& top : m_top) {
        if (top.code == code) {
            return top.label.in(locale);
        }
        for (const Category& child : top.children) {
            if (child.code == code) {
                return top.label.in(locale) + " / " + child.label.in(locale);
            }
        }
    }
    return std::nullopt;
}

namespace {

// Codes are what the database and reports store: lower-case ASCII words.
bool valid_code_word(std::string_view word) {
    if (word.empty()) {
        return false;
    }
    for (const char c : word) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
            return false;
        }
    }
    return true;
}

std::optional<Category> parse_category(const nlohmann::json& node, const std::string& path,
                                       const std::string* parent_code, AssetReader& reader,
                                       std::set<std::string>& seen) {
    if (!reader.expect_object(node, path)) {
        return std::nullopt;
    }
    reader.reject_unknown_keys(node, path, {"code", "label", "children"});
    Category category;
    const std::optional<std::string> code = reader.string(node, path, "code", true);
    if (code) {
        category.code = *code;
        const std::string code_path = join_path(path, "code");
        if (parent_code == nullptr) {
            if (!valid_code_word(*code)) {
                reader.fail(code_path,
                            "'" + *code + "' is not a code (lower-case letters, digits and _)");
            }
        } else {
            const std::string prefix = *parent_code + ".";
            if (!code->starts_with(prefix) ||
                !valid_code_word(std::string_view(*code).substr(prefix.size()))) {
                reader.fail(code_path, "'" + *code + "' must be '" + prefix +
                                           "' followed by lower-case letters, digits and _");
            }
        }
        if (!seen.insert(*code).second) {
            reader.fail(code_path, "'" + *code + "' is used twice");
        }
    }
    if (const nlohmann::json* label = reader.member(node, path, "label", true)) {
        category.label = parse_localized_text(*label, join_path(path, "label"), reader);
    }
    if (const nlohmann::json* children = reader.member(node, path, "children", false)) {
        const std::string children_path = join_path(path, "children");
        if (parent_code != nullptr) {
            reader.fail(children_path, "the tree has two levels; a child cannot have children");
        } else if (reader.expect_array(*children, children_path)) {
            for (std::size_t i = 0; i < children->size(); ++i) {
                std::optional<Category> child =
                    parse_category((*children)[i], index_path(children_path, i),
                                   code ? &category.code : nullptr, reader, seen);
                if (child) {
                    category.children.push_back(std::move(*child));
                }
            }
        }
    }
    return category;
}

} // namespace

std::expected<CategoryTree, std::vector<AssetError>> parse_category_tree(const nlohmann::json& doc,
                                                                         const std::string& file) {
    AssetReader reader(file);
    std::vector<Category> top;
    if (reader.expect_object(doc, "")) {
        reader.reject_unknown_keys(doc, "", {"categories"});
        if (const nlohmann::json* list = reader.member(doc, "", "categories", true)) {
            if (reader.expect_array(*list, "categories")) {
                std::set<std::string> seen;
                for (std::size_t i = 0; i < list->size(); ++i) {
                    std::optional<Category> category = parse_category(
                        (*list)[i], index_path("categories", i), nullptr, reader, seen);
                    if (category) {
                        top.push_back(std::move(*category));
                    }
                }
                if (!seen.contains(std::string(k_fallback_category))) {
                    reader.fail("categories", "needs a top-level category 'other' for tickets "
                                              "nobody classified");
                }
            }
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return CategoryTree(std::move(top));
}

} // namespace cf::forms
