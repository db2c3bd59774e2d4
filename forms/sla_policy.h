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
    // The ticket deadline (工单时限) by priority: by when the ticket as a whole is answered,
    // whoever holds it. Acknowledging does not stop it; a resolution or the center's feedback
    // does. Indexed by core::Priority.
    std::array<SlaDuration, 3> ticket_deadline{SlaDuration{5 * core::k_day, TimeBasis::business},
                                               SlaDuration{3 * core::k_day, TimeBasis::business},
                                               SlaDuration{24 * core::k_hour, TimeBasis::wall}};
    // Request types whose ticket deadline is their own (a suggestion is answered within 3
    // working days, 002), in place of ticket_deadline.
    std::map<core::RequestType, SlaDuration> ticket_due{
        {core::RequestType::suggestion, SlaDuration{3 * core::k_day, TimeBasis::business}}};
    // An unsatisfied customer gets a new plan within this (二次处理).
    SlaDuration second_round{24 * core::k_hour, TimeBasis::wall};
    // A complaint specialist contacts the customer within this to confirm details (002).
    SlaDuration specialist_contact{60 * core::k_minute, TimeBasis::wall};
    // The branch calls the customer back within this after the center's feedback.
    SlaDuration callback{24 * core::k_hour, TimeBasis::wall};
    // The departments' handling deadline (处理时限) a dispatch proposes.
    SlaDuration handling{48 * core::k_hour, TimeBasis::wall};
    // A deadline turns to "warning" when this share of its time is used.
    double warning_ratio = k_default_warning_ratio;
    // A resolution that pays the customer more than this (in yuan) needs a supervisor's
    // approval by PIN at the counter.
    double compensation_approval_above = 500.0;

    const SlaDuration& first_response_for(core::Priority p) const;
    const SlaDuration& ticket_deadline_for(core::Priority p) const;
};

// Parses assets/sla/policy.json. Durations are objects with exactly one of "minutes", "hours"
// (both with "basis": "wall" or "business") or "working_days" (business by definition).
// Fails with every problem: missing priorities, unknown request types, non-positive durations,
// a warning ratio outside (0, 1). ticket_deadline, callback and handling may be left out (the
// defaults above).
std::expected<SlaPolicy, std::vector<AssetError>> parse_sla_policy(const nlohmann::json& doc,
                                                                   const std::string& file);

} // namespace cf::forms
