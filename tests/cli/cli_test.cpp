// counterfoil-cli as a person or script uses it: the real binary, a real data directory.
#include "core/ticket_number.h"
#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>

using cf::test::ProcessResult;
using nlohmann::json;

namespace {

constexpr const char* k_sample =
    R"({"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"})";

struct Cli {
    cf::test::TempDir dir;
    std::string data = (dir.path() / "data").string();

    ProcessResult operator()(std::vector<std::string> args, const std::string& input = {}) const {
        args.insert(args.begin(), {"--data", data});
        return cf::test::run_process(cf::test::cli_path(), args, input);
    }

    Cli() {
        auto r = (*this)({"init", "--branch", "SZ01", "--terminal", "K1"});
        REQUIRE(r.exit_code == 0);
    }

    std::string file(const std::string& doc = k_sample, const std::string& form = "counter") const {
        auto r = (*this)({"file", "--form", form}, doc);
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        return r.last_line();
    }

    std::size_t ticket_count() const {
        auto r = (*this)({"list", "--json"});
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out).size();
    }

    json show(const std::string& number) const {
        auto r = (*this)({"show", number, "--json"});
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out);
    }

    void act(const std::string& number, const std::string& step, const std::string& role,
             const std::string& payload = "{}", const std::string& department = {}) const {
        std::vector<std::string> args = {"act",    number, step,     "--actor", "U1",
                                         "--role", role,   "--json", payload};
        if (!department.empty()) {
            args.insert(args.end(), {"--department", department});
        }
        auto r = (*this)(args);
        INFO(step, ": ", r.err);
        REQUIRE(r.exit_code == 0);
    }
};

} // namespace

TEST_CASE("file accepts the sample complaint and prints only a valid number on the last line") {
    Cli cli;
    std::string number = cli.file();
    CHECK(cf::core::parse_ticket_number(number));
    auto t = cli.show(number);
    CHECK(t["state"] == "received");
    CHECK(t["category"] == "billing");
    CHECK(t["emotion"] == "anxious");
    CHECK(t["request_type"] == "complaint");
    CHECK(t["demand"] == "退还多扣的费用");
    CHECK(t["customer"]["phone"] == "138****8000");
    CHECK(t["customer"]["name"] == "张*");
}

TEST_CASE("show, list and search never print the phone number or name in full") {
    Cli cli;
    std::string number = cli.file();
    for (const auto& args : std::vector<std::vector<std::string>>{{"show", number},
                                                                  {"show", number, "--json"},
                                                                  {"list"},
                                                                  {"list", "--json"},
                                                                  {"search", "多扣了"},
                                                                  {"search", "13800138000"}}) {
        auto r = cli(args);
        INFO(args[0]);
        CHECK(r.exit_code == 0);
        CHECK(r.out.find("13800138000") == std::string::npos);
        CHECK(r.out.find("张三") == std::string::npos);
        CHECK(r.out.find(number) != std::string::npos);
    }
}

TEST_CASE("invalid tickets exit 3, name each bad field and change nothing") {
    Cli cli;
    auto r = cli({"file"}, R"({"description":"","customer":{"phone":"12345","shoe_size":42}})");
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("customer.phone") != std::string::npos);
    CHECK(r.err.find("customer.shoe_size") != std::string::npos);
    CHECK(r.err.find("description") != std::string::npos);
    auto bad_json = cli({"file"}, "{\"description\": ");
    CHECK(bad_json.exit_code == 3);
    CHECK(bad_json.err.find("not valid JSON") != std::string::npos);
    CHECK(cli.ticket_count() == 0);
}

TEST_CASE("a bad or unknown ticket number exits 3 and names the number") {
    Cli cli;
    std::string number = cli.file();
    std::string typo = number;
    typo[typo.size() - 2] = typo[typo.size() - 2] == '1' ? '2' : '1';
    auto r = cli({"show", typo});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(typo) != std::string::npos);
    auto other =
        cli({"show", "SZ01-261123-K9-0001" +
                         std::string(1, cf::core::number_check_character("SZ01261123K90001"))});
    CHECK(other.exit_code == 3);
    CHECK(other.err.find("no ticket") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
    Cli cli;
    CHECK(cf::test::run_process(cf::test::cli_path(), {"list"}).exit_code == 2);
    CHECK(cli({"frobnicate"}).exit_code == 2);
    CHECK(cli({"list", "--colour"}).exit_code == 2);
    CHECK(cli({"act", "x"}).exit_code == 2);
    CHECK(cli({"file", "--form", "web"}).exit_code == 2);
}

