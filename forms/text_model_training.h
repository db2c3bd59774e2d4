#pragma once
// Trains the text model (text_model.h) on labelled texts: multinomial logistic regression per
// attribute over the text's features, by stochastic gradient descent with AdaGrad steps, in a
// fixed order from a seed so the same texts always give the same model.

#include "forms/labelled_text.h"
#include "forms/text_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cf::forms {

struct TrainingOptions {
    // Chosen on the dev split (docs/CLASSIFIER.md).
    int epochs = 40;
    float learning_rate = 0.3f;
    float l2 = 3e-4f;       // shrinks the weights a text touches, at each step
    int min_count = 3;      // a feature must appear in at least this many texts
    std::uint64_t seed = 1; // the order texts are visited in
};

// Trains on `texts`: a head for every attribute with at least two labels among the texts
// (texts without that attribute's label are skipped for it). Features whose weights all round
// to zero in the file's bytes are dropped. `version` and `trained` go into the model as given.
// Never fails; no texts give an empty model.
TextModel train_text_model(const std::vector<LabelledText>& texts, const TrainingOptions& options,
                           std::string version, nlohmann::json trained);

} // namespace cf::forms
