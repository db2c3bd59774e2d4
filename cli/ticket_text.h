#pragma once
// How the CLI prints tickets, events and statistics for a person: personal data masked,
// times in the branch's local time.

#include "core/event.h"
#include "core/stats.h"
#include "core/ticket.h"

#include <ostream>
#include <vector>

namespace cf::cli {

void print_ticket_table(std::ostream& out, const std::vector<core::Ticket>& tickets,
                        core::Millis now, int utc_offset_minutes);
void print_ticket_detail(std::ostream& out, const core::Ticket& t,
                         const std::vector<core::Event>& events, int utc_offset_minutes);
void print_stats(std::ostream& out, const core::Stats& s, int utc_offset_minutes);

} // namespace cf::cli
