#pragma once
// The counter's screens. Each draws into the current ImGui window, reads the controller and
// calls it for what staff did. The frame (counter_frame.h) puts them between the top bar and
// the sync strip.

#include "counter/counter_controller.h"
#include "sync/sync_status.h"
#include "ui/composer.h"
#include "ui/staff_widgets.h"

#include <functional>
#include <optional>

namespace cf::counter {

using ui::Ui;

void draw_top_bar(Ui& ui, CounterController& c);
// Online or offline, queued events, the oldest one's age, last success, last error and the
// dead letters (a button that opens them).
void draw_sync_strip(Ui& ui, CounterController& c, const std::optional<sync::SyncStatus>& s);
void draw_notice(Ui& ui, CounterController& c);

void draw_sign_in(Ui& ui, CounterController& c);
void draw_queue(Ui& ui, CounterController& c);
void draw_entry(Ui& ui, CounterController& c);
void draw_acknowledgement(Ui& ui, CounterController& c);
void draw_detail(Ui& ui, CounterController& c);
// What staff say to the customer now (话术), in the customer's language (script_panel.cpp).
void draw_script_panel(Ui& ui, CounterController& c, const TicketDetail& d);
void draw_search(Ui& ui, CounterController& c);
void draw_dead_letters(Ui& ui, CounterController& c);

// A clipped table of queue rows: `row(i)` for i < count; a click opens the ticket.
void draw_ticket_table(Ui& ui, CounterController& c, std::string_view id, std::size_t count,
                       const std::function<const core::QueueRow*(std::size_t)>& row);

} // namespace cf::counter
