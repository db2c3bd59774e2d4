// New versions of forms and the category tree, published at the center, arrive by pull, are
// laid out in the data directory atomically and used by the next program that loads assets.
#include "forms/catalog.h"
#include "sync/asset_files.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace cf::test;
using nlohmann::json;

namespace {

json read_json(const std::filesystem::path& file) {
    std::ifstream in(file);
    return json::parse(in);
}

} // namespace

TEST_CASE("a form published at the center reaches the terminal and is loaded from then on") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.enroll(center);
    json kiosk = read_json(assets_dir() / "forms" / "kiosk.json");
    kiosk["title"]["en"] = "Complaints and suggestions (2026-12)";
    {
        std::ofstream out(tmp / "kiosk.json");
        out << kiosk.dump(2);
    }
    auto published = run_center(center.dir(), {"publish-asset", "--name", "forms/kiosk.json",
                                               "--file", (tmp / "kiosk.json").string()});
    REQUIRE_MESSAGE(published.exit_code == 0, published.err);
    auto r = k1.cli({"sync", "--once"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    INFO(r.out);
    const auto dir = cf::sync::current_assets_dir(k1.dir(), assets_dir());
    REQUIRE(dir != assets_dir());
    CHECK(read_json(dir / "forms" / "kiosk.json").at("title").at("en") ==
          "Complaints and suggestions (2026-12)");
    CHECK(std::filesystem::exists(dir / "categories.json"));
    // The CLI files with the delivered assets (a kiosk ticket still validates).
    auto filed =
        k1.cli({"file", "--form", "kiosk"},
               R"({"description":"排队太久","customer":{"phone":"13800138000"},"consent":true})");
    CHECK_MESSAGE(filed.exit_code == 0, filed.err);
}

TEST_CASE("a delivered category tree that does not load is kept out of use") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.enroll(center);
    {
        std::ofstream out(tmp / "categories.json");
        out << R"({"categories": "none"})";
    }
    REQUIRE(run_center(center.dir(), {"publish-asset", "--name", "categories.json", "--file",
                                      (tmp / "categories.json").string()})
                .exit_code == 0);
    auto r = k1.cli({"sync", "--once"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("do not load") != std::string::npos);
    CHECK(cf::sync::current_assets_dir(k1.dir(), assets_dir()) == assets_dir());
}

TEST_CASE("scripts published at the center reach the terminal; a script that does not load is "
          "kept out of use") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.enroll(center);
    json phrases = read_json(assets_dir() / "scripts" / "phrases.json");
    phrases["complaint"]["greeting"]["en"] = "Good morning, and welcome to our branch.";
    auto publish = [&](const json& doc) {
        {
            std::ofstream out(tmp / "phrases.json");
            out << doc.dump(2);
        }
        auto published =
            run_center(center.dir(), {"publish-asset", "--name", "scripts/phrases.json", "--file",
                                      (tmp / "phrases.json").string()});
        REQUIRE_MESSAGE(published.exit_code == 0, published.err);
        auto r = k1.cli({"sync", "--once"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.out;
    };
    publish(phrases);
    const auto dir = cf::sync::current_assets_dir(k1.dir(), assets_dir());
    REQUIRE(dir != assets_dir());
    auto catalog = cf::forms::load_catalog(dir);
    REQUIRE(catalog);
    const auto* greeting =
        catalog->phrases.find(cf::core::RequestType::complaint, cf::forms::ScriptMoment::greeting);
    REQUIRE(greeting != nullptr);
    CHECK(greeting->en == "Good morning, and welcome to our branch.");

    // An acknowledgement without the handling time is refused by the terminal's check.
    phrases["complaint"]["acknowledgement"]["en"] = "Your complaint is registered.";
    const std::string out = publish(phrases);
    CHECK(out.find("do not load") != std::string::npos);
    CHECK(cf::sync::current_assets_dir(k1.dir(), assets_dir()) == dir);
}

TEST_CASE("a knowledge base published at the center reaches the terminal; one that does not load "
          "is kept out of use") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.enroll(center);
    json kb = read_json(assets_dir() / "knowledge" / "articles.json");
    kb["articles"][0]["answer"]["en"] = "We open from 9:00 to 17:00 on working days.";
    kb["articles"][0]["version"] = 2;
    auto publish = [&](const json& doc) {
        {
            std::ofstream out(tmp / "articles.json");
            out << doc.dump(2);
        }
        auto published =
            run_center(center.dir(), {"publish-asset", "--name", "knowledge/articles.json",
                                      "--file", (tmp / "articles.json").string()});
        REQUIRE_MESSAGE(published.exit_code == 0, published.err);
        auto r = k1.cli({"sync", "--once"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.out;
    };
    publish(kb);
    const auto dir = cf::sync::current_assets_dir(k1.dir(), assets_dir());
    REQUIRE(dir != assets_dir());
    auto catalog = cf::forms::load_catalog(dir);
    REQUIRE(catalog);
    const std::string id = kb["articles"][0]["id"];
    const cf::forms::KnowledgeArticle* article = catalog->knowledge.find(id);
    REQUIRE(article != nullptr);
    CHECK(article->version == 2);
    CHECK(article->answer.en == "We open from 9:00 to 17:00 on working days.");

    // An article without its Traditional Chinese answer is refused by the terminal's check.
    kb["articles"][1]["answer"].erase("zh-Hant");
    const std::string out = publish(kb);
    CHECK(out.find("do not load") != std::string::npos);
    CHECK(cf::sync::current_assets_dir(k1.dir(), assets_dir()) == dir);
}
