// The on-screen pinyin keyboard for counters without a system input method: letters compose
// in librime, a candidate (or space for the first) is written into the text field last typed
// in, at its end.

#include "ui/pinyin_panel.h"

#include "ui/staff_widgets.h"

#include <array>

namespace cf::ui {

namespace {

void erase_last_character(std::string& text) {
    while (!text.empty()) {
        const unsigned char c = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((c & 0xC0) != 0x80) {
            break; // removed the first byte of a UTF-8 sequence
        }
    }
}

} // namespace

void draw_pinyin_panel(Ui& ui, Composer& composer) {
    TextTargets& targets = text_targets();
    const auto target = targets.buffers.find(targets.last_active);
    std::string* buffer = target == targets.buffers.end() ? nullptr : target->second;
    composer.set_traditional(ui.locale() == Locale::zh_hant);

    ImGui::Separator();
    if (!composer.available()) {
        ImGui::TextUnformatted(
            ui.fmt("counter.pinyin.unavailable", {{"error", composer.unavailable_reason()}})
                .c_str());
        return;
    }
    if (buffer == nullptr) {
        ImGui::TextDisabled("%s", ui.tr("counter.pinyin.no_field").c_str());
    }
    // Candidate bar.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(composer.preedit().empty() ? " " : composer.preedit().c_str());
    const std::vector<std::string> candidates = composer.candidates();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        ImGui::SameLine();
        if (push_button(ui, "cand." + std::to_string(i), candidates[i])) {
            composer.select(static_cast<int>(i));
        }
    }
    if (composer.has_previous_page()) {
        ImGui::SameLine();
        if (push_button(ui, "cand.previous", "<")) {
            composer.page(-1);
        }
    }
    if (composer.has_next_page()) {
        ImGui::SameLine();
        if (push_button(ui, "cand.next", ">")) {
            composer.page(1);
        }
    }
    // Keys.
    static constexpr std::array<std::string_view, 3> k_rows = {"qwertyuiop", "asdfghjkl",
                                                               "zxcvbnm"};
    const ImVec2 key(ui.px(72), ui.px(56));
    for (std::size_t r = 0; r < k_rows.size(); ++r) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + static_cast<float>(r) * key.x * 0.5f);
        for (char letter : k_rows[r]) {
            if (push_button(ui, std::string("key.") + letter, std::string(1, letter), key)) {
                composer.press_letter(letter);
            }
            ImGui::SameLine();
        }
        if (r == 2) {
            if (push_button(ui, "key.backspace", ui.tr("counter.pinyin.delete"),
                            ImVec2(key.x * 2, key.y)) &&
                !composer.backspace() && buffer != nullptr) {
                erase_last_character(*buffer);
            }
            ImGui::SameLine();
        }
        ImGui::NewLine();
    }
    if (push_button(ui, "key.space", ui.tr("counter.pinyin.space"), ImVec2(key.x * 6, key.y))) {
        if (composer.composing()) {
            composer.commit_first();
        } else if (buffer != nullptr) {
            *buffer += ' ';
        }
    }
    ImGui::SameLine();
    if (push_button(ui, "key.enter", ui.tr("counter.pinyin.letters"), ImVec2(key.x * 3, key.y))) {
        composer.commit_letters();
    }
    const std::string committed = composer.take_commit();
    if (!committed.empty() && buffer != nullptr) {
        *buffer += committed;
    }
}

} // namespace cf::ui
