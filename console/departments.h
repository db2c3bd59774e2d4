#pragma once
// The center's departments (assets/departments.json): the codes a dispatch names and their
// labels in the three locales. The console reads the file itself; the catalog does not need it.

#include "forms/asset_error.h"

#include <expected>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cf::console {

struct Department {
    std::string code;                          // "billing"
    std::map<std::string, std::string> labels; // by locale code
};

class Departments {
public:
    Departments() = default;
    explicit Departments(std::vector<Department> list) : m_list(std::move(list)) {}
    const std::vector<Department>& list() const { return m_list; }
    // The label in `locale`, or the code itself for a department not in the file.
    std::string label(std::string_view code, std::string_view locale) const;
    // Every label of every locale (for the font's glyph set).
    std::vector<std::string_view> texts() const;

private:
    std::vector<Department> m_list;
};

// Reads assets_dir/departments.json. Fails naming the file and the problem: unreadable, not
// JSON, a department without a code or without a label in one of the three locales, a code
// given twice.
std::expected<Departments, forms::AssetError>
load_departments(const std::filesystem::path& assets_dir);

} // namespace cf::console
