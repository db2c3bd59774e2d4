#include "ui/staff_widgets.h"

namespace cf::ui {

namespace {

// Grows the std::string behind an InputText as ImGui asks (imgui_stdlib is not packaged).
int resize_string(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* text = static_cast<std::string*>(data->UserData);
        text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = text->data();
    }
    return 0;
}

} // namespace

TextTargets& text_targets() {
    static TextTargets targets;
    return targets;
}

namespace {

void register_target(std::string_view id, std::string& text, bool multiline) {
    TextTargets& t = text_targets();
    t.buffers[std::string(id)] = &text;
    if (ImGui::IsItemActive()) {
        t.last_active = std::string(id);
        t.multiline_active = multiline;
    }
}

} // namespace

const StaffColors& staff_colors() {
    static const StaffColors colors{
        .sla_on_track = IM_COL32(28, 120, 60, 255),
        .sla_warning = IM_COL32(176, 112, 0, 255),
        .sla_overdue = IM_COL32(190, 30, 30, 255),
        .online = IM_COL32(28, 120, 60, 255),
        .offline = IM_COL32(190, 30, 30, 255),
        .strip = IM_COL32(226, 232, 240, 255),
        .chart = {IM_COL32(147, 197, 253, 255), IM_COL32(59, 130, 246, 255),
                  IM_COL32(29, 78, 216, 255), IM_COL32(30, 58, 138, 255),
                  IM_COL32(251, 146, 60, 255), IM_COL32(194, 65, 12, 255)},
    };
    return colors;
}

void apply_staff_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.FrameRounding = 4;
    style.ChildRounding = 4;
    style.GrabRounding = 4;
    style.ScrollbarSize = 18;
    style.FrameBorderSize = 1; // fields and radio buttons stand out on white panels
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1.0f);
    style.Colors[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.38f, 0.42f, 1.0f);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.96f, 0.97f, 1.0f);
    style.Colors[ImGuiCol_Border] = ImVec4(0.55f, 0.58f, 0.62f, 0.8f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

std::string imgui_label(std::string_view visible, std::string_view id) {
    std::string label(visible);
    label += "##";
    label += id;
    return label;
}

bool track(Ui& ui, std::string_view id) {
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return ImGui::IsItemClicked(ImGuiMouseButton_Left) || ImGui::IsItemDeactivated();
}

void calendar_notice(Ui& ui, std::string_view id, const std::string& text, int days_left) {
    ImGui::PushStyleColor(ImGuiCol_Text,
                          days_left < 0 ? staff_colors().sla_overdue : staff_colors().sla_warning);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

bool push_button(Ui& ui, std::string_view id, std::string_view label, ImVec2 size) {
    const bool pressed = ImGui::Button(imgui_label(label, id).c_str(), size);
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return pressed;
}

bool text_input(Ui& ui, std::string_view id, std::string& text, float width, bool secret,
                bool digits_only) {
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize;
    if (secret) {
        flags |= ImGuiInputTextFlags_Password;
    }
    if (digits_only) {
        flags |= ImGuiInputTextFlags_CharsDecimal;
    }
    ImGui::SetNextItemWidth(width);
    const std::string label = "##" + std::string(id);
    ImGui::InputText(label.c_str(), text.data(), text.capacity() + 1, flags, resize_string, &text);
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (!secret) {
        register_target(id, text, false);
    }
    return ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter));
}

void text_area(Ui& ui, std::string_view id, std::string& text, ImVec2 size) {
    const std::string label = "##" + std::string(id);
    ImGui::InputTextMultiline(label.c_str(), text.data(), text.capacity() + 1, size,
                              ImGuiInputTextFlags_CallbackResize, resize_string, &text);
    ui.hits().record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    register_target(id, text, true);
}

} // namespace cf::ui
