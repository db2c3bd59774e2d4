#pragma once
// Statistics for a period (DOMAIN.md "Analysis and improvement"), over tickets received in
// [from, to).

#include "core/clock.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cf::core {

struct CountRow {
    std::string key; // a request type, category code, priority or satisfaction level
    std::int64_t count = 0;
};

struct Stats {
    Millis from = 0;
    Millis to = 0;
    std::int64_t total = 0;
    std::vector<CountRow> by_type;
    std::vector<CountRow> by_category;
    std::vector<CountRow> by_priority;
    std::vector<CountRow> satisfaction;           // satisfied, mostly_satisfied, unsatisfied
    std::vector<CountRow> top_categories;         // the five largest, most first
    std::int64_t resolved = 0;                    // tickets with a resolution or center feedback
    std::optional<double> average_handling_hours; // received -> first resolution/feedback
    std::int64_t first_response_met = 0;          // acknowledged by their first-response due time
    std::int64_t first_response_counted = 0;      // acknowledged, or already past due unanswered
    std::optional<double> first_response_compliance; // met / counted, 0..1
};

nlohmann::json to_json(const Stats& s);

// One local day of the volume line chart (TicketStore::daily_volume).
struct DayCount {
    CivilDate day;
    std::int64_t received = 0; // tickets received that day
    std::int64_t closed = 0;   // tickets closed that day and not reopened since
    bool operator==(const DayCount&) const = default;
};

} // namespace cf::core
