#include "forms/text_model.h"

#include "core/pii_sealer.h"
#include "core/ticket.h"
#include "forms/text_features.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <unordered_set>

namespace cf::forms {
namespace {

using nlohmann::json;

constexpr std::string_view k_format = "counterfoil-text-model";
constexpr int k_format_version = 1;
// Far beyond what training gives (weights of a few units), and small enough that no sum of a
// text's weights and a bias can overflow a float.
constexpr double k_max_bias = 1e4;
constexpr double k_max_scale = 1e3;

bool known_attribute(std::string_view a) {
    return std::ranges::find(k_model_attributes, a) != std::end(k_model_attributes);
}

bool valid_label(std::string_view attribute, const std::string& label,
                 const CategoryTree& categories) {
    if (attribute == "request_type") {
        return core::parse_request_type(label).has_value();
    }
    if (attribute == "severity") {
        return core::parse_severity(label).has_value();
    }
    if (attribute == "priority") {
        return core::parse_priority(label).has_value();
    }
    if (attribute == "special_type") {
        return core::parse_special_type(label).has_value();
    }
    if (attribute == "emotion") {
        return core::parse_emotion(label).has_value();
    }
    // category
    if (label.empty()) {
        return false;
    }
    return categories.empty() || categories.contains(label);
}

std::vector<float> softmax(std::vector<float> scores) {
    const float top = *std::ranges::max_element(scores);
    float sum = 0.0f;
    for (float& s : scores) {
        s = std::exp(s - top);
        sum += s;
    }
    for (float& s : scores) {
        s /= sum;
    }
    return scores;
}

} // namespace

TextModel::TextModel(std::string version, json trained, std::vector<ModelHead> heads,
                     std::vector<std::string> features, const std::vector<float>& weights)
    : m_version(std::move(version)), m_trained(std::move(trained)), m_heads(std::move(heads)),
      m_features(std::move(features)) {
    for (ModelHead& h : m_heads) {
        h.offset = m_row_size;
        m_row_size += h.labels.size();
    }
    // Each head's scale maps its largest weight to 127.
    m_bytes.assign(weights.size(), 0);
    for (ModelHead& h : m_heads) {
        float largest = 0.0f;
        for (std::size_t f = 0; f < m_features.size(); ++f) {
            for (std::size_t l = 0; l < h.labels.size(); ++l) {
                largest = std::max(largest, std::abs(weights[f * m_row_size + h.offset + l]));
            }
        }
        h.scale = largest > 0.0f ? largest / 127.0f : 1.0f;
        for (std::size_t f = 0; f < m_features.size(); ++f) {
            for (std::size_t l = 0; l < h.labels.size(); ++l) {
                const std::size_t at = f * m_row_size + h.offset + l;
                m_bytes[at] = static_cast<std::int8_t>(std::lround(weights[at] / h.scale));
            }
        }
    }
    index_features();
}

void TextModel::index_features() {
    m_index.clear();
    m_index.reserve(m_features.size());
    for (std::size_t i = 0; i < m_features.size(); ++i) {
        m_index.emplace(m_features[i], i);
    }
    m_column_scale.assign(m_row_size, 1.0f);
    for (const ModelHead& h : m_heads) {
        std::fill_n(m_column_scale.begin() + static_cast<std::ptrdiff_t>(h.offset), h.labels.size(),
                    h.scale);
    }
}

const ModelHead* TextModel::head(std::string_view attribute) const {
    for (const ModelHead& h : m_heads) {
        if (h.attribute == attribute) {
            return &h;
        }
    }
    return nullptr;
}

std::ptrdiff_t TextModel::feature_index(std::string_view feature) const {
    const auto it = m_index.find(feature);
    return it == m_index.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

json TextModel::to_json() const {
    json heads = json::array();
    for (const ModelHead& h : m_heads) {
        heads.push_back({{"attribute", h.attribute},
                         {"labels", h.labels},
                         {"bias", h.bias},
                         {"scale", h.scale}});
    }
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(m_bytes.data());
    return {{"format", k_format},
            {"format_version", k_format_version},
            {"version", m_version},
            {"trained", m_trained},
            {"heads", heads},
            {"features", m_features},
            {"weights", core::to_base64(std::span(bytes, m_bytes.size()))}};
}

std::expected<TextModel, std::vector<AssetError>>
parse_text_model(const json& doc, const std::string& file, const CategoryTree& categories) {
    std::vector<AssetError> errors;
    auto fail = [&](std::string field, std::string reason) {
        errors.push_back({file, std::move(field), std::move(reason)});
    };
    if (!doc.is_object()) {
        fail("", "a text model is a JSON object");
        return std::unexpected(errors);
    }
    if (doc.value("format", json()) != k_format) {
        fail("format", "must be \"counterfoil-text-model\"");
    }
    if (!doc.contains("format_version") || !doc["format_version"].is_number_integer() ||
        doc["format_version"].get<int>() != k_format_version) {
        fail("format_version", "must be 1; this program reads no other");
    }
    TextModel m;
    if (const json& v = doc.value("version", json());
        v.is_string() && !v.get<std::string>().empty()) {
        m.m_version = v.get<std::string>();
    } else {
        fail("version", "a non-empty text is required");
    }
    if (doc.contains("trained")) {
        if (doc["trained"].is_object()) {
            m.m_trained = doc["trained"];
        } else {
            fail("trained", "must be an object");
        }
    }

    const json& heads = doc.value("heads", json());
    if (!heads.is_array() || heads.empty()) {
        fail("heads", "at least one head is required");
    } else {
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < heads.size(); ++i) {
            const std::string at = "heads[" + std::to_string(i) + "]";
            const json& h = heads[i];
            if (!h.is_object()) {
                fail(at, "a head is an object");
                continue;
            }
            ModelHead head;
            const json& attribute = h.value("attribute", json());
            if (!attribute.is_string() || !known_attribute(attribute.get<std::string>())) {
                fail(at + ".attribute", "must be one of request_type, category, severity, "
                                        "priority, special_type, emotion");
                continue;
            }
            head.attribute = attribute.get<std::string>();
            if (!seen.insert(head.attribute).second) {
                fail(at + ".attribute", "'" + head.attribute + "' has two heads");
            }
            const json& labels = h.value("labels", json());
            if (!labels.is_array() || labels.size() < 2) {
                fail(at + ".labels", "a head needs at least two labels");
                continue;
            }
            std::unordered_set<std::string> seen_labels;
            for (const json& l : labels) {
                const std::string label = l.is_string() ? l.get<std::string>() : std::string();
                if (!valid_label(head.attribute, label, categories)) {
                    fail(at + ".labels", "'" + label + "' is not a value of " + head.attribute);
                } else if (!seen_labels.insert(label).second) {
                    fail(at + ".labels", "'" + label + "' is listed twice");
                }
                head.labels.push_back(label);
            }
            const json& bias = h.value("bias", json());
            const auto small_number = [](const json& b) {
                return b.is_number() && std::isfinite(b.get<double>()) &&
                       std::abs(b.get<double>()) <= k_max_bias;
            };
            if (!bias.is_array() || bias.size() != head.labels.size() ||
                !std::ranges::all_of(bias, small_number)) {
                fail(at + ".bias", "needs one number per label, each between -10000 and 10000");
            } else {
                for (const json& b : bias) {
                    head.bias.push_back(b.get<float>());
                }
            }
            const json& scale = h.value("scale", json());
            if (!scale.is_number() || !std::isfinite(scale.get<double>()) ||
                scale.get<double>() <= 0.0 || scale.get<double>() > k_max_scale) {
                fail(at + ".scale", "must be a positive number up to 1000");
            } else {
                head.scale = scale.get<float>();
            }
            head.offset = m.m_row_size;
            m.m_row_size += head.labels.size();
            m.m_heads.push_back(std::move(head));
        }
    }

    const json& features = doc.value("features", json());
    if (!features.is_array()) {
        fail("features", "a list of feature texts is required");
    } else {
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < features.size(); ++i) {
            const json& f = features[i];
            if (!f.is_string() || f.get<std::string>().empty()) {
                fail("features[" + std::to_string(i) + "]", "must be a non-empty text");
                continue;
            }
            if (!seen.insert(f.get<std::string>()).second) {
                fail("features[" + std::to_string(i) + "]",
                     "'" + f.get<std::string>() + "' is listed twice");
            }
            m.m_features.push_back(f.get<std::string>());
        }
    }

