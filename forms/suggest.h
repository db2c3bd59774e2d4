#pragma once
// Classification by the keyword rules (classifier.h) and the text model (text_model.h)
// together, as issue 15 asks: the model decides what the words are about, the rules explain and
// overrule where the procedures leave no choice.
//
// Per attribute:
// - request_type, category: the model's most probable label; the rules' value instead when the
//   model is less sure than `CombinePolicy::trust_model_above` and the rules named one.
// - severity, priority, emotion: the more severe of the model's and the rules' (missing a
//   warning sign costs more than an extra one). The model's priority is urgent already when
//   P(urgent) reaches `CombinePolicy::urgent_at`.
// - special_type: media_exposure from the rules always wins (外宣传型 is a hard override);
//   otherwise the model's value when it is sure, else the rules'.
// - the procedures' floors: media_exposure is major; major or agitated is urgent; a complaint
//   or a report is at least important (SOP 002, docs/CLASSIFICATION_CORPUS.md).
// The explanation lists the rule words as before and, after them, the model's strongest
// features for each value it chose, with rule_id "model:VERSION".

#include "forms/classifier.h"
#include "forms/text_model.h"

#include <string_view>

namespace cf::forms {

struct CombinePolicy {
    float trust_model_above = 0.0f; // the model's probability under which rules decide
    float urgent_at = 0.35f;        // P(urgent) from which the model says urgent
    float special_at = 0.5f;        // P(special type) from which the model's value is taken
    std::size_t reasons = 3;        // model features shown per attribute
};

// Classifies `text`; with an empty model this is exactly classify(rules, text). Never fails.
Classification classify_text(const ClassifierRules& rules, const TextModel& model,
                             std::string_view text, const CombinePolicy& policy = {});

// A model feature as a person reads it: "多扣", "charg…" for the stem "~charg", "!!" for the
// marker "#!!", "ALL CAPS" for "#CAPS".
std::string feature_for_display(std::string_view feature);

} // namespace cf::forms
