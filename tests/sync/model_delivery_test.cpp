// The text model reaches terminals like any other asset (issue 15): trained and published at
// the center, pulled, checked and used by the next program that loads assets; a model that
// does not load is kept out of use, and a rollback at the center brings the earlier one back.
#include "forms/catalog.h"
#include "forms/suggest.h"
#include "forms/text_model_training.h"
#include "sync/asset_files.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace cf::test;
using nlohmann::json;

namespace {

// A model that calls every text about 话费 an overcharge and anything about 柜员 rude staff.
json model_file(const std::string& version) {
    auto text = [](const char* words, const char* category) {
        cf::forms::LabelledText t;
        t.text = words;
        t.labels.category = category;
        return t;
    };
    const std::vector<cf::forms::LabelledText> texts = {
        text("话费多扣了", "billing.overcharge"), text("话费不对", "billing.overcharge"),
        text("柜员很凶", "service_attitude.rude_staff"),
        text("柜员不理人", "service_attitude.rude_staff")};
    cf::forms::TrainingOptions every_feature; // the corpus is tiny
    every_feature.min_count = 1;
    return cf::forms::train_text_model(texts, every_feature, version, json::object()).to_json();
}

} // namespace

TEST_CASE("a text model published at the center reaches the terminal and classifies there; a "
          "broken one is kept out of use; a rollback brings the earlier one back") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.enroll(center);
    auto publish = [&](const json& doc) {
        {
            std::ofstream out(tmp / "model.json");
            out << doc.dump();
        }
        auto published =
            run_center(center.dir(), {"publish-asset", "--name", "classifier/model.json", "--file",
                                      (tmp / "model.json").string()});
        REQUIRE_MESSAGE(published.exit_code == 0, published.err);
        auto r = k1.cli({"sync", "--once"});
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return r.out;
    };
    auto model_version = [&] {
        auto catalog =
            cf::forms::load_catalog(cf::sync::current_assets_dir(k1.dir(), assets_dir()));
        REQUIRE(catalog);
        return catalog->text_model.version();
    };

    publish(model_file("center-1"));
    CHECK(model_version() == "center-1");
    auto catalog = cf::forms::load_catalog(cf::sync::current_assets_dir(k1.dir(), assets_dir()));
    REQUIRE(catalog);
    const auto c = cf::forms::classify_text(catalog->classifier, catalog->text_model, "柜员很凶");
    CHECK(c.result.category == "service_attitude.rude_staff");

    // Weights cut short: the terminal's check refuses it and keeps the model it had.
    json broken = model_file("center-2");
    broken["weights"] = "AAAA";
    CHECK(publish(broken).find("do not load") != std::string::npos);
    CHECK(model_version() == "center-1");

    publish(model_file("center-3"));
    CHECK(model_version() == "center-3");
    auto back = run_center(
        center.dir(), {"rollback-asset", "--name", "classifier/model.json", "--to-version", "1"});
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    REQUIRE(k1.cli({"sync", "--once"}).exit_code == 0);
    CHECK(model_version() == "center-1");
}
