#pragma once
// The moments of a conversation with a customer at which staff read a prepared sentence
// (话术, assets/scripts/phrases.json), and which request types have which of them.

#include "core/ticket.h"

#include <array>
#include <optional>
#include <string_view>

namespace cf::forms {

enum class ScriptMoment {
    greeting,         // 问候: the opening line when the customer comes to the counter
    thanks,           // 感谢: thanks for telling us, said as soon as the request is recorded
    apology,          // 致歉: complaints only; for the trouble, whoever is at fault (000)
    acknowledgement,  // 初步回应: the request is accepted, with the promised time {due}
    progress,         // 进度: while the center or a department holds the ticket
    suggestion_reply, // 建议答复: suggestions only; passed on, evaluated by {due} (002)
    satisfaction,     // 满意度: the result is told and the customer asked if satisfied
    closing,          // 结束: thanks again when the ticket is closed
};

inline constexpr std::array<ScriptMoment, 8> k_script_moments = {
    ScriptMoment::greeting,        ScriptMoment::thanks,   ScriptMoment::apology,
    ScriptMoment::acknowledgement, ScriptMoment::progress, ScriptMoment::suggestion_reply,
    ScriptMoment::satisfaction,    ScriptMoment::closing};

inline constexpr std::array<core::RequestType, 6> k_request_types = {
    core::RequestType::complaint, core::RequestType::enquiry, core::RequestType::suggestion,
    core::RequestType::praise,    core::RequestType::report,  core::RequestType::other};

// The key in the asset: "greeting", "suggestion_reply", ...
std::string_view to_string(ScriptMoment m);
std::optional<ScriptMoment> parse_script_moment(std::string_view text);

// Whether a request of `type` has a sentence for `m`: an apology only for a complaint (praise
// is never apologised for), a suggestion reply only for a suggestion, every other moment for
// every type. The asset must have exactly these.
bool moment_applies(core::RequestType type, ScriptMoment m);

} // namespace cf::forms
