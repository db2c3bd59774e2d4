#include "core/escalation.h"

#include <algorithm>

namespace cf::core {

bool is_checklist_item(std::string_view item) {
    return std::find(k_crisis_checklist.begin(), k_crisis_checklist.end(), item) !=
           k_crisis_checklist.end();
}

bool is_crisis(const Ticket& t) {
    return t.severity == Severity::major || t.special_type == SpecialType::media_exposure;
}

bool in_escalated_queue(const Ticket& t) {
    return t.state == State::escalated || (is_crisis(t) && t.state != State::closed);
}

} // namespace cf::core
