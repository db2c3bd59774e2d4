#include "forms/text_features.h"

#include "core/utf8.h"
#include "forms/chinese_script.h"

#include <cstdint>
#include <unordered_set>

namespace cf::forms {
namespace {

constexpr std::size_t k_max_chinese_gram = 3;
constexpr std::size_t k_stem_length = 5;

enum class Kind { separator, word, chinese, exclamation, question };

struct Unit {
    Kind kind = Kind::separator;
    std::string text; // the character as UTF-8, ASCII lower-cased
    bool upper = false;
};

std::uint32_t decode(const unsigned char* p, std::size_t n) {
    if (n == 1) {
        return p[0];
    }
    std::uint32_t cp = p[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t i = 1; i < n; ++i) {
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    return cp;
}

bool is_chinese(std::uint32_t cp) {
    return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

Unit classify_ascii(char c) {
    if (c >= 'A' && c <= 'Z') {
        return {Kind::word, std::string(1, static_cast<char>(c - 'A' + 'a')), true};
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
        return {Kind::word, std::string(1, c), false};
    }
    if (c == '!') {
        return {Kind::exclamation, {}, false};
    }
    if (c == '?') {
        return {Kind::question, {}, false};
    }
    if (c == ' ' || c == '\t') {
        return {Kind::separator, " ", false};
    }
    return {};
}

std::vector<Unit> units_of(std::string_view text) {
    std::vector<Unit> units;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        std::size_t n = *p < 0x80 ? 1 : core::utf8_sequence(p, end);
        if (n == 0) {
            units.push_back({});
            ++p;
            continue;
        }
        const std::uint32_t cp = decode(p, n);
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            units.push_back(classify_ascii(static_cast<char>(cp - 0xFF01 + 0x21)));
        } else if (cp < 0x80) {
            units.push_back(classify_ascii(static_cast<char>(cp)));
        } else if (is_chinese(cp)) {
            units.push_back({Kind::chinese, std::string(reinterpret_cast<const char*>(p), n)});
        } else {
            units.push_back({});
        }
        p += n;
    }
    return units;
}

class FeatureList {
public:
    void add(std::string feature) {
        if (m_seen.insert(feature).second) {
            m_features.push_back(std::move(feature));
        }
    }
    std::vector<std::string> take() { return std::move(m_features); }

private:
    std::vector<std::string> m_features;
    std::unordered_set<std::string> m_seen;
};

void add_chinese_run(FeatureList& out, const std::vector<std::string>& run) {
    for (std::size_t i = 0; i < run.size(); ++i) {
        std::string gram;
        for (std::size_t n = 0; n < k_max_chinese_gram && i + n < run.size(); ++n) {
            gram += run[i + n];
            out.add(gram);
        }
    }
}

} // namespace

std::vector<std::string> text_features(std::string_view text) {
    const std::vector<Unit> units = units_of(to_simplified(text));
    FeatureList out;
    std::vector<std::string> chinese;
    std::string word;
    std::string previous_word; // the English word before, within one clause
    bool word_upper = true;    // no lower-case letter so far
    bool word_letters = false; // at least one letter so far
    int shouted_words = 0;
    int exclamations = 0;
    int questions = 0;

    auto end_word = [&] {
        if (word.empty()) {
            return;
        }
        out.add(word);
        if (word.size() > k_stem_length + 1 && word_letters) {
            // "charged", "charges" and "charging" share "~charg": English has few texts per
            // category, so every inflection seen once must count for the others.
            out.add("~" + word.substr(0, k_stem_length));
        }
        if (!previous_word.empty()) {
            out.add(previous_word + " " + word);
        }
        if (word_upper && word_letters && word.size() >= 3) {
            ++shouted_words;
        }
        previous_word = std::move(word);
        word.clear();
        word_upper = true;
        word_letters = false;
    };
    auto end_chinese = [&] {
        add_chinese_run(out, chinese);
        chinese.clear();
    };
    auto end_marks = [&](Kind next) {
        if (next != Kind::exclamation) {
            if (exclamations >= 2) {
                out.add("#!!");
            }
            exclamations = 0;
        }
        if (next != Kind::question) {
            if (questions >= 2) {
                out.add("#??");
            }
            questions = 0;
        }
    };

    for (const Unit& u : units) {
        end_marks(u.kind);
        if (u.kind != Kind::word) {
            end_word();
        }
        if (u.kind != Kind::chinese) {
            end_chinese();
        }
        switch (u.kind) {
        case Kind::word:
            word += u.text;
            if (u.text[0] >= 'a' && u.text[0] <= 'z') {
                word_letters = true;
                word_upper = word_upper && u.upper;
            }
            break;
        case Kind::chinese:
            chinese.push_back(u.text);
            previous_word.clear();
            break;
        case Kind::exclamation:
            ++exclamations;
            previous_word.clear();
            break;
        case Kind::question:
            ++questions;
            previous_word.clear();
            break;
        case Kind::separator:
            // A space keeps two English words a pair; anything else ends the clause.
            if (u.text != " ") {
                previous_word.clear();
            }
            break;
        }
    }
    end_marks(Kind::separator);
    end_word();
    end_chinese();
    if (shouted_words >= 2) {
        out.add("#CAPS");
    }
    return out.take();
}

bool is_marker_feature(std::string_view feature) {
    return feature.size() > 1 && feature.front() == '#';
}

} // namespace cf::forms
