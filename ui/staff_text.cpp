#include "ui/staff_text.h"

#include <cstdio>

namespace cf::ui {

std::string option_label(const forms::FormDefinition& form, std::string_view field_id,
                         std::string_view value, Locale locale) {
    if (const forms::FieldDefinition* f = form.find_field(field_id)) {
        if (const forms::ChoiceOption* o = f->find_option(value)) {
            return o->label.in(code(locale));
        }
    }
    return std::string(value);
}

std::string state_key(core::State s) {
    return "counter.state." + std::string(core::to_string(s));
}

std::string duration_text(const Ui& ui, core::Millis d) {
    const core::Millis minutes = std::max<core::Millis>(0, d) / core::k_minute;
    const core::Millis days = minutes / (24 * 60);
    const core::Millis hours = minutes / 60 % 24;
    const core::Millis mins = minutes % 60;
    if (days > 0) {
        return ui.fmt("counter.duration.days_hours",
                      {{"days", std::to_string(days)}, {"hours", std::to_string(hours)}});
    }
    if (hours > 0) {
        return ui.fmt("counter.duration.hours_minutes",
                      {{"hours", std::to_string(hours)}, {"minutes", std::to_string(mins)}});
    }
    return ui.fmt("counter.duration.minutes", {{"minutes", std::to_string(mins)}});
}

std::optional<SlaView> sla_view(const Ui& ui, const core::QueueRow& row, core::Millis now,
                                double warning_ratio) {
    if (!row.sla_due || row.state == core::State::closed) {
        return std::nullopt;
    }
    SlaView v;
    v.state = forms::sla_state(row.sla_start, *row.sla_due, now, warning_ratio);
    const StaffColors& c = staff_colors();
    switch (v.state) {
    case forms::SlaState::on_track:
        v.label = ui.tr("counter.sla.on_track");
        v.color = c.sla_on_track;
        v.time = ui.fmt("counter.sla.left", {{"time", duration_text(ui, *row.sla_due - now)}});
        break;
    case forms::SlaState::warning:
        v.label = ui.tr("counter.sla.warning");
        v.color = c.sla_warning;
        v.time = ui.fmt("counter.sla.left", {{"time", duration_text(ui, *row.sla_due - now)}});
        break;
    case forms::SlaState::overdue:
        v.label = ui.tr("counter.sla.overdue");
        v.color = c.sla_overdue;
        v.time = ui.fmt("counter.sla.over", {{"time", duration_text(ui, now - *row.sla_due)}});
        break;
    }
    return v;
}

std::string local_time_text(core::Millis t, int utc_offset_minutes) {
    const core::Millis local = t + static_cast<core::Millis>(utc_offset_minutes) * core::k_minute;
    const std::int64_t days =
        local >= 0 ? local / core::k_day : (local - core::k_day + 1) / core::k_day;
    const core::CivilDate d = core::civil_from_days(days);
    const core::Millis in_day = local - days * core::k_day;
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
                  static_cast<int>(in_day / core::k_hour),
                  static_cast<int>(in_day / core::k_minute % 60));
    return out;
}

} // namespace cf::ui
