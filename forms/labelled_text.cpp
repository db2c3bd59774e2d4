#include "forms/labelled_text.h"

#include "core/ticket.h"

namespace cf::forms {

LabelledText labelled(const CorpusText& t) {
    return {t.text,
            {t.request_type, t.category, t.severity, t.priority, t.special_type, t.emotion}};
}

std::string label_of(const Suggestion& s, std::string_view attribute) {
    auto text = [](const auto& v) {
        return v ? std::string(core::to_string(*v)) : std::string();
    };
    if (attribute == "request_type") {
        return text(s.request_type);
    }
    if (attribute == "category") {
        return s.category.value_or("");
    }
    if (attribute == "severity") {
        return text(s.severity);
    }
    if (attribute == "priority") {
        return text(s.priority);
    }
    if (attribute == "special_type") {
        return text(s.special_type);
    }
    if (attribute == "emotion") {
        return text(s.emotion);
    }
    return {};
}

} // namespace cf::forms
