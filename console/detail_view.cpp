// One ticket: its fields (customer data masked by the center), the whole timeline from the
// branch and the center, the steps the center offers this staff member now, and the dialog of
// the step being taken, which keeps its input until the center confirmed the step.

#include "console/views.h"
#include "core/escalation.h"
#include "sync/wire_event.h"
#include "ui/charts.h"
#include "ui/classification_fields.h"
#include "ui/staff_text.h"
#include "ui/ticket_clocks.h"

namespace cf::console {

namespace {

void field_row(const std::string& label, const std::string& value) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", label.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", value.empty() ? "—" : value.c_str());
}

std::string departments_text(const ConsoleController& c, const std::vector<std::string>& list,
                             Locale l) {
    std::string out;
    for (const std::string& d : list) {
        out += (out.empty() ? "" : ", ") + c.departments().label(d, ui::code(l));
    }
    return out;
}

void draw_fields(Ui& ui, ConsoleController& c, const sync::TicketDetail& d) {
    const core::Ticket& t = d.ticket;
    const Locale l = ui.locale();
    const std::string lc(ui::code(l));
    const int off = c.utc_offset_minutes();
    const forms::FormDefinition* form = c.catalog().find_form("counter");
    auto option = [&](std::string_view field, std::string_view value) {
        return form != nullptr ? ui::option_label(*form, field, value, l) : std::string(value);
    };
    if (!ImGui::BeginTable("detail.fields", 2, ImGuiTableFlags_SizingStretchProp)) {
        return;
    }
    ImGui::TableSetupColumn("k", 0, 1.0f);
    ImGui::TableSetupColumn("v", 0, 2.6f);
    auto row = [&](const char* key, const std::string& value) {
        field_row(ui.tr(key), value);
    };
    row("console.col.branch", t.branch + " / " + t.terminal);
    row("console.col.state", ui.tr(ui::state_key(t.state)));
    row("counter.col.type", option("request_type", core::to_string(t.request_type)));
    row("console.col.category", c.catalog().category_label(t.category, lc));
    row("console.col.priority", option("priority", core::to_string(t.priority)));
    row("counter.detail.severity", option("severity", core::to_string(t.severity)));
    row("counter.detail.emotion", option("emotion", core::to_string(t.emotion)));
    row("counter.detail.special", option("special_type", core::to_string(t.special_type)));
    if (core::is_crisis(t)) {
        std::string ticked;
        for (const std::string& item : t.checklist) {
            const std::string label =
                core::is_checklist_item(item) ? ui.tr("counter.checklist." + item) : item;
            ticked += (ticked.empty() ? "" : ", ") + label;
        }
        row("counter.checklist.done", ticked);
    }
    row("console.col.received", ui::local_time_text(t.received_at, off));
    // Every clock still running, so the center sees whether the branch answered and called back.
    const forms::SlaPolicy& policy = c.catalog().policy();
    for (const ui::TicketClock& clock : ui::running_clocks(t, policy)) {
        ui::draw_clock_row(ui, clock, c.now(), off, policy.warning_ratio);
    }
    row("counter.detail.description", t.description);
    row("counter.detail.demand", t.demand);
    row("counter.detail.expected_time", t.expected_time);
    row("counter.detail.customer_name", t.customer.name);
    row("counter.detail.customer_phone", t.customer.phone);
    if (!t.departments.empty()) {
        row("counter.detail.departments", departments_text(c, t.departments, l));
    }
    if (!t.departments_pending.empty()) {
        row("console.detail.pending", departments_text(c, t.departments_pending, l));
        // 签收: who has taken the dispatch on, who has not yet.
        std::vector<std::string> unsigned_;
        for (const std::string& dep : t.departments_pending) {
            if (!core::has_signed_for(t, dep)) {
                unsigned_.push_back(dep);
            }
        }
        row("console.detail.signed", departments_text(c, t.departments_signed, l));
        row("console.detail.not_signed", departments_text(c, unsigned_, l));
    }
    if (!t.departments_approved.empty()) {
        row("console.detail.parts_approved", departments_text(c, t.departments_approved, l));
    }
    if (!t.resolution.empty()) {
        row("counter.detail.resolution", t.resolution);
    }
    if (!t.feedback.empty()) {
        row("counter.detail.feedback", t.feedback);
    }
    if (!t.return_reason.empty()) {
        row("counter.detail.return_reason", t.return_reason);
    }
    if (t.satisfaction != core::Satisfaction::none) {
        row("counter.detail.satisfaction",
            ui.tr("counter.satisfaction." + std::string(core::to_string(t.satisfaction))));
    }
    ImGui::EndTable();
}

