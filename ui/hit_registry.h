#pragma once
// Where each tappable widget was drawn this frame, by its stable id ("type.complaint",
// "key.a"). The headless UI harness taps widgets through it, and tests use it to check that a
// widget is offered at all; production code only writes to it.

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cf::ui {

class HitRegistry {
public:
    void clear() { m_rects.clear(); }
    void record(std::string_view id, ImVec2 min, ImVec2 max) {
        m_rects[std::string(id)] = ImVec4(min.x, min.y, max.x, max.y);
    }
    // The rectangle (x0, y0, x1, y1) of the widget drawn last frame under this id.
    std::optional<ImVec4> find(std::string_view id) const {
        const auto it = m_rects.find(std::string(id));
        return it == m_rects.end() ? std::nullopt : std::optional<ImVec4>(it->second);
    }
    const std::map<std::string, ImVec4>& all() const { return m_rects; }

private:
    std::map<std::string, ImVec4> m_rects;
};

} // namespace cf::ui
