#include "ui/ticket_clocks.h"

#include "ui/staff_text.h"
#include "ui/staff_widgets.h"

#include <algorithm>

namespace cf::ui {

std::string_view to_string(ClockKind k) {
    switch (k) {
    case ClockKind::first_response:
        return "first_response";
    case ClockKind::contact:
        return "contact";
    case ClockKind::due:
        return "due";
    case ClockKind::handling:
        return "handling";
    }
    return "due";
}

std::vector<TicketClock> running_clocks(const core::Ticket& t, const forms::SlaPolicy& policy) {
    std::vector<TicketClock> out;
    if (t.state == core::State::closed) {
        return out;
    }
    if (!t.acknowledged_at && t.first_response_due > 0) {
        out.push_back({ClockKind::first_response, t.received_at, t.first_response_due,
                       "counter.clock.first_response"});
    }
    if (t.contact_due > 0) {
        // The specialist's call before the center's feedback, the call-back after it.
        const core::Millis length =
            t.feedback.empty() ? policy.specialist_contact.length : policy.callback.length;
        out.push_back(
            {ClockKind::contact, t.contact_due - length, t.contact_due, "counter.clock.contact"});
    }
    if (t.due_at > 0) {
        const bool second = t.round == 2 && t.state == core::State::second_round;
        out.push_back({ClockKind::due, t.deadline_started_at.value_or(t.received_at), t.due_at,
                       second ? "counter.clock.second_round_due" : "counter.clock.due"});
    }
    if (t.state == core::State::dispatched && t.handling_deadline) {
        out.push_back({ClockKind::handling, *t.handling_deadline - policy.handling.length,
                       *t.handling_deadline, "counter.clock.handling"});
    }
    return out;
}

std::string countdown_text(const Ui& ui, core::Millis deadline, core::Millis now) {
    if (deadline >= now) {
        return ui.fmt(
            "counter.countdown.left",
            {{"time", duration_text(ui, std::max<core::Millis>(deadline - now, core::k_minute))}});
    }
    return ui.fmt(
        "counter.countdown.over",
        {{"time", duration_text(ui, std::max<core::Millis>(now - deadline, core::k_minute))}});
}

ImU32 sla_color(forms::SlaState s) {
    const StaffColors& c = staff_colors();
    switch (s) {
    case forms::SlaState::on_track:
        return c.sla_on_track;
    case forms::SlaState::warning:
        return c.sla_warning;
    case forms::SlaState::overdue:
        return c.sla_overdue;
    }
    return c.sla_on_track;
}

void draw_clock_row(Ui& ui, const TicketClock& clock, core::Millis now, int utc_offset_minutes,
                    double warning_ratio) {
    const forms::SlaState state =
        forms::sla_state(std::min(clock.start, clock.due), clock.due, now, warning_ratio);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", ui.tr(clock.label_key).c_str());
    ImGui::TableNextColumn();
    // The countdown says on time or overdue in words; "due soon" is said too, not by colour alone.
    std::string text =
        local_time_text(clock.due, utc_offset_minutes) + " · " + countdown_text(ui, clock.due, now);
    if (state == forms::SlaState::warning) {
        text += " · " + ui.tr("counter.sla.warning");
    }
    ImGui::PushStyleColor(ImGuiCol_Text, sla_color(state));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    const std::string id = "clock." + std::string(to_string(clock.kind));
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ui.hits().record(id + "." + std::string(forms::to_string(state)), ImGui::GetItemRectMin(),
                     ImGui::GetItemRectMax());
}

} // namespace cf::ui
