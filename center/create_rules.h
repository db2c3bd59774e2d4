#pragma once
// What a terminal's create may hold beyond what the protocol's parsers check: a category of
// the category tree, and texts within the forms' limits, as the center knows them (the
// installed assets and every version of categories.json and forms/*.json published to it).
// Beside them, the SLA policy the center's own steps follow (the newest sla/policy.json).
// The push path reads an immutable snapshot without a lock; a publish makes a new snapshot.

#include "center/center_error.h"
#include "core/lifecycle.h"
#include "forms/business_calendar.h"
#include "forms/sla_policy.h"
#include "forms/ticket_path.h"
#include "sync/console_messages.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace cf::center {

// A text a form does not limit (the phone, the receiver, a remedy code) may have this many
// characters; a list no form limits, this many items.
inline constexpr std::size_t k_unlisted_text_limit = 200;
inline constexpr std::size_t k_unlisted_item_limit = 50;

struct CreateRules {
    // Every category code of every tree the center has known, so a terminal that still has
    // an older tree is not refused for it.
    std::set<std::string, std::less<>> categories;
    // Per ticket path, the largest max_length (characters) and max_items of any field of any
    // form bound to it: the counter form's limits where both forms have the field.
    std::map<forms::TicketPath, std::size_t> max_length;
    std::map<forms::TicketPath, std::size_t> max_items;
    // The newest policy: the call-back deadline a feedback sets comes from it.
    forms::SlaPolicy policy;
    // The newest version of each business calendar (calendars/ID.json), by id.
    std::map<std::string, forms::BusinessCalendar, std::less<>> calendars;

    // Folds in one published or installed asset: categories.json, forms/ID.json,
    // sla/policy.json or calendars/ID.json (others are ignored). Fails with 500 invalid_asset
    // naming the file and its first problem.
    CenterResult<void> add_asset(std::string_view name, std::string_view text);

    // A reclassify step names a category of the tree; else 422 invalid_value naming
    // payload.after.category.
    CenterResult<void> check_new_category(core::Step step, const nlohmann::json& payload) const;

    // The calendars within BusinessCalendar::k_warning_days of the end of their lists, or past
    // it, by id: the console shows them until a newer version is published.
    std::vector<sync::CalendarNotice> calendar_notices(core::Millis now) const;

    // The characters a text at this path may have; the items a list may have.
    std::size_t length_limit(forms::TicketPath p) const;
    std::size_t item_limit(forms::TicketPath p) const;
};

// The rules of the assets directory: categories.json, sla/policy.json, every forms/*.json and
// every calendars/*.json in it. Fails with
// 500 invalid_asset naming the directory or the file that cannot be read.
CenterResult<CreateRules> load_create_rules(const std::filesystem::path& assets_dir);

} // namespace cf::center
