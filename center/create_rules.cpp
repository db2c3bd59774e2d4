#include "center/create_rules.h"

#include "forms/category_tree.h"
#include "forms/form_definition.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace cf::center {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::unexpected<CenterError> asset_problem(std::string_view name, const std::string& what) {
    return center_error(500, "invalid_asset",
                        "the asset " + std::string(name) + " does not read: " + what);
}

template <class E> std::string first_problem(const std::vector<E>& errors) {
    return errors.empty() ? std::string("it is not valid") : forms::to_string(errors.front());
}

void raise(std::map<forms::TicketPath, std::size_t>& limits, forms::TicketPath p,
           std::size_t value) {
    auto [it, fresh] = limits.emplace(p, value);
    if (!fresh) {
        it->second = std::max(it->second, value);
    }
}

} // namespace

CenterResult<void> CreateRules::add_asset(std::string_view name, std::string_view text) {
    const bool tree = name == "categories.json";
    const bool form = name.starts_with("forms/") && name.ends_with(".json");
    const bool sla = name == "sla/policy.json";
    const bool calendar = name.starts_with("calendars/") && name.ends_with(".json");
    if (!tree && !form && !sla && !calendar) {
        return {};
    }
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        return asset_problem(name, "it is not JSON");
    }
    if (calendar) {
        auto parsed = forms::parse_business_calendar(doc, std::string(name));
        if (!parsed) {
            return asset_problem(name, first_problem(parsed.error()));
        }
        const std::string id = parsed->id();
        calendars.insert_or_assign(id, std::move(*parsed));
        return {};
    }
    if (sla) {
        auto parsed = forms::parse_sla_policy(doc, std::string(name));
        if (!parsed) {
            return asset_problem(name, first_problem(parsed.error()));
        }
        policy = std::move(*parsed);
        return {};
    }
    if (tree) {
        auto parsed = forms::parse_category_tree(doc, std::string(name));
        if (!parsed) {
            return asset_problem(name, first_problem(parsed.error()));
        }
        for (const auto& top : parsed->top_level()) {
            categories.insert(top.code);
            for (const auto& child : top.children) {
                categories.insert(child.code);
            }
        }
        return {};
    }
    // A form's category defaults were checked when it was published; an empty tree skips that.
    auto parsed = forms::parse_form_definition(doc, std::string(name), forms::CategoryTree());
    if (!parsed) {
        return asset_problem(name, first_problem(parsed.error()));
    }
    for (const auto& field : parsed->fields) {
        if (field.validation.max_length) {
            raise(max_length, field.bind, *field.validation.max_length);
        }
        if (field.validation.max_items) {
            raise(max_items, field.bind, *field.validation.max_items);
        }
    }
    return {};
}

CenterResult<void> CreateRules::check_new_category(core::Step step, const json& payload) const {
    if (step != core::Step::reclassify || !payload.is_object()) {
        return {};
    }
    const json after = payload.value("after", json());
    if (!after.is_object() || !after.contains("category") || !after["category"].is_string() ||
        categories.contains(after["category"].get<std::string>())) {
        return {};
    }
    return center_error(
        422, "invalid_value",
        "payload.after.category: " + forms::in_quotes(after["category"].get<std::string>()) +
            " is not a category of the center's category tree",
        "payload.after.category");
}

std::vector<sync::CalendarNotice> CreateRules::calendar_notices(core::Millis now) const {
    std::vector<sync::CalendarNotice> out;
    for (const auto& [id, calendar] : calendars) {
        if (const auto w = calendar.coverage_warning(now)) {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", w->covers_until.year,
                          w->covers_until.month, w->covers_until.day);
            out.push_back(sync::CalendarNotice{id, date, w->days_left});
        }
    }
    return out;
}

std::size_t CreateRules::length_limit(forms::TicketPath p) const {
    auto it = max_length.find(p);
    return it == max_length.end() ? k_unlisted_text_limit : it->second;
}

std::size_t CreateRules::item_limit(forms::TicketPath p) const {
    auto it = max_items.find(p);
    return it == max_items.end() ? k_unlisted_item_limit : it->second;
}

CenterResult<CreateRules> load_create_rules(const fs::path& assets_dir) {
    CreateRules rules;
    std::vector<std::string> names = {"categories.json", "sla/policy.json"};
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(assets_dir / "forms", ec)) {
        if (entry.path().extension() == ".json") {
            names.push_back("forms/" + entry.path().filename().string());
        }
    }
    if (ec) {
        return asset_problem((assets_dir / "forms").string(),
                             ec.message() + " (give serve --assets DIR)");
    }
    // Calendars are optional: without the folder every branch counts weekdays.
    for (const auto& entry : fs::directory_iterator(assets_dir / "calendars", ec)) {
        if (entry.path().extension() == ".json") {
            names.push_back("calendars/" + entry.path().filename().string());
        }
    }
    for (const auto& name : names) {
        std::ifstream in(assets_dir / name, std::ios::binary);
        if (!in) {
            return asset_problem((assets_dir / name).string(),
                                 "the file cannot be opened (give serve --assets DIR)");
        }
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        if (auto r = rules.add_asset(name, text); !r) {
            return std::unexpected(r.error());
        }
    }
    return rules;
}

} // namespace cf::center
