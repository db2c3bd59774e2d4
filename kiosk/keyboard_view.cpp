#include "kiosk/keyboard_view.h"

#include "ui/widgets.h"

#include <array>
#include <string>

namespace cf::kiosk {

namespace {

constexpr float k_key_h = 84.0f;
constexpr float k_gap = 10.0f;
constexpr float k_bar_h = 84.0f;

constexpr std::array<std::string_view, 3> k_letter_rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

// A row of equal keys, centred, each typing its own character.
void key_row(Ui& ui, std::string_view keys, float key_w, bool upper) {
    const float gap = ui.px(k_gap);
    const float row_w = static_cast<float>(keys.size()) * (key_w + gap) - gap;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                         (ImGui::GetContentRegionAvail().x - row_w) * 0.5f);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::string text(1, keys[i]);
        if (upper && text[0] >= 'a' && text[0] <= 'z') {
            text[0] = static_cast<char>(text[0] - 'a' + 'A');
        }
        if (i > 0) {
            ImGui::SameLine(0, gap);
        }
        if (button(ui, "key." + std::string(1, keys[i]), text, ImVec2(key_w, ui.px(k_key_h)))) {
            ui.emit(act::TypeText{text});
        }
    }
}

// Keys that type a whole string (Chinese punctuation is more than one byte).
void symbol_keys(Ui& ui, std::initializer_list<std::string_view> symbols, float key_w) {
    const float gap = ui.px(k_gap);
    bool first = true;
    int i = 0;
    for (std::string_view sym : symbols) {
        if (!first) {
            ImGui::SameLine(0, gap);
        }
        first = false;
        if (button(ui, "key.sym" + std::to_string(i++), sym, ImVec2(key_w, ui.px(k_key_h)))) {
            ui.emit(act::TypeText{std::string(sym)});
        }
    }
}

void candidate_bar(Ui& ui, const KioskState& state, const FieldRules& rules,
                   const CompositionView& c) {
    const float h = ui.px(k_bar_h);
    const float gap = ui.px(k_gap);
    const bool chinese = state.keyboard.chinese && rules.chinese;
    if (chinese && !c.available) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (h - ImGui::GetFontSize()) * 0.5f),
                                            ui.theme().error, ui.tr("kbd.unavailable").c_str());
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, h));
        return;
    }
    if (!chinese || c.preedit.empty()) {
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, h));
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float page_w = ui.px(84);
    const float preedit_w = ImGui::CalcTextSize(c.preedit.c_str()).x + ui.px(24);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y + (h - ImGui::GetFontSize()) * 0.5f),
                                        ui.theme().muted, c.preedit.c_str());
    ImGui::Dummy(ImVec2(preedit_w, h));
    float used = preedit_w;
    for (std::size_t i = 0; i < c.candidates.size(); ++i) {
        const std::string label = std::to_string(i + 1) + " " + c.candidates[i];
        const float w = std::max(ui.px(96), ImGui::CalcTextSize(label.c_str()).x + ui.px(32));
        if (used + w + gap > avail - 2 * (page_w + gap)) {
            break; // the rest stays on the page for the arrows
        }
        ImGui::SameLine(0, gap);
        if (button(ui, "cand." + std::to_string(i), label, ImVec2(w, h),
                   i == 0 ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
            ui.emit(act::SelectCandidate{static_cast<int>(i)});
        }
        used += w + gap;
    }
    ImGui::SameLine(avail - 2 * page_w - gap);
    ImGui::BeginDisabled(!c.has_previous_page);
    if (button(ui, "cand.prev", ui.tr("kbd.prev_page"), ImVec2(page_w, h))) {
        ui.emit(act::CandidatePage{-1});
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, gap);
    ImGui::BeginDisabled(!c.has_next_page);
    if (button(ui, "cand.next", ui.tr("kbd.next_page"), ImVec2(page_w, h))) {
        ui.emit(act::CandidatePage{+1});
    }
    ImGui::EndDisabled();
}

void keypad(Ui& ui, const FieldRules& rules) {
    const float gap = ui.px(k_gap);
    const float key_w = ui.px(200);
    const float h = ui.px(k_key_h);
    const float row_w = 4 * key_w + 3 * gap;
    const float indent = (ImGui::GetContentRegionAvail().x - row_w) * 0.5f;
    constexpr std::array<std::string_view, 4> rows = {"123", "456", "789", "x0"};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            if (i > 0) {
                ImGui::SameLine(0, gap);
            }
            const char k = rows[r][i];
            if (k == 'x') {
                if (rules.phone_symbols) {
                    if (button(ui, "key.plus", "+", ImVec2(key_w, h))) {
                        ui.emit(act::TypeText{"+"});
                    }
                } else {
                    ImGui::Dummy(ImVec2(key_w, h));
                }
                continue;
            }
            if (button(ui, std::string("key.") + k, std::string(1, k), ImVec2(key_w, h))) {
                ui.emit(act::TypeText{std::string(1, k)});
            }
        }
        ImGui::SameLine(0, gap);
        if (r == 0 && button(ui, "key.delete", ui.tr("kbd.delete"), ImVec2(key_w, h))) {
            ui.emit(act::Backspace{});
        }
        if (r == 1 && button(ui, "key.clear", ui.tr("kbd.clear"), ImVec2(key_w, h))) {
            ui.emit(act::ClearField{});
        }
        if (r >= 2) {
            if (r == 2 && button(ui, "key.enter", ui.tr("toolbar.next"), ImVec2(key_w, 2 * h + gap),
                                 ui::ButtonKind::primary)) {
                ui.emit(act::Enter{});
            }
            if (r == 3) {
                ImGui::Dummy(ImVec2(key_w, h));
            }
        }
    }
}

} // namespace

