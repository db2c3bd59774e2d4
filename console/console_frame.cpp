#include "console/console_frame.h"

#include "console/views.h"
#include "ui/theme.h"

#include <algorithm>

namespace cf::console {

namespace {

bool any_input(const ImGuiIO& io) {
    if (!io.InputQueueCharacters.empty() || io.MouseWheel != 0.0f) {
        return true;
    }
    for (bool down : io.MouseDown) {
        if (down) {
            return true;
        }
    }
    for (bool down : io.KeysDown) {
        if (down) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<double> ConsoleFrame::next_deadline_s() const {
    const std::optional<core::Millis> at = m_controller.next_deadline();
    if (!at) {
        return std::nullopt;
    }
    return std::max<double>(0.0, static_cast<double>(*at - m_controller.now()) / 1000.0);
}

// Text from the center (other branches' staff and customers) may need glyphs the atlas lacks;
// each answer's text is reported once.
void ConsoleFrame::report_shown_text() {
    if (!m_hooks.shown_text) {
        return;
    }
    const std::vector<sync::QueueRow>& rows = m_controller.rows();
    if (rows.data() != m_reported_rows || rows.size() != m_reported_rows_size) {
        m_reported_rows = rows.data();
        m_reported_rows_size = rows.size();
        for (const sync::QueueRow& r : rows) {
            m_hooks.shown_text(r.customer);
            m_hooks.shown_text(r.branch);
        }
    }
    if (const auto& d = m_controller.detail()) {
        const std::string key = d->ticket.number + "/" + std::to_string(d->timeline.size()) + "/" +
                                std::to_string(d->ticket.updated_at);
        if (key != m_reported_detail) {
            m_reported_detail = key;
            const core::Ticket& t = d->ticket;
            for (const std::string* s : {&t.description, &t.demand, &t.resolution, &t.feedback,
                                         &t.customer.name, &t.expected_time, &t.return_reason}) {
                m_hooks.shown_text(*s);
            }
            for (const sync::TimelineEntry& e : d->timeline) {
                m_hooks.shown_text(e.actor);
                if (e.payload.is_object() && e.kind != "create") {
                    for (const auto& [name, value] : e.payload.items()) {
                        if (value.is_string()) {
                            m_hooks.shown_text(value.get_ref<const std::string&>());
                        }
                    }
                }
            }
        }
    }
    const ui::TextTargets& targets = ui::text_targets();
    if (const auto it = targets.buffers.find(targets.last_active); it != targets.buffers.end()) {
        m_hooks.shown_text(*it->second);
    }
}

void ConsoleFrame::draw() {
    ImGuiIO& io = ImGui::GetIO();
    if (any_input(io)) {
        m_controller.touch();
    }
    const Locale locale = m_controller.locale();
    const ui::UiFonts fonts = m_hooks.fonts ? m_hooks.fonts(locale) : ui::UiFonts{};
    m_hits.clear();
    ui::text_targets().buffers.clear();
    const float scale = scale_for(io.DisplaySize.y);
    if (scale != m_style_scale) {
        ui::apply_staff_style(scale);
        m_style_scale = scale;
    }
    Ui ui(m_controller.catalog().ui, locale, fonts, ui::theme_for(false), scale, m_hits);

    ui::FontScope body(fonts.body);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("console", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const Screen screen = m_controller.screen();
    if (screen == Screen::sign_in) {
        draw_sign_in(ui, m_controller);
    } else {
        draw_top_bar(ui, m_controller);
        draw_unreachable(ui, m_controller);
        draw_notice(ui, m_controller);
        ImGui::BeginChild("content", ImVec2(0, 0), false);
        switch (m_controller.screen()) {
        case Screen::queue:
            draw_queue(ui, m_controller);
            break;
        case Screen::detail:
            draw_detail(ui, m_controller);
            break;
        case Screen::dashboard:
            draw_dashboard(ui, m_controller, m_hooks.export_path);
            break;
        case Screen::reports:
            draw_reports(ui, m_controller, m_hooks.export_path);
            break;
        case Screen::sign_in:
            break;
        }
        ImGui::EndChild();
    }
    ImGui::End();
    report_shown_text();
}

} // namespace cf::console
