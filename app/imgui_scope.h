#pragma once
// An ImGui context for the scope, destroyed after everything that uses it. Nothing of a session
// (window layout, logs) is written to disk.

#include <imgui.h>

namespace cf::app {

struct ImGuiScope {
    ImGuiScope() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().LogFilename = nullptr;
    }
    ~ImGuiScope() { ImGui::DestroyContext(); }
    ImGuiScope(const ImGuiScope&) = delete;
    ImGuiScope& operator=(const ImGuiScope&) = delete;
};

} // namespace cf::app
