#pragma once
// The days each branch opens (assets/branches.json). A branch that opens at a weekend staffs
// it (SOP 003: 非工作日應安排專人值班), so business time passes on those days there too:
//   {"default": {"open_days": ["monday", .., "friday"]},
//    "branches": {"SZ01": {"open_days": ["monday", .., "saturday"]}}}
// Holidays close every branch whatever its open days (business_calendar.h).

#include "forms/asset_error.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <expected>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// open[0] is Monday .. open[6] Sunday.
using WeekDays = std::array<bool, 7>;

inline constexpr WeekDays k_monday_to_friday = {true, true, true, true, true, false, false};

struct BranchDays {
    WeekDays default_open = k_monday_to_friday;
    std::map<std::string, WeekDays, std::less<>> by_branch;

    // The days `branch` opens: its own entry, else the default.
    const WeekDays& open_days(std::string_view branch) const;
};

// Parses assets/branches.json. Fails with every problem: unknown keys, a missing default, a
// branch code that is not 2-6 characters of the ticket-number alphabet, weekday names that are
// not monday .. sunday or are listed twice, an empty list.
std::expected<BranchDays, std::vector<AssetError>> parse_branch_days(const nlohmann::json& doc,
                                                                     const std::string& file);

} // namespace cf::forms
