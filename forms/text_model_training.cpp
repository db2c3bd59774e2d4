#include "forms/text_model_training.h"

#include "forms/text_features.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <unordered_map>

namespace cf::forms {
namespace {

struct Example {
    std::vector<std::uint32_t> features;
    float scale = 0.0f;
    std::vector<int> labels; // per head, the label's index or -1
};

struct Head {
    std::string attribute;
    std::vector<std::string> labels;
    std::size_t offset = 0;
};

class AdaGrad {
public:
    explicit AdaGrad(std::size_t n, float rate) : m_sum(n, 0.0f), m_rate(rate) {}
    void step(float& w, std::size_t at, float gradient) {
        m_sum[at] += gradient * gradient;
        w -= m_rate * gradient / std::sqrt(m_sum[at] + 1e-8f);
    }

private:
    std::vector<float> m_sum;
    float m_rate;
};

} // namespace

TextModel train_text_model(const std::vector<LabelledText>& texts, const TrainingOptions& options,
                           std::string version, nlohmann::json trained) {
    // Heads: every attribute with two or more labels among the texts, labels sorted.
    std::vector<Head> heads;
    std::size_t row = 0;
    for (std::string_view attribute : k_model_attributes) {
        std::set<std::string> labels;
        for (const LabelledText& t : texts) {
            if (std::string l = label_of(t.labels, attribute); !l.empty()) {
                labels.insert(std::move(l));
            }
        }
        if (labels.size() >= 2) {
            heads.push_back({std::string(attribute), {labels.begin(), labels.end()}, row});
            row += labels.size();
        }
    }
    if (heads.empty()) {
        return {};
    }

    // Vocabulary: features in at least min_count texts, in order of first appearance.
    std::vector<std::vector<std::string>> text_feats;
    std::unordered_map<std::string, int> counts;
    for (const LabelledText& t : texts) {
        text_feats.push_back(text_features(t.text));
        for (const std::string& f : text_feats.back()) {
            ++counts[f];
        }
    }
    std::vector<std::string> vocabulary;
    std::unordered_map<std::string, std::uint32_t> index;
    for (const auto& feats : text_feats) {
        for (const std::string& f : feats) {
            if (counts[f] >= options.min_count && !index.contains(f)) {
                index.emplace(f, static_cast<std::uint32_t>(vocabulary.size()));
                vocabulary.push_back(f);
            }
        }
    }

    std::vector<Example> examples;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        Example e;
        if (!text_feats[i].empty()) {
            e.scale = 1.0f / std::sqrt(static_cast<float>(text_feats[i].size()));
        }
        for (const std::string& f : text_feats[i]) {
            if (const auto it = index.find(f); it != index.end()) {
                e.features.push_back(it->second);
            }
        }
        for (const Head& h : heads) {
            const std::string l = label_of(texts[i].labels, h.attribute);
            const auto it = std::ranges::find(h.labels, l);
            e.labels.push_back(it == h.labels.end() ? -1 : static_cast<int>(it - h.labels.begin()));
        }
        examples.push_back(std::move(e));
    }

    std::vector<float> weights(vocabulary.size() * row, 0.0f);
    std::vector<float> bias(row, 0.0f);
    AdaGrad weight_steps(weights.size(), options.learning_rate);
    AdaGrad bias_steps(bias.size(), options.learning_rate);
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::mt19937_64 random(options.seed);
    std::vector<float> p;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        std::shuffle(order.begin(), order.end(), random);
        for (std::size_t i : order) {
            const Example& e = examples[i];
            for (std::size_t hi = 0; hi < heads.size(); ++hi) {
                const Head& h = heads[hi];
                if (e.labels[hi] < 0) {
                    continue;
                }
                const std::size_t n = h.labels.size();
                p.assign(bias.begin() + static_cast<std::ptrdiff_t>(h.offset),
                         bias.begin() + static_cast<std::ptrdiff_t>(h.offset + n));
                for (std::uint32_t f : e.features) {
                    const float* w = &weights[f * row + h.offset];
                    for (std::size_t l = 0; l < n; ++l) {
                        p[l] += w[l] * e.scale;
                    }
                }
                const float top = *std::ranges::max_element(p);
                float sum = 0.0f;
                for (float& v : p) {
                    v = std::exp(v - top);
                    sum += v;
                }
                for (std::size_t l = 0; l < n; ++l) {
                    const float g =
                        p[l] / sum - (static_cast<int>(l) == e.labels[hi] ? 1.0f : 0.0f);
                    bias_steps.step(bias[h.offset + l], h.offset + l, g);
                    for (std::uint32_t f : e.features) {
                        const std::size_t at = f * row + h.offset + l;
                        weight_steps.step(weights[at], at, g * e.scale + options.l2 * weights[at]);
                    }
                }
            }
        }
    }

    // Keep the features that still say something once weights are bytes.
    std::vector<float> largest(heads.size(), 0.0f);
    for (std::size_t hi = 0; hi < heads.size(); ++hi) {
        for (std::size_t f = 0; f < vocabulary.size(); ++f) {
            for (std::size_t l = 0; l < heads[hi].labels.size(); ++l) {
                largest[hi] =
                    std::max(largest[hi], std::abs(weights[f * row + heads[hi].offset + l]));
            }
        }
    }
    std::vector<std::string> kept;
    std::vector<float> kept_weights;
    for (std::size_t f = 0; f < vocabulary.size(); ++f) {
        bool says_something = false;
        for (std::size_t hi = 0; hi < heads.size() && !says_something; ++hi) {
            const float half_step = largest[hi] / 127.0f / 2.0f;
            for (std::size_t l = 0; l < heads[hi].labels.size(); ++l) {
                if (std::abs(weights[f * row + heads[hi].offset + l]) >= half_step) {
                    says_something = true;
                    break;
                }
            }
        }
        if (says_something) {
            kept.push_back(vocabulary[f]);
            kept_weights.insert(kept_weights.end(),
                                weights.begin() + static_cast<std::ptrdiff_t>(f * row),
                                weights.begin() + static_cast<std::ptrdiff_t>((f + 1) * row));
        }
    }

    std::vector<ModelHead> model_heads;
    for (const Head& h : heads) {
        ModelHead mh;
        mh.attribute = h.attribute;
        mh.labels = h.labels;
        mh.bias.assign(bias.begin() + static_cast<std::ptrdiff_t>(h.offset),
                       bias.begin() + static_cast<std::ptrdiff_t>(h.offset + h.labels.size()));
        model_heads.push_back(std::move(mh));
    }
    return TextModel(std::move(version), std::move(trained), std::move(model_heads),
                     std::move(kept), kept_weights);
}

} // namespace cf::forms
