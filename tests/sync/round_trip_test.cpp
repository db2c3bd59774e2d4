// A ticket goes from the branch to the center and back, end to end, with the real programs:
// counterfoil-cli on the terminal, counterfoil-center serving on loopback.
#include "tests/support/temp_dir.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace cf::test;
using nlohmann::json;

namespace {

constexpr const char* k_complaint =
    R"({"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"})";

void center_act(CenterProcess& c, const std::string& number, const std::string& step,
                const std::string& role, const std::string& payload,
                const std::string& department = {}) {
    std::vector<std::string> args = {"act",    number, step,     "--actor", "C001",
                                     "--role", role,   "--json", payload};
    if (!department.empty()) {
        args.insert(args.end(), {"--department", department});
    }
    auto r = run_center(c.dir(), args);
    INFO(step, ": ", r.err);
    REQUIRE(r.exit_code == 0);
}

bool file_contains(const std::filesystem::path& dir, const std::string& needle) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (bytes.find(needle) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("a complaint goes to the center, through every center step, and its feedback "
          "reaches the branch") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal counter(tmp / "counter", "SZ01", "K1");
    auto filed = counter.cli({"file", "--actor", "S001"}, k_complaint);
    REQUIRE_MESSAGE(filed.exit_code == 0, filed.err);
    const std::string number = filed.last_line();
    REQUIRE(counter.cli({"act", number, "acknowledge", "--actor", "S001"}).exit_code == 0);
    REQUIRE(counter
                .cli({"act", number, "submit", "--actor", "S001", "--json",
                      R"({"reason":"需要核对计费系统"})"})
                .exit_code == 0);
    CHECK(counter.status().at("pending") == 3);
    counter.enroll(center);
    REQUIRE(counter.sync_once() == 0);
    CHECK(counter.status().at("pending") == 0);

    const auto deadline = std::to_string(cf::core::SystemClock().now() + cf::core::k_day);
    center_act(center, number, "review_accept", "reviewer", "{}");
    center_act(center, number, "dispatch", "dispatcher",
               R"({"departments":["billing"],"deadline":)" + deadline + "}");
    // 签收, then the answer; the auditor approves billing's part, the only one, which passes
    // the audit (issue 14). The terminal applies both new steps as the center took them.
    center_act(center, number, "sign_for", "handler", "{}", "billing");
    center_act(
        center, number, "handle", "handler",
        R"({"investigation":"系统重复计费","responsibility":"our_department","solution":"退还50元"})",
        "billing");
    center_act(center, number, "audit_part", "auditor",
               R"({"department":"billing","verdict":"approved"})");
    center_act(center, number, "feedback", "auditor", R"({"text":"已核实并退还50元"})");

    REQUIRE(counter.sync_once() == 0);
    const json t = counter.show(number);
    CHECK(t.at("state") == "answered");
    CHECK(t.at("feedback") == "已核实并退还50元");
    std::vector<std::string> kinds;
    for (const auto& e : t.at("events")) {
        kinds.push_back(e.at("kind"));
    }
    CHECK(kinds == std::vector<std::string>{"create", "acknowledge", "submit", "review_accept",
                                            "dispatch", "sign_for", "handle", "audit_part",
                                            "feedback"});
    CHECK(t.at("departments_approved") == json{"billing"});
    // The branch goes on from "feedback arrived": contact the customer, record satisfaction.
    REQUIRE(counter
                .cli({"act", number, "contact", "--actor", "S001", "--json",
                      R"({"channel":"phone","outcome":"客户确认收到退款"})"})
                .exit_code == 0);
    REQUIRE(counter
                .cli({"act", number, "satisfaction", "--actor", "S001", "--json",
                      R"({"level":"satisfied"})"})
                .exit_code == 0);
    REQUIRE(counter.sync_once() == 0);
    const json exported = center_export(center.dir());
    REQUIRE(exported.at("tickets").size() == 1);
    CHECK(exported.at("tickets")[0].at("number") == number);
    CHECK(exported.at("tickets")[0].at("state") == "satisfied");
    CHECK(check_exactly_once(exported) == 11); // with the sign-for

    // Personal data is sealed at the center too, and never in its log.
    center.stop();
    CHECK_FALSE(file_contains(center.dir(), "13800138000"));
    CHECK_FALSE(file_contains(center.dir(), "张三"));
    CHECK(center.log().find("13800138000") == std::string::npos);
    CHECK(center.log().find("张三") == std::string::npos);
}

TEST_CASE("another terminal of the branch receives the ticket, another branch never does") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    Terminal k2(tmp / "k2", "SZ01", "K2");
    Terminal other(tmp / "other", "GZ02", "K1");
    const auto numbers = k1.file(3);
    other.file(2);
    for (auto* t : {&k1, &k2, &other}) {
        t->enroll(center);
    }
    REQUIRE(k1.sync_once() == 0);
    REQUIRE(other.sync_once() == 0);
    REQUIRE(k2.sync_once() == 0);
    const json seen = k2.show(numbers[1]);
    CHECK(seen.at("customer").at("phone").get<std::string>().find("****") != std::string::npos);
    CHECK(k2.event_count() == 3);
    // GZ02 pulls again: still only its own two tickets.
    REQUIRE(other.sync_once() == 0);
    CHECK(other.event_count() == 2);
    auto list = other.cli({"list", "--json"});
    for (const auto& t : json::parse(list.out)) {
        CHECK(t.at("branch") == "GZ02");
    }
    CHECK(check_exactly_once(center_export(center.dir())) == 5);
}

