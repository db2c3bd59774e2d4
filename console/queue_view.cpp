// The work lists: a tab per queue of the role with its count, the filter row (branch,
// category, priority, dates), the page of rows with countdowns, and paging.

#include "console/views.h"
#include "ui/staff_text.h"
#include "ui/ticket_clocks.h"

namespace cf::console {

namespace {

std::string joined(const std::vector<std::string>& items, const ConsoleController& c, Locale l) {
    std::string out;
    for (const std::string& s : items) {
        out += (out.empty() ? "" : ", ") + c.departments().label(s, ui::code(l));
    }
    return out;
}

std::string priority_label(const Ui& ui, const ConsoleController& c, core::Priority p) {
    if (const forms::FormDefinition* form = c.catalog().find_form("counter")) {
        return ui::option_label(*form, "priority", core::to_string(p), ui.locale());
    }
    return std::string(core::to_string(p));
}

// From 30 days before a calendar of the center runs out until a newer one is published: the
// deadlines of every branch on it will count holidays by the statutory rules alone (no 调休).
void draw_calendar_notices(Ui& ui, const ConsoleController& c) {
    for (const sync::CalendarNotice& n : c.calendar_notices()) {
        const forms::BusinessCalendar* calendar = c.catalog().find_calendar(n.calendar);
        const std::string name = calendar ? calendar->name().in(ui::code(ui.locale())) : n.calendar;
        const std::string text =
            n.days_left < 0
                ? ui.fmt("console.calendar.ended", {{"calendar", name},
                                                    {"date", n.covers_until},
                                                    {"file", "calendars/" + n.calendar + ".json"}})
                : ui.fmt("console.calendar.ending",
                         {{"calendar", name},
                          {"date", n.covers_until},
                          {"days", std::to_string(n.days_left)},
                          {"file", "calendars/" + n.calendar + ".json"}});
        ui::calendar_notice(ui, "queue.calendar." + n.calendar, text, n.days_left);
    }
}

} // namespace

// The filter inputs shared by the list and the dashboard (prefix "filter" or "dash.filter").
bool draw_filter_fields(Ui& ui, ConsoleController& c, FilterDraft& d, std::string_view prefix,
                        bool dates, const std::map<std::string, std::string>& errors) {
    const std::string p(prefix);
    const std::string lc(ui::code(ui.locale()));
    bool enter = false;
    auto label = [&](const char* key, std::string_view field) {
        const bool bad = errors.contains(std::string(field));
        if (bad) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        }
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ui.tr(key).c_str());
        if (bad) {
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
    };
    label("console.filter.branch", "branch");
    enter |= ui::text_input(ui, p + ".branch", d.branch, ui.px(120));
    ImGui::SameLine(0, ui.px(20));
    label("console.filter.category", "category");
    {
        const std::string preview = d.category.empty() ? ui.tr("console.filter.all")
                                                       : c.catalog().category_label(d.category, lc);
        ImGui::SetNextItemWidth(ui.px(260));
        if (ImGui::BeginCombo(("##" + p + ".category").c_str(), preview.c_str())) {
            if (ImGui::Selectable(ui::imgui_label(ui.tr("console.filter.all"), "all").c_str(),
                                  d.category.empty())) {
                d.category.clear();
            }
            ui::track(ui, p + ".category.all");
            for (const auto& group : c.catalog().categories.top_level()) {
                if (ImGui::Selectable(
                        ui::imgui_label(c.catalog().category_label(group.code, lc), group.code)
                            .c_str(),
                        d.category == group.code)) {
                    d.category = group.code;
                }
                ui::track(ui, p + ".category." + group.code);
            }
            ImGui::EndCombo();
        }
        ui::track(ui, p + ".category");
    }
    ImGui::SameLine(0, ui.px(20));
    label("console.filter.priority", "priority");
    {
        const std::string preview =
            d.priority ? priority_label(ui, c, *d.priority) : ui.tr("console.filter.all");
        ImGui::SetNextItemWidth(ui.px(160));
        if (ImGui::BeginCombo(("##" + p + ".priority").c_str(), preview.c_str())) {
            if (ImGui::Selectable(ui::imgui_label(ui.tr("console.filter.all"), "all").c_str(),
                                  !d.priority)) {
                d.priority.reset();
            }
            ui::track(ui, p + ".priority.all");
            for (core::Priority pr :
                 {core::Priority::urgent, core::Priority::important, core::Priority::normal}) {
                const std::string name(core::to_string(pr));
                if (ImGui::Selectable(ui::imgui_label(priority_label(ui, c, pr), name).c_str(),
                                      d.priority == pr)) {
                    d.priority = pr;
                }
                ui::track(ui, p + ".priority." + name);
            }
            ImGui::EndCombo();
        }
        ui::track(ui, p + ".priority");
    }
    if (dates) {
        ImGui::SameLine(0, ui.px(20));
        label("console.filter.from", "from");
        enter |= ui::text_input(ui, p + ".from", d.from, ui.px(150));
        ImGui::SameLine();
        label("console.filter.to", "to");
        enter |= ui::text_input(ui, p + ".to", d.to, ui.px(150));
    }
    return enter;
}

