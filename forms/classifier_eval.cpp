#include "forms/classifier_eval.h"

#include "forms/category_tree.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>

namespace cf::forms {
namespace {

using nlohmann::json;

// Reads `key` of `line` as a string; records a problem and returns nullopt otherwise.
std::optional<std::string> text_member(const json& line, std::string_view key,
                                       std::vector<std::string>& problems) {
    const auto it = line.find(key);
    if (it == line.end()) {
        problems.push_back("'" + std::string(key) + "' is missing");
        return std::nullopt;
    }
    if (!it->is_string()) {
        problems.push_back("'" + std::string(key) + "' must be a string");
        return std::nullopt;
    }
    return it->get<std::string>();
}

template <class T, class Parse>
void enum_member(const json& line, std::string_view key, Parse parse, T& out,
                 std::vector<std::string>& problems) {
    if (auto text = text_member(line, key, problems)) {
        if (auto value = parse(*text)) {
            out = *value;
        } else {
            problems.push_back("'" + std::string(key) + "' is '" + *text + "', not a known " +
                               std::string(key));
        }
    }
}

std::optional<CorpusText> parse_line(const json& line, std::vector<std::string>& problems) {
    if (!line.is_object()) {
        problems.push_back("is not a JSON object");
        return std::nullopt;
    }
    CorpusText t;
    const std::size_t before = problems.size();
    t.id = text_member(line, "id", problems).value_or("");
    t.text = text_member(line, "text", problems).value_or("");
    t.locale = text_member(line, "locale", problems).value_or("");
    t.category = text_member(line, "category", problems).value_or("");
    enum_member(line, "request_type", core::parse_request_type, t.request_type, problems);
    enum_member(line, "severity", core::parse_severity, t.severity, problems);
    enum_member(line, "priority", core::parse_priority, t.priority, problems);
    enum_member(line, "special_type", core::parse_special_type, t.special_type, problems);
    enum_member(line, "emotion", core::parse_emotion, t.emotion, problems);
    const auto tags = line.find("tags");
    if (tags == line.end() || !tags->is_array()) {
        problems.push_back("'tags' must be a list of strings");
    } else {
        for (const json& tag : *tags) {
            if (!tag.is_string()) {
                problems.push_back("'tags' must be a list of strings");
                break;
            }
            t.tags.push_back(tag.get<std::string>());
        }
    }
    if (problems.size() != before) {
        return std::nullopt;
    }
    return t;
}

std::string group_of(const std::string& category) {
    return category.substr(0, category.find('.'));
}

int tier(core::Priority p) {
    switch (p) {
    case core::Priority::urgent:
        return 2;
    case core::Priority::important:
        return 1;
    case core::Priority::normal:
        return 0;
    }
    return 0;
}

Outcome resolve(const CorpusText& text, const Suggestion& s) {
    Outcome o;
    o.text = text;
    o.request_type = s.request_type.value_or(core::RequestType::complaint);
    o.category = s.category.value_or(std::string(k_fallback_category));
    o.severity = s.severity.value_or(core::Severity::general);
    o.priority = s.priority.value_or(core::Priority::normal);
    o.special_type = s.special_type.value_or(core::SpecialType::none);
    o.emotion = s.emotion.value_or(core::Emotion::calm);
    return o;
}

void score(Accuracy& a, const CorpusText& t, const Outcome& o) {
    a.request_type.add(o.request_type == t.request_type);
    a.category_group.add(group_of(o.category) == group_of(t.category));
    a.category_leaf.add(o.category == t.category);
    a.severity.add(o.severity == t.severity);
    a.priority.add(o.priority == t.priority);
    a.special_type.add(o.special_type == t.special_type);
    a.emotion.add(o.emotion == t.emotion);
}

std::string percent(const Count& c) {
    if (c.total == 0) {
        return "–";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * c.rate());
    return buf;
}

std::string fraction(const Count& c) {
    return percent(c) + " (" + std::to_string(c.hits) + "/" + std::to_string(c.total) + ")";
}

const char* const k_corpus_locales[] = {"zh-Hans", "zh-Hant", "en"};

} // namespace

std::string to_string(const CorpusError& e) {
    return e.where + ": " + e.reason;
}

std::expected<std::vector<CorpusText>, std::vector<CorpusError>>
read_corpus(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return std::unexpected(
            std::vector<CorpusError>{{file.string(), "cannot be opened for reading"}});
    }
    std::vector<CorpusText> corpus;
    std::vector<CorpusError> errors;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        const std::string where = name + ":" + std::to_string(number);
        const json doc = json::parse(line, nullptr, false);
        if (doc.is_discarded()) {
            errors.push_back({where, "is not valid JSON"});
            continue;
        }
        std::vector<std::string> problems;
        if (auto text = parse_line(doc, problems)) {
            corpus.push_back(std::move(*text));
        }
        for (std::string& p : problems) {
            errors.push_back({where, std::move(p)});
        }
    }
    if (!errors.empty()) {
        return std::unexpected(std::move(errors));
    }
    return corpus;
}

bool has_exposure_threat(const CorpusText& text) {
    return std::any_of(text.tags.begin(), text.tags.end(), [](const std::string& tag) {
        return tag == "media_threat" || tag == "lawyer_threat" || tag == "regulator_threat";
    });
}

