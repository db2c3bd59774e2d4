#include "forms/classifier_eval.h"

#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>

using namespace cf;

namespace {

// tests/data/classifier_eval/dev.jsonl: four hand-made texts, one per line (and an empty line).
std::filesystem::path mini_corpus() {
    return test::assets_dir().parent_path() / "tests" / "data" / "classifier_eval" / "dev.jsonl";
}

std::vector<forms::CorpusText> load_mini() {
    auto corpus = forms::read_corpus(mini_corpus());
    REQUIRE(corpus.has_value());
    return *corpus;
}

// A fixed predictor: right on e0001, partly wrong on e0002 and e0003, silent on e0004.
forms::Suggestion predict(std::string_view text) {
    forms::Suggestion s;
    if (text == "甲") {
        s.request_type = core::RequestType::complaint;
        s.category = "billing.overcharge";
        s.severity = core::Severity::important;
        s.priority = core::Priority::important;
    } else if (text == "乙") {
        s.request_type = core::RequestType::complaint; // labelled enquiry
        s.category = "billing.overcharge";             // the right group, the wrong leaf
        s.priority = core::Priority::important;        // labelled normal: above, not under
    } else if (text == "gamma") {
        s.request_type = core::RequestType::complaint;
        s.category = "service_attitude"; // a group only: the leaf is wrong
        s.severity = core::Severity::major;
        s.priority = core::Priority::urgent;
        s.special_type = core::SpecialType::media_exposure;
    }
    return s; // "delta": nothing, so every value is the filed default
}

const forms::Accuracy& locale(const forms::Evaluation& e, const std::string& name) {
    for (const auto& [code, accuracy] : e.by_locale) {
        if (code == name) {
            return accuracy;
        }
    }
    FAIL("no locale ", name);
    return e.overall;
}

} // namespace