TEST_CASE("storage failures exit 4 with a clear message") {
    cf::test::TempDir empty;
    auto none =
        cf::test::run_process(cf::test::cli_path(), {"--data", empty.path().string(), "list"});
    CHECK(none.exit_code == 4);
    CHECK(none.err.find("init") != std::string::npos);

    Cli cli;
    cli.file();
    std::filesystem::remove(cli.data + "/counterfoil.db-wal");
    std::filesystem::remove(cli.data + "/counterfoil.db-shm");
    std::ofstream(cli.data + "/counterfoil.db", std::ios::trunc) << std::string(4096, 'z');
    auto corrupt = cli({"list"});
    CHECK(corrupt.exit_code == 4);
    CHECK(corrupt.err.find("damaged") != std::string::npos);
}

TEST_CASE("a rejected step exits 3, names step and state, and changes nothing") {
    Cli cli;
    std::string number = cli.file();
    auto r = cli({"act", number, "close", "--actor", "S001"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("'close'") != std::string::npos);
    CHECK(r.err.find("'received'") != std::string::npos);
    CHECK(cli.show(number)["events"].size() == 1);
    auto unknown = cli({"act", number, "teleport", "--actor", "S001"});
    CHECK(unknown.exit_code == 3);
    auto bad_payload = cli({"act", number, "note", "--actor", "S001", "--json", "[1,2"});
    CHECK(bad_payload.exit_code == 3);
}

TEST_CASE("a ticket goes through the whole life, branch and center, from the command line") {
    Cli cli;
    std::string n = cli.file();
    const std::string deadline = std::to_string(4'102'444'800'000LL); // 2100-01-01
    cli.act(n, "acknowledge", "frontdesk");
    cli.act(n, "submit", "frontdesk", R"({"reason":"billing dispute needs the center"})");
    cli.act(n, "review_return", "reviewer", R"({"reason":"attach the bill"})");
    CHECK(cli.show(n)["state"] == "returned");
    cli.act(n, "submit", "frontdesk", R"({"reason":"bill attached"})");
    cli.act(n, "review_accept", "reviewer");
    cli.act(n, "dispatch", "dispatcher",
            R"({"departments":["billing"],"deadline":)" + deadline + "}");
    cli.act(n, "sign_for", "handler", R"({"department":"billing"})", "billing");
    cli.act(
        n, "handle", "handler",
        R"({"department":"billing","investigation":"charged twice","responsibility":"our_department","solution":"refund 50"})",
        "billing");
    cli.act(n, "audit_approve", "auditor");
    cli.act(n, "feedback", "reviewer", R"({"text":"已退还50元"})");
    CHECK(cli.show(n)["state"] == "answered");
    cli.act(n, "contact", "frontdesk", R"({"channel":"phone","outcome":"reached"})");
    cli.act(n, "satisfaction", "frontdesk", R"({"level":"unsatisfied"})");
    auto second = cli.show(n);
    CHECK(second["state"] == "second_round");
    CHECK(second["due_at"].get<long long>() > second["received_at"].get<long long>());
    cli.act(n, "resolve", "supervisor", R"({"resolution":"refund plus apology letter"})");
    cli.act(n, "satisfaction", "frontdesk", R"({"level":"satisfied"})");
    cli.act(n, "close", "frontdesk");
    auto closed = cli.show(n);
    CHECK(closed["state"] == "closed");
    CHECK(closed["events"].size() == 16); // with the sign-for
    cli.act(n, "reopen", "frontdesk", R"({"reason":"charged again"})");
    CHECK(cli.show(n)["state"] == "acknowledged");
}

TEST_CASE("list filters by status, search finds text, stats count the period") {
    Cli cli;
    std::string a = cli.file();
    std::string b = cli.file(
        R"({"channel":"kiosk","description":"營業廳排隊一個多小時，我要投訴，否則找記者曝光。","customer":{"phone":"+852 9123 4567"},"consent":true})",
        "kiosk");
    cli.act(a, "acknowledge", "frontdesk");
    auto received = cli({"list", "--status", "received", "--json"});
    REQUIRE(received.exit_code == 0);
    auto list = json::parse(received.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0]["number"] == b);
    CHECK(list[0]["priority"] == "urgent"); // media exposure forces urgent
    CHECK(cli({"list", "--status", "bogus"}).exit_code == 3);

    auto found = cli({"search", "排隊一個", "--json"});
    REQUIRE(found.exit_code == 0);
    CHECK(json::parse(found.out).size() == 1);

    auto stats = cli({"stats", "--json"});
    REQUIRE(stats.exit_code == 0);
    auto s = json::parse(stats.out);
    CHECK(s["total"] == 2);
    CHECK(s["by_type"]["complaint"] == 2);
    CHECK(cli({"stats", "--from", "2026-13-01"}).exit_code == 3);
}

