#include "forms/suggest.h"

#include "core/ticket.h"
#include "forms/text_features.h"

#include <algorithm>

namespace cf::forms {
namespace {

template <class T> void keep_max(std::optional<T>& current, const std::optional<T>& candidate) {
    if (candidate && (!current || *candidate > *current)) {
        current = candidate;
    }
}

// True for a single Chinese character: too weak a reason to show a person.
bool single_character(std::string_view feature) {
    return feature.size() <= 4 && !feature.empty() &&
           static_cast<unsigned char>(feature.front()) >= 0x80;
}

class Combiner {
public:
    Combiner(const TextModel& model, const ModelVerdict& verdict, const CombinePolicy& policy)
        : m_model(model), m_verdict(verdict), m_policy(policy) {}

    // The head's verdict, or nullptr when the model has no such head.
    const HeadVerdict* verdict(std::string_view attribute) const {
        for (std::size_t i = 0; i < m_model.heads().size(); ++i) {
            if (m_model.heads()[i].attribute == attribute) {
                return &m_verdict.heads[i];
            }
        }
        return nullptr;
    }
    float probability_of(std::string_view attribute, std::string_view label) const {
        for (std::size_t i = 0; i < m_model.heads().size(); ++i) {
            const ModelHead& h = m_model.heads()[i];
            if (h.attribute != attribute) {
                continue;
            }
            for (std::size_t l = 0; l < h.labels.size(); ++l) {
                if (h.labels[l] == label) {
                    return m_verdict.heads[i].probabilities[l];
                }
            }
        }
        return 0.0f;
    }
    // Adds the model's reasons for `attribute` to the explanation, once per attribute.
    void explain(std::vector<Match>& out, std::string_view attribute, std::string_view value) const {
        for (std::size_t i = 0; i < m_model.heads().size(); ++i) {
            if (m_model.heads()[i].attribute != attribute ||
                m_verdict.heads[i].label != value) {
                continue;
            }
            std::size_t shown = 0;
            for (const FeatureWeight& r : m_verdict.reasons[i]) {
                if (shown == m_policy.reasons) {
                    break;
                }
                if (single_character(r.feature)) {
                    continue;
                }
                out.push_back({feature_for_display(r.feature), "model:" + m_model.version(),
                               std::string(attribute) + "=" + std::string(value)});
                ++shown;
            }
        }
    }

private:
    const TextModel& m_model;
    const ModelVerdict& m_verdict;
    const CombinePolicy& m_policy;
};

template <class T, class Parse>
std::optional<T> model_value(const HeadVerdict* v, Parse parse) {
    if (v == nullptr) {
        return std::nullopt;
    }
    return parse(v->label);
}

} // namespace

std::string feature_for_display(std::string_view feature) {
    if (feature == "#!!") {
        return "!!";
    }
    if (feature == "#??") {
        return "??";
    }
    if (feature == "#CAPS") {
        return "ALL CAPS";
    }
    if (feature.starts_with('~')) {
        return std::string(feature.substr(1)) + "…";
    }
    return std::string(feature);
}

Classification classify_text(const ClassifierRules& rules, const TextModel& model,
                             std::string_view text, const CombinePolicy& policy) {
    Classification c = classify(rules, text);
    if (model.empty()) {
        return c;
    }
    const ModelVerdict verdict = predict(model, text, 16);
    const Combiner m(model, verdict, policy);
    const Suggestion& by_rules = c.result;
    Suggestion out;
    std::vector<Match> reasons;

    if (const HeadVerdict* v = m.verdict("request_type")) {
        out.request_type = core::parse_request_type(v->label);
        if (v->probability < policy.trust_model_above && by_rules.request_type) {
            out.request_type = by_rules.request_type;
        } else {
            m.explain(reasons, "request_type", v->label);
        }
    } else {
        out.request_type = by_rules.request_type;
    }
    if (const HeadVerdict* v = m.verdict("category")) {
        out.category = v->label;
        if (v->probability < policy.trust_model_above && by_rules.category) {
            out.category = by_rules.category;
        } else {
            m.explain(reasons, "category", v->label);
        }
    } else {
        out.category = by_rules.category;
    }

    out.severity = model_value<core::Severity>(m.verdict("severity"), core::parse_severity);
    out.emotion = model_value<core::Emotion>(m.verdict("emotion"), core::parse_emotion);
    out.priority = model_value<core::Priority>(m.verdict("priority"), core::parse_priority);
    if (m.verdict("priority") != nullptr && m.probability_of("priority", "urgent") >= policy.urgent_at) {
        out.priority = core::Priority::urgent;
    }
    for (std::string_view a : {"severity", "emotion", "priority"}) {
        if (const HeadVerdict* v = m.verdict(a)) {
            m.explain(reasons, a, v->label);
        }
    }
    keep_max(out.severity, by_rules.severity);
    keep_max(out.emotion, by_rules.emotion);
    keep_max(out.priority, by_rules.priority);

    out.special_type = by_rules.special_type;
    if (by_rules.special_type != core::SpecialType::media_exposure) {
        if (const HeadVerdict* v = m.verdict("special_type");
            v != nullptr && v->probability >= policy.special_at) {
            out.special_type = core::parse_special_type(v->label);
            m.explain(reasons, "special_type", v->label);
        }
    }

    // The procedures' floors.
    if (out.special_type == core::SpecialType::media_exposure) {
        out.severity = core::Severity::major;
    }
    if (out.severity == core::Severity::major || out.emotion == core::Emotion::agitated ||
        out.special_type == core::SpecialType::media_exposure) {
        out.priority = core::Priority::urgent;
    }
    if ((out.request_type == core::RequestType::complaint ||
         out.request_type == core::RequestType::report)) {
        keep_max(out.priority, std::optional(core::Priority::important));
    }

    c.result = out;
    c.matches.insert(c.matches.end(), reasons.begin(), reasons.end());
    return c;
}

} // namespace cf::forms
