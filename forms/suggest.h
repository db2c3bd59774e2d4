#pragma once
// Classification by the keyword rules (classifier.h) and the text model (text_model.h)
// together, as issue 15 asks: the model decides what the words are about, the rules explain and
// overrule where the procedures leave no choice.
//
// Per attribute:
// - request_type, category: the model's most probable label when its probability reaches
//   `CombinePolicy::model_at_least`; the rules' value instead when the model is less sure than
//   `trust_model_above` and the rules named one; unset when neither has one (filing's defaults).
// - severity, priority, emotion: the more severe of the model's and the rules'. The model's
//   priority is urgent already when P(urgent) reaches `urgent_at` (missing a warning sign costs
//   more than an extra one). A model value equal to filing's default (general, normal, calm) is
//   left unset: it says nothing more.
// - special_type: media_exposure from the rules always wins (外宣传型 is a hard override);
//   otherwise the model's value other than none when it is sure (`special_at`), else the rules'.
// - the procedures' floors: media_exposure is major and urgent; major or agitated is urgent; a
//   complaint or a report is at least important (SOP 002, docs/CLASSIFICATION_CORPUS.md). A
//   floor that changes a value is named in the explanation ("policy:...").
// The explanation lists the rule words as before and, after them, the model's strongest
// features for each value it chose, with rule_id "model:VERSION".

#include "forms/classifier.h"
#include "forms/text_model.h"

#include <string_view>

namespace cf::forms {

struct CombinePolicy {
    float model_at_least = 0.1f;    // under this the model names no request type or category
    float trust_model_above = 0.0f; // under this a rule's request type or category decides
    float urgent_at = 0.25f;        // P(urgent) from which the model says urgent
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