TEST_CASE("a resolution of 100,000 without a supervisor's approval is refused; with one it goes") {
    // Issue 14: through the CLI a front-desk account resolved with a compensation of 100,000
    // and no approval.
    Cli cli;
    auto added = cli(
        {"staff", "add", "--id", "S900", "--name", "主管", "--role", "supervisor", "--pin-stdin"},
        "246810\n");
    REQUIRE_MESSAGE(added.exit_code == 0, added.err);
    const std::string n = cli.file();
    cli.act(n, "acknowledge", "frontdesk");
    const std::string costly = R"({"resolution":"refund everything","compensation":100000})";
    auto refused = cli({"act", n, "resolve", "--actor", "S001", "--json", costly});
    CHECK(refused.exit_code == 3);
    CHECK(refused.err.find("approval") != std::string::npos);
    CHECK(refused.err.find("'approve'") != std::string::npos);
    auto wrong_pin =
        cli({"act", n, "resolve", "--actor", "S001", "--json", costly, "--approved-by", "S900"},
            "111111\n");
    CHECK(wrong_pin.exit_code == 3);
    CHECK(wrong_pin.err.find("--approved-by S900") != std::string::npos);
    CHECK(cli.show(n)["state"] == "acknowledged");
    auto approved =
        cli({"act", n, "resolve", "--actor", "S001", "--json", costly, "--approved-by", "S900"},
            "246810\n");
    INFO(approved.err);
    CHECK(approved.exit_code == 0);
    const json shown = cli.show(n);
    CHECK(shown["state"] == "resolved");
    CHECK(shown["approved_by"] == "S900");
    CHECK(shown["events"][2]["kind"] == "approve");
    CHECK(shown["events"][2]["actor"] == "S900");
}

TEST_CASE("act reclassify corrects the classification and keeps before and after in the event") {
    Cli cli;
    const std::string n = cli.file();
    cli.act(
        n, "reclassify", "frontdesk",
        R"({"after":{"category":"billing.overcharge","severity":"important"},"reason":"charged twice"})");
    const json shown = cli.show(n);
    CHECK(shown["category"] == "billing.overcharge");
    CHECK(shown["severity"] == "important");
    const json& e = shown["events"].back();
    CHECK(e["kind"] == "reclassify");
    CHECK(e["payload"]["before"]["category"] == "billing");
    CHECK(e["payload"]["after"]["category"] == "billing.overcharge");
    auto unchanged = cli({"act", n, "reclassify", "--actor", "S001", "--json",
                          R"({"after":{"category":"billing.overcharge"},"reason":"again"})"});
    CHECK(unchanged.exit_code == 3);
    CHECK(unchanged.err.find("changes nothing") != std::string::npos);
}

namespace {

// A ticket dispatched to two departments, one of whose codes starts like a spreadsheet formula
// (codes may start with '-'); only billing has answered.
std::string dispatched_to_two(const Cli& cli) {
    const std::string n = cli.file();
    const std::string deadline = std::to_string(4'102'444'800'000LL); // 2100-01-01
    cli.act(n, "acknowledge", "frontdesk");
    cli.act(n, "submit", "frontdesk", R"({"reason":"billing dispute needs the center"})");
    cli.act(n, "review_accept", "reviewer");
    cli.act(n, "dispatch", "dispatcher",
            R"({"departments":["billing","-net"],"deadline":)" + deadline + "}");
    cli.act(n, "sign_for", "handler", R"({"department":"billing"})", "billing");
    cli.act(
        n, "handle", "handler",
        R"({"department":"billing","investigation":"charged twice","responsibility":"our_department","solution":"refund 50"})",
        "billing");
    return n;
}

} // namespace

