#pragma once
// The knowledge base of standard answers (SOP 002 知识库标准答案): common bank and telecom
// questions with the answer staff and the kiosk give, in the three locales
// (assets/knowledge/articles.json). The kiosk shows the best matches when a customer types an
// enquiry (knowledge_match.h); the counter shows them beside an enquiry.

#include "forms/asset_error.h"
#include "forms/category_tree.h"
#include "forms/localized_text.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

namespace cf::forms {

// A question fits on one line of a tile; an answer is read standing at the kiosk.
inline constexpr std::size_t k_max_question_chars = 80;
inline constexpr std::size_t k_max_answer_chars = 600;
inline constexpr std::size_t k_max_keyword_chars = 40;

// The words a customer may use for the question, per locale.
struct ArticleKeywords {
    std::vector<std::string> zh_hans;
    std::vector<std::string> zh_hant;
    std::vector<std::string> en;
    const std::vector<std::string>& in(std::string_view locale) const;
};

struct KnowledgeArticle {
    std::string id;           // stable: tickets name it (Ticket::knowledge_article)
    std::int64_t version = 1; // raised whenever the answer changes
    std::string category;     // a leaf of the category tree, or empty
    LocalizedText question;
    ArticleKeywords keywords;
    LocalizedText answer;
};

struct KnowledgeBase {
    std::vector<KnowledgeArticle> articles; // in the file's order

    // The article with this id, or nullptr.
    const KnowledgeArticle* find(std::string_view id) const;
    // Every question and answer in every locale, for the font atlas.
    std::vector<std::string_view> all_texts() const;
};

// Whether `id` can name an article: 1 to 64 of a-z, 0-9, '.', '_' and '-'. The center checks a
// ticket's knowledge_article with it.
bool valid_article_id(std::string_view id);

// Parses assets/knowledge/articles.json: {"articles": [{"id", "version", "category"?,
// "question": {locales}, "keywords": {"zh-Hans": [..], "zh-Hant": [..], "en": [..]},
// "answer": {locales}}, ...]}. Fails with every problem, each naming `file` and the field
// ("articles[3].answer.en"): no articles, a bad or duplicate id, a version that is not a
// whole number of 1 or more, a missing or empty locale of the question or answer, a
// locale without keywords or with an empty one, texts over their length limits, a category
// that is not a leaf of `tree` (skipped when the tree is empty, i.e. did not load), unknown
// keys.
std::expected<KnowledgeBase, std::vector<AssetError>>
parse_knowledge_base(const nlohmann::json& doc, const std::string& file, const CategoryTree& tree);

} // namespace cf::forms
