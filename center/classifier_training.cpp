#include "center/classifier_training.h"

#include "forms/intake.h"
#include "forms/labelled_text.h"
#include "forms/suggest.h"
#include "forms/text_model_training.h"

#include <cstdio>

namespace cf::center {
namespace {

struct Figure {
    const char* name;
    const forms::Count& (*of)(const forms::Evaluation&);
    bool lower_is_better = false;
};

const Figure k_figures[] = {
    {"request type",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.overall.request_type;
     }},
    {"category group",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.overall.category_group;
     }},
    {"category leaf",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.overall.category_leaf;
     }},
    {"priority",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.overall.priority;
     }},
    {"urgent cases made urgent",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.urgent_recall;
     }},
    {"exposure threats found",
     [](const forms::Evaluation& e) -> const forms::Count& {
         return e.exposure_recall;
     }},
    {"priority below its tier",
     [](const forms::Evaluation& e) -> const forms::Count& { return e.under_tier; }, true},
};

std::string percent(const forms::Count& c) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.1f%% (%d/%d)", 100.0 * c.rate(), c.hits, c.total);
    return buffer;
}

forms::Evaluation measure(const forms::Catalog& catalog, const forms::TextModel& model,
                          const std::vector<forms::CorpusText>& test) {
    return forms::evaluate(test, [&](std::string_view text) {
        return forms::classify_text(catalog.classifier, model, text).result;
    });
}

} // namespace

std::vector<std::string> regressions(const forms::Evaluation& before,
                                     const forms::Evaluation& after) {
    std::vector<std::string> out;
    for (const Figure& f : k_figures) {
        const forms::Count& b = f.of(before);
        const forms::Count& a = f.of(after);
        const bool worse = f.lower_is_better ? a.rate() > b.rate() : a.rate() < b.rate();
        if (worse) {
            out.push_back(std::string(f.name) + " " + percent(a) +
                          (f.lower_is_better ? " > " : " < ") + percent(b));
        }
    }
    return out;
}

std::string format_comparison(const forms::Evaluation& before, const forms::Evaluation& after) {
    std::string out = "| figure | before | after |\n|---|---|---|\n";
    for (const Figure& f : k_figures) {
        out += "| " + std::string(f.name) + " | " + percent(f.of(before)) + " | " +
               percent(f.of(after)) + " |\n";
    }
    return out;
}

ClassifierTrainingResult train_classifier(const forms::Catalog& catalog,
                                          const forms::TextModel& current,
                                          const ClassifierTrainingInput& input,
                                          std::string version) {
    ClassifierTrainingResult r;
    std::vector<forms::LabelledText> texts;
    for (const forms::CorpusText& t : input.train) {
        texts.push_back(forms::labelled(t));
    }
    for (const ClassificationCorrection& c : input.corrections) {
        const core::Ticket& t = c.ticket;
        if (!catalog.categories.contains(t.category)) {
            continue;
        }
        forms::LabelledText l;
        l.text = forms::classification_text(t);
        // What staff restate when they correct; emotion and special type stay as intake set
        // them, so they teach nothing here.
        l.labels.request_type = t.request_type;
        l.labels.category = t.category;
        l.labels.severity = t.severity;
        l.labels.priority = t.priority;
        texts.push_back(std::move(l));
        ++r.corrections_used;
    }
    const nlohmann::json trained = {{"corpus_texts", input.train.size()},
                                    {"corrections", r.corrections_used}};
    r.model = forms::train_text_model(texts, forms::TrainingOptions{}, std::move(version), trained);
    r.before = measure(catalog, current, input.test);
    r.after = measure(catalog, r.model, input.test);
    r.worse = regressions(r.before, r.after);
    return r;
}

} // namespace cf::center
