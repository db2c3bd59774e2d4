// The top bar, the notice line and the sync strip that every staff screen shares.

#include "counter/views.h"
#include "ui/staff_text.h"

namespace cf::counter {

namespace {

struct NavItem {
    const char* id;
    const char* key;
    Screen screen;
};
constexpr NavItem k_nav[] = {
    {"nav.queue", "counter.nav.queue", Screen::queue},
    {"nav.entry", "counter.nav.entry", Screen::entry},
    {"nav.search", "counter.nav.search", Screen::search},
    {"nav.stats", "counter.nav.stats", Screen::stats},
};

std::string age_text(const Ui& ui, core::Millis at, core::Millis now) {
    if (at <= 0) {
        return ui.tr("counter.sync.never");
    }
    return ui.fmt("counter.sync.ago", {{"time", duration_text(ui, now - at)}});
}

} // namespace

void draw_top_bar(Ui& ui, CounterController& c) {
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.title").c_str());
    }
    ImGui::SameLine(0, ui.px(40));
    for (const NavItem& n : k_nav) {
        const bool current = c.screen() == n.screen;
        if (current) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        }
        if (push_button(ui, n.id, ui.tr(n.key), ImVec2(0, ui.px(52)))) {
            c.go(n.screen);
        }
        if (current) {
            ImGui::PopStyleColor();
        }
        ImGui::SameLine();
    }
    // Right side: language, who is signed in, sign out.
    const float right = ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine(right - ui.px(760));
    for (Locale l : ui::k_all_locales) {
        const std::string id = "lang." + std::string(ui::code(l));
        if (push_button(ui, id, ui.tr("language." + std::string(ui::code(l))),
                        ImVec2(0, ui.px(52)))) {
            c.set_locale(l);
        }
        ImGui::SameLine();
    }
    const core::StaffMember& m = c.member();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        ui.fmt("counter.signed_in_as",
               {{"name", m.name},
                {"role", ui.tr("counter.role." + std::string(core::to_string(m.role)))}})
            .c_str());
    ImGui::SameLine();
    if (push_button(ui, "nav.sign_out", ui.tr("counter.sign_out"), ImVec2(0, ui.px(52)))) {
        c.sign_out();
    }
    ImGui::Separator();
}

void draw_notice(Ui& ui, CounterController& c) {
    const Notice& n = c.notice();
    if (n.empty()) {
        return;
    }
    std::string text = ui.tr(n.key);
    for (const auto& [name, value] : n.args) {
        const std::string token = "{" + name + "}";
        for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token)) {
            text.replace(at, token.size(), value);
        }
    }
    for (const auto& [name, key] : n.key_args) {
        const std::string token = "{" + name + "}";
        for (std::size_t at = text.find(token); at != std::string::npos; at = text.find(token)) {
            text.replace(at, token.size(), ui.tr(key));
        }
    }
    const ImU32 color = n.error ? ui::staff_colors().sla_overdue : ui::staff_colors().sla_on_track;
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - ui.px(140));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ui.px(120));
    if (push_button(ui, "notice.dismiss", ui.tr("counter.dismiss"))) {
        c.clear_notice();
    }
}

void draw_sync_strip(Ui& ui, CounterController& c, const std::optional<sync::SyncStatus>& s) {
    ImGui::Separator();
    const ui::StaffColors& colors = ui::staff_colors();
    if (!s || !s->enrolled) {
        ImGui::TextUnformatted(ui.tr("counter.sync.not_enrolled").c_str());
        return;
    }
    const core::Millis now = c.now();
    ImGui::PushStyleColor(ImGuiCol_Text, s->online ? colors.online : colors.offline);
    ImGui::TextUnformatted(ui.tr(s->syncing
                                     ? "counter.sync.syncing"
                                     : (s->online ? "counter.sync.online" : "counter.sync.offline"))
                               .c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ui.px(32));
    ImGui::TextUnformatted(
        ui.fmt("counter.sync.pending", {{"n", std::to_string(s->pending)}}).c_str());
    if (s->oldest_pending_age_s) {
        ImGui::SameLine(0, ui.px(32));
        ImGui::TextUnformatted(
            ui.fmt("counter.sync.oldest",
                   {{"time", duration_text(ui, *s->oldest_pending_age_s * core::k_second)}})
                .c_str());
    }
    ImGui::SameLine(0, ui.px(32));
    ImGui::TextUnformatted(
        ui.fmt("counter.sync.last_success", {{"time", age_text(ui, s->last_success, now)}})
            .c_str());
    if (!s->last_error.empty()) {
        ImGui::SameLine(0, ui.px(32));
        ImGui::PushStyleColor(ImGuiCol_Text, colors.offline);
        ImGui::TextUnformatted(
            ui.fmt("counter.sync.last_error", {{"error", s->last_error}}).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::SameLine(0, ui.px(32));
    if (s->dead_letters > 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, colors.offline);
    }
    if (push_button(
            ui, "sync.dead_letters",
            ui.fmt("counter.sync.dead_letters", {{"n", std::to_string(s->dead_letters)}}))) {
        c.go(Screen::dead_letters);
    }
    if (s->dead_letters > 0) {
        ImGui::PopStyleColor();
    }
}

void draw_dead_letters(Ui& ui, CounterController& c) {
    {
        ui::FontScope f(ui.fonts().heading);
        ImGui::TextUnformatted(ui.tr("counter.dead.title").c_str());
    }
    ImGui::TextWrapped("%s", ui.tr("counter.dead.explain").c_str());
    if (c.dead_letters().empty()) {
        ImGui::TextUnformatted(ui.tr("counter.dead.none").c_str());
        return;
    }
    if (ImGui::BeginTable(
            "dead", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupColumn(ui.tr("counter.dead.when").c_str());
        ImGui::TableSetupColumn(ui.tr("counter.dead.event").c_str());
        ImGui::TableSetupColumn(ui.tr("counter.dead.status").c_str());
        ImGui::TableSetupColumn(ui.tr("counter.dead.reason").c_str(),
                                ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableHeadersRow();
        for (const core::DeadLetter& d : c.dead_letters()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(
                ui::local_time_text(d.failed_at, c.utc_offset_minutes()).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("#%lld", static_cast<long long>(d.device_seq));
            ImGui::TableNextColumn();
            ImGui::Text("%d", d.status);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", d.error.c_str());
        }
        ImGui::EndTable();
    }
}

} // namespace cf::counter
