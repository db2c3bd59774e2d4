#pragma once
// The complaint category tree (投诉目录树): two levels with codes such as "billing" and
// "billing.overcharge" (a child's code is its parent's code, a dot and a name). A ticket's
// category is any code in the tree, top level or child.

#include "forms/asset_error.h"
#include "forms/localized_text.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

struct Category {
    std::string code;
    LocalizedText label;
    std::vector<Category> children; // empty for a child
};

class CategoryTree {
public:
    CategoryTree() = default;
    explicit CategoryTree(std::vector<Category> top) : m_top(std::move(top)) {}

    const std::vector<Category>& top_level() const { return m_top; }
    bool empty() const { return m_top.empty(); }

    // The node with this code at either level, or nullptr.
    const Category* find(std::string_view code) const;
    bool contains(std::string_view code) const { return find(code) != nullptr; }
    // The top-level code a code belongs to ("billing" for "billing.overcharge"); nullopt when
    // the code is not in the tree.
    std::optional<std::string> top_level_of(std::string_view code) const;
    // "计费差错 / 多扣费" for a child, "计费差错" for a top-level code; nullopt when unknown.
    std::optional<std::string> path_label(std::string_view code, std::string_view locale) const;

private:
    std::vector<Category> m_top;
};

// The code every tree must have: tickets nobody classified land there.
inline constexpr std::string_view k_fallback_category = "other";

// Parses assets/categories.json: {"categories": [{"code", "label", "children": [...]}]}.
// Fails with every problem: bad or duplicate codes, a child code not under its parent, a
// missing locale, a third level, no "other" category.
std::expected<CategoryTree, std::vector<AssetError>> parse_category_tree(const nlohmann::json& doc,
                                                                         const std::string& file);

} // namespace cf::forms
