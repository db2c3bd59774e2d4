// Classification cost (issue 15): loading the text model with the other assets, and classifying
// a customer's text with the keyword rules alone (the baseline, measured in the same run) and
// with rules and model together, as the counter does on every keystroke and intake once per
// ticket. Runs over the corpus's dev texts, alternating the two in blocks so machine noise hits
// both alike; also the model file's size and the training time of the shipped options.
//
//   classifier_bench [--assets DIR] [--corpus DIR] [--rounds N]
#include "bench/bench_util.h"
#include "forms/catalog.h"
#include "forms/classifier_eval.h"
#include "forms/labelled_text.h"
#include "forms/suggest.h"
#include "forms/text_model_training.h"

#include <cstdio>

using namespace cf;

namespace {

void report(const char* name, const std::vector<double>& us) {
    double total = 0;
    for (double u : us) {
        total += u;
    }
    std::printf("%-34s mean %8.1f us   p50 %8.1f us   p99 %8.1f us   (%zu texts)\n", name,
                total / static_cast<double>(us.size()), bench::percentile(us, 50),
                bench::percentile(us, 99), us.size());
}

} // namespace

int main(int argc, char** argv) {
    const std::filesystem::path assets =
        bench::arg(argc, argv, "--assets", COUNTERFOIL_BENCH_ASSETS);
    const std::filesystem::path corpus =
        bench::arg(argc, argv, "--corpus", COUNTERFOIL_BENCH_CORPUS);
    const int rounds = std::stoi(bench::arg(argc, argv, "--rounds", "5"));

    // Loading: the whole catalog with and without the model file, alternating.
    bench::ScratchDir scratch(std::filesystem::temp_directory_path());
    const std::filesystem::path without = scratch.path / "assets";
    std::filesystem::copy(assets, without, std::filesystem::copy_options::recursive);
    std::filesystem::remove(without / "classifier" / "model.json");
    std::vector<double> load_with;
    std::vector<double> load_without;
    for (int i = 0; i < rounds; ++i) {
        double t0 = bench::now_ms();
        auto a = forms::load_catalog(without);
        load_without.push_back(bench::now_ms() - t0);
        t0 = bench::now_ms();
        auto b = forms::load_catalog(assets);
        load_with.push_back(bench::now_ms() - t0);
        if (!a || !b) {
            std::fprintf(stderr, "the assets do not load\n");
            return 1;
        }
    }
    auto catalog = forms::load_catalog(assets);
    if (!catalog || catalog->text_model.empty()) {
        std::fprintf(stderr, "%s has no classifier/model.json\n", assets.c_str());
        return 1;
    }
    std::printf("model %s: %zu features, %.0f KB on disk\n", catalog->text_model.version().c_str(),
                catalog->text_model.feature_count(),
                static_cast<double>(std::filesystem::file_size(assets / "classifier/model.json")) /
                    1024.0);
    std::printf("%-34s p50 %8.1f ms\n", "load assets without the model",
                bench::percentile(load_without, 50));
    std::printf("%-34s p50 %8.1f ms\n", "load assets with the model",
                bench::percentile(load_with, 50));

    auto dev = forms::read_corpus(corpus / "dev.jsonl");
    auto train = forms::read_corpus(corpus / "train.jsonl");
    if (!dev || !train) {
        std::fprintf(stderr, "cannot read the corpus in %s\n", corpus.c_str());
        return 1;
    }
    const forms::TextModel none;
    std::vector<double> rules_us;
    std::vector<double> both_us;
    std::size_t sink = 0; // keeps the results observable
    for (int r = 0; r < rounds; ++r) {
        for (const forms::CorpusText& t : *dev) {
            double t0 = bench::now_ms();
            const auto a = forms::classify_text(catalog->classifier, none, t.text);
            sink += a.matches.size();
            rules_us.push_back((bench::now_ms() - t0) * 1000.0);
            t0 = bench::now_ms();
            const auto b = forms::classify_text(catalog->classifier, catalog->text_model, t.text);
            sink += b.matches.size();
            both_us.push_back((bench::now_ms() - t0) * 1000.0);
        }
    }
    report("classify: keyword rules alone", rules_us);
    report("classify: rules and model", both_us);
    std::printf("(%zu explanation entries)\n", sink);

    std::vector<forms::LabelledText> texts;
    for (const forms::CorpusText& t : *train) {
        texts.push_back(forms::labelled(t));
    }
    const double t0 = bench::now_ms();
    const forms::TextModel m =
        forms::train_text_model(texts, {}, "bench", nlohmann::json::object());
    std::printf("train on %zu texts: %.0f ms, %zu features\n", texts.size(), bench::now_ms() - t0,
                m.feature_count());
    return 0;
}
