#pragma once
// The staff screens' toolkit (counter and console): their colours and style on top of the
// theme, and helpers that give standard ImGui widgets stable ids in the hit registry, so the UI
// harness can click them like a person would.

#include "ui/ui.h"

#include <imgui.h>

#include <map>
#include <string>
#include <string_view>

namespace cf::ui {

// Colours for the staff screens on top of the theme. SLA states always come with a text
// label too (never colour alone).
struct StaffColors {
    ImU32 sla_on_track;
    ImU32 sla_warning;
    ImU32 sla_overdue;
    ImU32 online;
    ImU32 offline;
    ImU32 strip;
    ImU32 chart[6]; // series colours, distinguishable in grey too (light to dark)
};
const StaffColors& staff_colors();

// The staff screens' ImGui style: light, as an office screen, with roomier frames than
// ImGui's default so that mouse and touch both hit.
void apply_staff_style(float scale);

// Records the last ImGui item under `id` (for the harness) and returns whether it was clicked.
bool track(Ui& ui, std::string_view id);

// A standard button with a stable id; the label may change with the locale.
bool push_button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size = ImVec2(0, 0));

// A single-line text input bound to `text`. Returns true when Enter was pressed in it.
bool text_input(Ui& ui, std::string_view id, std::string& text, float width, bool secret = false,
                bool digits_only = false);
// A multi-line text input bound to `text`.
void text_area(Ui& ui, std::string_view id, std::string& text, ImVec2 size);

// A business calendar near the end of its lists (days_left >= 0, in the warning colour) or past
// it (in the overdue colour): one wrapped line, recorded under `id`.
void calendar_notice(Ui& ui, std::string_view id, const std::string& text, int days_left);

// "id##id" label for ImGui widgets whose visible text changes with the locale.
std::string imgui_label(std::string_view visible, std::string_view id);

} // namespace cf::ui

namespace cf::ui {

// The text fields drawn this frame, by id, and the one last typed in: the on-screen pinyin
// keyboard writes into it. The frame clears the buffers before drawing; pointers are only used
// within the frame that registered them.
struct TextTargets {
    std::map<std::string, std::string*, std::less<>> buffers;
    std::string last_active;
    bool multiline_active = false; // Enter then makes a new line, not "save"
};
TextTargets& text_targets();

} // namespace cf::ui
