#include "forms/branch_days.h"

#include "core/ticket_number.h"
#include "forms/asset_reader.h"

#include <algorithm>
#include <iterator>

namespace cf::forms {
namespace {

constexpr std::string_view k_day_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday"};

// {"open_days": [..]} at `path`.
WeekDays read_entry(const nlohmann::json& entry, const std::string& path, AssetReader& reader) {
    WeekDays open{};
    if (!reader.expect_object(entry, path)) {
        return open;
    }
    reader.reject_unknown_keys(entry, path, {"open_days"});
    const nlohmann::json* list = reader.member(entry, path, "open_days", true);
    const std::string list_path = join_path(path, "open_days");
    if (list == nullptr || !reader.expect_array(*list, list_path)) {
        return open;
    }
    if (list->empty()) {
        reader.fail(list_path, "is empty: a branch opens on at least one day");
        return open;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const nlohmann::json& item = (*list)[i];
        const std::string item_path = index_path(list_path, i);
        const auto* found =
            item.is_string()
                ? std::find(std::begin(k_day_names), std::end(k_day_names), item.get<std::string>())
                : std::end(k_day_names);
        if (found == std::end(k_day_names)) {
            reader.fail(item_path, "must be a weekday name in English (monday .. sunday)");
            continue;
        }
        bool& slot = open[static_cast<std::size_t>(found - std::begin(k_day_names))];
        if (slot) {
            reader.fail(item_path, "'" + item.get<std::string>() + "' is listed twice");
        }
        slot = true;
    }
    return open;
}

} // namespace

const WeekDays& BranchDays::open_days(std::string_view branch) const {
    const auto it = by_branch.find(branch);
    return it == by_branch.end() ? default_open : it->second;
}

std::expected<BranchDays, std::vector<AssetError>> parse_branch_days(const nlohmann::json& doc,
                                                                     const std::string& file) {
    AssetReader reader(file);
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "", {"default", "branches"});
    BranchDays days;
    if (const nlohmann::json* entry = reader.member(doc, "", "default", true)) {
        days.default_open = read_entry(*entry, "default", reader);
    }
    const nlohmann::json* branches = reader.member(doc, "", "branches", false);
    if (branches != nullptr && reader.expect_object(*branches, "branches")) {
        for (const auto& [code, entry] : branches->items()) {
            const std::string path = join_path("branches", code);
            if (!core::valid_branch_code(code)) {
                reader.fail(path, "'" + code + "' is not a branch code: 2 to 6 characters of " +
                                      std::string(core::k_number_alphabet));
                continue;
            }
            days.by_branch.emplace(code, read_entry(entry, path, reader));
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return days;
}

} // namespace cf::forms