Evaluation evaluate(const std::vector<CorpusText>& corpus, const Predictor& predict) {
    Evaluation e;
    for (const char* locale : k_corpus_locales) {
        e.by_locale.emplace_back(locale, Accuracy{});
    }
    std::map<std::string, LeafScore> leaves;
    for (const CorpusText& t : corpus) {
        const Outcome o = resolve(t, predict(t.text));
        score(e.overall, t, o);
        auto locale = std::find_if(e.by_locale.begin(), e.by_locale.end(),
                                   [&](const auto& entry) { return entry.first == t.locale; });
        if (locale == e.by_locale.end()) {
            e.by_locale.emplace_back(t.locale, Accuracy{});
            locale = std::prev(e.by_locale.end());
        }
        score(locale->second, t, o);

        e.under_tier.add(tier(o.priority) < tier(t.priority));
        if (t.priority == core::Priority::urgent) {
            e.urgent_recall.add(o.priority == core::Priority::urgent);
        }
        if (t.priority == core::Priority::important) {
            e.important_recall.add(tier(o.priority) >= tier(core::Priority::important));
        }
        const bool seen_exposure = o.special_type == core::SpecialType::media_exposure;
        if (has_exposure_threat(t)) {
            e.exposure_recall.add(seen_exposure && o.priority == core::Priority::urgent);
        } else {
            e.exposure_false_alarm.add(seen_exposure);
        }
        const bool seen_agitated = o.emotion == core::Emotion::agitated;
        if (t.emotion == core::Emotion::agitated) {
            e.agitated_recall.add(seen_agitated);
        } else {
            e.agitated_false_alarm.add(seen_agitated);
        }

        LeafScore& labelled = leaves[t.category];
        labelled.leaf = t.category;
        ++labelled.labelled;
        if (o.category.find('.') != std::string::npos) {
            LeafScore& predicted = leaves[o.category];
            predicted.leaf = o.category;
            ++predicted.predicted;
            predicted.correct += o.category == t.category ? 1 : 0;
        }
        e.outcomes.push_back(o);
    }
    for (auto& [leaf, s] : leaves) {
        e.leaves.push_back(s);
    }
    return e;
}

std::string format_markdown(const Evaluation& e) {
    std::string out;
    out += "| | texts | request type | category group | category leaf | severity | priority | "
           "special type | emotion |\n";
    out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    const auto row = [&](const std::string& name, const Accuracy& a) {
        out += "| " + name + " | " + std::to_string(a.request_type.total) + " | " +
               percent(a.request_type) + " | " + percent(a.category_group) + " | " +
               percent(a.category_leaf) + " | " + percent(a.severity) + " | " +
               percent(a.priority) + " | " + percent(a.special_type) + " | " + percent(a.emotion) +
               " |\n";
    };
    row("all", e.overall);
    for (const auto& [locale, a] : e.by_locale) {
        row(locale, a);
    }
    out += "\n| figure | value |\n|---|---:|\n";
    out += "| priority under tier (all texts) | " + fraction(e.under_tier) + " |\n";
    out += "| urgent recall | " + fraction(e.urgent_recall) + " |\n";
    out += "| important-or-higher recall (labelled important) | " + fraction(e.important_recall) +
           " |\n";
    out += "| exposure recall (threat tags → media_exposure, urgent) | " +
           fraction(e.exposure_recall) + " |\n";
    out += "| exposure false alarms (no threat tag) | " + fraction(e.exposure_false_alarm) + " |\n";
    out += "| agitated recall | " + fraction(e.agitated_recall) + " |\n";
    out += "| agitated false alarms | " + fraction(e.agitated_false_alarm) + " |\n";
    out += "\n| leaf | labelled | predicted | correct |\n|---|---:|---:|---:|\n";
    for (const LeafScore& s : e.leaves) {
        out += "| " + s.leaf + " | " + std::to_string(s.labelled) + " | " +
               std::to_string(s.predicted) + " | " + std::to_string(s.correct) + " |\n";
    }
    return out;
}

std::string format_misses(const Evaluation& e, std::string_view field) {
    std::string out;
    const auto line = [&](const Outcome& o, std::string_view what, std::string_view labelled,
                          std::string_view predicted) {
        out += o.text.id + " " + std::string(what) + " " + std::string(labelled) + "->" +
               std::string(predicted) + ": " + o.text.text + "\n";
    };
    for (const Outcome& o : e.outcomes) {
        const CorpusText& t = o.text;
        if (tier(o.priority) < tier(t.priority)) {
            line(o, "under-tier", core::to_string(t.priority), core::to_string(o.priority));
        }
        const bool seen_exposure = o.special_type == core::SpecialType::media_exposure;
        if (has_exposure_threat(t) && !(seen_exposure && o.priority == core::Priority::urgent)) {
            line(o, "exposure-missed", "media_exposure", core::to_string(o.special_type));
        }
        if (!has_exposure_threat(t) && seen_exposure) {
            line(o, "exposure-false", "none", "media_exposure");
        }
        if (field == "request_type" && o.request_type != t.request_type) {
            line(o, field, core::to_string(t.request_type), core::to_string(o.request_type));
        } else if (field == "category" && o.category != t.category) {
            line(o, field, t.category, o.category);
        } else if (field == "severity" && o.severity != t.severity) {
            line(o, field, core::to_string(t.severity), core::to_string(o.severity));
        } else if (field == "priority" && o.priority != t.priority) {
            line(o, field, core::to_string(t.priority), core::to_string(o.priority));
        } else if (field == "special_type" && o.special_type != t.special_type) {
            line(o, field, core::to_string(t.special_type), core::to_string(o.special_type));
        } else if (field == "emotion" && o.emotion != t.emotion) {
            line(o, field, core::to_string(t.emotion), core::to_string(o.emotion));
        }
    }
    return out;
}

} // namespace cf::forms
