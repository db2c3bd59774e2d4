#include "forms/script_moment.h"

namespace cf::forms {

std::string_view to_string(ScriptMoment m) {
    switch (m) {
    case ScriptMoment::greeting:
        return "greeting";
    case ScriptMoment::thanks:
        return "thanks";
    case ScriptMoment::apology:
        return "apology";
    case ScriptMoment::acknowledgement:
        return "acknowledgement";
    case ScriptMoment::progress:
        return "progress";
    case ScriptMoment::suggestion_reply:
        return "suggestion_reply";
    case ScriptMoment::satisfaction:
        return "satisfaction";
    case ScriptMoment::closing:
        return "closing";
    }
    return "greeting";
}

std::optional<ScriptMoment> parse_script_moment(std::string_view text) {
    for (const ScriptMoment m : k_script_moments) {
        if (to_string(m) == text) {
            return m;
        }
    }
    return std::nullopt;
}

bool moment_applies(core::RequestType type, ScriptMoment m) {
    switch (m) {
    case ScriptMoment::apology:
        return type == core::RequestType::complaint;
    case ScriptMoment::suggestion_reply:
        return type == core::RequestType::suggestion;
    default:
        return true;
    }
}

} // namespace cf::forms
