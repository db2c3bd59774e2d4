#pragma once
// Touch widgets drawn with ImDrawList: large buttons and tiles with visible pressed feedback,
// text boxes that the on-screen keyboard fills, check boxes and a drag-to-scroll area. Every
// widget takes a stable id, records where it was drawn (HitRegistry) and returns true on the
// frame it was tapped. A tap that turned into a drag (scrolling) is not a tap.

#include "ui/ui.h"

#include <imgui.h>

#include <string_view>

namespace cf::ui {

enum class ButtonKind { normal, primary, selected, quiet };

bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size,
            ButtonKind kind = ButtonKind::normal, ImFont* font = nullptr);

// A tile with a title and a smaller hint line underneath.
bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view hint, ImVec2 size,
          bool selected = false);

// A framed box showing `text` (or the placeholder when empty) with a caret when focused.
// Returns true when tapped.
bool text_box(Ui& ui, std::string_view id, std::string_view text, std::string_view placeholder,
              ImVec2 size, bool focused, bool secret = false, bool multiline = false);

bool check_box(Ui& ui, std::string_view id, std::string_view label, bool checked, float width);

// Wrapped text in the theme's colour (or `color` when not 0).
void paragraph(Ui& ui, std::string_view text, ImFont* font = nullptr, ImU32 color = 0,
               float wrap_width = 0.0f);
// Text centred horizontally in the current window.
void centered(Ui& ui, std::string_view text, ImFont* font = nullptr, ImU32 color = 0);

// A child region that scrolls by dragging anywhere in it, as on a phone.
bool begin_scroll_area(std::string_view id, ImVec2 size);
void end_scroll_area();

// Whether the current press has moved far enough to count as a drag, not a tap.
bool touch_is_drag();

} // namespace cf::ui
