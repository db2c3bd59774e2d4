#include "core/csv_file.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

using namespace cf;
using namespace cf::core;

namespace {

std::vector<std::string> names_in(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        out.push_back(e.path().filename().string());
    }
    return out;
}

} // namespace

TEST_CASE("csv fields are quoted only when they need it, with quotes doubled") {
    CHECK(csv_field("billing") == "billing");
    CHECK(csv_field("计费差错") == "计费差错");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("cr\r") == "\"cr\r\"");
    CHECK(csv_field("") == "");
}

TEST_CASE("text that a spreadsheet would run as a formula is defused, numbers are not") {
    CHECK(csv_text_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_text_field("+1") == "'+1");
    CHECK(csv_text_field("-2+3") == "'-2+3");
    CHECK(csv_text_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_text_field("\tcmd") == "'\tcmd");
    CHECK(csv_text_field("a=b") == "a=b");
    CHECK(csv_field("=1+1") == "'=1+1");
    CHECK(csv_number(std::int64_t{-5}) == "-5");
    CHECK(csv_number(0.256) == "0.26");
    CHECK(csv_number(-1.5, 1) == "-1.5");
}

TEST_CASE("rows join encoded fields with commas and end in CRLF; a document starts with a BOM") {
    const std::vector<std::string> row = {csv_text_field("类别"), csv_text_field("a,b"),
                                          csv_number(std::int64_t{12})};
    CHECK(csv_row(row) == "类别,\"a,b\",12\r\n");
    const std::vector<std::vector<std::string>> rows = {{"x"}, {"1", "2"}};
    CHECK(csv_document(rows) == "\xEF\xBB\xBFx\r\n1,2\r\n");
}

TEST_CASE("write_file_atomically writes the whole file and leaves nothing else") {
    test::TempDir dir;
    const auto target = dir / "stats.csv";
    REQUIRE(write_file_atomically(target, "first"));
    CHECK(test::read_file_bytes(target) == "first");
    REQUIRE(write_file_atomically(target, "second, longer content"));
    CHECK(test::read_file_bytes(target) == "second, longer content");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"stats.csv"});
}

TEST_CASE("write_file_atomically into a missing directory names the path and the reason") {
    test::TempDir dir;
    const auto target = dir / "missing" / "stats.csv";
    auto r = write_file_atomically(target, "x");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::storage);
    CHECK(r.error().message.find(target.string()) != std::string::npos);
    CHECK(r.error().message.find("No such file or directory") != std::string::npos);
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("write_file_atomically without permission fails and keeps the old file") {
    if (::geteuid() == 0) {
        return; // root may write anywhere
    }
    test::TempDir dir;
    const auto target = dir / "stats.csv";
    REQUIRE(write_file_atomically(target, "old"));
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_read |
                                                 std::filesystem::perms::owner_exec);
    auto r = write_file_atomically(target, "new");
    std::filesystem::permissions(dir.path(), std::filesystem::perms::owner_all);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::read_only);
    CHECK(r.error().message.find(target.string()) != std::string::npos);
    CHECK(test::read_file_bytes(target) == "old");
    CHECK(names_in(dir.path()) == std::vector<std::string>{"stats.csv"});
}

TEST_CASE("write_file_atomically removes its temporary file when the rename fails") {
    // A directory in the target's place: everything up to the rename works, then it fails.
    test::TempDir dir;
    std::filesystem::create_directory(dir / "stats.csv");
    auto r = write_file_atomically(dir / "stats.csv", "x");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("stats.csv") != std::string::npos);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"stats.csv"});
}
