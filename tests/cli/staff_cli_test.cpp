// counterfoil-cli staff: accounts for the kiosk's staff menu and the counter.
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace {

struct StaffCli {
    cf::test::TempDir dir;
    std::string data = (dir.path() / "data").string();

    cf::test::ProcessResult operator()(std::vector<std::string> args,
                                       const std::string& input = {}) const {
        args.insert(args.begin(), {"--data", data});
        return cf::test::run_process(cf::test::cli_path(), args, input);
    }
    StaffCli() {
        REQUIRE((*this)({"init", "--branch", "SZ01", "--terminal", "K1"}).exit_code == 0);
    }
};

} // namespace

TEST_SUITE("cli staff") {
    TEST_CASE("add reads the PIN from stdin, list shows the account without it") {
        StaffCli cli;
        auto r = cli({"staff", "add", "--id", "S001", "--name", "李四", "--role", "supervisor",
                      "--pin-stdin"},
                     "246810\n");
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        r = cli({"staff", "list", "--json"});
        REQUIRE(r.exit_code == 0);
        const auto rows = nlohmann::json::parse(r.out);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0]["id"] == "S001");
        CHECK(rows[0]["name"] == "李四");
        CHECK(rows[0]["role"] == "supervisor");
        CHECK(rows[0]["disabled"] == false);
        CHECK(r.out.find("246810") == std::string::npos);
    }

    TEST_CASE("a short PIN and an unknown role are refused with the reason") {
        StaffCli cli;
        auto r = cli(
            {"staff", "add", "--id", "S001", "--name", "A", "--role", "frontdesk", "--pin-stdin"},
            "1234\n");
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("6 to 12 digits") != std::string::npos);
        r = cli({"staff", "add", "--id", "S001", "--name", "A", "--role", "boss", "--pin-stdin"},
                "123456\n");
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("--role 'boss'") != std::string::npos);
    }

    TEST_CASE("disable marks the account and an unknown id is named") {
        StaffCli cli;
        REQUIRE(cli({"staff", "add", "--id", "S001", "--name", "A", "--role", "frontdesk",
                     "--pin-stdin"},
                    "123456\n")
                    .exit_code == 0);
        CHECK(cli({"staff", "disable", "--id", "S001"}).exit_code == 0);
        CHECK(cli({"staff", "list"}).out.find("disabled") != std::string::npos);
        auto r = cli({"staff", "disable", "--id", "S404"});
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("S404") != std::string::npos);
    }
}
