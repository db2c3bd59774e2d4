// Center staff accounts through `counterfoil-center staff add|disable|list`: what an operator
// types, what they see, and a clear error naming the argument when something is wrong.
#include "tests/center/console_fixture.h"

#include <doctest/doctest.h>

using namespace cf::test;

namespace {

struct Staffed {
    TempDir tmp;
    std::filesystem::path dir = tmp / "center";
    Staffed() { REQUIRE(run_center(dir, {"init"}).exit_code == 0); }

    ProcessOutput add(std::vector<std::string> args, const std::string& password = k_password) {
        args.insert(args.begin(), {"staff", "add"});
        return run_center_with_input(dir, args, password + "\n");
    }
};

} // namespace

TEST_CASE("staff add, list and disable through the center's command line") {
    Staffed s;
    auto added =
        s.add({"--id", "R01", "--name", "王复核", "--role", "reviewer", "--password-stdin"});
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    CHECK(added.out.find("R01") != std::string::npos);
    REQUIRE(s.add({"--id", "H01", "--name", "李处理", "--role", "handler", "--department",
                   "billing", "--password-stdin"})
                .exit_code == 0);

    auto list = run_center(s.dir, {"staff", "list"});
    REQUIRE(list.exit_code == 0);
    CHECK(list.out.find("R01  reviewer  -  王复核") != std::string::npos);
    CHECK(list.out.find("H01  handler  billing  李处理") != std::string::npos);
    // Never a hash or the password.
    CHECK(list.out.find("argon2") == std::string::npos);
    CHECK(list.out.find(k_password) == std::string::npos);
    auto json_list = run_center(s.dir, {"staff", "list", "--json"});
    CHECK(json_list.out.find("argon2") == std::string::npos);
    CHECK(nlohmann::json::parse(json_list.out).size() == 2);

    auto disabled = run_center(s.dir, {"staff", "disable", "--id", "H01"});
    REQUIRE_MESSAGE(disabled.exit_code == 0, disabled.err);
    CHECK(
        run_center(s.dir, {"staff", "list"}).out.find("H01  handler  billing  李处理  disabled") !=
        std::string::npos);
}

TEST_CASE("staff add refuses bad arguments and names the argument") {
    Staffed s;
    struct Case {
        std::vector<std::string> args;
        std::string password;
        int exit_code;
        std::string named;
    };
    const std::vector<Case> cases = {
        {{"--id", "X1", "--name", "n", "--role", "frontdesk", "--password-stdin"},
         k_password,
         3,
         "--role"},
        {{"--id", "X1", "--name", "n", "--role", "handler", "--password-stdin"},
         k_password,
         3,
         "--department"},
        {{"--id", "X1", "--name", "n", "--role", "handler", "--department", "Billing!",
          "--password-stdin"},
         k_password,
         3,
         "--department"},
        {{"--id", "X1", "--name", "n", "--role", "reviewer", "--department", "billing",
          "--password-stdin"},
         k_password,
         3,
         "--department"},
        {{"--id", "bad id", "--name", "n", "--role", "reviewer", "--password-stdin"},
         k_password,
         3,
         "--id"},
        {{"--id", "X1", "--name", "n", "--role", "reviewer", "--password-stdin"},
         "12345",
         3,
         "password"},
        {{"--id", "X1", "--name", "n", "--role", "reviewer"}, k_password, 2, "--password-stdin"},
        {{"--id", "X1", "--role", "reviewer", "--password-stdin"}, k_password, 2, "--name"},
    };
    for (const auto& c : cases) {
        auto r = s.add(c.args, c.password);
        INFO(r.err);
        CHECK(r.exit_code == c.exit_code);
        CHECK(r.err.find(c.named) != std::string::npos);
    }
    REQUIRE(
        s.add({"--id", "X1", "--name", "n", "--role", "reviewer", "--password-stdin"}).exit_code ==
        0);
    auto taken = s.add({"--id", "X1", "--name", "n", "--role", "auditor", "--password-stdin"});
    CHECK(taken.exit_code == 3);
    CHECK(taken.err.find("--id") != std::string::npos);
    auto unknown = run_center(s.dir, {"staff", "disable", "--id", "NOPE"});
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.err.find("--id") != std::string::npos);
    CHECK(run_center(s.dir, {"staff", "rename"}).exit_code == 2);
    // Only the one good account was stored.
    CHECK(nlohmann::json::parse(run_center(s.dir, {"staff", "list", "--json"}).out).size() == 1);
}
