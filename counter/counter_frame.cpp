#include "counter/counter_frame.h"

#include "counter/stats_view.h"
#include "counter/views.h"
#include "ui/pinyin_panel.h"
#include "ui/theme.h"

#include <algorithm>

namespace cf::counter {

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

std::optional<double> CounterFrame::next_deadline_s() const {
    const std::optional<core::Millis> at = m_controller.next_deadline();
    if (!at) {
        return std::nullopt;
    }
    return std::max<double>(0.0, static_cast<double>(*at - m_controller.now()) / 1000.0);
}

// Ticket text comes from the database and other branches' staff: the atlas may lack glyphs.
// Each text is reported once when it appears (adding text to the glyph set is not free).
void CounterFrame::report_shown_text() {
    if (!m_hooks.shown_text) {
        return;
    }
    if (const auto& d = m_controller.detail()) {
        const std::string key = d->ticket.id + "/" + std::to_string(d->events.size()) + "/" +
                                (d->contact_shown ? "shown" : "masked");
        if (key != m_reported_detail) {
            m_reported_detail = key;
            const core::Ticket& t = d->ticket;
            for (const std::string* s :
                 {&t.description, &t.demand, &t.resolution, &t.feedback, &t.customer.name,
                  &t.expected_time, &t.occurred_place, &t.return_reason, &t.tried_how}) {
                m_hooks.shown_text(*s);
            }
            for (const core::Event& e : d->events) {
                if (e.payload.is_object()) {
                    for (const auto& [name, value] : e.payload.items()) {
                        if (value.is_string()) {
                            m_hooks.shown_text(value.get_ref<const std::string&>());
                        }
                    }
                }
            }
        }
    }
    // Typing changes only the field being typed in.
    const ui::TextTargets& targets = ui::text_targets();
    if (const auto it = targets.buffers.find(targets.last_active); it != targets.buffers.end()) {
        m_hooks.shown_text(*it->second);
    }
    if (m_composer != nullptr && m_controller.pinyin_panel()) {
        for (const std::string& c : m_composer->candidates()) {
            m_hooks.shown_text(c);
        }
    }
}

void CounterFrame::draw() {
    ImGuiIO& io = ImGui::GetIO();
    if (any_input(io)) {
        m_controller.touch();
    }
    const int changes_before = m_controller.tickets_changed();
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
    ImGui::Begin("counter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const Screen screen = m_controller.screen();
    if (screen == Screen::sign_in) {
        draw_sign_in(ui, m_controller);
    } else {
        draw_top_bar(ui, m_controller);
        if (screen != Screen::entry || !m_controller.notice().error) {
            draw_notice(ui, m_controller);
        }
        const float strip_h = ImGui::GetFrameHeightWithSpacing() + ui.px(16);
        const float panel_h =
            m_composer != nullptr && m_controller.pinyin_panel() ? ui.px(330) : 0.0f;
        ImGui::BeginChild("content", ImVec2(0, -(strip_h + panel_h)), false);
        switch (screen) {
        case Screen::queue:
            draw_queue(ui, m_controller);
            break;
        case Screen::entry:
            if (m_controller.notice().error) {
                draw_notice(ui, m_controller);
            }
            draw_entry(ui, m_controller);
            break;
        case Screen::acknowledgement:
            draw_acknowledgement(ui, m_controller);
            break;
        case Screen::detail:
            draw_detail(ui, m_controller);
            break;
        case Screen::search:
            draw_search(ui, m_controller);
            break;
        case Screen::stats:
            draw_stats(ui, m_controller.stats(), m_controller.now(),
                       m_controller.utc_offset_minutes());
            break;
        case Screen::dead_letters:
            draw_dead_letters(ui, m_controller);
            break;
        case Screen::sign_in:
            break;
        }
        ImGui::EndChild();
        if (panel_h > 0.0f) {
            draw_pinyin_panel(ui, *m_composer);
        }
        if (m_controller.signed_in()) {
            draw_sync_strip(ui, m_controller,
                            m_hooks.sync_status ? m_hooks.sync_status() : std::nullopt);
        }
    }
    ImGui::End();
    report_shown_text();
    if (m_controller.tickets_changed() != changes_before && m_hooks.changed) {
        m_hooks.changed();
    }
}

} // namespace cf::counter