    const json& weights = doc.value("weights", json());
    if (!weights.is_string()) {
        fail("weights", "a base64 text is required");
    } else if (auto bytes = core::from_base64(weights.get<std::string>()); !bytes) {
        fail("weights", "is not base64: " + bytes.error().message);
    } else if (errors.empty() && bytes->size() != m.m_features.size() * m.m_row_size) {
        fail("weights", "holds " + std::to_string(bytes->size()) + " bytes; " +
                            std::to_string(m.m_features.size()) + " features × " +
                            std::to_string(m.m_row_size) + " labels need " +
                            std::to_string(m.m_features.size() * m.m_row_size));
    } else {
        m.m_bytes.assign(reinterpret_cast<const std::int8_t*>(bytes->data()),
                         reinterpret_cast<const std::int8_t*>(bytes->data()) + bytes->size());
    }
    if (!errors.empty()) {
        return std::unexpected(errors);
    }
    m.index_features();
    return m;
}

ModelInput model_input(const TextModel& model, std::string_view text) {
    const std::vector<std::string> features = text_features(text);
    ModelInput in;
    if (features.empty()) {
        return in;
    }
    in.scale = 1.0f / std::sqrt(static_cast<float>(features.size()));
    for (const std::string& f : features) {
        if (const std::ptrdiff_t i = model.feature_index(f); i >= 0) {
            in.features.push_back(static_cast<std::size_t>(i));
        }
    }
    return in;
}