// What an event says, from its payload (the create event's ticket is not repeated).
std::string event_summary(Ui& ui, const ConsoleController& c, const sync::TimelineEntry& e) {
    static constexpr const char* k_keys[] = {
        "text",       "reason",  "resolution",    "outcome",        "level",    "departments",
        "department", "verdict", "investigation", "responsibility", "solution", "item"};
    std::string out;
    if (!e.payload.is_object() || e.kind == "create") {
        return out;
    }
    for (const char* key : k_keys) {
        const auto it = e.payload.find(key);
        if (it == e.payload.end()) {
            continue;
        }
        std::string value;
        const std::string_view k(key);
        if (it->is_string()) {
            value = it->get<std::string>();
            if (k == "level") {
                value = ui.tr("counter.satisfaction." + value);
            } else if (k == "responsibility") {
                value = ui.tr("console.responsibility." + value);
            } else if (k == "department") {
                value = c.departments().label(value, ui::code(ui.locale()));
            } else if (k == "item" && core::is_checklist_item(value)) {
                value = ui.tr("counter.checklist." + value);
            } else if (k == "verdict" && (value == "approved" || value == "rejected")) {
                value = ui.tr("counter.verdict." + value);
            }
        } else if (it->is_array()) {
            for (const auto& v : *it) {
                const std::string s = v.is_string() ? v.get<std::string>() : v.dump();
                value += (value.empty() ? "" : ", ") +
                         (k == "departments" ? c.departments().label(s, ui::code(ui.locale())) : s);
            }
        } else {
            value = it->dump();
        }
        out += (out.empty() ? "" : " · ") + ui.tr(std::string("counter.payload.") + key) + ": " +
               value;
    }
    if (const auto it = e.payload.find("deadline"); it != e.payload.end() && it->is_number()) {
        out += (out.empty() ? "" : " · ") + ui.tr("console.detail.handling_deadline") + ": " +
               ui::local_time_text(it->get<core::Millis>(), c.utc_offset_minutes());
    }
    return out;
}

std::string kind_text(const Ui& ui, const ConsoleController& c, const std::string& kind) {
    if (kind == "create") {
        return ui.tr("counter.event.create");
    }
    const std::string key = "counter.step." + kind;
    return c.catalog().ui.has(key) ? ui.tr(key) : kind;
}

