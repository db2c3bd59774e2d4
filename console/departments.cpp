#include "console/departments.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace cf::console {

std::string Departments::label(std::string_view code, std::string_view locale) const {
    for (const Department& d : m_list) {
        if (d.code == code) {
            const auto it = d.labels.find(std::string(locale));
            return it != d.labels.end() ? it->second : d.code;
        }
    }
    return std::string(code);
}

std::vector<std::string_view> Departments::texts() const {
    std::vector<std::string_view> out;
    for (const Department& d : m_list) {
        for (const auto& [locale, text] : d.labels) {
            out.push_back(text);
        }
    }
    return out;
}

std::expected<Departments, forms::AssetError>
load_departments(const std::filesystem::path& assets_dir) {
    const std::string file = "departments.json";
    auto fail = [&](std::string field, std::string reason) {
        return std::unexpected(forms::AssetError{file, std::move(field), std::move(reason)});
    };
    std::ifstream in(assets_dir / file);
    if (!in) {
        return fail("", "cannot be read");
    }
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("departments") ||
        !j["departments"].is_array()) {
        return fail("departments", "must be a list of departments");
    }
    std::vector<Department> list;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < j["departments"].size(); ++i) {
        const nlohmann::json& d = j["departments"][i];
        const std::string at = "departments[" + std::to_string(i) + "]";
        if (!d.is_object() || !d.contains("code") || !d["code"].is_string() ||
            d["code"].get<std::string>().empty()) {
            return fail(at + ".code", "must be a non-empty text");
        }
        Department dep;
        dep.code = d["code"].get<std::string>();
        if (!seen.insert(dep.code).second) {
            return fail(at + ".code", "'" + dep.code + "' is given twice");
        }
        for (const char* locale : {"zh-Hans", "zh-Hant", "en"}) {
            const auto label = d.find("label");
            if (label == d.end() || !label->is_object() || !label->contains(locale) ||
                !(*label)[locale].is_string() || (*label)[locale].get<std::string>().empty()) {
                return fail(at + ".label." + locale, "must be a non-empty text");
            }
            dep.labels[locale] = (*label)[locale].get<std::string>();
        }
        list.push_back(std::move(dep));
    }
    return Departments(std::move(list));
}

} // namespace cf::console