float keyboard_height(const Ui& ui) {
    // Four rows of keys on every layout (letters, digits and symbols, the phone keypad).
    constexpr float k_rows = 4.0f;
    return ui.px(k_bar_h) + k_rows * (ui.px(k_key_h) + ui.px(k_gap)) + ui.px(k_gap) * 2;
}

void draw_keyboard(Ui& ui, const KioskState& state, const FieldRules& rules,
                   const CompositionView& composition) {
    ImGui::PushID(state.generation);
    candidate_bar(ui, state, rules, composition);
    if (rules.digits_only) {
        keypad(ui, rules);
        ImGui::PopID();
        return;
    }
    const float gap = ui.px(k_gap);
    const float key_w = (ImGui::GetContentRegionAvail().x - 11 * gap) / 12.0f;
    const bool chinese = state.keyboard.chinese && rules.chinese;
    const bool upper = rules.upper || (state.keyboard.shift && !chinese);
    if (state.keyboard.layout == KeyLayout::letters) {
        key_row(ui, k_letter_rows[0], key_w, upper);
        key_row(ui, k_letter_rows[1], key_w, upper);
        key_row(ui, k_letter_rows[2], key_w, upper);
    } else {
        key_row(ui, "1234567890", key_w, false);
        if (rules.upper) {
            key_row(ui, "-", key_w, false);
            ImGui::Dummy(ImVec2(1, ui.px(k_key_h)));
        } else if (chinese) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + key_w);
            symbol_keys(ui, {"，", "。", "？", "！", "、", "：", "；", "（", "）"}, key_w);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + key_w * 2);
            symbol_keys(ui, {"“", "”", "—", "…", "%", "@", "#", "/"}, key_w);
        } else {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + key_w);
            symbol_keys(ui, {",", ".", "?", "!", "'", ":", ";", "(", ")"}, key_w);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + key_w * 2);
            symbol_keys(ui, {"\"", "-", "&", "%", "@", "#", "/", "*"}, key_w);
        }
    }
    // Bottom row: mode, layout, shift, space, delete, enter.
    const float h = ui.px(k_key_h);
    if (rules.chinese) {
        if (button(ui, "key.mode", chinese ? ui.tr("kbd.mode_zh") : ui.tr("kbd.mode_en"),
                   ImVec2(key_w * 1.2f, h),
                   chinese ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
            ui.emit(act::ToggleChinese{});
        }
        ImGui::SameLine(0, gap);
    }
    if (button(ui, "key.layout",
               state.keyboard.layout == KeyLayout::letters ? ui.tr("kbd.numbers")
                                                           : ui.tr("kbd.letters"),
               ImVec2(key_w * 1.5f, h))) {
        ui.emit(act::ToggleLayout{});
    }
    ImGui::SameLine(0, gap);
    if (!rules.upper && !chinese && state.keyboard.layout == KeyLayout::letters) {
        if (button(ui, "key.shift", ui.tr("kbd.shift"), ImVec2(key_w * 1.3f, h),
                   state.keyboard.shift ? ui::ButtonKind::selected : ui::ButtonKind::normal)) {
            ui.emit(act::ToggleShift{});
        }
        ImGui::SameLine(0, gap);
    }
    const float rest = ImGui::GetContentRegionAvail().x;
    const float side = key_w * 1.6f;
    if (button(ui, "key.space", ui.tr("kbd.space"), ImVec2(rest - 2 * side - 2 * gap, h))) {
        ui.emit(act::Space{});
    }
    ImGui::SameLine(0, gap);
    if (button(ui, "key.delete", ui.tr("kbd.delete"), ImVec2(side, h))) {
        ui.emit(act::Backspace{});
    }
    ImGui::SameLine(0, gap);
    const bool newline = rules.multiline && composition.preedit.empty();
    if (button(ui, "key.enter", newline ? ui.tr("kbd.enter") : ui.tr("toolbar.next"),
               ImVec2(side, h), newline ? ui::ButtonKind::normal : ui::ButtonKind::primary)) {
        ui.emit(act::Enter{});
    }
    ImGui::PopID();
}

} // namespace cf::kiosk
