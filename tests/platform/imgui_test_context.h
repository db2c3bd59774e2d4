#pragma once
// One ImGui context per test case, destroyed with everything in it afterwards.

#include <imgui.h>

namespace cf::test {

class ImGuiTestContext {
public:
    ImGuiTestContext() : m_context(ImGui::CreateContext()) {
        ImGui::GetIO().IniFilename = nullptr; // tests must not write imgui.ini
    }
    ~ImGuiTestContext() { ImGui::DestroyContext(m_context); }
    ImGuiTestContext(const ImGuiTestContext&) = delete;
    ImGuiTestContext& operator=(const ImGuiTestContext&) = delete;

private:
    ImGuiContext* m_context;
};

} // namespace cf::test