TEST_SUITE("classifier evaluation") {

    TEST_CASE("a corpus split is read line by line, skipping empty lines") {
        const auto corpus = load_mini();
        REQUIRE(corpus.size() == 4);
        CHECK(corpus[0].id == "e0001");
        CHECK(corpus[1].locale == "zh-Hant");
        CHECK(corpus[2].special_type == core::SpecialType::media_exposure);
        CHECK(corpus[2].tags == std::vector<std::string>{"lawyer_threat"});
        CHECK(corpus[3].emotion == core::Emotion::agitated);
    }

    TEST_CASE("bad lines are named by file and line number") {
        test::TempDir dir;
        const auto file = dir.path() / "bad.jsonl";
        std::ofstream(file)
            << std::ifstream(mini_corpus()).rdbuf() << "not json\n"
            << R"({"id": "e9", "text": "x", "locale": "en", "request_type": "complaint", )"
            << R"("category": "billing.overcharge", "severity": "important", "priority": "soon", )"
            << R"("special_type": "none", "emotion": "calm"})"
            << "\n";
        const auto corpus = forms::read_corpus(file);
        REQUIRE_FALSE(corpus.has_value());
        REQUIRE(corpus.error().size() == 3);
        CHECK(forms::to_string(corpus.error()[0]) == "bad.jsonl:6: is not valid JSON");
        CHECK(forms::to_string(corpus.error()[1]) ==
              "bad.jsonl:7: 'priority' is 'soon', not a known priority");
        CHECK(forms::to_string(corpus.error()[2]) ==
              "bad.jsonl:7: 'tags' must be a list of strings");
    }

    TEST_CASE("a missing file is one error naming it") {
        const auto corpus = forms::read_corpus("/nonexistent/dev.jsonl");
        REQUIRE_FALSE(corpus.has_value());
        CHECK(forms::to_string(corpus.error().at(0)) ==
              "/nonexistent/dev.jsonl: cannot be opened for reading");
    }

    TEST_CASE("accuracy overall counts unset values as the filed defaults") {
        const auto e = forms::evaluate(load_mini(), predict);
        CHECK(e.overall.request_type.hits == 3);
        CHECK(e.overall.request_type.total == 4);
        CHECK(e.overall.category_group.hits == 3);
        CHECK(e.overall.category_leaf.hits == 1);
        CHECK(e.overall.severity.hits == 3);
        CHECK(e.overall.priority.hits == 2);
        CHECK(e.overall.special_type.hits == 4);
        CHECK(e.overall.emotion.hits == 3);
    }

    TEST_CASE("accuracy per locale") {
        const auto e = forms::evaluate(load_mini(), predict);
        REQUIRE(e.by_locale.size() == 3);
        CHECK(e.by_locale[0].first == "zh-Hans");
        CHECK(locale(e, "zh-Hans").category_leaf.hits == 1);
        CHECK(locale(e, "zh-Hant").request_type.hits == 0);
        CHECK(locale(e, "zh-Hant").category_group.hits == 1);
        CHECK(locale(e, "en").request_type.total == 2);
        CHECK(locale(e, "en").priority.hits == 1);
        CHECK(locale(e, "en").category_group.hits == 1);
    }

    TEST_CASE("priority tiers, exposure and agitation figures") {
        const auto e = forms::evaluate(load_mini(), predict);
        CHECK(e.under_tier.hits == 1); // delta: urgent predicted normal; 乙 is above, not under
        CHECK(e.under_tier.total == 4);
        CHECK(e.urgent_recall.hits == 1);
        CHECK(e.urgent_recall.total == 2);
        CHECK(e.important_recall.hits == 1);
        CHECK(e.important_recall.total == 1);
        CHECK(e.exposure_recall.hits == 1);
        CHECK(e.exposure_recall.total == 1);
        CHECK(e.exposure_false_alarm.hits == 0);
        CHECK(e.exposure_false_alarm.total == 3);
        CHECK(e.agitated_recall.hits == 0);
        CHECK(e.agitated_recall.total == 1);
    }

    TEST_CASE("per-leaf counts hold labelled and predicted leaves, not groups") {
        const auto e = forms::evaluate(load_mini(), predict);
        std::map<std::string, forms::LeafScore> by_leaf;
        for (const auto& s : e.leaves) {
            by_leaf[s.leaf] = s;
        }
        CHECK(by_leaf.size() == 4);
        CHECK(by_leaf["billing.overcharge"].labelled == 1);
        CHECK(by_leaf["billing.overcharge"].predicted == 2);
        CHECK(by_leaf["billing.overcharge"].correct == 1);
        CHECK(by_leaf["rights_harmed.account_frozen"].predicted == 0);
        CHECK_FALSE(by_leaf.contains("service_attitude"));
    }

    TEST_CASE("the Markdown tables hold the figures") {
        const std::string md = forms::format_markdown(forms::evaluate(load_mini(), predict));
        CHECK(md.find("| all | 4 | 75.0% | 75.0% | 25.0% | 75.0% | 50.0% | 100.0% | 75.0% |") !=
              std::string::npos);
        CHECK(md.find("| zh-Hant | 1 | 0.0% | 100.0% | 0.0% | 100.0% | 0.0% | 100.0% | 100.0% |") !=
              std::string::npos);
        CHECK(md.find("| priority under tier (all texts) | 25.0% (1/4) |") != std::string::npos);
        CHECK(md.find("| urgent recall | 50.0% (1/2) |") != std::string::npos);
        CHECK(md.find("| billing.overcharge | 1 | 2 | 1 |") != std::string::npos);
    }

    TEST_CASE("misses list the under-tier texts and the wrong values of one field") {
        const auto e = forms::evaluate(load_mini(), predict);
        const std::string misses = forms::format_misses(e, "request_type");
        CHECK(misses == "e0002 request_type enquiry->complaint: 乙\n"
                        "e0004 under-tier urgent->normal: delta\n");
    }
}
