#pragma once
// Escalation (issue 14): which tickets the branch supervisors and the center's managers see
// in their "escalated" queue, and the crisis steps of 004 ticked on them.
//
// A crisis ticket is 重大 (severity major) or 外宣传型 (special type media_exposure): it is
// escalated from filing until it is closed. A customer still unsatisfied after the second
// round (the second 不满意) moves the ticket to state escalated, where the center's manager
// answers it (000 「若無法達成一致，需向上級主管匯報」).

#include "core/ticket.h"

#include <array>
#include <string_view>

namespace cf::core {

// 004, 对外宣传型客户 步骤 1-6, as items each ticked by a `checklist` step.
inline constexpr std::array<std::string_view, 7> k_crisis_checklist = {
    "listened_alone",       // 步骤1: a separate space to vent, listened to, responsibility owned
    "explained_process",    // 步骤2: the real need understood, the handling process explained
    "compensated",          // 步骤3: 及时补偿，快速处理
    "told_result",          // 步骤4: told the procedure and the result, thanked
    "manager_talked",       // 步骤5: the manager spoke with the customer directly
    "external_arbitration", // 步骤5: external arbitration considered where needed
    "thanked_and_asked",    // 步骤6: thanked and asked for their opinion
};
bool is_checklist_item(std::string_view item);

// 重大 or 外宣传型.
bool is_crisis(const Ticket& t);
// In the escalated queue: in state escalated, or a crisis ticket not closed.
bool in_escalated_queue(const Ticket& t);

} // namespace cf::core
