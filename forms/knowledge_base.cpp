#include "forms/knowledge_base.h"

#include "forms/asset_reader.h"
#include "forms/text_util.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace cf::forms {

const std::vector<std::string>& ArticleKeywords::in(std::string_view locale) const {
    if (locale == "zh-Hant") {
        return zh_hant;
    }
    if (locale == "en") {
        return en;
    }
    return zh_hans;
}

const KnowledgeArticle* KnowledgeBase::find(std::string_view id) const {
    const auto it = std::find_if(articles.begin(), articles.end(),
                                 [&](const KnowledgeArticle& a) { return a.id == id; });
    return it == articles.end() ? nullptr : &*it;
}

std::vector<std::string_view> KnowledgeBase::all_texts() const {
    std::vector<std::string_view> out;
    for (const KnowledgeArticle& a : articles) {
        for (const std::string_view locale : k_locales) {
            out.push_back(a.question.in(locale));
            out.push_back(a.answer.in(locale));
        }
    }
    return out;
}

bool valid_article_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

namespace {

// Each locale of `text` within `limit` characters.
void check_length(const LocalizedText& text, const std::string& path, std::size_t limit,
                  AssetReader& reader) {
    for (const std::string_view locale : k_locales) {
        const std::size_t n = utf8_length(text.in(locale));
        if (n > limit) {
            reader.fail(join_path(path, locale), "is " + std::to_string(n) +
                                                     " characters long; at most " +
                                                     std::to_string(limit));
        }
    }
}

ArticleKeywords parse_keywords(const nlohmann::json& node, const std::string& path,
                               AssetReader& reader) {
    ArticleKeywords out;
    if (!reader.expect_object(node, path)) {
        return out;
    }
    reader.reject_unknown_keys(node, path, {"zh-Hans", "zh-Hant", "en"});
    for (const std::string_view locale : k_locales) {
        const std::string field = join_path(path, locale);
        const nlohmann::json* list = reader.member(node, path, locale, true);
        if (list == nullptr || !reader.expect_array(*list, field)) {
            continue;
        }
        if (list->empty()) {
            reader.fail(field, "needs at least one keyword a customer would use");
            continue;
        }
        std::vector<std::string>& words = locale == "zh-Hans"   ? out.zh_hans
                                          : locale == "zh-Hant" ? out.zh_hant
                                                                : out.en;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const nlohmann::json& w = (*list)[i];
            const std::string at = index_path(field, i);
            if (!w.is_string() || trim(w.get<std::string>()).empty()) {
                reader.fail(at, "must be a non-empty text");
                continue;
            }
            const std::string word = w.get<std::string>();
            if (utf8_length(word) > k_max_keyword_chars) {
                reader.fail(at, "is longer than " + std::to_string(k_max_keyword_chars) +
                                    " characters; a keyword is a word or a short phrase");
                continue;
            }
            words.push_back(word);
        }
    }
    return out;
}

std::optional<KnowledgeArticle> parse_article(const nlohmann::json& node, const std::string& path,
                                              const CategoryTree& tree, AssetReader& reader) {
    if (!reader.expect_object(node, path)) {
        return std::nullopt;
    }
    reader.reject_unknown_keys(node, path,
                               {"id", "version", "category", "question", "keywords", "answer"});
    KnowledgeArticle a;
    a.id = reader.string(node, path, "id", true).value_or("");
    if (!a.id.empty() && !valid_article_id(a.id)) {
        reader.fail(join_path(path, "id"), "'" + a.id +
                                               "' is not an article id (at most 64 of a-z, "
                                               "0-9, '.', '_' and '-')");
    }
    if (std::optional<std::int64_t> v = reader.integer(node, path, "version", true)) {
        if (*v < 1) {
            reader.fail(join_path(path, "version"), "must be 1 or more");
        }
        a.version = *v;
    }
    a.category = reader.string(node, path, "category", false).value_or("");
    if (!a.category.empty() && !tree.empty()) {
        const Category* c = tree.find(a.category);
        if (c == nullptr) {
            reader.fail(join_path(path, "category"),
                        "'" + a.category + "' is not a category of categories.json");
        } else if (!c->children.empty()) {
            reader.fail(join_path(path, "category"),
                        "'" + a.category + "' is a group; name one of its sub-categories");
        }
    }
    if (const nlohmann::json* q = reader.member(node, path, "question", true)) {
        a.question = parse_localized_text(*q, join_path(path, "question"), reader);
        check_length(a.question, join_path(path, "question"), k_max_question_chars, reader);
    }
    if (const nlohmann::json* k = reader.member(node, path, "keywords", true)) {
        a.keywords = parse_keywords(*k, join_path(path, "keywords"), reader);
    }
    if (const nlohmann::json* ans = reader.member(node, path, "answer", true)) {
        a.answer = parse_localized_text(*ans, join_path(path, "answer"), reader);
        check_length(a.answer, join_path(path, "answer"), k_max_answer_chars, reader);
    }
    return a;
}

} // namespace

std::expected<KnowledgeBase, std::vector<AssetError>>
parse_knowledge_base(const nlohmann::json& doc, const std::string& file, const CategoryTree& tree) {
    AssetReader reader(file);
    KnowledgeBase kb;
    if (!reader.expect_object(doc, "")) {
        return std::unexpected(reader.take_errors());
    }
    reader.reject_unknown_keys(doc, "", {"articles"});
    const nlohmann::json* list = reader.member(doc, "", "articles", true);
    if (list != nullptr && reader.expect_array(*list, "articles")) {
        if (list->empty()) {
            reader.fail("articles", "holds no articles");
        }
        std::set<std::string, std::less<>> ids;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string path = index_path("articles", i);
            std::optional<KnowledgeArticle> a = parse_article((*list)[i], path, tree, reader);
            if (!a) {
                continue;
            }
            if (!a->id.empty() && !ids.insert(a->id).second) {
                reader.fail(join_path(path, "id"),
                            "'" + a->id + "' is used by an earlier article; ids must be unique");
            }
            kb.articles.push_back(std::move(*a));
        }
    }
    if (reader.has_errors()) {
        return std::unexpected(reader.take_errors());
    }
    return kb;
}

} // namespace cf::forms
