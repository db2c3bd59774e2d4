#include "tests/ime/ime_test_util.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace cf;
using cf::test::DeployedEngine;
using cf::test::type_letters;

TEST_CASE("tousu and the first candidate give 投诉 in simplified") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tousu");
    CHECK(s.composition().input == "tousu");
    CHECK(s.composition().preedit == "tou su");
    REQUIRE_FALSE(s.composition().candidates.empty());
    CHECK(s.composition().candidates[0] == "投诉");
    CHECK(s.take_commit().empty());
    REQUIRE(s.select(0));
    CHECK(s.take_commit() == "投诉");
    CHECK_FALSE(s.composition().active());
    CHECK(s.composition().candidates.empty());
    CHECK(s.take_commit().empty());
}

TEST_CASE("tousu and the first candidate give 投訴 in traditional") {
    DeployedEngine f;
    auto s = f.session(ime::Script::traditional);
    type_letters(s, "tousu");
    REQUIRE(s.select(0));
    CHECK(s.take_commit() == "投訴");
}

TEST_CASE("switching a session's script switches the characters it writes") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tou");
    REQUIRE(s.set_script(ime::Script::traditional));
    CHECK(s.script() == ime::Script::traditional);
    CHECK_FALSE(s.composition().active()); // the switch drops what was being typed
    CHECK(s.take_commit().empty());
    type_letters(s, "tousu");
    REQUIRE(s.space());
    CHECK(s.take_commit() == "投訴");
    REQUIRE(s.set_script(ime::Script::simplified));
    type_letters(s, "tousu");
    REQUIRE(s.space());
    CHECK(s.take_commit() == "投诉");
}

TEST_CASE("space chooses the first candidate of the current page") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 5);
    type_letters(s, "tousu");
    REQUIRE(s.space());
    CHECK(s.take_commit() == "投诉");

    type_letters(s, "shi");
    REQUIRE(s.next_page());
    std::string first_of_page_two = s.composition().candidates.at(0);
    REQUIRE(s.space());
    CHECK(s.take_commit() == first_of_page_two);
}

TEST_CASE("enter commits the typed letters as they are") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tousu");
    REQUIRE(s.enter());
    CHECK(s.take_commit() == "tousu");
    CHECK_FALSE(s.composition().active());
}

TEST_CASE("backspace edits the composition and leaves an empty one to the caller") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tou");
    REQUIRE(s.backspace());
    CHECK(s.composition().input == "to");
    REQUIRE_FALSE(s.composition().candidates.empty());
    REQUIRE(s.backspace());
    REQUIRE(s.backspace());
    CHECK_FALSE(s.composition().active());
    CHECK(s.composition().candidates.empty());
    // Nothing is being composed: the keyboard deletes from its own field instead.
    CHECK_FALSE(s.backspace());
    CHECK(s.take_commit().empty());
}

TEST_CASE("paging shows other candidates and paging back restores the first page") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 5);
    type_letters(s, "shi");
    auto first = s.composition().candidates;
    REQUIRE(first.size() == 5);
    CHECK(s.composition().page == 0);
    CHECK_FALSE(s.composition().has_previous_page);
    REQUIRE(s.composition().has_next_page);
    CHECK_FALSE(s.previous_page());

    REQUIRE(s.next_page());
    auto second = s.composition().candidates;
    CHECK(s.composition().page == 1);
    CHECK(s.composition().has_previous_page);
    REQUIRE(second.size() == 5);
    for (const auto& c : second) {
        CHECK(std::find(first.begin(), first.end(), c) == first.end());
    }

    REQUIRE(s.previous_page());
    CHECK(s.composition().page == 0);
    CHECK(s.composition().candidates == first);

    // A choice on a later page commits what that page showed.
    REQUIRE(s.next_page());
    REQUIRE(s.select(2));
    CHECK(s.take_commit() == second[2]);
}

TEST_CASE("the last page has no next page and typing returns to the first page") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 8);
    type_letters(s, "tousu");
    int pages = 1;
    while (s.next_page()) {
        REQUIRE_FALSE(s.composition().candidates.empty());
        REQUIRE(++pages < 1000);
    }
    CHECK_FALSE(s.composition().has_next_page);
    CHECK(s.composition().candidates.size() <= 8);
    CHECK(s.composition().page == pages - 1);
    type_letters(s, "o");
    CHECK(s.composition().page == 0);
}

TEST_CASE("the page size is the session's and can change") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 3);
    type_letters(s, "shi");
    CHECK(s.composition().candidates.size() == 3);
    auto three = s.composition().candidates;
    s.set_page_size(10);
    CHECK(s.page_size() == 10);
    REQUIRE(s.composition().candidates.size() == 10);
    CHECK(std::equal(three.begin(), three.end(), s.composition().candidates.begin()));
}

TEST_CASE("selecting outside the page does nothing") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 4);
    type_letters(s, "tousu");
    CHECK_FALSE(s.select(4));
    CHECK_FALSE(s.select(-1));
    CHECK(s.composition().input == "tousu");
    CHECK(s.take_commit().empty());
}

TEST_CASE("a choice covering part of the letters keeps the rest composing") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified, 20);
    type_letters(s, "woyao");
    const auto& page = s.composition().candidates;
    auto wo = std::find(page.begin(), page.end(), std::string("我"));
    REQUIRE(wo != page.end());
    REQUIRE(s.select(static_cast<int>(wo - page.begin())));
    CHECK(s.take_commit().empty());
    CHECK(s.composition().active());
    CHECK(s.composition().preedit.starts_with("我"));
    CHECK(s.composition().candidates.at(0) == "要");
    // Backspace undoes the choice before it deletes letters.
    REQUIRE(s.backspace());
    CHECK(s.composition().input == "woyao");
    CHECK_FALSE(s.composition().preedit.starts_with("我"));
    REQUIRE(s.select(static_cast<int>(wo - page.begin())));
    REQUIRE(s.space());
    CHECK(s.take_commit() == "我要");
}

TEST_CASE("escape drops the composition without committing") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "woyao");
    REQUIRE(s.select(1));
    s.clear();
    CHECK_FALSE(s.composition().active());
    CHECK(s.composition().preedit.empty());
    CHECK(s.take_commit().empty());
}

TEST_CASE("keys that are not pinyin are left to the caller") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    CHECK_FALSE(s.type('A'));
    CHECK_FALSE(s.type('1'));
    CHECK_FALSE(s.type(' '));
    CHECK_FALSE(s.type('\'')); // a syllable separator only while composing
    CHECK_FALSE(s.space());
    CHECK_FALSE(s.enter());
    CHECK_FALSE(s.next_page());
    CHECK(s.take_commit().empty());

    type_letters(s, "xi'an");
    CHECK(s.composition().input == "xi'an");
    CHECK_FALSE(s.type('1')); // digits do not pick candidates; the caller decides
    CHECK(s.composition().input == "xi'an");
    REQUIRE(s.space());
    CHECK(s.take_commit() == "西安");
}

TEST_CASE("a moved session keeps its composition") {
    DeployedEngine f;
    auto s = f.session(ime::Script::simplified);
    type_letters(s, "tou");
    ime::PinyinSession moved = std::move(s);
    CHECK(moved.composition().input == "tou");
    type_letters(moved, "su");
    REQUIRE(moved.select(0));
    CHECK(moved.take_commit() == "投诉");

    auto other = f.session(ime::Script::traditional);
    moved = std::move(other);
    CHECK(moved.script() == ime::Script::traditional);
}