void draw_queue(Ui& ui, ConsoleController& c) {
    const core::Millis now = c.now();
    draw_calendar_notices(ui, c);
    for (sync::ConsoleQueue q : c.queues()) {
        const bool current = c.queue() == q;
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        }
        const std::string label =
            ui.fmt("console.queue.with_count",
                   {{"queue", ui.tr(queue_key(q))}, {"n", std::to_string(c.count(q))}});
        if (ui::push_button(ui, "queue." + std::string(sync::to_string(q)), label,
                            ImVec2(0, ui.px(52)))) {
            c.set_queue(q);
        }
        if (current) {
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    bool apply = draw_filter_fields(ui, c, c.filter_draft(), "filter", true, c.filter_errors());
    ImGui::SameLine(0, ui.px(20));
    apply |= ui::push_button(ui, "filter.apply", ui.tr("console.filter.apply"));
    ImGui::SameLine();
    if (ui::push_button(ui, "filter.clear", ui.tr("console.filter.clear"))) {
        c.clear_filter();
    } else if (apply) {
        c.apply_filter();
    }
    ImGui::TextDisabled("%s", ui.tr("console.filter.date_hint").c_str());

    // Paging line.
    const std::int64_t first = c.total() == 0 ? 0 : c.offset() + 1;
    const std::int64_t last = std::min<std::int64_t>(c.offset() + k_page_size, c.total());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.fmt("console.page.range", {{"first", std::to_string(first)},
                                                         {"last", std::to_string(last)},
                                                         {"total", std::to_string(c.total())}})
                               .c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(c.offset() == 0);
    if (ui::push_button(ui, "page.prev", ui.tr("console.page.prev"))) {
        c.previous_page();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(c.offset() + k_page_size >= c.total());
    if (ui::push_button(ui, "page.next", ui.tr("console.page.next"))) {
        c.next_page();
    }
    ImGui::EndDisabled();
    if (c.queue_loading()) {
        ImGui::SameLine(0, ui.px(24));
        ImGui::TextDisabled("%s", ui.tr("console.loading").c_str());
    }

    if (c.rows().empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled(
            "%s", ui.tr(c.queue_loaded() ? "console.queue.empty" : "console.loading").c_str());
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("console.queue", 9, flags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("console.col.number").c_str(), 0, 2.0f);
    ImGui::TableSetupColumn(ui.tr("console.col.branch").c_str(), 0, 0.8f);
    ImGui::TableSetupColumn(ui.tr("console.col.category").c_str(), 0, 2.2f);
    ImGui::TableSetupColumn(ui.tr("console.col.priority").c_str(), 0, 0.8f);
    ImGui::TableSetupColumn(ui.tr("console.col.state").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ui.tr("console.col.received").c_str(), 0, 1.5f);
    ImGui::TableSetupColumn(ui.tr("console.col.deadline").c_str(), 0, 1.8f);
    ImGui::TableSetupColumn(ui.tr("console.col.departments").c_str(), 0, 1.6f);
    ImGui::TableSetupColumn(ui.tr("console.col.customer").c_str(), 0, 1.0f);
    ImGui::TableHeadersRow();
    const std::string lc(ui::code(ui.locale()));
    const ui::StaffColors& colors = ui::staff_colors();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(c.rows().size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const sync::QueueRow& r = c.rows()[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string row_id = "row." + r.number;
            if (ImGui::Selectable(ui::imgui_label(r.number, row_id).c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                c.open(r.number);
            }
            ui.hits().record(row_id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.branch.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.catalog().category_label(r.category, lc).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(priority_label(ui, c, r.priority).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui.tr(ui::state_key(r.state)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                ui::local_time_text(r.received_at, c.utc_offset_minutes()).c_str());
            ImGui::TableNextColumn();
            // Departments count down to the handling deadline, other lists to the ticket's.
            const core::Millis deadline = r.handling_deadline ? *r.handling_deadline : r.due_at;
            if (deadline > 0) {
                ImGui::PushStyleColor(ImGuiCol_Text,
                                      deadline < now ? colors.sla_overdue : colors.sla_on_track);
                ImGui::TextUnformatted(ui::countdown_text(ui, deadline, now).c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::TextDisabled("—");
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                joined(r.departments_pending.empty() ? r.departments : r.departments_pending, c,
                       ui.locale())
                    .c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.customer.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace cf::console
