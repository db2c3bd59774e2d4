#pragma once
// Which departments handle a category (004: 明确了投诉二次确认末级节点的主管部门), from
// assets/category_departments.json: {"departments": {"billing.overcharge": ["billing"], ...}}.
// Every leaf of the category tree names its departments; a group may. The console's dispatch
// dialog preselects them for the ticket's category; the dispatcher can change them.
//
// The map is a file of its own, not a key in categories.json: the center sends categories.json
// to its terminals, whose tree reader refuses keys it does not know.

#include "console/departments.h"
#include "forms/asset_error.h"
#include "forms/category_tree.h"

#include <nlohmann/json_fwd.hpp>

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cf::console {

class CategoryDepartments {
public:
    using Map = std::map<std::string, std::vector<std::string>, std::less<>>;
    CategoryDepartments() = default;
    explicit CategoryDepartments(Map by_category) : m_by_category(std::move(by_category)) {}
    // The departments that handle `category`, in the file's order; a group without its own
    // entry has the departments of its children, each once; empty for an unknown code.
    std::vector<std::string> suggested(std::string_view category,
                                       const forms::CategoryTree& tree) const;

private:
    Map m_by_category;
};

// Parses the map against the tree and the departments. Fails naming the file, the category and
// the problem: not an object, a code not in the tree, a leaf without departments, a department
// code not in departments.json, a department named twice.
std::expected<CategoryDepartments, forms::AssetError>
parse_category_departments(const nlohmann::json& doc, const forms::CategoryTree& tree,
                           const Departments& departments);

// Reads assets_dir/category_departments.json; fails as parse_category_departments does, or
// when the file cannot be read or is not JSON.
std::expected<CategoryDepartments, forms::AssetError>
load_category_departments(const std::filesystem::path& assets_dir, const forms::CategoryTree& tree,
                          const Departments& departments);

} // namespace cf::console
