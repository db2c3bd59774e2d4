#pragma once
// The statistical half of classification (issue 15): a linear model over the features of
// text_features.h, one softmax "head" per attribute (request type, category leaf, severity,
// priority, special type, emotion). It ships as assets/classifier/model.json, which the center
// publishes like any other asset; terminals load it at start. train_text_model
// (text_model_training.h) makes one; suggest.h combines it with the keyword rules.
//
// The file: {"format": "counterfoil-text-model", "format_version": 1, "version": "...",
//   "trained": {... facts about the training, shown by the CLI ...},
//   "heads": [{"attribute": "category", "labels": [...], "bias": [...], "scale": 0.01}, ...],
//   "features": ["多扣", "refund", ...],
//   "weights": "<base64>"}
// weights holds one signed byte per (feature, label of every head in order), row by row; a
// weight is the byte times its head's scale. Bytes keep a 30,000-feature model near 2 MB.

#include "forms/asset_error.h"
#include "forms/category_tree.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cf::forms {

// The attributes a head may predict, in the order the file lists them.
inline constexpr std::string_view k_model_attributes[] = {
    "request_type", "category", "severity", "priority", "special_type", "emotion"};

struct ModelHead {
    std::string attribute;           // one of k_model_attributes
    std::vector<std::string> labels; // values as core/ticket.h spells them; category leaves
    std::vector<float> bias;         // one per label
    float scale = 1.0f;              // a stored byte times scale is the weight
    std::size_t offset = 0;          // where this head's labels start in a feature's row
};

class TextModel {
public:
    TextModel() = default;
    // Takes weights as floats (row per feature, every head's labels in order) and keeps them
    // as bytes, exactly as the file will: what the trainer measures is what terminals run.
    TextModel(std::string version, nlohmann::json trained, std::vector<ModelHead> heads,
              std::vector<std::string> features, const std::vector<float>& weights);

    bool empty() const { return m_heads.empty(); }
    const std::string& version() const { return m_version; }
    const nlohmann::json& trained() const { return m_trained; }
    const std::vector<ModelHead>& heads() const { return m_heads; }
    const ModelHead* head(std::string_view attribute) const;
    std::size_t feature_count() const { return m_features.size(); }
    std::size_t row_size() const { return m_row_size; }

    // The feature's index, or -1 when the model never saw it.
    std::ptrdiff_t feature_index(std::string_view feature) const;
    const std::string& feature(std::size_t index) const { return m_features[index]; }
    float weight(std::size_t feature, std::size_t column) const {
        return static_cast<float>(m_bytes[feature * m_row_size + column]) * m_column_scale[column];
    }

    // The file's JSON, which parse_text_model reads back to the same model.
    nlohmann::json to_json() const;

    friend std::expected<TextModel, std::vector<AssetError>>
    parse_text_model(const nlohmann::json& doc, const std::string& file,
                     const CategoryTree& categories);

private:
    void index_features();

    std::string m_version;
    nlohmann::json m_trained = nlohmann::json::object();
    std::vector<ModelHead> m_heads;
    std::vector<std::string> m_features;
    std::unordered_map<std::string_view, std::size_t> m_index;
    std::vector<std::int8_t> m_bytes;
    std::vector<float> m_column_scale; // each column's head scale, for weight()
    std::size_t m_row_size = 0;
};

// Parses the model file. Fails with every problem: wrong format or format_version, an unknown
// or repeated attribute, a label that is not a value of its attribute (or not a leaf of
// `categories`, unchecked when empty), bias of the wrong length or beyond ±10000, a scale that
// is not a positive number up to 1000, empty or repeated features, weights that are not base64 or
// not features × labels bytes.
std::expected<TextModel, std::vector<AssetError>> parse_text_model(const nlohmann::json& doc,
                                                                   const std::string& file,
                                                                   const CategoryTree& categories);

// One head's verdict on a text.
struct HeadVerdict {
    std::string label;                // the most probable label
    float probability = 0.0f;         // of that label
    std::vector<float> probabilities; // per label of the head, in its order
};

// A feature of the text that pushed a head towards its verdict, with how much.
struct FeatureWeight {
    std::string feature;
    float weight = 0.0f;
};

struct ModelVerdict {
    std::vector<HeadVerdict> heads; // in the model's head order
    // Per head, the text's features that most favour the chosen label over the others, the
    // strongest first; only features that favour it.
    std::vector<std::vector<FeatureWeight>> reasons;
};

// Runs the model on `text`. An empty model gives an empty verdict. `max_reasons` caps each
// head's reasons.
ModelVerdict predict(const TextModel& model, std::string_view text, std::size_t max_reasons = 5);

// The features as the model sees them for a text: indices of the known ones, and the weight
// every feature gets (1/sqrt of the number of the text's features, known or not).
struct ModelInput {
    std::vector<std::size_t> features;
    float scale = 0.0f;
};
ModelInput model_input(const TextModel& model, std::string_view text);

} // namespace cf::forms
