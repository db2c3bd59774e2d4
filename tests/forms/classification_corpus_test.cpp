// The labelled classification corpus (tests/data/classification, issue 15): every line is a
// well-formed record whose labels are values the system knows, the three splits are disjoint,
// and the corpus is as large and as balanced as docs/CLASSIFICATION_CORPUS.md promises.

#include "core/ticket.h"
#include "forms/catalog.h"

#include "tests/forms/forms_test_util.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace cf;

namespace {

struct Record {
    std::string split;
    std::size_t line = 0;
    nlohmann::json value;
};

constexpr std::array<const char*, 3> k_splits = {"train", "dev", "test"};
constexpr std::array<const char*, 3> k_locales = {"zh-Hans", "zh-Hant", "en"};
constexpr std::array<const char*, 6> k_request_types = {"enquiry", "complaint", "suggestion",
                                                        "praise",  "report",    "other"};
const std::set<std::string> k_keys = {"id",       "text",     "locale",   "request_type",
                                      "category", "severity", "priority", "special_type",
                                      "emotion",  "tags"};
// The tags docs/CLASSIFICATION_CORPUS.md lists.
const std::set<std::string> k_tags = {"negation",
                                      "denial",
                                      "typo",
                                      "colloquial",
                                      "rambling",
                                      "hong_kong",
                                      "taiwan",
                                      "media_threat",
                                      "lawyer_threat",
                                      "regulator_threat",
                                      "escalation_threat",
                                      "implicit_urgent",
                                      "agitated_wording",
                                      "insult",
                                      "all_caps",
                                      "praise_mentions_problem",
                                      "suggestion_mentions_problem",
                                      "spoken",
                                      "elderly",
                                      "repeat",
                                      "mixed_language",
                                      "short",
                                      "long"};

constexpr std::size_t k_min_per_leaf = 18;
constexpr std::size_t k_min_per_leaf_in_dev_and_test = 2;
constexpr std::size_t k_min_total = 900;
constexpr std::size_t k_min_per_minor_request_type = 40;

// tests/data/classification beside the source tree's assets/ folder.
std::filesystem::path corpus_dir() {
    return test::assets_dir().parent_path() / "tests" / "data" / "classification";
}

std::string where(const Record& r) {
    return r.split + ".jsonl:" + std::to_string(r.line);
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

// Every record of the three splits; fails the test on a file that is missing or a line that is
// not a JSON object.
std::vector<Record> load_corpus() {
    std::vector<Record> records;
    for (const char* split : k_splits) {
        const std::filesystem::path file = corpus_dir() / (std::string(split) + ".jsonl");
        std::ifstream in(file);
        REQUIRE_MESSAGE(in.good(), "cannot open ", file.string());
        std::string text;
        std::size_t line = 0;
        while (std::getline(in, text)) {
            ++line;
            REQUIRE_MESSAGE(!trimmed(text).empty(), split, ".jsonl:", line, " is empty");
            nlohmann::json value = nlohmann::json::parse(text, nullptr, false);
            REQUIRE_MESSAGE(value.is_object(), split, ".jsonl:", line, " is not a JSON object");
            records.push_back({split, line, std::move(value)});
        }
    }
    return records;
}

const std::vector<Record>& corpus() {
    static const std::vector<Record> records = load_corpus();
    return records;
}

std::string text_of(const Record& r, const char* key) {
    const auto it = r.value.find(key);
    return it != r.value.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::vector<std::string> leaf_codes(const forms::Catalog& catalog) {
    std::vector<std::string> leaves;
    for (const forms::Category& top : catalog.categories.top_level()) {
        for (const forms::Category& child : top.children) {
            leaves.push_back(child.code);
        }
    }
    return leaves;
}

} // namespace

TEST_SUITE("classification corpus") {

    TEST_CASE("every corpus line parses with exactly the known keys, all strings but the tags") {
        REQUIRE(!corpus().empty());
        for (const Record& r : corpus()) {
            std::set<std::string> keys;
            for (const auto& [key, value] : r.value.items()) {
                keys.insert(key);
                if (key == "tags") {
                    CHECK_MESSAGE(value.is_array(), where(r), ": tags is not an array");
                } else {
                    CHECK_MESSAGE(value.is_string(), where(r), ": ", key, " is not a string");
                }
            }
            CHECK_MESSAGE(keys == k_keys, where(r), ": keys differ from the documented ones");
        }
    }

    TEST_CASE("every corpus label is a value the system knows, the category a leaf of the tree") {
        const forms::Catalog catalog = test::real_catalog();
        const std::vector<std::string> leaves = leaf_codes(catalog);
        const std::set<std::string> leaf_set(leaves.begin(), leaves.end());
        const std::set<std::string> locales(k_locales.begin(), k_locales.end());
        for (const Record& r : corpus()) {
            const std::string text = trimmed(text_of(r, "text"));
            CHECK_MESSAGE(!text.empty(), where(r), ": empty text");
            CHECK_MESSAGE(locales.contains(text_of(r, "locale")), where(r), ": locale");
            CHECK_MESSAGE(core::parse_request_type(text_of(r, "request_type")).has_value(),
                          where(r), ": request_type");
            CHECK_MESSAGE(catalog.categories.contains(text_of(r, "category")), where(r),
                          ": category not in assets/categories.json");
            CHECK_MESSAGE(leaf_set.contains(text_of(r, "category")), where(r),
                          ": category is not a leaf");
            CHECK_MESSAGE(core::parse_severity(text_of(r, "severity")).has_value(), where(r),
                          ": severity");
            CHECK_MESSAGE(core::parse_priority(text_of(r, "priority")).has_value(), where(r),
                          ": priority");
            CHECK_MESSAGE(core::parse_special_type(text_of(r, "special_type")).has_value(),
                          where(r), ": special_type");
            CHECK_MESSAGE(core::parse_emotion(text_of(r, "emotion")).has_value(), where(r),
                          ": emotion");
            const auto tags = r.value.find("tags");
            if (tags != r.value.end() && tags->is_array()) {
                for (const nlohmann::json& tag : *tags) {
                    CHECK_MESSAGE((tag.is_string() && k_tags.contains(tag.get<std::string>())),
                                  where(r), ": unknown tag ", tag.dump());
                }
            }
        }
    }

    TEST_CASE("corpus labels follow the guide's rules that tie one label to another") {
        for (const Record& r : corpus()) {
            const std::string special = text_of(r, "special_type");
            const std::string priority = text_of(r, "priority");
            const std::string type = text_of(r, "request_type");
            // 外宣传型 is 重大 and urgent; 重大 and agitated are urgent; a complaint or a
            // report is never normal.
            if (special == "media_exposure") {
                CHECK_MESSAGE(text_of(r, "severity") == "major", where(r), ": media is 重大");
            }
            if (special == "media_exposure" || text_of(r, "severity") == "major" ||
                text_of(r, "emotion") == "agitated") {
                CHECK_MESSAGE(priority == "urgent", where(r), ": should be urgent");
            }
            if (type == "complaint" || type == "report") {
                CHECK_MESSAGE(priority != "normal", where(r), ": a complaint is not normal");
            }
        }
    }

    TEST_CASE("corpus ids are unique across the three splits") {
        std::map<std::string, std::string> seen;
        for (const Record& r : corpus()) {
            const std::string id = text_of(r, "id");
            CHECK_MESSAGE(!id.empty(), where(r), ": no id");
            const auto [it, inserted] = seen.emplace(id, where(r));
            CHECK_MESSAGE(inserted, where(r), ": id ", id, " also at ", it->second);
        }
    }

    TEST_CASE("no corpus text appears twice, in one split or across splits") {
        std::map<std::string, std::string> seen;
        for (const Record& r : corpus()) {
            const auto [it, inserted] = seen.emplace(trimmed(text_of(r, "text")), where(r));
            CHECK_MESSAGE(inserted, where(r), ": same text as ", it->second);
        }
    }

    TEST_CASE("every leaf has enough corpus texts overall and in dev and test") {
        const forms::Catalog catalog = test::real_catalog();
        std::map<std::string, std::map<std::string, std::size_t>> counts; // leaf → split → n
        for (const Record& r : corpus()) {
            ++counts[text_of(r, "category")][r.split];
        }
        for (const std::string& leaf : leaf_codes(catalog)) {
            std::map<std::string, std::size_t>& per_split = counts[leaf];
            const std::size_t total = per_split["train"] + per_split["dev"] + per_split["test"];
            CHECK_MESSAGE(total >= k_min_per_leaf, leaf, " has ", total, " texts");
            CHECK_MESSAGE(per_split["dev"] >= k_min_per_leaf_in_dev_and_test, leaf, " has ",
                          per_split["dev"], " in dev");
            CHECK_MESSAGE(per_split["test"] >= k_min_per_leaf_in_dev_and_test, leaf, " has ",
                          per_split["test"], " in test");
        }
    }

    TEST_CASE("every request type and every locale appears in each corpus split") {
        std::map<std::string, std::set<std::string>> types;
        std::map<std::string, std::set<std::string>> locales;
        std::map<std::string, std::size_t> per_type;
        for (const Record& r : corpus()) {
            types[r.split].insert(text_of(r, "request_type"));
            locales[r.split].insert(text_of(r, "locale"));
            ++per_type[text_of(r, "request_type")];
        }
        for (const char* split : k_splits) {
            for (const char* type : k_request_types) {
                CHECK_MESSAGE(types[split].contains(type), split, " has no ", type);
            }
            for (const char* locale : k_locales) {
                CHECK_MESSAGE(locales[split].contains(locale), split, " has no ", locale);
            }
        }
        for (const char* type : k_request_types) {
            CHECK_MESSAGE(per_type[type] >= k_min_per_minor_request_type, type, " has ",
                          per_type[type], " texts");
        }
    }

    // Rounds one and two were split 70 / 15 / 15; round three (c2001-c3400) and later rounds
    // add training texts only, so dev and test stay the same held-out sets.
    TEST_CASE("the corpus is large enough, and dev and test each hold at least 150 texts") {
        std::map<std::string, std::size_t> sizes;
        for (const Record& r : corpus()) {
            ++sizes[r.split];
        }
        const std::size_t total = corpus().size();
        CHECK(total >= k_min_total);
        CHECK(sizes["train"] >= total * 65 / 100);
        CHECK(sizes["dev"] >= 150);
        CHECK(sizes["test"] >= 150);
    }
}
