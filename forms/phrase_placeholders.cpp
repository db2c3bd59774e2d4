#include "forms/phrase_placeholders.h"

namespace cf::forms {

bool moment_takes_due(ScriptMoment m) {
    return m == ScriptMoment::acknowledgement || m == ScriptMoment::progress ||
           m == ScriptMoment::suggestion_reply;
}

std::optional<std::string> placeholder_problem(std::string_view text, ScriptMoment m) {
    bool has_due = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '}') {
            return "has a '}' without its '{'";
        }
        if (text[i] != '{') {
            continue;
        }
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) {
            return "has a '{' that is never closed";
        }
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (name == "due") {
            if (!moment_takes_due(m)) {
                return "may not hold {due}: only acknowledgement, progress and suggestion_reply "
                       "promise a time";
            }
            has_due = true;
        } else if (name != "number") {
            return "has the placeholder {" + std::string(name.substr(0, 40)) +
                   "}; only {number} and {due} are known";
        }
        i = close;
    }
    if (m == ScriptMoment::acknowledgement && !has_due) {
        return "must tell the customer the handling time with {due}";
    }
    return std::nullopt;
}

std::string fill_phrase(std::string_view text, const PhraseValues& values) {
    std::string out;
    out.reserve(text.size() + values.number.size() + values.due.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i).starts_with("{number}")) {
            out += values.number;
            i += std::string_view("{number}").size() - 1;
        } else if (text.substr(i).starts_with("{due}")) {
            out += values.due;
            i += std::string_view("{due}").size() - 1;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace cf::forms
