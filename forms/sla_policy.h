#pragma once
// The priority and deadline policy (assets/sla/policy.json, DOMAIN.md "Priority and deadlines"):
// how long each step may take and whether that time is counted on the wall clock or in the
// branch's business calendar.

#include "core/clock.h"
#include "core/ticket.h"
#include "forms/asset_error.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <expected>
#include <map>
#include <string>
#include <vector>

namespace cf::forms {

enum class TimeBasis {
    wall,     // every minute counts (urgent first response, second round)
    business, // only minutes on working days count (business_calendar.h)
};

struct SlaDuration {
    core::Millis length = 0;
    TimeBasis basis = TimeBasis::wall;
    bool operator==(const SlaDuration&) const = default;
};

inline constexpr double k_default_warning_ratio = 0.8;

struct SlaPolicy {
    // First response (初步回应) by priority, indexed by core::Priority.
    std::array<SlaDuration, 3> first_response{SlaDuration{24 * core::k_hour, TimeBasis::business},
                                              SlaDuration{2 * core::k_hour, TimeBasis::business},
                                              SlaDuration{30 * core::k_minute, TimeBasis::wall}};
    // Request types whose ticket deadline differs from the first response (a suggestion is
    // answered within 3 working days); every other type is due when its first response is.
    std::map<core::RequestType, SlaDuration> ticket_due{
        {core::RequestType::suggestion, SlaDuration{3 * core::k_day, TimeBasis::business}}};
    // An unsatisfied customer gets a new plan within this (二次处理).
    SlaDuration second_round{24 * core::k_hour, TimeBasis::wall};
    // Informational: a complaint specialist contacts the customer within this to confirm
    // details. Shown to staff, not enforced as a ticket deadline.
    SlaDuration specialist_contact{60 * core::k_minute, TimeBasis::wall};
    // A deadline turns to "warning" when this share of its time is used.
    double warning_ratio = k_default_warning_ratio;
    // A resolution that pays the customer more than this (in yuan) needs a supervisor's
    // approval by PIN at the counter.
    double compensation_approval_above = 500.0;

    const SlaDuration& first_response_for(core::Priority p) const;
};

// Parses assets/sla/policy.json. Durations are objects with exactly one of "minutes", "hours"
// (both with "basis": "wall" or "business") or "working_days" (business by definition).
// Fails with every problem: missing priorities, unknown request types, non-positive durations,
// a warning ratio outside (0, 1).
std::expected<SlaPolicy, std::vector<AssetError>> parse_sla_policy(const nlohmann::json& doc,
                                                                   const std::string& file);

} // namespace cf::forms
