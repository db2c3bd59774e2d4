// The category → department map (assets/category_departments.json): every leaf of the tree names
// the departments that handle it (004), checked against categories.json and departments.json.
#include "console/category_departments.h"
#include "forms/catalog.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace cf;
using nlohmann::json;

namespace {

struct Assets {
    forms::Catalog catalog;
    console::Departments departments;
    Assets() {
        auto c = forms::load_catalog(test::assets_dir());
        REQUIRE(c);
        catalog = std::move(*c);
        auto d = console::load_departments(test::assets_dir());
        REQUIRE(d);
        departments = std::move(*d);
    }
    json real_map() const {
        std::ifstream in(test::assets_dir() / "category_departments.json");
        return json::parse(in);
    }
};

} // namespace

TEST_CASE("every leaf of the real tree names known departments") {
    Assets a;
    auto map =
        console::load_category_departments(test::assets_dir(), a.catalog.categories, a.departments);
    REQUIRE_MESSAGE(map, forms::to_string(map.error()));
    for (const forms::Category& top : a.catalog.categories.top_level()) {
        for (const forms::Category& leaf : top.children) {
            CAPTURE(leaf.code);
            CHECK_FALSE(map->suggested(leaf.code, a.catalog.categories).empty());
        }
    }
    CHECK(map->suggested("billing.overcharge", a.catalog.categories) ==
          std::vector<std::string>{"billing"});
    CHECK(map->suggested("product_quality.network_signal", a.catalog.categories) ==
          std::vector<std::string>{"network"});
    CHECK(map->suggested("no_such_category", a.catalog.categories).empty());
}

TEST_CASE("an unknown department code is named with its leaf") {
    Assets a;
    json doc = a.real_map();
    doc["departments"]["billing.overcharge"] = {"billing", "treasury"};
    auto map = console::parse_category_departments(doc, a.catalog.categories, a.departments);
    REQUIRE_FALSE(map);
    CHECK(map.error().file == "category_departments.json");
    CHECK(map.error().field == "departments.billing.overcharge");
    CHECK(map.error().reason.find("'treasury'") != std::string::npos);
    CHECK(map.error().reason.find("'billing.overcharge'") != std::string::npos);
}

TEST_CASE("a leaf without departments, or a code not in the tree, is refused") {
    Assets a;
    json missing = a.real_map();
    missing["departments"].erase("other.general");
    auto m = console::parse_category_departments(missing, a.catalog.categories, a.departments);
    REQUIRE_FALSE(m);
    CHECK(m.error().field == "departments.other.general");
    json stray = a.real_map();
    stray["departments"]["billing.lottery"] = {"billing"};
    auto s = console::parse_category_departments(stray, a.catalog.categories, a.departments);
    REQUIRE_FALSE(s);
    CHECK(s.error().reason.find("not a category") != std::string::npos);
    json twice = a.real_map();
    twice["departments"]["billing"] = {"billing", "billing"};
    CHECK_FALSE(console::parse_category_departments(twice, a.catalog.categories, a.departments));
}

TEST_CASE("a group without its own entry suggests its children's departments, each once") {
    Assets a;
    json doc = a.real_map();
    doc["departments"].erase("billing");
    auto map = console::parse_category_departments(doc, a.catalog.categories, a.departments);
    REQUIRE(map);
    CHECK(map->suggested("billing", a.catalog.categories) ==
          std::vector<std::string>{"billing", "sales"});
}
