// The top bar, the notice line and the "center unreachable" banner every console screen shares.

#include "console/views.h"
#include "ui/staff_text.h"

namespace cf::console {

namespace {

std::string notice_text(const Ui& ui, const Notice& n) {
    std::string text = ui.tr(n.key);
    auto replace = [&text](const std::string& name, const std::string& value) {
        const std::string token = "{" + name + "}";
        for (std::size_t at = text.find(token); at != std::string::npos;
             at = text.find(token, at + value.size())) {
            text.replace(at, token.size(), value);
        }
    };
    for (const auto& [name, value] : n.args) {
        replace(name, value);
    }
    for (const auto& [name, key] : n.key_args) {
        replace(name, ui.tr(key));
    }
    return text;
}

} // namespace

const char* queue_key(sync::ConsoleQueue q) {
    switch (q) {
    case sync::ConsoleQueue::review:
        return "console.queue.review";
    case sync::ConsoleQueue::dispatch:
        return "console.queue.dispatch";
    case sync::ConsoleQueue::departments:
        return "console.queue.departments";
    case sync::ConsoleQueue::audit:
        return "console.queue.audit";
    case sync::ConsoleQueue::answer:
        return "console.queue.answer";
    case sync::ConsoleQueue::overdue:
        return "console.queue.overdue";
    case sync::ConsoleQueue::second_round:
        return "console.queue.second_round";
    case sync::ConsoleQueue::all:
        return "console.queue.all";
    case sync::ConsoleQueue::escalated:
        return "console.queue.escalated";
    }
    return "console.queue.all";
}

void draw_top_bar(Ui& ui, ConsoleController& c) {
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("console.title").c_str());
    }
    ImGui::SameLine(0, ui.px(40));
    auto nav = [&](const char* id, const char* key, bool current, auto&& action) {
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        }
        if (ui::push_button(ui, id, ui.tr(key), ImVec2(0, ui.px(52)))) {
            action();
        }
        if (current) {
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
    };
    nav("nav.queue", "console.nav.queue",
        c.screen() == Screen::queue || c.screen() == Screen::detail, [&] { c.go(Screen::queue); });
    if (c.dashboard_allowed()) {
        nav("nav.dashboard", "console.nav.dashboard", c.screen() == Screen::dashboard,
            [&] { c.go(Screen::dashboard); });
        nav("nav.reports", "console.nav.reports", c.screen() == Screen::reports,
            [&] { c.go(Screen::reports); });
    }
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - ui.px(820));
    for (Locale l : ui::k_all_locales) {
        const std::string id = "lang." + std::string(ui::code(l));
        if (ui::push_button(ui, id, ui.tr("language." + std::string(ui::code(l))),
                            ImVec2(0, ui.px(52)))) {
            c.set_locale(l);
        }
        ImGui::SameLine();
    }
    const sync::StaffInfo& s = c.staff();
    std::string who =
        ui.fmt("console.signed_in_as",
               {{"name", s.name},
                {"role", ui.tr("counter.role." + std::string(core::to_string(s.role)))}});
    if (!s.department.empty()) {
        who += " · " + c.departments().label(s.department, ui::code(ui.locale()));
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(who.c_str());
    ImGui::SameLine();
    if (ui::push_button(ui, "nav.sign_out", ui.tr("console.sign_out"), ImVec2(0, ui.px(52)))) {
        c.sign_out();
    }
    ImGui::Separator();
}

void draw_unreachable(Ui& ui, ConsoleController& c) {
    const Reachability r = c.reachability();
    if (r.reachable) {
        return;
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetFrameHeightWithSpacing() * 2.0f + ui.px(12);
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + w, min.y + h),
                                              IM_COL32(254, 226, 226, 255), ui.px(4));
    ImGui::SetCursorScreenPos(ImVec2(min.x + ui.px(10), min.y + ui.px(6)));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::staff_colors().offline);
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("console.unreachable.title").c_str());
    }
    ImGui::PopStyleColor();
    ui.hits().record("unreachable", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine(0, ui.px(24));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.fmt("console.unreachable.since",
                                  {{"time", ui::local_time_text(r.since, c.utc_offset_minutes())}})
                               .c_str());
    ImGui::SameLine(0, ui.px(24));
    if (ui::push_button(ui, "unreachable.retry", ui.tr("console.unreachable.retry"))) {
        c.retry_now();
    }
    ImGui::TextUnformatted(ui.fmt("console.unreachable.error", {{"error", r.last_error}}).c_str());
    ImGui::SameLine(0, ui.px(24));
    ImGui::TextDisabled("%s", ui.tr("console.unreachable.retrying").c_str());
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(min.x, min.y + h + ui.px(4)));
    ImGui::Dummy(ImVec2(0, 0));
}

void draw_notice(Ui& ui, ConsoleController& c) {
    const Notice& n = c.notice();
    if (n.empty()) {
        return;
    }
    const std::string text = notice_text(ui, n);
    const ImU32 color = n.error ? ui::staff_colors().sla_overdue : ui::staff_colors().sla_on_track;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ui.px(140));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ui.hits().record("notice", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ui.px(120));
    if (ui::push_button(ui, "notice.dismiss", ui.tr("console.dismiss"))) {
        c.clear_notice();
    }
}

void draw_sign_in(Ui& ui, ConsoleController& c) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = ui.px(640);
    ImGui::SetCursorPos(ImVec2((avail.x - w) * 0.5f, avail.y * 0.2f));
    ImGui::BeginGroup();
    {
        ui::FontScope f(ui.fonts().title);
        ImGui::TextUnformatted(ui.tr("console.title").c_str());
    }
    ImGui::Spacing();
    for (Locale l : ui::k_all_locales) {
        const std::string id = "lang." + std::string(ui::code(l));
        if (ui::push_button(ui, id, ui.tr("language." + std::string(ui::code(l))))) {
            c.set_locale(l);
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::Spacing();
    ImGui::TextUnformatted(ui.tr("console.sign_in.id").c_str());
    bool go = ui::text_input(ui, "sign_in.id", c.sign_in_id(), w);
    ImGui::TextUnformatted(ui.tr("console.sign_in.password").c_str());
    go = ui::text_input(ui, "sign_in.password", c.sign_in_password(), w, true) || go;
    ImGui::Spacing();
    ImGui::BeginDisabled(c.signing_in());
    if (ui::push_button(ui, "sign_in.submit",
                        ui.tr(c.signing_in() ? "console.sign_in.busy" : "console.sign_in.submit"),
                        ImVec2(w, ui.px(64))) ||
        go) {
        c.sign_in();
    }
    ImGui::EndDisabled();
    ImGui::Spacing();
    draw_unreachable(ui, c);
    draw_notice(ui, c);
    ImGui::EndGroup();
}

} // namespace cf::console
