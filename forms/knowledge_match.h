#pragma once
// Finds the knowledge-base articles (knowledge_base.h) that answer what a customer typed, in
// any script or in English, without a word segmenter: Chinese text is compared as overlapping
// character pairs (bigrams), English as lower-cased word stems. Each article is matched on its
// question and keywords in all three locales, so Simplified and Traditional input each meet
// the article's own text in that script.
//
// The score of an article is the weight of the typed text's features that the article has
// (each weighted by how rare it is among the articles), as a share of the text's weight but
// of no more than a few distinctive features' weight, so a long story around a short question
// still finds its answer. Text that shares little with every article (an unrelated
// complaint) gets no match at all.

#include "forms/knowledge_base.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cf::forms {

// At most this many answers are offered at once.
inline constexpr std::size_t k_max_article_matches = 3;
// Below this share of the typed text's weight an article is not offered.
inline constexpr double k_article_match_threshold = 0.45;

struct ArticleMatch {
    std::size_t index = 0; // into KnowledgeBase::articles
    double score = 0;      // 0..1
};

// The comparable features of `text`: CJK bigrams (a lone CJK character as itself) and
// "w:"-prefixed English word stems, without common filler ("请问", "how", "my"), each once.
std::vector<std::string> matching_features(std::string_view text);

class KnowledgeMatcher {
public:
    KnowledgeMatcher() = default;
    // Indexes the articles of `kb`; the matcher keeps indexes, not pointers, so it stays valid
    // when the catalog holding both is moved.
    explicit KnowledgeMatcher(const KnowledgeBase& kb);

    // Up to `limit` articles scoring at least k_article_match_threshold, best first (ties in
    // the file's order). Empty for empty or unrelated text. Never fails.
    std::vector<ArticleMatch> match(std::string_view text,
                                    std::size_t limit = k_max_article_matches) const;

private:
    double weight(const std::string& feature) const;

    std::vector<std::vector<std::string>> m_docs; // per article, sorted features
    std::unordered_map<std::string, double> m_idf;
    double m_unseen_weight = 1.0;
};

} // namespace cf::forms
