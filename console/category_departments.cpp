#include "console/category_departments.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>

namespace cf::console {

namespace {

constexpr const char* k_file = "category_departments.json";

std::unexpected<forms::AssetError> problem(std::string field, std::string reason) {
    return std::unexpected(forms::AssetError{k_file, std::move(field), std::move(reason)});
}

bool is_department(const Departments& departments, const std::string& code) {
    return std::ranges::any_of(departments.list(),
                               [&](const Department& d) { return d.code == code; });
}

} // namespace

std::vector<std::string> CategoryDepartments::suggested(std::string_view category,
                                                        const forms::CategoryTree& tree) const {
    if (const auto it = m_by_category.find(category); it != m_by_category.end()) {
        return it->second;
    }
    std::vector<std::string> out;
    const forms::Category* node = tree.find(category);
    if (node == nullptr) {
        return out;
    }
    for (const forms::Category& child : node->children) {
        if (const auto it = m_by_category.find(child.code); it != m_by_category.end()) {
            for (const std::string& d : it->second) {
                if (std::ranges::find(out, d) == out.end()) {
                    out.push_back(d);
                }
            }
        }
    }
    return out;
}

std::expected<CategoryDepartments, forms::AssetError>
parse_category_departments(const nlohmann::json& doc, const forms::CategoryTree& tree,
                           const Departments& departments) {
    const auto map = doc.is_object() ? doc.find("departments") : doc.end();
    if (!doc.is_object() || map == doc.end() || !map->is_object()) {
        return problem("departments", "must be an object of category codes to department lists");
    }
    CategoryDepartments::Map by_category;
    for (const auto& [category, list] : map->items()) {
        const std::string at = "departments." + category;
        if (!tree.contains(category)) {
            return problem(at, "'" + category + "' is not a category of categories.json");
        }
        if (!list.is_array() || list.empty()) {
            return problem(at, "must be a non-empty list of department codes");
        }
        std::vector<std::string> codes;
        for (const auto& code : list) {
            if (!code.is_string()) {
                return problem(at, "must hold only department codes");
            }
            const std::string c = code.get<std::string>();
            if (!is_department(departments, c)) {
                return problem(at, "category '" + category + "' names department '" + c +
                                       "', which is not in departments.json");
            }
            if (std::ranges::find(codes, c) != codes.end()) {
                return problem(at, "names department '" + c + "' twice");
            }
            codes.push_back(c);
        }
        by_category.emplace(category, std::move(codes));
    }
    for (const forms::Category& top : tree.top_level()) {
        std::vector<const forms::Category*> leaves;
        if (top.children.empty()) {
            leaves.push_back(&top);
        }
        for (const forms::Category& child : top.children) {
            leaves.push_back(&child);
        }
        for (const forms::Category* leaf : leaves) {
            if (!by_category.contains(leaf->code)) {
                return problem("departments." + leaf->code,
                               "the leaf category '" + leaf->code +
                                   "' names no department; every leaf names who handles it");
            }
        }
    }
    return CategoryDepartments(std::move(by_category));
}

std::expected<CategoryDepartments, forms::AssetError>
load_category_departments(const std::filesystem::path& assets_dir, const forms::CategoryTree& tree,
                          const Departments& departments) {
    std::ifstream in(assets_dir / k_file);
    if (!in) {
        return problem("", "cannot be read");
    }
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) {
        return problem("", "is not JSON");
    }
    return parse_category_departments(doc, tree, departments);
}

} // namespace cf::console
