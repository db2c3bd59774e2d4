#include "ui/widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <string>

namespace cf::ui {

namespace {

// Draws `text` centred in [min, max], wrapped to the width.
void label_in(ImDrawList* dl, ImVec2 min, ImVec2 max, std::string_view text, ImU32 color,
              ImFont* font) {
    ImFont* f = font != nullptr ? font : ImGui::GetFont();
    const float size = font != nullptr ? font->FontSize : ImGui::GetFontSize();
    const float wrap = max.x - min.x - size * 0.6f;
    const char* begin = text.data();
    const char* end = text.data() + text.size();
    const ImVec2 extent = f->CalcTextSizeA(size, FLT_MAX, wrap, begin, end);
    const ImVec2 at((min.x + max.x - extent.x) * 0.5f, (min.y + max.y - extent.y) * 0.5f);
    // Wrapped lines are left-aligned by ImGui; centring each line reads better on tiles.
    const char* line = begin;
    float y = at.y;
    while (line < end) {
        const char* line_end = f->CalcWordWrapPositionA(size / f->FontSize, line, end, wrap);
        if (line_end == line) {
            line_end = line + 1;
        }
        const char* nl = static_cast<const char*>(
            std::memchr(line, '\n', static_cast<std::size_t>(line_end - line)));
        if (nl != nullptr) {
            line_end = nl;
        }
        const float w = f->CalcTextSizeA(size, FLT_MAX, 0.0f, line, line_end).x;
        dl->AddText(f, size, ImVec2((min.x + max.x - w) * 0.5f, y), color, line, line_end);
        y += size * 1.15f;
        line = line_end;
        while (line < end && (*line == ' ' || *line == '\n')) {
            ++line;
        }
    }
}

// An invisible button that records its rectangle; true on the release of a tap.
bool hit(Ui& ui, std::string_view id, ImVec2 size, bool* held) {
    const std::string sid(id);
    const bool pressed = ImGui::InvisibleButton(sid.c_str(), size);
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    *held = ImGui::IsItemActive() && !touch_is_drag();
    return pressed && !touch_is_drag();
}

} // namespace

bool touch_is_drag() {
    // About a finger's width: smaller movements are shaky taps.
    return ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, 24.0f);
}

bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size, ButtonKind kind,
            ImFont* font) {
    bool held = false;
    const bool tapped = hit(ui, id, size, &held);
    const Theme& t = ui.theme();
    ImU32 fill = t.button;
    ImU32 text = t.button_text;
    switch (kind) {
    case ButtonKind::primary:
        fill = held ? t.primary_pressed : t.primary;
        text = held ? t.button_text : t.primary_text;
        break;
    case ButtonKind::selected:
        fill = held ? t.button_pressed : t.selected;
        text = held ? t.button_text : t.selected_text;
        break;
    case ButtonKind::quiet:
    case ButtonKind::normal:
        fill = held ? t.button_pressed : t.button;
        break;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    // Pressed feedback a finger cannot hide: the button sinks by a few pixels.
    const ImVec2 shift = held ? ImVec2(0, ui.px(3)) : ImVec2(0, 0);
    if (kind != ButtonKind::quiet || held) {
        dl->AddRectFilled(ImVec2(min.x + shift.x, min.y + shift.y), ImVec2(max.x, max.y + shift.y),
                          fill, t.rounding);
    }
    if (kind != ButtonKind::primary) {
        dl->AddRect(ImVec2(min.x, min.y + shift.y), ImVec2(max.x, max.y + shift.y), t.border,
                    t.rounding, 0, t.border_px);
    }
    label_in(dl, ImVec2(min.x, min.y + shift.y), ImVec2(max.x, max.y + shift.y), label, text, font);
    return tapped;
}

bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view hint, ImVec2 size,
          bool selected) {
    bool held = false;
    const bool tapped = hit(ui, id, size, &held);
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const ImU32 fill = held ? t.button_pressed : (selected ? t.selected : t.button);
    const ImU32 text = (selected && !held) ? t.selected_text : t.button_text;
    dl->AddRectFilled(min, max, fill, t.rounding);
    dl->AddRect(min, max, selected ? t.primary : t.border, t.rounding, 0,
                t.border_px * (selected ? 2.0f : 1.0f));
    ImFont* heading = ui.fonts().heading;
    if (hint.empty()) {
        label_in(dl, min, max, title, text, heading);
        return tapped;
    }
    const float split = min.y + (max.y - min.y) * 0.58f;
    label_in(dl, min, ImVec2(max.x, split), title, text, heading);
    label_in(dl, ImVec2(min.x, split - ui.px(6)), ImVec2(max.x, max.y - ui.px(10)), hint,
             (selected && !held) ? t.selected_text : t.muted, ui.fonts().body);
    return tapped;
}

