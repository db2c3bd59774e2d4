#include "forms/classifier.h"

#include "forms/text_util.h"

#include <algorithm>

namespace cf::forms {
namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `lowered` is the text with ASCII letters lower-cased.
bool contains_word(std::string_view lowered, const Keyword& word) {
    const std::string_view pattern = word.pattern;
    if (!word.ascii) {
        return lowered.find(pattern) != std::string_view::npos;
    }
    const bool check_before = is_ascii_alnum(pattern.front());
    const bool check_after = !word.prefix && is_ascii_alnum(pattern.back());
    for (std::size_t pos = lowered.find(pattern); pos != std::string_view::npos;
         pos = lowered.find(pattern, pos + 1)) {
        const std::size_t end = pos + pattern.size();
        const bool before_ok = !check_before || pos == 0 || !is_ascii_alnum(lowered[pos - 1]);
        const bool after_ok =
            !check_after || end == lowered.size() || !is_ascii_alnum(lowered[end]);
        if (before_ok && after_ok) {
            return true;
        }
    }
    return false;
}

// Totals per value, remembering the order in which values first appeared for ties.
template <class T> class Tally {
public:
    void add(const T& value, int weight) {
        for (auto& [v, total] : m_totals) {
            if (v == value) {
                total += weight;
                return;
            }
        }
        m_totals.emplace_back(value, weight);
    }
    std::optional<T> winner() const {
        std::optional<T> best;
        int best_total = 0;
        for (const auto& [v, total] : m_totals) {
            if (total > best_total) {
                best = v;
                best_total = total;
            }
        }
        return best;
    }
    const std::vector<std::pair<T, int>>& totals() const { return m_totals; }

private:
    std::vector<std::pair<T, int>> m_totals;
};

template <class T> void keep_max(std::optional<T>& current, const std::optional<T>& candidate) {
    if (candidate && (!current || *candidate > *current)) {
        current = candidate;
    }
}

std::string top_level_code(const std::string& code) {
    return code.substr(0, code.find('.'));
}

std::optional<std::string> pick_category(const Tally<std::string>& codes) {
    Tally<std::string> groups;
    for (const auto& [code, total] : codes.totals()) {
        groups.add(top_level_code(code), total);
    }
    const std::optional<std::string> group = groups.winner();
    if (!group) {
        return std::nullopt;
    }
    std::optional<std::string> best_child;
    int best_total = 0;
    for (const auto& [code, total] : codes.totals()) {
        if (code != *group && top_level_code(code) == *group && total > best_total) {
            best_child = code;
            best_total = total;
        }
    }
    return best_child ? best_child : group;
}

} // namespace

std::string describe(const Suggestion& s) {
    std::vector<std::string> parts;
    if (s.request_type) {
        parts.push_back("request_type=" + std::string(core::to_string(*s.request_type)));
    }
    if (s.category) {
        parts.push_back("category=" + *s.category);
    }
    if (s.severity) {
        parts.push_back("severity=" + std::string(core::to_string(*s.severity)));
    }
    if (s.priority) {
        parts.push_back("priority=" + std::string(core::to_string(*s.priority)));
    }
    if (s.special_type) {
        parts.push_back("special_type=" + std::string(core::to_string(*s.special_type)));
    }
    if (s.emotion) {
        parts.push_back("emotion=" + std::string(core::to_string(*s.emotion)));
    }
    return join(parts);
}

Suggestion with_priority_policy(Suggestion s) {
    if (s.emotion == core::Emotion::agitated || s.severity == core::Severity::major ||
        s.special_type == core::SpecialType::media_exposure) {
        s.priority = core::Priority::urgent;
    }
    return s;
}

Classification classify(const ClassifierRules& rules, std::string_view text) {
    Classification out;
    const std::string lowered = ascii_lower(text);
    Tally<core::RequestType> request_types;
    Tally<core::SpecialType> special_types;
    Tally<std::string> categories;
    for (const KeywordRule& rule : rules.rules) {
        const std::string sets = describe(rule.suggests);
        for (const Keyword& word : rule.words) {
            if (!contains_word(lowered, word)) {
                continue;
            }
            out.matches.push_back(Match{word.text, rule.id, sets});
            const Suggestion& s = rule.suggests;
            if (s.request_type) {
                request_types.add(*s.request_type, rule.weight);
            }
            if (s.special_type) {
                special_types.add(*s.special_type, rule.weight);
            }
            if (s.category) {
                categories.add(*s.category, rule.weight);
            }
            keep_max(out.result.severity, s.severity);
            keep_max(out.result.priority, s.priority);
            keep_max(out.result.emotion, s.emotion);
        }
    }
    out.result.request_type = request_types.winner();
    out.result.special_type = special_types.winner();
    out.result.category = pick_category(categories);
    return out;
}

} // namespace cf::forms
