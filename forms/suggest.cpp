#include "forms/suggest.h"

#include "core/ticket.h"
#include "forms/text_features.h"

#include <algorithm>
#include <type_traits>

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
    void explain(std::vector<Match>& out, std::string_view attribute,
                 std::string_view value) const {
        for (std::size_t i = 0; i < m_model.heads().size(); ++i) {
            if (m_model.heads()[i].attribute != attribute || m_verdict.heads[i].label != value) {
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
    // A text with no feature the model knows gets only its prior: no evidence, no suggestion.
    if (model_input(model, text).features.empty()) {
        return c;
    }
    const ModelVerdict verdict = predict(model, text, 16);
    const Combiner m(model, verdict, policy);
    const Suggestion& by_rules = c.result;
    Suggestion out;
    std::vector<Match> reasons;

    // Request type and category: the model's when it is sure enough, else the rules'; with
    // neither, unset (filing's defaults).
    out.request_type = by_rules.request_type;
    if (const HeadVerdict* v = m.verdict("request_type");
        v != nullptr && v->probability >= policy.model_at_least &&
        (v->probability >= policy.trust_model_above || !by_rules.request_type)) {
        out.request_type = core::parse_request_type(v->label);
        m.explain(reasons, "request_type", v->label);
    }
    out.category = by_rules.category;
    if (const HeadVerdict* v = m.verdict("category");
        v != nullptr && v->probability >= policy.model_at_least &&
        (v->probability >= policy.trust_model_above || !by_rules.category)) {
        out.category = v->label;
        m.explain(reasons, "category", v->label);
    }

    // Severity, emotion and priority: the more severe of the two. A model value that is the
    // default (general, calm, normal) says nothing filing would not, so it is left unset.
    auto from_model = [&](std::string_view attribute, auto parse, auto fallback) {
        using T = decltype(fallback);
        std::optional<T> value;
        if (const HeadVerdict* v = m.verdict(attribute)) {
            value = parse(v->label);
            if constexpr (std::is_same_v<T, core::Priority>) {
                if (m.probability_of("priority", "urgent") >= policy.urgent_at) {
                    value = core::Priority::urgent;
                }
            }
            if (value == fallback) {
                return std::optional<T>();
            }
            m.explain(reasons, attribute, core::to_string(*value));
        }
        return value;
    };
    out.severity = from_model("severity", core::parse_severity, core::Severity::general);
    out.emotion = from_model("emotion", core::parse_emotion, core::Emotion::calm);
    out.priority = from_model("priority", core::parse_priority, core::Priority::normal);
    keep_max(out.severity, by_rules.severity);
    keep_max(out.emotion, by_rules.emotion);
    keep_max(out.priority, by_rules.priority);

    // Special type: 外宣传型 from the rules always; otherwise the model's when it is sure.
    out.special_type = by_rules.special_type;
    if (by_rules.special_type != core::SpecialType::media_exposure) {
        if (const HeadVerdict* v = m.verdict("special_type");
            v != nullptr && v->probability >= policy.special_at && v->label != "none") {
            out.special_type = core::parse_special_type(v->label);
            m.explain(reasons, "special_type", v->label);
        }
    }

    // The procedures' floors, each named in the explanation when it changes something.
    auto raise = [&](auto& member, auto value, std::string cause, const char* rule,
                     const char* sets) {
        if (!member || *member < value) {
            member = value;
            reasons.push_back({std::move(cause), rule, sets});
        }
    };
    if (out.special_type == core::SpecialType::media_exposure) {
        raise(out.severity, core::Severity::major, "special_type=media_exposure",
              "policy:media_exposure_is_major", "severity=major");
        raise(out.priority, core::Priority::urgent, "special_type=media_exposure",
              "policy:media_exposure_is_urgent", "priority=urgent");
    }
    if (out.emotion == core::Emotion::agitated) {
        raise(out.priority, core::Priority::urgent, "emotion=agitated",
              "policy:agitated_customer_is_urgent", "priority=urgent");
    }
    if (out.severity == core::Severity::major) {
        raise(out.priority, core::Priority::urgent, "severity=major",
              "policy:major_severity_is_urgent", "priority=urgent");
    }
    if (out.request_type == core::RequestType::complaint ||
        out.request_type == core::RequestType::report) {
        raise(out.priority, core::Priority::important,
              "request_type=" + std::string(core::to_string(*out.request_type)),
              "policy:complaint_is_important", "priority=important");
    }

    c.result = out;
    c.matches.insert(c.matches.end(), reasons.begin(), reasons.end());
    return c;
}

} // namespace cf::forms