bool text_box(Ui& ui, std::string_view id, std::string_view text, std::string_view placeholder,
              ImVec2 size, bool focused, bool secret, bool multiline) {
    bool held = false;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool tapped = hit(ui, id, size, &held);
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + size.x, origin.y + size.y);
    dl->AddRectFilled(origin, max, t.field, t.rounding);
    dl->AddRect(origin, max, focused ? t.field_focus : t.border, t.rounding, 0,
                t.border_px * (focused ? 2.0f : 1.0f));

    std::string shown;
    if (secret) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            shown += "*";
        }
    } else {
        shown = std::string(text);
    }
    const float pad = ui.px(16);
    const float font_size = ImGui::GetFontSize();
    const float wrap = size.x - 2 * pad;
    ImFont* font = ImGui::GetFont();
    const bool empty = shown.empty();
    const std::string& body = empty ? std::string(placeholder) : shown;
    ImVec2 extent = font->CalcTextSizeA(font_size, FLT_MAX, multiline ? wrap : 0.0f, body.data(),
                                        body.data() + body.size());
    // A long single line shows its end, where the caret is; a long text scrolls to the end.
    float x = origin.x + pad;
    float y = multiline ? origin.y + pad : origin.y + (size.y - font_size) * 0.5f;
    if (!multiline && extent.x > wrap) {
        x -= extent.x - wrap;
    }
    if (multiline && extent.y > size.y - 2 * pad) {
        y -= extent.y - (size.y - 2 * pad);
    }
    dl->PushClipRect(ImVec2(origin.x + ui.px(4), origin.y + ui.px(4)),
                     ImVec2(max.x - ui.px(4), max.y - ui.px(4)), true);
    dl->AddText(font, font_size, ImVec2(x, y), empty ? t.muted : t.text, body.data(),
                body.data() + body.size(), multiline ? wrap : 0.0f);
    if (focused) {
        // The caret sits after the last character: the keyboard only appends and deletes.
        ImVec2 caret(x, y);
        if (!empty) {
            const char* last_line = shown.data();
            if (multiline) {
                // Find the caret on the last wrapped line.
                const char* s = shown.data();
                const char* e = shown.data() + shown.size();
                float line_y = y;
                while (s < e) {
                    const char* line_end =
                        font->CalcWordWrapPositionA(font_size / font->FontSize, s, e, wrap);
                    if (line_end == s) {
                        line_end = s + 1;
                    }
                    const char* nl = static_cast<const char*>(
                        std::memchr(s, '\n', static_cast<std::size_t>(line_end - s)));
                    if (nl != nullptr) {
                        line_end = nl + 1;
                    }
                    last_line = s;
                    if (line_end >= e) {
                        caret.y = line_y;
                        if (nl != nullptr) {
                            last_line = e;
                            caret.y = line_y + font_size;
                        }
                        break;
                    }
                    s = line_end;
                    line_y += font_size;
                }
            }
            caret.x = x + font->CalcTextSizeA(font_size, FLT_MAX, 0.0f, last_line,
                                              shown.data() + shown.size())
                              .x;
        }
        dl->AddRectFilled(ImVec2(caret.x + 2, caret.y),
                          ImVec2(caret.x + 2 + ui.px(3), caret.y + font_size), t.field_focus);
    }
    dl->PopClipRect();
    return tapped;
}

bool check_box(Ui& ui, std::string_view id, std::string_view label, bool checked, float width) {
    const float box = ui.px(56);
    const ImFont* font = ImGui::GetFont();
    const float text_w = width - box - ui.px(24);
    const ImVec2 text_size = font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, text_w,
                                                 label.data(), label.data() + label.size());
    const float h = std::max(ui.px(80), text_size.y + ui.px(24));
    bool held = false;
    const bool tapped = hit(ui, id, ImVec2(width, h), &held);
    const Theme& t = ui.theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 bmin(min.x, min.y + (h - box) * 0.5f);
    const ImVec2 bmax(bmin.x + box, bmin.y + box);
    dl->AddRectFilled(bmin, bmax, held ? t.button_pressed : (checked ? t.selected : t.field),
                      t.rounding * 0.5f);
    dl->AddRect(bmin, bmax, checked ? t.primary : t.border, t.rounding * 0.5f, 0,
                t.border_px * 1.5f);
    if (checked) {
        const ImVec2 a(bmin.x + box * 0.22f, bmin.y + box * 0.52f);
        const ImVec2 b(bmin.x + box * 0.42f, bmin.y + box * 0.72f);
        const ImVec2 c(bmin.x + box * 0.78f, bmin.y + box * 0.30f);
        dl->AddLine(a, b, t.selected_text, ui.px(6));
        dl->AddLine(b, c, t.selected_text, ui.px(6));
    }
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(bmax.x + ui.px(24), min.y + (h - text_size.y) * 0.5f), t.text, label.data(),
                label.data() + label.size(), text_w);
    return tapped;
}

void paragraph(Ui& ui, std::string_view text, ImFont* font, ImU32 color, float wrap_width) {
    FontScope scope(font);
    const float wrap = wrap_width > 0 ? wrap_width : ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap,
                                                        text.data(), text.data() + text.size());
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                        color != 0 ? color : ui.theme().text, text.data(),
                                        text.data() + text.size(), wrap);
    ImGui::Dummy(ImVec2(wrap, size.y));
}

void centered(Ui& ui, std::string_view text, ImFont* font, ImU32 color) {
    FontScope scope(font);
    const float avail = ImGui::GetContentRegionAvail().x;
    const ImVec2 size = ImGui::GetFont()->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, avail,
                                                        text.data(), text.data() + text.size());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - size.x) * 0.5f));
    paragraph(ui, text, nullptr, color, std::min(avail, size.x + 1.0f));
}

bool begin_scroll_area(std::string_view id, ImVec2 size) {
    const std::string sid(id);
    const bool open =
        ImGui::BeginChild(sid.c_str(), size, false,
                          ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 24.0f)) {
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
    }
    if (ImGui::IsWindowHovered() && ImGui::GetIO().MouseWheel != 0.0f) {
        ImGui::SetScrollY(ImGui::GetScrollY() -
                          ImGui::GetIO().MouseWheel * ImGui::GetFontSize() * 3);
    }
    return open;
}

void end_scroll_area() {
    ImGui::EndChild();
}

} // namespace cf::ui
