#include "forms/classifier.h"

#include "forms/text_util.h"

#include <algorithm>

namespace cf::forms {
namespace {

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Byte offsets where `word` occurs in `lowered` (the text with ASCII letters lower-cased).
std::vector<std::size_t> occurrences(std::string_view lowered, const Keyword& word) {
    std::vector<std::size_t> found;
    const std::string_view pattern = word.pattern;
    const bool check_before = word.ascii && is_ascii_alnum(pattern.front());
    const bool check_after = word.ascii && !word.prefix && is_ascii_alnum(pattern.back());
    for (std::size_t pos = lowered.find(pattern); pos != std::string_view::npos;
         pos = lowered.find(pattern, pos + 1)) {
        const std::size_t end = pos + pattern.size();
        const bool before_ok = !check_before || pos == 0 || !is_ascii_alnum(lowered[pos - 1]);
        const bool after_ok =
            !check_after || end == lowered.size() || !is_ascii_alnum(lowered[end]);
        if (before_ok && after_ok) {
            found.push_back(pos);
        }
    }
    return found;
}

// Punctuation that ends a clause: a negator never reaches across it.
bool is_clause_break(std::string_view code_point) {
    static constexpr std::string_view breaks[] = {",",  ".",  "!",  "?",  ";",  ":",  "\n",
                                                  "，", "。", "！", "？", "；", "：", "、"};
    return std::find(std::begin(breaks), std::end(breaks), code_point) != std::end(breaks);
}

// The negator that stands at most `window` characters before `pos` in the same clause, if any.
const Keyword* negator_before(std::string_view lowered, std::size_t pos, const Negation& negation) {
    // The clause's first byte: the negator must be found after it.
    std::size_t start = pos;
    while (start > 0) {
        std::size_t prev = start - 1;
        while (prev > 0 && is_continuation(lowered[prev])) {
            --prev;
        }
        if (is_clause_break(lowered.substr(prev, start - prev))) {
            break;
        }
        start = prev;
    }
    const Keyword* best = nullptr;
    int best_gap = 0;
    for (const Keyword& negator : negation.words) {
        for (const std::size_t at : occurrences(lowered, negator)) {
            const std::size_t end = at + negator.pattern.size();
            if (at < start || end > pos) {
                continue;
            }
            // Characters between the negator and the word, spaces not counted.
            int gap = 0;
            for (std::size_t i = end; i < pos; ++i) {
                gap += !is_continuation(lowered[i]) && lowered[i] != ' ' ? 1 : 0;
            }
            // The nearest negator wins, then the longest ("没有" over "没").
            if (gap <= negation.window &&
                (best == nullptr || gap < best_gap ||
                 (gap == best_gap && negator.pattern.size() > best->pattern.size()))) {
                best = &negator;
                best_gap = gap;
            }
        }
    }
    return best;
}

// "！！", "?!", "？？？": two or more marks with an exclamation mark among them, or three
// question marks. Returns the first run found.
std::optional<std::string> exclamation_run(std::string_view text) {
    std::size_t run_start = 0;
    int marks = 0;
    bool exclaimed = false;
    const auto finished = [&](std::size_t end) -> std::optional<std::string> {
        if ((marks >= 2 && exclaimed) || marks >= 3) {
            return std::string(text.substr(run_start, end - run_start));
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t len = 1;
        while (i + len < text.size() && is_continuation(text[i + len])) {
            ++len;
        }
        const std::string_view cp = text.substr(i, len);
        const bool exclamation = cp == "!" || cp == "！";
        const bool question = cp == "?" || cp == "？";
        if (exclamation || question) {
            if (marks == 0) {
                run_start = i;
                exclaimed = false;
            }
            ++marks;
            exclaimed = exclaimed || exclamation;
        } else {
            if (auto run = finished(i)) {
                return run;
            }
            marks = 0;
        }
        i += len;
    }
    return finished(text.size());
}

// Shouting in capitals: two or more words of two or more capital letters in a row (separated
// by spaces only), or one such word of four or more letters; `acronyms` ("ATM") do not count.
// Returns the first shouted stretch.
std::optional<std::string> all_caps(std::string_view text,
                                    const std::vector<std::string>& acronyms) {
    std::size_t run_start = 0;
    std::size_t run_end = 0;
    int words = 0;
    std::size_t longest = 0;
    const auto finished = [&]() -> std::optional<std::string> {
        if (words >= 2 || longest >= 4) {
            return std::string(text.substr(run_start, run_end - run_start));
        }
        return std::nullopt;
    };
    for (std::size_t i = 0; i < text.size();) {
        if (!is_ascii_letter(text[i])) {
            // Anything but spaces between two capital words ends the run.
            if (text[i] != ' ' && words > 0) {
                if (auto run = finished()) {
                    return run;
                }
                words = 0;
                longest = 0;
            }
            ++i;
            continue;
        }
        std::size_t end = i;
        bool capitals = true;
        while (end < text.size() && is_ascii_letter(text[end])) {
            capitals = capitals && text[end] >= 'A' && text[end] <= 'Z';
            ++end;
        }
        const std::string_view word = text.substr(i, end - i);
        const bool acronym = std::find(acronyms.begin(), acronyms.end(), word) != acronyms.end();
        if (capitals && word.size() >= 2 && !acronym) {
            if (words == 0) {
                run_start = i;
            }
            run_end = end;
            ++words;
            longest = std::max(longest, word.size());
        } else if (word.size() >= 2 || !capitals) {
            if (auto run = finished()) {
                return run;
            }
            words = 0;
            longest = 0;
        }
        i = end;
    }
    return finished();
}

std::optional<std::string> find_signal(Signal signal, std::string_view text,
                                       const KeywordRule& rule) {
    switch (signal) {
    case Signal::exclamation_run:
        return exclamation_run(text);
    case Signal::all_caps:
        return all_caps(text, rule.acronyms);
    }
    return std::nullopt;
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
    const auto vote = [&](const KeywordRule& rule, std::string word, const Suggestion& s) {
        out.matches.push_back(Match{std::move(word), rule.id, describe(s)});
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
    };
    for (const KeywordRule& rule : rules.rules) {
        const bool required_found =
            std::any_of(rule.requires_words.begin(), rule.requires_words.end(),
                        [&](const Keyword& w) { return !occurrences(lowered, w).empty(); });
        if (!rule.requires_words.empty() && !required_found) {
            continue;
        }
        for (const Keyword& word : rule.words) {
            const std::vector<std::size_t> found = occurrences(lowered, word);
            if (found.empty()) {
                continue;
            }
            const Keyword* negator = nullptr;
            if (rule.negatable) {
                for (const std::size_t pos : found) {
                    negator = negator_before(lowered, pos, rules.negation);
                    if (negator == nullptr) {
                        break; // one plain mention is enough
                    }
                }
            }
            if (negator == nullptr) {
                vote(rule, word.text, rule.suggests);
                continue;
            }
            // Negated: the subject stays, the problem does not.
            Suggestion subject;
            subject.category = rule.suggests.category;
            vote(rule, word.text, subject);
            out.matches.back().sets +=
                (subject.category ? "; " : "") + std::string("negated by ") + negator->text;
        }
        for (const Signal signal : rule.signals) {
            if (auto found = find_signal(signal, text, rule)) {
                vote(rule, std::move(*found), rule.suggests);
            }
        }
    }
    out.result.request_type = request_types.winner();
    out.result.special_type = special_types.winner();
    out.result.category = pick_category(categories);
    // SOP 002: suggestions, praise and other requests are routine (normal, general) and an
    // enquiry harms nobody (general) unless something urgent or major was found.
    const auto type = out.result.request_type;
    const bool routine = type == core::RequestType::suggestion ||
                         type == core::RequestType::praise || type == core::RequestType::other;
    if (routine && out.result.priority == core::Priority::important) {
        out.result.priority = core::Priority::normal;
    }
    if ((routine || type == core::RequestType::enquiry) &&
        out.result.severity == core::Severity::important) {
        out.result.severity = core::Severity::general;
    }
    // SOP 002: a complaint or a report harms the customer's experience, so it is at least
    // important. An unset request type files as a complaint, so it counts as one here.
    const bool grievance =
        !type || type == core::RequestType::complaint || type == core::RequestType::report;
    if (grievance && !out.matches.empty() &&
        (!out.result.priority || *out.result.priority < core::Priority::important)) {
        out.result.priority = core::Priority::important;
        out.matches.push_back(Match{type ? "request_type=" + std::string(core::to_string(*type))
                                         : "request_type unset (complaint)",
                                    "policy:complaint_is_important", "priority=important"});
    }
    return out;
}

} // namespace cf::forms
