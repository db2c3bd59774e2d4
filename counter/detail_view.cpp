// One ticket: every field (contact data masked until "show", which is recorded), the timeline
// of every event with who, when and what, and the steps this staff member may take now; the
// step's form opens below them.

#include "counter/views.h"
#include "ui/charts.h"
#include "ui/classification_fields.h"
#include "ui/staff_text.h"
#include "ui/ticket_clocks.h"

#include "core/escalation.h"
#include "core/hybrid_clock.h"
#include "core/masking.h"

namespace cf::counter {

namespace {

void field_row(const char* label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label);
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.empty() ? "—" : value.c_str());
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) {
        out += (out.empty() ? "" : ", ") + s;
    }
    return out;
}

void draw_fields(Ui& ui, CounterController& c, const TicketDetail& d) {
    const core::Ticket& t = d.ticket;
    const forms::FormDefinition& form = c.form();
    const Locale l = ui.locale();
    const std::string locale(ui::code(l));
    const int off = c.utc_offset_minutes();
    if (!ImGui::BeginTable("detail.fields", 2, ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    ImGui::TableSetupColumn("k", 0, 1.0f);
    ImGui::TableSetupColumn("v", 0, 2.6f);
    auto row = [&](const char* key, const std::string& value) {
        field_row(ui.tr(key).c_str(), value);
    };
    row("counter.col.state", ui.tr(ui::state_key(t.state)));
    row("counter.col.type",
        ui::option_label(form, "request_type", core::to_string(t.request_type), l));
    row("counter.col.category", c.catalog().category_label(t.category, locale));
    row("counter.col.priority", ui::option_label(form, "priority", core::to_string(t.priority), l));
    row("counter.detail.severity",
        ui::option_label(form, "severity", core::to_string(t.severity), l));
    row("counter.detail.emotion", ui::option_label(form, "emotion", core::to_string(t.emotion), l));
    row("counter.detail.special",
        ui::option_label(form, "special_type", core::to_string(t.special_type), l));
    row("counter.detail.channel", ui::option_label(form, "channel", core::to_string(t.channel), l));
    row("counter.detail.received", ui::local_time_text(t.received_at, off) + " · " + t.receiver);
    // Every clock still running, each with its countdown: what to do next and by when.
    const forms::SlaPolicy& policy = c.catalog().policy();
    for (const ui::TicketClock& clock : ui::running_clocks(t, policy)) {
        ui::draw_clock_row(ui, clock, c.now(), off, policy.warning_ratio);
    }
    row("counter.detail.assignee", t.assignee);
    row("counter.detail.description", t.description);
    row("counter.detail.demand", t.demand);
    std::vector<std::string> remedies;
    for (const std::string& r : t.remedies) {
        remedies.push_back(ui::option_label(form, "remedies", r, l));
    }
    row("counter.detail.remedies", joined(remedies));
    row("counter.detail.expected_time", t.expected_time);
    row("counter.detail.occurred",
        (t.occurred_at ? ui::local_time_text(*t.occurred_at, off) + " " : std::string()) +
            t.occurred_place);
    row("counter.detail.evidence", joined(t.evidence));
    if (t.tried_before) {
        row("counter.detail.tried", t.tried_how);
    }
    // Personal data: masked unless shown.
    const core::Customer& cu = t.customer;
    const bool shown = d.contact_shown;
    row("counter.detail.customer_name", shown ? cu.name : core::mask_name(cu.name));
    row("counter.detail.customer_phone", shown ? cu.phone : core::mask_phone(cu.phone));
    row("counter.detail.customer_email", shown ? cu.email : core::mask_email(cu.email));
    row("counter.detail.customer_no", shown ? cu.customer_no : core::mask_account(cu.customer_no));
    row("counter.detail.order_no", shown ? cu.order_no : core::mask_account(cu.order_no));
    if (!t.resolution.empty()) {
        row("counter.detail.resolution", t.resolution);
    }
    if (!t.departments.empty()) {
        row("counter.detail.departments", joined(t.departments));
    }
    if (!t.feedback.empty()) {
        row("counter.detail.feedback", t.feedback);
    }
    if (t.satisfaction != core::Satisfaction::none) {
        row("counter.detail.satisfaction",
            ui.tr("counter.satisfaction." + std::string(core::to_string(t.satisfaction))));
    }
    if (!t.return_reason.empty()) {
        row("counter.detail.return_reason", t.return_reason);
    }
    ImGui::EndTable();
    const bool any = !(cu.name.empty() && cu.phone.empty() && cu.email.empty() &&
                       cu.customer_no.empty() && cu.order_no.empty());
    if (any && !shown &&
        push_button(ui, "detail.show_contact", ui.tr("counter.detail.show_contact"))) {
        c.show_contact();
    }
    if (shown) {
        ImGui::TextDisabled("%s", ui.tr("counter.detail.shown_recorded").c_str());
    }
}

// What an event says, from the payload fields that are not personal data.
std::string event_summary(Ui& ui, const core::Event& e) {
    static constexpr const char* k_keys[] = {
        "text",          "reason",         "resolution", "compensation", "approved_by", "channel",
        "outcome",       "level",          "assignee",   "departments",  "department",  "verdict",
        "investigation", "responsibility", "solution",   "fields",       "plan",        "item"};
    std::string out;
    if (!e.payload.is_object()) {
        return out;
    }
    for (const char* key : k_keys) {
        const auto it = e.payload.find(key);
        if (it == e.payload.end()) {
            continue;
        }
        std::string value;
        if (it->is_string()) {
            value = it->get<std::string>();
            if (std::string_view(key) == "level") {
                value = ui.tr("counter.satisfaction." + value);
            } else if (std::string_view(key) == "item" && core::is_checklist_item(value)) {
                value = ui.tr("counter.checklist." + value);
            } else if (std::string_view(key) == "verdict" &&
                       (value == "approved" || value == "rejected")) {
                value = ui.tr("counter.verdict." + value);
            }
        } else if (it->is_array()) {
            for (const auto& v : *it) {
                value +=
                    (value.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
            }
        } else {
            value = it->dump();
        }
        out += (out.empty() ? "" : " · ") + ui.tr(std::string("counter.payload.") + key) + ": " +
               value;
    }
    return out;
}

// Newest first, two lines per event (who, when, what; then the payload, cut to the width with
// the whole text on hover), so that only the events on screen are drawn: a ticket with a long
// history costs no more per frame than a short one.
void draw_timeline(Ui& ui, CounterController& c, const TicketDetail& d) {
    const int off = c.utc_offset_minutes();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().IndentSpacing;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.events.size()), 2 * line + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Event& e = d.events[d.events.size() - 1 - static_cast<std::size_t>(i)];
            const std::string what = e.kind == "create" ? ui.tr("counter.event.create")
                                                        : ui.tr("counter.step." + e.kind);
            ImGui::BeginGroup();
            ImGui::TextUnformatted(ui::local_time_text(core::hlc_physical(e.hlc), off).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted(what.c_str());
            ImGui::SameLine();
            ImGui::TextDisabled(
                "%s (%s)", e.actor.c_str(),
                ui.tr("counter.role." + std::string(core::to_string(e.actor_role))).c_str());
            const std::string summary = event_summary(ui, e);
            ImGui::Indent();
            ImGui::TextUnformatted(ui::fit_text(summary, width).c_str());
            ImGui::Unindent();
            ImGui::EndGroup();
            if (!summary.empty() && ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ui.px(900));
                ImGui::TextUnformatted(summary.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
        }
    }
}

// 004's steps for a 重大 or 外宣传型 customer: each ticked once, by whoever did it.
void draw_crisis_checklist(Ui& ui, CounterController& c, const core::Ticket& t) {
    if (!core::is_crisis(t)) {
        return;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
    ImGui::TextWrapped("%s", ui.tr("counter.checklist.title").c_str());
    ImGui::PopStyleColor();
    const bool may_tick = c.offers_checklist();
    for (std::string_view item : core::k_crisis_checklist) {
        const std::string name(item);
        const bool ticked =
            std::find(t.checklist.begin(), t.checklist.end(), name) != t.checklist.end();
        const std::string label = ui.tr("counter.checklist." + name);
        if (ticked) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_on_track);
            ImGui::TextUnformatted(ui.tr("counter.checklist.ticked").c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine();
            ImGui::TextUnformatted(label.c_str());
            continue;
        }
        if (may_tick) {
            if (push_button(ui, "checklist." + name, ui.tr("counter.checklist.tick"))) {
                c.tick_checklist(name);
                return; // the ticket was reloaded
            }
            ImGui::SameLine();
        } else {
            ImGui::TextDisabled("%s", ui.tr("counter.checklist.open").c_str());
            ImGui::SameLine();
        }
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", label.c_str());
    }
    ImGui::Separator();
}

void labelled_text(Ui& ui, const char* key, std::string_view id, std::string& value, float w,
                   bool multiline) {
    ImGui::TextUnformatted(ui.tr(key).c_str());
    if (multiline) {
        text_area(ui, id, value, ImVec2(w, ui.px(110)));
    } else {
        text_input(ui, id, value, w);
    }
}

// 复核 二次确认: the classification as it is, each value changeable, and why.
void draw_correction(Ui& ui, CounterController& c, StepDraft& s, float w) {
    ImGui::TextWrapped("%s", ui.tr("counter.step.reclassify_help").c_str());
    for (const char* field : {"request_type", "priority", "severity"}) {
        if (const forms::FieldDefinition* f = c.form().find_field(field)) {
            ui::choice_radios(ui, *f, "step", s.fields[field]);
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("counter.col.category").c_str());
    ImGui::SameLine();
    ui::category_combo(ui, c.catalog(), "step", s.fields["category"], ui.px(520));
    labelled_text(ui, "counter.payload.reason", "step.reason", s.fields["reason"], w, true);
}

void draw_step_form(Ui& ui, CounterController& c) {
    StepDraft& s = *c.step_draft();
    const float w = ImGui::GetContentRegionAvail().x;
    const std::string step(core::to_string(s.step));
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.step." + step).c_str());
    }
    switch (s.step) {
    case core::Step::note:
        labelled_text(ui, "counter.payload.text", "step.text", s.fields["text"], w, true);
        break;
    case core::Step::resolve:
        labelled_text(ui, "counter.payload.resolution", "step.resolution", s.fields["resolution"],
                      w, true);
        labelled_text(ui, "counter.payload.compensation", "step.compensation",
                      s.fields["compensation"], ui.px(240), false);
        ImGui::TextDisabled(
            "%s", ui.fmt("counter.step.approval_limit",
                         {{"amount", std::to_string(static_cast<long long>(
                                         c.catalog().policy().compensation_approval_above))}})
                      .c_str());
        if (c.needs_approval()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_warning);
            ImGui::TextWrapped("%s", ui.tr("counter.step.needs_approval").c_str());
            ImGui::PopStyleColor();
            labelled_text(ui, "counter.step.approver_id", "step.approver_id", s.approver_id,
                          ui.px(240), false);
            ImGui::TextUnformatted(ui.tr("counter.step.approver_pin").c_str());
            text_input(ui, "step.approver_pin", s.approver_pin, ui.px(240), true, true);
        }
        break;
    case core::Step::submit:
    case core::Step::reopen:
        labelled_text(ui, "counter.payload.reason", "step.reason", s.fields["reason"], w, true);
        break;
    case core::Step::reclassify:
        draw_correction(ui, c, s, w);
        break;
    case core::Step::close:
        if (c.detail()->ticket.state != core::State::satisfied) {
            ImGui::TextWrapped("%s", ui.tr("counter.step.close_unconfirmed").c_str());
        }
        labelled_text(ui, "counter.payload.reason", "step.reason", s.fields["reason"], w, true);
        break;
    case core::Step::contact:
        ImGui::TextUnformatted(ui.tr("counter.payload.channel").c_str());
        for (const char* ch : {"phone", "sms", "visit", "email"}) {
            const std::string id = std::string("step.channel.") + ch;
            if (ImGui::RadioButton(
                    ui::imgui_label(ui.tr(std::string("counter.contact.") + ch), id).c_str(),
                    s.fields["channel"] == ch)) {
                s.fields["channel"] = ch;
            }
            ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::SameLine();
        }
        ImGui::NewLine();
        labelled_text(ui, "counter.payload.outcome", "step.outcome", s.fields["outcome"], w, true);
        break;
    case core::Step::satisfaction: {
        for (const char* level : {"satisfied", "mostly_satisfied", "unsatisfied"}) {
            const std::string id = std::string("step.level.") + level;
            if (ImGui::RadioButton(
                    ui::imgui_label(ui.tr(std::string("counter.satisfaction.") + level), id)
                        .c_str(),
                    s.fields["level"] == level)) {
                s.fields["level"] = level;
            }
            ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::SameLine();
        }
        ImGui::NewLine();
        if (s.fields["level"] == "unsatisfied" && c.detail()->ticket.round >= 2) {
            // After the second round the center's manager takes it (000): no supervisor here.
            ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_warning);
            ImGui::TextWrapped("%s", ui.tr("counter.step.escalate").c_str());
            ImGui::PopStyleColor();
        } else if (s.fields["level"] == "unsatisfied") {
            ImGui::TextWrapped("%s", ui.tr("counter.step.second_round").c_str());
            for (const core::StaffMember& m : c.supervisors()) {
                const std::string id = "step.assignee." + m.id;
                if (ImGui::RadioButton(ui::imgui_label(m.name + " (" + m.id + ")", id).c_str(),
                                       s.fields["assignee"] == m.id)) {
                    s.fields["assignee"] = m.id;
                }
                ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            }
        }
        break;
    }
    default:
        break;
    }
    if (push_button(ui, "step.confirm", ui.tr("counter.step.confirm"),
                    ImVec2(ui.px(220), ui.px(52)))) {
        c.take_step();
    }
    ImGui::SameLine();
    if (push_button(ui, "step.cancel", ui.tr("counter.step.cancel"),
                    ImVec2(ui.px(160), ui.px(52)))) {
        c.cancel_step();
    }
}

} // namespace