TEST_CASE("a step the center refuses becomes a visible dead letter and sync goes on") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    const auto numbers = k1.file(2);
    REQUIRE(k1.cli({"act", numbers[0], "acknowledge", "--actor", "S001"}).exit_code == 0);
    REQUIRE(
        k1.cli({"act", numbers[0], "submit", "--actor", "S001", "--json", R"({"reason":"转中心"})"})
            .exit_code == 0);
    // A center step taken on the terminal (the CLI allows it for offline use): the center
    // must refuse it, and everything after it must still arrive.
    REQUIRE(k1.cli({"act", numbers[0], "review_accept", "--actor", "R1", "--role", "reviewer"})
                .exit_code == 0);
    REQUIRE(k1.cli({"act", numbers[1], "acknowledge", "--actor", "S001"}).exit_code == 0);
    k1.enroll(center);
    REQUIRE(k1.sync_once() == 0);
    const json status = k1.status();
    CHECK(status.at("dead_letters") == 1);
    CHECK(status.at("pending") == 0);
    auto letters = k1.cli({"sync", "dead-letters", "--json"});
    REQUIRE(letters.exit_code == 0);
    const json list = json::parse(letters.out);
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("status") == 422);
    CHECK(list[0].at("error").get<std::string>().find("center_step_from_terminal") !=
          std::string::npos);
    const json exported = center_export(center.dir());
    CHECK(check_exactly_once(exported) == 5);
    CHECK(exported.at("devices")[0].at("acked_seq") == 6);
}

TEST_CASE(
    "with small batches, a refused event in a middle batch still ends with the rest there once") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    const auto numbers = k1.file(2);
    REQUIRE(k1.cli({"act", numbers[0], "acknowledge", "--actor", "S001"}).exit_code == 0);
    REQUIRE(
        k1.cli({"act", numbers[0], "submit", "--actor", "S001", "--json", R"({"reason":"转中心"})"})
            .exit_code == 0);
    // device_seq 5, a center step taken on the terminal, is refused: the batch [5, 6] goes
    // again with a skip for 5, and everything after it follows.
    REQUIRE(k1.cli({"act", numbers[0], "review_accept", "--actor", "R1", "--role", "reviewer"})
                .exit_code == 0);
    REQUIRE(k1.cli({"act", numbers[1], "acknowledge", "--actor", "S001"}).exit_code == 0);
    k1.file(5);
    k1.enroll(center);
    REQUIRE(k1.sync_once({"--batch", "2"}) == 0);
    const json status = k1.status();
    CHECK(status.at("dead_letters") == 1);
    CHECK(status.at("pending") == 0);
    const json exported = center_export(center.dir());
    CHECK(check_exactly_once(exported) == 10);
    CHECK(exported.at("devices")[0].at("acked_seq") == 11);
}

TEST_CASE("many small batches arrive once and in order") {
    TempDir tmp;
    CenterProcess center(tmp / "center");
    Terminal k1(tmp / "k1", "SZ01", "K1");
    k1.file(150);
    k1.enroll(center);
    REQUIRE(k1.sync_once({"--batch", "7"}) == 0);
    CHECK(k1.status().at("pending") == 0);
    const json exported = center_export(center.dir());
    CHECK(check_exactly_once(exported) == 150);
    CHECK(exported.at("devices")[0].at("acked_seq") == 150);
}