// Newest first, two lines per event, clipped: only the events on screen are drawn.
void draw_timeline(Ui& ui, ConsoleController& c, const sync::TicketDetail& d) {
    const int off = c.utc_offset_minutes();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().IndentSpacing;
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(d.timeline.size()), 2 * line + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const sync::TimelineEntry& e =
                d.timeline[d.timeline.size() - 1 - static_cast<std::size_t>(i)];
            const bool center = e.origin_device == sync::k_center_device;
            ImGui::BeginGroup();
            ImGui::TextUnformatted(ui::local_time_text(e.at, off).c_str());
            ImGui::SameLine();
            ImGui::TextUnformatted(kind_text(ui, c, e.kind).c_str());
            ImGui::SameLine();
            const std::string role = core::parse_role(e.actor_role)
                                         ? ui.tr("counter.role." + e.actor_role)
                                         : e.actor_role;
            ImGui::TextDisabled("%s (%s) · %s", e.actor.c_str(), role.c_str(),
                                center ? ui.tr("console.detail.from_center").c_str()
                                       : e.origin_device.c_str());
            const std::string summary = event_summary(ui, c, e);
            ImGui::Indent();
            ImGui::TextUnformatted(ui::fit_text(summary, width).c_str());
            ImGui::Unindent();
            ImGui::EndGroup();
            ui.hits().record("timeline." + e.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
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

void field_label(Ui& ui, StepDialog& d, const std::string& field, const std::string& key) {
    const auto it = d.field_errors.find(field);
    if (it != d.field_errors.end()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        ImGui::TextUnformatted((ui.tr(key) + " · " + ui.tr(it->second)).c_str());
        ImGui::PopStyleColor();
    } else {
        ImGui::TextUnformatted(ui.tr(key).c_str());
    }
}

void dialog_text(Ui& ui, StepDialog& d, const char* field, float w, bool multiline) {
    field_label(ui, d, field, std::string("counter.payload.") + field);
    const std::string id = std::string("dialog.") + field;
    if (multiline) {
        ui::text_area(ui, id, d.fields[field], ImVec2(w, ui.px(96)));
    } else {
        ui::text_input(ui, id, d.fields[field], w);
    }
}

// One department of a list, as radio buttons (handle, sign_for, audit_part).
void department_radios(Ui& ui, ConsoleController& c, StepDialog& d,
                       const std::vector<std::string>& deps) {
    field_label(ui, d, "department", "counter.payload.department");
    for (const std::string& dep : deps) {
        ImGui::SameLine();
        const std::string id = "dialog.department." + dep;
        if (ImGui::RadioButton(
                ui::imgui_label(c.departments().label(dep, ui::code(ui.locale())), id).c_str(),
                d.fields["department"] == dep)) {
            d.fields["department"] = dep;
        }
        ui::track(ui, id);
    }
}

void deadline_choice(Ui& ui, ConsoleController& c, StepDialog& d) {
    ImGui::TextUnformatted(ui.tr("console.dialog.deadline").c_str());
    for (int hours : k_deadline_hours) {
        ImGui::SameLine();
        const std::string id = "dialog.deadline." + std::to_string(hours);
        if (ImGui::RadioButton(
                ui::imgui_label(ui.fmt("console.dialog.hours", {{"n", std::to_string(hours)}}), id)
                    .c_str(),
                d.deadline_hours == hours)) {
            d.deadline_hours = hours;
        }
        ui::track(ui, id);
    }
    ImGui::TextDisabled(
        "%s", ui.fmt("console.dialog.deadline_at",
                     {{"time", ui::local_time_text(c.now() + d.deadline_hours * core::k_hour,
                                                   c.utc_offset_minutes())}})
                  .c_str());
}

// 审核 of one department's part: the part as the department wrote it, approve or send back.
void audit_part_fields(Ui& ui, ConsoleController& c, StepDialog& d, float w) {
    ImGui::TextWrapped("%s", ui.tr("console.dialog.audit_part_help").c_str());
    department_radios(ui, c, d, c.part_departments());
    // The chosen department's latest answer, from the timeline.
    const std::string& dep = d.fields["department"];
    if (!dep.empty() && c.detail()) {
        const auto& timeline = c.detail()->timeline;
        for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
            if (it->kind == "handle" && it->payload.is_object() &&
                it->payload.value("department", std::string()) == dep) {
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
                ImGui::TextDisabled("%s: %s", ui.tr("counter.payload.solution").c_str(),
                                    it->payload.value("solution", std::string()).c_str());
                ImGui::PopTextWrapPos();
                break;
            }
        }
    }
    field_label(ui, d, "verdict", "counter.payload.verdict");
    for (const char* v : {"approved", "rejected"}) {
        ImGui::SameLine();
        const std::string id = std::string("dialog.verdict.") + v;
        if (ImGui::RadioButton(
                ui::imgui_label(ui.tr(std::string("counter.verdict.") + v), id).c_str(),
                d.fields["verdict"] == v)) {
            d.fields["verdict"] = v;
        }
        ui::track(ui, id);
    }
    if (d.fields["verdict"] == "rejected") {
        dialog_text(ui, d, "reason", w, true);
        deadline_choice(ui, c, d);
    }
}

void departments_and_deadline(Ui& ui, ConsoleController& c, StepDialog& d) {
    field_label(ui, d, "departments", "counter.payload.departments");
    int n = 0;
    for (const Department& dep : c.departments().list()) {
        bool on = d.departments.contains(dep.code);
        const std::string id = "dialog.departments." + dep.code;
        if (n++ % 6 != 0) {
            ImGui::SameLine();
        }
        if (ImGui::Checkbox(
                ui::imgui_label(dep.labels.at(std::string(ui::code(ui.locale()))), id).c_str(),
                &on)) {
            if (on) {
                d.departments.insert(dep.code);
            } else {
                d.departments.erase(dep.code);
            }
        }
        ui::track(ui, id);
    }
    deadline_choice(ui, c, d);
}

// 复核 二次确认: type, leaf category, priority and severity, each changeable, and why.
void correction_fields(Ui& ui, ConsoleController& c, StepDialog& d, float w) {
    ImGui::TextWrapped("%s", ui.tr("counter.step.reclassify_help").c_str());
    field_label(ui, d, "classification", "counter.payload.classification");
    if (const forms::FormDefinition* form = c.catalog().find_form("counter")) {
        for (const char* field : {"request_type", "priority", "severity"}) {
            if (const forms::FieldDefinition* f = form->find_field(field)) {
                ui::choice_radios(ui, *f, "dialog", d.fields[field]);
            }
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("console.col.category").c_str());
    ImGui::SameLine();
    ui::category_combo(ui, c.catalog(), "dialog", d.fields["category"], ui.px(520));
    dialog_text(ui, d, "reason", w, true);
}

void draw_dialog(Ui& ui, ConsoleController& c) {
    StepDialog& d = *c.dialog();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::PushID(d.generation);
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.step." + d.step).c_str());
    }
    ui.hits().record("dialog." + d.step, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (d.step == "review_accept" || d.step == "audit_approve") {
        ImGui::TextWrapped("%s", ui.tr("console.dialog.confirm_" + d.step).c_str());
        // Parts approved one by one need no second look at the final audit.
        if (d.step == "audit_approve" && c.detail() &&
            !c.detail()->ticket.departments_approved.empty()) {
            ImGui::TextWrapped(
                "%s",
                ui.fmt("console.dialog.parts_approved",
                       {{"departments", departments_text(c, c.detail()->ticket.departments_approved,
                                                         ui.locale())}})
                    .c_str());
        }
    } else if (d.step == "review_return") {
        dialog_text(ui, d, "reason", w, true);
    } else if (d.step == "dispatch") {
        // The departments of the ticket's category are ticked to begin with (004: each leaf
        // names its department); the dispatcher may change them.
        const std::vector<std::string> suggested = c.suggested_departments();
        if (!suggested.empty() && c.detail()) {
            ImGui::TextWrapped(
                "%s", ui.fmt("console.dialog.suggested",
                             {{"category", c.catalog().category_label(c.detail()->ticket.category,
                                                                      ui::code(ui.locale()))},
                              {"departments", departments_text(c, suggested, ui.locale())}})
                          .c_str());
        }
        departments_and_deadline(ui, c, d);
    } else if (d.step == "audit_reject") {
        dialog_text(ui, d, "reason", w, true);
        departments_and_deadline(ui, c, d);
    } else if (d.step == "sign_for") {
        // 签收: the department takes the dispatch on before it handles it (004).
        ImGui::TextWrapped("%s", ui.tr("console.dialog.confirm_sign_for").c_str());
        department_radios(ui, c, d, c.sign_for_departments());
        if (c.detail() && c.detail()->ticket.handling_deadline) {
            ImGui::TextDisabled(
                "%s: %s", ui.tr("console.detail.handling_deadline").c_str(),
                ui::local_time_text(*c.detail()->ticket.handling_deadline, c.utc_offset_minutes())
                    .c_str());
        }
    } else if (d.step == "audit_part") {
        audit_part_fields(ui, c, d, w);
    } else if (d.step == "handle") {
        department_radios(ui, c, d, c.handle_departments());
        dialog_text(ui, d, "investigation", w, true);
        field_label(ui, d, "responsibility", "counter.payload.responsibility");
        for (const char* r : {"our_department", "supplier", "customer_misunderstanding"}) {
            ImGui::SameLine();
            const std::string id = std::string("dialog.responsibility.") + r;
            if (ImGui::RadioButton(
                    ui::imgui_label(ui.tr(std::string("console.responsibility.") + r), id).c_str(),
                    d.fields["responsibility"] == r)) {
                d.fields["responsibility"] = r;
            }
            ui::track(ui, id);
        }
        dialog_text(ui, d, "solution", w, true);
    } else if (d.step == "feedback" || d.step == "note") {
        dialog_text(ui, d, "text", w, true);
    } else if (d.step == "reclassify") {
        correction_fields(ui, c, d, w);
    } else if (d.step == "checklist" && c.detail()) {
        // 004's crisis steps not yet ticked; the ticked ones are listed with the fields.
        field_label(ui, d, "item", "counter.checklist.title");
        const std::vector<std::string>& ticked = c.detail()->ticket.checklist;
        for (std::string_view item : core::k_crisis_checklist) {
            const std::string name(item);
            if (std::find(ticked.begin(), ticked.end(), name) != ticked.end()) {
                continue;
            }
            const std::string id = "dialog.item." + name;
            if (ImGui::RadioButton(ui::imgui_label(ui.tr("counter.checklist." + name), id).c_str(),
                                   d.fields["item"] == name)) {
                d.fields["item"] = name;
            }
            ui::track(ui, id);
        }
    }
    // The last attempt's failure, and a retry that sends the same request again.
    if (d.error) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        const std::string why =
            d.error->kind == ConsoleError::Kind::unreachable
                ? ui.fmt("console.dialog.unreachable", {{"error", d.error->message}})
                : ui.fmt("console.dialog.refused", {{"message", d.error->message}});
        ImGui::TextWrapped("%s", why.c_str());
        ImGui::PopStyleColor();
        ui.hits().record("dialog.error", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
    ImGui::BeginDisabled(c.step_sending());
    const bool retry = d.error.has_value() && !d.request_id.empty();
    const char* id = retry ? "dialog.retry" : "dialog.confirm";
    const char* key = c.step_sending() ? "console.dialog.sending"
                      : retry          ? "console.dialog.retry"
                                       : "counter.step.confirm";
    if (ui::push_button(ui, id, ui.tr(key), ImVec2(ui.px(220), ui.px(52)))) {
        c.take_step();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::push_button(ui, "dialog.cancel", ui.tr("counter.step.cancel"),
                        ImVec2(ui.px(160), ui.px(52)))) {
        c.cancel_step();
    }
    ImGui::PopID();
}

} // namespace

void draw_detail(Ui& ui, ConsoleController& c) {
    if (!c.detail()) {
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
        if (ui::push_button(ui, "detail.back", ui.tr("console.detail.back"))) {
            c.go(Screen::queue);
        }
        return;
    }
    const sync::TicketDetail& d = *c.detail();
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(d.ticket.number.c_str());
    }
    ImGui::SameLine(0, ui.px(24));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr(ui::state_key(d.ticket.state)).c_str());
    ImGui::SameLine(0, ui.px(24));
    if (ui::push_button(ui, "detail.back", ui.tr("console.detail.back"))) {
        c.go(Screen::queue);
        return;
    }
    if (c.detail_loading()) {
        ImGui::SameLine(0, ui.px(24));
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
    }
    // Only the steps the center offers now.
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", ui.tr("console.detail.steps").c_str());
    ImGui::SameLine();
    const std::vector<std::string> steps = c.offered_steps();
    if (steps.empty()) {
        ImGui::TextDisabled("%s", ui.tr("console.detail.no_steps").c_str());
    }
    for (const std::string& s : steps) {
        if (ui::push_button(ui, "step." + s, ui.tr("counter.step." + s))) {
            c.begin_step(s);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::BeginChild("detail.left", ImVec2(avail.x * 0.55f, avail.y), true);
    if (c.dialog()) {
        draw_dialog(ui, c);
        ImGui::Separator();
    }
    if (c.detail()) {
        draw_fields(ui, c, *c.detail());
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("detail.timeline", ImVec2(0, avail.y), true);
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("console.detail.timeline").c_str());
    }
    if (c.detail()) {
        draw_timeline(ui, c, *c.detail());
    }
    ImGui::EndChild();
}

} // namespace cf::console
