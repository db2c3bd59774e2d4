// The queue: a tab per kind of work with its count, filters and sorting, and a clipped table
// that reads only the rows on screen.

#include "counter/views.h"
#include "ui/staff_text.h"

#include <cstdio>

namespace cf::counter {

namespace {

const char* tab_key(core::QueueTab t) {
    switch (t) {
    case core::QueueTab::fresh:
        return "counter.tab.new";
    case core::QueueTab::mine:
        return "counter.tab.mine";
    case core::QueueTab::awaiting_center:
        return "counter.tab.awaiting_center";
    case core::QueueTab::feedback_arrived:
        return "counter.tab.feedback_arrived";
    case core::QueueTab::overdue:
        return "counter.tab.overdue";
    case core::QueueTab::closed:
        return "counter.tab.closed";
    case core::QueueTab::escalated:
        return "counter.tab.escalated";
    }
    return "counter.tab.new";
}

// A combo over a choice field's options with "all" first. Returns true when changed.
template <class T>
bool option_filter(Ui& ui, const forms::FormDefinition& form, std::string_view field_id,
                   std::string_view id, std::optional<T>& value,
                   std::optional<T> (*parse)(std::string_view), std::string_view (*name)(T)) {
    const forms::FieldDefinition* field = form.find_field(field_id);
    if (field == nullptr) {
        return false;
    }
    const std::string preview = value ? ui::option_label(form, field_id, name(*value), ui.locale())
                                      : ui.tr("counter.filter.all");
    bool changed = false;
    ImGui::SetNextItemWidth(ui.px(220));
    if (ImGui::BeginCombo(ui::imgui_label("", id).c_str(), preview.c_str())) {
        if (ImGui::Selectable(ui::imgui_label(ui.tr("counter.filter.all"), "all").c_str(),
                              !value)) {
            value.reset();
            changed = true;
        }
        for (const forms::ChoiceOption& o : field->options) {
            if (ImGui::Selectable(
                    ui::imgui_label(o.label.in(ui::code(ui.locale())), o.value).c_str(),
                    value && name(*value) == o.value)) {
                value = parse(o.value);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    track(ui, id);
    return changed;
}

} // namespace

void draw_ticket_table(Ui& ui, CounterController& c, std::string_view id, std::size_t count,
                       const std::function<const core::QueueRow*(std::size_t)>& row) {
    const forms::FormDefinition& form = c.form();
    const core::Millis now = c.now();
    const double ratio = c.catalog().policy().warning_ratio;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable(std::string(id).c_str(), 8, flags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("counter.col.number").c_str(), 0, 2.2f);
    ImGui::TableSetupColumn(ui.tr("counter.col.type").c_str(), 0, 1.0f);
    ImGui::TableSetupColumn(ui.tr("counter.col.category").c_str(), 0, 2.4f);
    ImGui::TableSetupColumn(ui.tr("counter.col.priority").c_str(), 0, 0.9f);
    ImGui::TableSetupColumn(ui.tr("counter.col.sla").c_str(), 0, 2.4f);
    ImGui::TableSetupColumn(ui.tr("counter.col.state").c_str(), 0, 1.2f);
    ImGui::TableSetupColumn(ui.tr("counter.col.customer").c_str(), 0, 2.0f);
    ImGui::TableSetupColumn(ui.tr("counter.col.age").c_str(), 0, 1.3f);
    ImGui::TableHeadersRow();

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(count));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::QueueRow* r = row(static_cast<std::size_t>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (r == nullptr) {
                ImGui::TextDisabled("-");
                continue;
            }
            const std::string row_id = std::string(id) + "." + r->number;
            if (ImGui::Selectable(ui::imgui_label(r->number, row_id).c_str(), false,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                c.open(r->number);
            }
            ui.hits().record(row_id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                ui::option_label(form, "request_type", core::to_string(r->type), ui.locale())
                    .c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                c.catalog().category_label(r->category, ui::code(ui.locale())).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                ui::option_label(form, "priority", core::to_string(r->priority), ui.locale())
                    .c_str());
            ImGui::TableNextColumn();
            if (auto sla = sla_view(ui, *r, now, ratio)) {
                ImGui::PushStyleColor(ImGuiCol_Text, sla->color);
                ImGui::Text("%s · %s", sla->label.c_str(), sla->time.c_str());
                ImGui::PopStyleColor();
            } else {
                ImGui::TextDisabled("—");
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ui.tr(ui::state_key(r->state)).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r->customer_masked.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(duration_text(ui, now - r->received_at).c_str());
        }
    }
    ImGui::EndTable();
}

namespace {

// From 30 days before the business calendar runs out: ask for the next one; once past it,
// deadlines count holidays by the statutory rules alone (no 调休), which staff must know.
void draw_calendar_warning(Ui& ui, CounterController& c) {
    const std::optional<forms::CalendarWarning> w = c.calendar_warning();
    if (!w) {
        return;
    }
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", w->covers_until.year, w->covers_until.month,
                  w->covers_until.day);
    const std::string text = w->days_left < 0
                                 ? ui.fmt("counter.calendar.ended", {{"date", date}})
                                 : ui.fmt("counter.calendar.ending",
                                          {{"date", date}, {"days", std::to_string(w->days_left)}});
    ui::calendar_notice(ui, "queue.calendar_warning", text, w->days_left);
}

} // namespace

void draw_queue(Ui& ui, CounterController& c) {
    draw_calendar_warning(ui, c);
    QueueModel& q = c.queue();
    core::QueueFilter filter = q.filter();
    for (core::QueueTab t : core::k_all_tabs) {
        const bool current = filter.tab == t;
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        }
        // A crisis waiting is not a tab to overlook.
        const bool alarm = t == core::QueueTab::escalated && q.count(t) > 0 && !current;
        if (alarm) {
            ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().sla_overdue);
        }
        const std::string label =
            ui.fmt("counter.tab.with_count",
                   {{"tab", ui.tr(tab_key(t))}, {"n", std::to_string(q.count(t))}});
        if (push_button(ui, "tab." + std::string(core::to_string(t)), label,
                        ImVec2(0, ui.px(52)))) {
            c.set_tab(t);
        }
        if (alarm) {
            ImGui::PopStyleColor();
        }
        if (current) {
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();

    // Filters and sorting.
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("counter.filter.type").c_str());
    ImGui::SameLine();
    changed |=
        option_filter<core::RequestType>(ui, c.form(), "request_type", "filter.type", filter.type,
                                         core::parse_request_type, core::to_string);
    ImGui::SameLine(0, ui.px(24));
    ImGui::TextUnformatted(ui.tr("counter.filter.priority").c_str());
    ImGui::SameLine();
    changed |=
        option_filter<core::Priority>(ui, c.form(), "priority", "filter.priority", filter.priority,
                                      core::parse_priority, core::to_string);
    ImGui::SameLine(0, ui.px(24));
    ImGui::TextUnformatted(ui.tr("counter.filter.category").c_str());
    ImGui::SameLine();
    {
        const std::string preview =
            filter.category.empty()
                ? ui.tr("counter.filter.all")
                : c.catalog().category_label(filter.category, ui::code(ui.locale()));
        ImGui::SetNextItemWidth(ui.px(300));
        if (ImGui::BeginCombo("##filter.category", preview.c_str())) {
            if (ImGui::Selectable(ui::imgui_label(ui.tr("counter.filter.all"), "all").c_str(),
                                  filter.category.empty())) {
                filter.category.clear();
                changed = true;
            }
            for (const auto& group : c.catalog().categories.top_level()) {
                if (ImGui::Selectable(ui::imgui_label(c.catalog().category_label(
                                                          group.code, ui::code(ui.locale())),
                                                      group.code)
                                          .c_str(),
                                      filter.category == group.code)) {
                    filter.category = group.code;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
        track(ui, "filter.category");
    }
    ImGui::SameLine(0, ui.px(24));
    ImGui::TextUnformatted(ui.tr("counter.sort").c_str());
    ImGui::SameLine();
    static constexpr std::pair<core::QueueSort, const char*> k_sorts[] = {
        {core::QueueSort::deadline, "counter.sort.deadline"},
        {core::QueueSort::priority, "counter.sort.priority"},
        {core::QueueSort::newest, "counter.sort.newest"},
        {core::QueueSort::oldest, "counter.sort.oldest"},
    };
    for (const auto& [sort, key] : k_sorts) {
        const std::string id = std::string("sort.") + (key + 13);
        if (ImGui::RadioButton(ui::imgui_label(ui.tr(key), id).c_str(), filter.sort == sort)) {
            filter.sort = sort;
            changed = true;
        }
        ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (changed) {
        c.set_queue_filter(filter);
    }
    if (q.size() == 0) {
        ImGui::Spacing();
        ImGui::TextDisabled(
            "%s", ui.tr(q.loading() ? "counter.queue.loading" : "counter.queue.empty").c_str());
        return;
    }
    draw_ticket_table(ui, c, "queue", q.size(), [&q](std::size_t i) { return q.row(i); });
}

} // namespace cf::counter
