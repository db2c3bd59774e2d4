#include "forms/knowledge_match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <iterator>

namespace cf::forms {
namespace {

// Words and character pairs that say nothing about the question: greetings, "how do I",
// pronouns. Dropped from the typed text and from the articles alike.
constexpr std::string_view k_stop_cjk[] = {
    "你好", "您好", "请问", "請問", "我想", "想问", "想問", "一下", "怎么", "怎麼",
    "如何", "可以", "什么", "什麼", "需要", "我的", "是否", "是不", "不是", "问一",
    "問一", "有没", "有沒", "没有", "沒有", "我要", "要怎", "能不", "不能", "谢谢",
    "謝謝", "多谢", "多謝", "咨询", "諮詢", "问题", "問題", "这个", "這個", "那个"};
constexpr std::string_view k_stop_en[] = {
    "the",  "a",      "an",   "i",     "my",   "me",    "to",      "of",    "is",     "do",
    "does", "how",    "can",  "what",  "for",  "in",    "on",      "it",    "you",    "your",
    "and",  "or",     "be",   "are",   "with", "at",    "this",    "that",  "please", "want",
    "need", "would",  "like", "hello", "hi",   "there", "if",      "get",   "have",   "has",
    "will", "we",     "our",  "am",    "was",  "when",  "where",   "which", "much",   "by",
    "from", "should", "help", "ask",   "tell", "know",  "question"};

bool is_han(char32_t c) {
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

void put_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The code points of `text`; a malformed byte becomes a separator.
std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > text.size()) {
            out.push_back(U' ');
            ++i;
            continue;
        }
        char32_t c = len == 1 ? b : b & (0x7F >> len);
        for (int k = 1; k < len; ++k) {
            c = (c << 6) |
                (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        }
        // Full-width letters and digits (ＳＩＭ, ５Ｇ) read as their ASCII twins.
        if (c >= 0xFF01 && c <= 0xFF5E) {
            c -= 0xFEE0;
        }
        out.push_back(c);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

// A crude English stem, so "charges", "charged" and "charge" meet: common endings off.
std::string stem(std::string word) {
    for (const std::string_view suffix : {"ing", "ed", "es", "s"}) {
        if (word.size() > suffix.size() + 2 && word.ends_with(suffix)) {
            word.resize(word.size() - suffix.size());
            break;
        }
    }
    if (word.size() > 3 && word.ends_with('e')) {
        word.pop_back();
    }
    return word;
}

template <std::size_t N> bool in(const std::string_view (&list)[N], std::string_view s) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

// About three distinctive features' weight (each up to log(1 + articles)).
constexpr double k_weight_cap = 12.0;

} // namespace

std::vector<std::string> matching_features(std::string_view text) {
    std::vector<std::string> out;
    const std::vector<char32_t> cps = code_points(text);
    std::size_t i = 0;
    while (i < cps.size()) {
        const char32_t c = cps[i];
        if (is_han(c)) {
            std::size_t end = i;
            while (end < cps.size() && is_han(cps[end])) {
                ++end;
            }
            if (end - i == 1) {
                std::string one;
                put_utf8(one, c);
                out.push_back(std::move(one));
            }
            for (std::size_t k = i; k + 1 < end; ++k) {
                std::string pair;
                put_utf8(pair, cps[k]);
                put_utf8(pair, cps[k + 1]);
                if (!in(k_stop_cjk, pair)) {
                    out.push_back(std::move(pair));
                }
            }
            i = end;
        } else if (c < 0x80 && std::isalnum(static_cast<int>(c)) != 0) {
            std::string word;
            while (i < cps.size() && cps[i] < 0x80 && std::isalnum(static_cast<int>(cps[i])) != 0) {
                word += static_cast<char>(std::tolower(static_cast<int>(cps[i])));
                ++i;
            }
            if (!in(k_stop_en, word)) {
                out.push_back("w:" + stem(std::move(word)));
            }
        } else {
            ++i;
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

KnowledgeMatcher::KnowledgeMatcher(const KnowledgeBase& kb) {
    std::unordered_map<std::string, int> df;
    for (const KnowledgeArticle& a : kb.articles) {
        std::string text;
        for (const std::string_view locale : k_locales) {
            text += a.question.in(locale);
            text += '\n';
            for (const std::string& k : a.keywords.in(locale)) {
                text += k;
                text += '\n';
            }
        }
        std::vector<std::string> doc = matching_features(text);
        for (const std::string& f : doc) {
            ++df[f];
        }
        m_docs.push_back(std::move(doc));
    }
    const double n = static_cast<double>(m_docs.size());
    for (const auto& [feature, count] : df) {
        m_idf.emplace(feature, std::log(1.0 + n / count));
    }
    m_unseen_weight = std::log(1.0 + n);
}

double KnowledgeMatcher::weight(const std::string& feature) const {
    const auto it = m_idf.find(feature);
    return it == m_idf.end() ? m_unseen_weight : it->second;
}

std::vector<ArticleMatch> KnowledgeMatcher::match(std::string_view text, std::size_t limit) const {
    const std::vector<std::string> query = matching_features(text);
    double total = 0;
    for (const std::string& f : query) {
        total += weight(f);
    }
    std::vector<ArticleMatch> out;
    if (total <= 0) {
        return out;
    }
    for (std::size_t i = 0; i < m_docs.size(); ++i) {
        double matched = 0;
        for (const std::string& f : query) {
            if (std::binary_search(m_docs[i].begin(), m_docs[i].end(), f)) {
                matched += weight(f);
            }
        }
        // A long message tells a story around its question; dividing by at most the weight of
        // a few distinctive features keeps the story from drowning the question.
        const double score = std::min(1.0, matched / std::min(total, k_weight_cap));
        if (score >= k_article_match_threshold) {
            out.push_back(ArticleMatch{i, score});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ArticleMatch& a, const ArticleMatch& b) {
        return a.score > b.score;
    });
    if (out.size() > limit) {
        out.resize(limit);
    }
    return out;
}

} // namespace cf::forms
