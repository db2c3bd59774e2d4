#pragma once
// Words and numbers as staff read them on the counter and console screens: option labels from the
// counter form, state names, SLA countdowns ("剩 2 小时 15 分" / "超时 35 分") and times.

#include "core/clock.h"
#include "core/ticket.h"
#include "core/ticket_queue.h"
#include "forms/form_definition.h"
#include "forms/sla_state.h"
#include "ui/staff_widgets.h"

#include <optional>
#include <string>

namespace cf::ui {

// The label of `value` for choice field `field_id` of the form, or the value itself.
std::string option_label(const forms::FormDefinition& form, std::string_view field_id,
                         std::string_view value, Locale locale);

// "counter.state.received" ...
std::string state_key(core::State s);

struct SlaView {
    forms::SlaState state = forms::SlaState::on_track;
    std::string label; // 正常 / 即将到期 / 已超时
    std::string time;  // "剩 2 小时 15 分" / "超时 35 分"
    ImU32 color = 0;
};
// Where the row's running deadline stands; none for tickets without one (closed).
std::optional<SlaView> sla_view(const Ui& ui, const core::QueueRow& row, core::Millis now,
                                double warning_ratio);

// "3 天 2 小时", "2 小时 15 分", "15 分" for a positive duration.
std::string duration_text(const Ui& ui, core::Millis d);
// "2026-11-23 09:30" in the branch's local time.
std::string local_time_text(core::Millis t, int utc_offset_minutes);

} // namespace cf::ui
