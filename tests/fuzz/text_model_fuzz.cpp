// The text model's reader (forms/text_model.h, assets/classifier/model.json, which the center
// publishes to every terminal) and the features it reads from a customer's text. Checks that an
// accepted model predicts, for a text made of its own features and for the input itself, one
// valid label per head with probabilities that sum to one, and reasons that are features of the
// text; a refusal names the file and reasons.
#include "asset_checks.h"
#include "forms/suggest.h"
#include "forms/text_features.h"
#include "forms/text_model.h"

#include <algorithm>
#include <cmath>

namespace {

void check_verdict(const cf::forms::TextModel& model, std::string_view text) {
    using namespace cf::forms;
    const ModelVerdict v = predict(model, text);
    FUZZ_CHECK(v.heads.size() == model.heads().size(), "one verdict per head");
    const std::vector<std::string> own = text_features(text);
    for (std::size_t h = 0; h < v.heads.size(); ++h) {
        const ModelHead& head = model.heads()[h];
        FUZZ_CHECK(std::ranges::find(head.labels, v.heads[h].label) != head.labels.end(),
                   head.attribute + ": " + v.heads[h].label);
        float sum = 0.0f;
        for (float p : v.heads[h].probabilities) {
            FUZZ_CHECK(p >= 0.0f && p <= 1.0f + 1e-5f, head.attribute);
            sum += p;
        }
        // Finite weights and biases give a distribution; a file may hold huge biases, which
        // the softmax must still survive.
        FUZZ_CHECK(std::isfinite(sum) && std::abs(sum - 1.0f) < 1e-3f, head.attribute);
        for (const FeatureWeight& r : v.reasons[h]) {
            FUZZ_CHECK(std::ranges::find(own, r.feature) != own.end(), r.feature);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::forms;
    const std::string_view raw = cf::fuzz::as_text(data, size);
    for (const std::string& f : text_features(raw)) {
        FUZZ_CHECK(!f.empty(), "an empty feature");
    }
    const auto doc = cf::fuzz::asset_doc(raw);
    if (!doc) {
        return 0;
    }
    const auto model =
        parse_text_model(*doc, "classifier/model.json", cf::fuzz::installed_categories());
    if (!model) {
        cf::fuzz::check_errors(model.error(), "classifier/model.json");
        return 0;
    }
    std::string text;
    for (std::size_t i = 0; i < model->feature_count() && i < 64; ++i) {
        text += model->feature(i) + " ";
    }
    check_verdict(*model, text);
    check_verdict(*model, raw);
    const Classification c = classify_text(ClassifierRules{}, *model, raw);
    if (c.result.category) {
        FUZZ_CHECK(cf::fuzz::installed_categories().contains(*c.result.category),
                   *c.result.category);
    }
    return 0;
}