void draw_detail(Ui& ui, CounterController& c) {
    if (!c.detail()) {
        c.go(Screen::queue);
        return;
    }
    const TicketDetail& d = *c.detail();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(d.ticket.number.c_str());
    }
    ImGui::SameLine(0, ui.px(24));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr(ui::state_key(d.ticket.state)).c_str());
    ImGui::SameLine(0, ui.px(24));
    if (push_button(ui, "detail.back", ui.tr("counter.detail.back"))) {
        c.go(Screen::queue);
        return;
    }
    // The steps allowed now; nothing else is offered.
    ImGui::TextDisabled("%s", ui.tr("counter.detail.steps").c_str());
    ImGui::SameLine();
    if (d.allowed.empty()) {
        ImGui::TextDisabled("%s", ui.tr("counter.detail.no_steps").c_str());
    }
    for (core::Step s : d.allowed) {
        const std::string name(core::to_string(s));
        if (push_button(ui, "step." + name, ui.tr("counter.step." + name))) {
            c.begin_step(s);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left_w = avail.x * 0.55f;
    ImGui::BeginChild("detail.left", ImVec2(left_w, avail.y), true);
    draw_script_panel(ui, c, d);
    if (c.step_draft()) {
        draw_step_form(ui, c);
        ImGui::Separator();
    }
    if (c.detail()) { // a crisis's steps first: they are what staff must not miss
        draw_crisis_checklist(ui, c, c.detail()->ticket);
    }
    if (c.detail()) { // the step or a tick may have changed it
        draw_fields(ui, c, *c.detail());
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail.timeline", ImVec2(0, avail.y), true);
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.detail.timeline").c_str());
    }
    if (c.detail()) {
        draw_timeline(ui, c, *c.detail());
    }
    ImGui::EndChild();
}

} // namespace cf::counter
