#pragma once
// A text with the classification a person gave it, for training the text model: a line of the
// corpus (classifier_eval.h reads them) or a ticket staff corrected at the counter or at 复核,
// whose emotion and special type nobody restated (left unset, so those heads skip it).

#include "forms/classifier_eval.h"
#include "forms/classifier_rules.h"

#include <string>
#include <string_view>

namespace cf::forms {

struct LabelledText {
    std::string text;
    Suggestion labels; // unset attributes teach nothing about that attribute
};

// A corpus line as training data: every attribute set.
LabelledText labelled(const CorpusText& t);

// The label of one attribute (k_model_attributes in text_model.h) as text; empty when unset.
std::string label_of(const Suggestion& s, std::string_view attribute);

} // namespace cf::forms
