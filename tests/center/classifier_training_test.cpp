// `counterfoil-center train-classifier` and `rollback-asset` (issue 15): the model learns from
// the corpus and from staff corrections, is measured before and after on the test split, is
// refused when worse, and a published model can be taken back.
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace cf::test;
using nlohmann::json;

namespace {

struct Line {
    const char* text;
    const char* request_type;
    const char* category;
};

// Texts about two subjects in three phrasings each, and an enquiry.
const Line k_lines[] = {
    {"话费多扣了三十块", "complaint", "billing.overcharge"},
    {"这个月账单多扣钱", "complaint", "billing.overcharge"},
    {"I was charged twice on my bill", "complaint", "billing.overcharge"},
    {"柜员态度很差还骂人", "complaint", "service_attitude.rude_staff"},
    {"那个柜员态度恶劣", "complaint", "service_attitude.rude_staff"},
    {"The clerk was rude and shouted", "complaint", "service_attitude.rude_staff"},
    {"请问营业时间到几点", "enquiry", "other.general"},
    {"请问周六营业吗", "enquiry", "other.general"},
    {"What time do you open?", "enquiry", "other.general"},
};

json line(int id, const Line& l, bool scrambled) {
    // A scrambled line gets the next subject's labels: a corpus that teaches nonsense.
    const Line& labels = scrambled ? k_lines[(&l - k_lines + 3) % std::size(k_lines)] : l;
    return {{"id", "c" + std::to_string(9000 + id)},
            {"text", l.text},
            {"locale", "zh-Hans"},
            {"request_type", labels.request_type},
            {"category", labels.category},
            {"severity", "general"},
            {"priority", std::string(labels.request_type) == "complaint" ? "important" : "normal"},
            {"special_type", "none"},
            {"emotion", "calm"},
            {"tags", json::array()}};
}

// A corpus folder: every line in train (and dev), the same lines as the test split.
std::filesystem::path write_corpus(const std::filesystem::path& dir, bool scrambled) {
    std::filesystem::create_directories(dir);
    for (const char* split : {"train", "dev", "test"}) {
        std::ofstream out(dir / (std::string(split) + ".jsonl"));
        // Twice in train: with dev, every word is seen three times, as training requires.
        const int copies = std::string(split) == "train" ? 2 : 1;
        int id = std::string(split) == "train" ? 0 : std::string(split) == "dev" ? 100 : 200;
        for (int copy = 0; copy < copies; ++copy) {
            for (const Line& l : k_lines) {
                out << line(id++, l, scrambled && std::string(split) != "test").dump() << "\n";
            }
        }
    }
    return dir;
}

// The installed assets without their text model, beside the corpus: "before" is then the
// keyword rules alone, whatever model the repository ships.
std::filesystem::path assets_without_model(const std::filesystem::path& corpus) {
    const auto dir = corpus.parent_path() / "assets-without-model";
    if (!std::filesystem::exists(dir)) {
        std::filesystem::copy(assets_dir(), dir, std::filesystem::copy_options::recursive);
        std::filesystem::remove(dir / "classifier" / "model.json");
    }
    return dir;
}

ProcessOutput train(const std::filesystem::path& center, const std::filesystem::path& corpus,
                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"train-classifier", "--corpus", corpus.string(), "--assets",
                                     assets_without_model(corpus).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_center(center, args);
}

} // namespace

TEST_CASE("train-classifier learns from the corpus and from corrections made at the counter") {
    ConsoleCenter c;
    const std::string corrected = c.push({});
    c.push({});
    // The counter corrects one ticket's classification (账单多扣了50元 is an overcharge).
    c.push_step(corrected, "reclassify", c.now(),
                {{"before",
                  {{"request_type", "complaint"},
                   {"category", "billing.overcharge"},
                   {"priority", "normal"},
                   {"severity", "general"}}},
                 {"after", {{"priority", "important"}}},
                 {"reason", "客户已多次来电"}});
    const auto corpus = write_corpus(c.tmp / "corpus", false);
    const auto r = train(c.center.dir(), corpus, {"--out", (c.tmp / "model.json").string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("on 27 corpus texts and 1 corrections") != std::string::npos);
    CHECK(r.out.find("| category leaf | ") != std::string::npos);
    CHECK(r.out.find("before: the keyword rules alone") != std::string::npos);
    CHECK(r.out.find("not published") != std::string::npos);
    std::ifstream in(c.tmp / "model.json");
    const json model = json::parse(in);
    CHECK(model.at("format") == "counterfoil-text-model");
    CHECK(model.at("trained").at("corrections") == 1);
}

TEST_CASE("a model worse than the one in use is not published; rollback-asset takes one back") {
    TempDir tmp;
    const auto center = tmp / "center";
    REQUIRE(run_center(center, {"init"}).exit_code == 0);
    const auto good = write_corpus(tmp / "good", false);
    const auto bad = write_corpus(tmp / "bad", true);

    const auto first = train(center, good, {"--publish"});
    REQUIRE_MESSAGE(first.exit_code == 0, first.err, first.out);
    CHECK(first.out.find("published classifier/model.json version 1") != std::string::npos);

    const auto worse = train(center, bad, {"--publish"});
    CHECK(worse.exit_code == 3);
    CHECK(worse.out.find("is worse than the one in use, so it is not published") !=
          std::string::npos);
    CHECK(worse.out.find("category leaf") != std::string::npos);
    // Without --publish a worse model is only reported.
    CHECK(train(center, bad).exit_code == 0);

    const auto again = train(center, good, {"--publish"});
    REQUIRE_MESSAGE(again.exit_code == 0, again.err, again.out);
    CHECK(again.out.find("version 2") != std::string::npos);

    const auto back = run_center(center, {"rollback-asset", "--name", "classifier/model.json"});
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    CHECK(back.out.find("version 1 published again as version 3") != std::string::npos);
    const auto to = run_center(
        center, {"rollback-asset", "--name", "classifier/model.json", "--to-version", "2"});
    CHECK(to.out.find("version 2 published again as version 4") != std::string::npos);

    const auto missing = run_center(
        center, {"rollback-asset", "--name", "classifier/model.json", "--to-version", "9"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("has no version 9") != std::string::npos);
    const auto never = run_center(center, {"rollback-asset", "--name", "forms/kiosk.json"});
    CHECK(never.exit_code == 3);
    CHECK(never.err.find("never been published") != std::string::npos);
}

TEST_CASE("train-classifier names a missing or broken corpus file and writes nothing") {
    TempDir tmp;
    const auto center = tmp / "center";
    REQUIRE(run_center(center, {"init"}).exit_code == 0);
    const auto corpus = write_corpus(tmp / "corpus", false);
    {
        std::ofstream out(corpus / "dev.jsonl", std::ios::app);
        out << "{\"id\": \"c9999\", \"text\": \"x\"}\n";
    }
    const auto broken = train(center, corpus, {"--publish"});
    CHECK(broken.exit_code == 3);
    CHECK(broken.err.find("dev.jsonl:10") != std::string::npos);
    write_corpus(corpus, false);
    std::filesystem::remove(corpus / "test.jsonl");
    const auto missing = train(center, corpus);
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("test.jsonl") != std::string::npos);
    CHECK(run_center(center, {"train-classifier"}).exit_code == 2);
    const auto never = run_center(center, {"rollback-asset", "--name", "classifier/model.json"});
    CHECK(never.err.find("never been published") != std::string::npos);
}