ModelVerdict predict(const TextModel& model, std::string_view text, std::size_t max_reasons) {
    ModelVerdict v;
    if (model.empty()) {
        return v;
    }
    const ModelInput in = model_input(model, text);
    for (const ModelHead& h : model.heads()) {
        std::vector<float> scores = h.bias;
        for (std::size_t f : in.features) {
            for (std::size_t l = 0; l < h.labels.size(); ++l) {
                scores[l] += model.weight(f, h.offset + l) * in.scale;
            }
        }
        HeadVerdict hv;
        hv.probabilities = softmax(std::move(scores));
        const auto best = static_cast<std::size_t>(std::ranges::max_element(hv.probabilities) -
                                                   hv.probabilities.begin());
        hv.label = h.labels[best];
        hv.probability = hv.probabilities[best];

        // A feature's pull towards the winner: its weight there minus its mean weight elsewhere.
        std::vector<FeatureWeight> reasons;
        for (std::size_t f : in.features) {
            float others = 0.0f;
            for (std::size_t l = 0; l < h.labels.size(); ++l) {
                if (l != best) {
                    others += model.weight(f, h.offset + l);
                }
            }
            const float pull =
                model.weight(f, h.offset + best) - others / static_cast<float>(h.labels.size() - 1);
            if (pull > 0.0f) {
                reasons.push_back({model.feature(f), pull});
            }
        }
        std::ranges::sort(reasons, [](const FeatureWeight& a, const FeatureWeight& b) {
            return a.weight != b.weight ? a.weight > b.weight : a.feature < b.feature;
        });
        if (reasons.size() > max_reasons) {
            reasons.resize(max_reasons);
        }
        v.heads.push_back(std::move(hv));
        v.reasons.push_back(std::move(reasons));
    }
    return v;
}

} // namespace cf::forms