TEST_CASE("stats --json has the figures per department, responsibility and staff") {
    Cli cli;
    dispatched_to_two(cli);
    auto r = cli({"stats", "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const json s = json::parse(r.out);
    REQUIRE(s["by_department"].size() == 2);
    CHECK(s["by_department"][0]["department"] == "-net"); // ties in code order
    CHECK(s["by_department"][0]["handled"] == 0);
    CHECK(s["by_department"][1]["department"] == "billing");
    CHECK(s["by_department"][1]["handled"] == 1);
    CHECK(s["by_department"][1]["deadline_compliance"] == 1.0);
    CHECK(s["by_responsibility"]["our_department"] == 1);
    REQUIRE(s["by_staff"].size() == 1);
    CHECK(s["by_staff"][0]["staff"] == "U1");
    CHECK(s["by_staff"][0]["tickets"] == 1);
    CHECK(s["satisfaction_events"].empty());
}

TEST_CASE("stats --by department --csv writes RFC 4180 rows and defuses a formula") {
    Cli cli;
    dispatched_to_two(cli);
    auto r = cli({"stats", "--by", "department", "--csv"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.starts_with("\xEF\xBB\xBF"
                            "department,tickets,assignments,handled,average_handling_hours,"
                            "deadline_met,deadline_counted,deadline_compliance_percent,"
                            "overdue_now\r\n"));
    // Not handled and its deadline not passed: no compliance yet, an empty cell.
    CHECK(r.out.find("\r\n'-net,1,1,0,,0,0,,0\r\n") != std::string::npos);
    CHECK(r.out.find("\r\nbilling,1,1,1,") != std::string::npos);
    CHECK(r.out.find(",100.00,0\r\n") != std::string::npos);
    auto staff = cli({"stats", "--by", "staff", "--csv"});
    REQUIRE(staff.exit_code == 0);
    CHECK(staff.out.find("records_complete\r\nU1,1,0,0,0,0,0.00,") != std::string::npos);
    CHECK(staff.out.find("13800138000") == std::string::npos);
    CHECK(staff.out.find("张三") == std::string::npos);
    auto text = cli({"stats", "--by", "responsibility"});
    REQUIRE(text.exit_code == 0);
    CHECK(text.out.find("our_department") != std::string::npos);
}

TEST_CASE("stats --period quarter covers the current quarter; bad options exit 3") {
    Cli cli;
    cli.file();
    auto month = json::parse(cli({"stats", "--json"}).out);
    auto quarter = cli({"stats", "--period", "quarter", "--json"});
    REQUIRE(quarter.exit_code == 0);
    const json q = json::parse(quarter.out);
    CHECK(q["total"] == 1);
    CHECK(q["from"].get<long long>() <= month["from"].get<long long>());
    CHECK(q["to"].get<long long>() >= month["to"].get<long long>());
    CHECK(q["to"].get<long long>() - q["from"].get<long long>() >= 89LL * 86'400'000);
    CHECK(cli({"stats", "--period", "year"}).exit_code == 3);
    CHECK(cli({"stats", "--by", "branch"}).exit_code == 3);
    auto csv_alone = cli({"stats", "--csv"});
    CHECK(csv_alone.exit_code == 3);
    CHECK(csv_alone.err.find("--by") != std::string::npos);
}

TEST_CASE("eval-classifier prints the classification's figures on a corpus split, without --data") {
    const std::string corpus =
        (cf::test::assets_dir().parent_path() / "tests" / "data" / "classifier_eval").string();
    const std::string assets = cf::test::assets_dir().string();
    auto r = cf::test::run_process(cf::test::cli_path(), {"eval-classifier", "--corpus", corpus,
                                                          "--split", "dev", "--assets", assets});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("| all | 4 |") != std::string::npos);
    CHECK(r.out.find("| urgent recall |") != std::string::npos);
    CHECK(r.out.find("| billing.overcharge |") != std::string::npos);
    CHECK(r.out.find("Keyword rules and text model ") != std::string::npos);
    auto rules_only = cf::test::run_process(cf::test::cli_path(),
                                            {"eval-classifier", "--corpus", corpus, "--split",
                                             "dev", "--assets", assets, "--rules-only"});
    REQUIRE(rules_only.exit_code == 0);
    CHECK(rules_only.out.find("Keyword rules on ") != std::string::npos);

    auto misses = cf::test::run_process(cf::test::cli_path(),
                                        {"eval-classifier", "--corpus", corpus, "--split", "dev",
                                         "--assets", assets, "--misses", "request_type"});
    CHECK(misses.exit_code == 0);

    CHECK(cf::test::run_process(cf::test::cli_path(),
                                {"eval-classifier", "--corpus", corpus, "--split", "holdout"})
              .exit_code == 2);
    CHECK(cf::test::run_process(cf::test::cli_path(), {"eval-classifier", "--corpus", corpus,
                                                       "--split", "dev", "--misses", "colour"})
              .exit_code == 2);
    auto missing = cf::test::run_process(
        cf::test::cli_path(), {"eval-classifier", "--corpus", corpus, "--split", "test"});
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find("test.jsonl") != std::string::npos);
}
