#pragma once
// The deadlines of the center's own steps, which need the center's clock: a ticket deadline
// set at 复核, a 处理时限 set at 派单 or at a rejected audit, and the call-back deadline a
// feedback gives the branch. None may lie in the past (SOP 004: 工单时限 and 处理时限 are
// promises); the call-back deadline comes from the SLA policy when the step does not name one,
// and a reclassify at review that changes the priority re-derives the ticket deadline.

#include "center/center_error.h"
#include "core/clock.h"
#include "core/lifecycle.h"
#include "forms/sla_policy.h"

#include <nlohmann/json.hpp>

namespace cf::center {

// Checks the deadlines in a center step's payload against now, and adds the feedback's
// contact_due and a reclassify's re-derived deadlines (the center does not know the branch's
// calendar: business time counts every day there). Fails with 422 deadline_in_past naming the
// field ("payload.deadline").
CenterResult<void> settle_step_deadlines(const core::Ticket& t, core::Step step,
                                         nlohmann::json& payload, const forms::SlaPolicy& policy,
                                         core::Millis now);

} // namespace cf::center
