#pragma once
// `counterfoil-center train-classifier` (issue 15): retrains the text model from the labelled
// corpus plus every correction staff made at the counter or at 复核, and measures the new
// model against the one in use on the corpus's test split, both beside the same keyword rules.
// A model that is worse on any headline figure is not offered for publishing.

#include "center/center_storage.h"
#include "forms/catalog.h"
#include "forms/classifier_eval.h"
#include "forms/text_model.h"

#include <string>
#include <vector>

namespace cf::center {

struct ClassifierTrainingInput {
    std::vector<forms::CorpusText> train; // the corpus's train and dev splits
    std::vector<forms::CorpusText> test;  // the held-out split: before and after
    std::vector<ClassificationCorrection> corrections;
};

struct ClassifierTrainingResult {
    forms::TextModel model;
    forms::Evaluation before; // the rules with the model in use (or alone, without one)
    forms::Evaluation after;  // the rules with the new model
    // Why the new model may not be published ("category leaf 81.0% < 82.4%"); empty when it
    // is at least as good on every headline figure.
    std::vector<std::string> worse;
    std::size_t corrections_used = 0;
};

// Trains and measures. `catalog` gives the rules and the category tree; `current` is the model
// terminals run now (empty for none). Corrections whose category is not in the tree are left
// out (an older tree's codes). `version` becomes the model's version. Never fails.
ClassifierTrainingResult train_classifier(const forms::Catalog& catalog,
                                          const forms::TextModel& current,
                                          const ClassifierTrainingInput& input,
                                          std::string version);

// The headline figures that went down (or, for the under-tier rate, up) from `before` to
// `after`, each as a sentence; empty when none did.
std::vector<std::string> regressions(const forms::Evaluation& before,
                                     const forms::Evaluation& after);

// "| figure | before | after |" rows for the headline figures.
std::string format_comparison(const forms::Evaluation& before, const forms::Evaluation& after);

} // namespace cf::center
