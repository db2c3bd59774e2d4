#pragma once
// Every clock running on a ticket (first response, contacting the customer, the ticket
// deadline, the departments' handling deadline), and how staff read one: a labelled table row
// with its local time and a countdown ("in 3 h 20 min" / "overdue by 2 h") in the staff
// colours. The counter's and the console's detail screens both draw them.

#include "core/clock.h"
#include "core/ticket.h"
#include "forms/sla_policy.h"
#include "forms/sla_state.h"
#include "ui/ui.h"

#include <string>
#include <string_view>
#include <vector>

namespace cf::ui {

enum class ClockKind { first_response, contact, due, handling };

// "first_response", "contact", "due", "handling": the clock's hit id is "clock.<name>".
std::string_view to_string(ClockKind k);

struct TicketClock {
    ClockKind kind = ClockKind::due;
    core::Millis start = 0; // when the clock started, for the warning share
    core::Millis due = 0;
    std::string label_key; // "counter.clock.due", "counter.clock.second_round_due", ...
};

// The ticket's running clocks in the order above: first response until acknowledged, contact
// while contact_due is set, the ticket deadline while due_at is set, the handling deadline
// while dispatched; none once closed. Clocks whose start the ticket does not keep (contact,
// handling) are taken to have run for the policy's nominal length.
std::vector<TicketClock> running_clocks(const core::Ticket& t, const forms::SlaPolicy& policy);

// "in 2 h 15 min" / "overdue by 35 min" to the deadline, never less than a minute either way.
std::string countdown_text(const Ui& ui, core::Millis deadline, core::Millis now);

// The staff colour of a deadline's state (on track, warning, overdue).
ImU32 sla_color(forms::SlaState s);

// One row of a two-column table: the clock's label, then "2026-11-23 10:30 · in 20 min" in
// the colour of its state ("· due soon" added when warning). Records "clock.<kind>" and
// "clock.<kind>.<state>" in the hits.
void draw_clock_row(Ui& ui, const TicketClock& clock, core::Millis now, int utc_offset_minutes,
                    double warning_ratio);

} // namespace cf::ui
