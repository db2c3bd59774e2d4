#pragma once
// A center for console tests: a data directory with the demo staff (R01 reviewer, D01
// dispatcher, H01 handler of billing, H02 handler of network, A01 auditor, M01 manager, all
// with k_password), optionally the sample data, served on loopback; and branch tickets filed
// and sent to the center by a real terminal.

#include "tests/support/run_process.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/support/center_process.h"
#include "tests/sync/support/terminal.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace cf::test {

inline constexpr const char* k_password = "Kaoshi-2026";

struct ConsoleCenter {
    TempDir tmp;
    std::filesystem::path dir = tmp / "center";
    std::unique_ptr<CenterProcess> center;

    // sample_tickets > 0: `sample-data` with that many tickets (and the demo staff); else
    // the demo staff added one by one with `staff add`.
    explicit ConsoleCenter(int sample_tickets = 0, int branches = 5) {
        auto init = run_center(dir, {"init"});
        REQUIRE_MESSAGE(init.exit_code == 0, init.err);
        const std::string input = std::string(k_password) + "\n";
        if (sample_tickets > 0) {
            auto r = run_process(
                center_path(),
                {"--data", dir.string(), "sample-data", "--tickets", std::to_string(sample_tickets),
                 "--branches", std::to_string(branches), "--seed", "7", "--staff-password-stdin"},
                input);
            REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        } else {
            struct Staff {
                const char* id;
                const char* name;
                const char* role;
                const char* department;
            };
            for (const Staff& s :
                 {Staff{"R01", "王复核", "reviewer", ""}, Staff{"D01", "李派单", "dispatcher", ""},
                  Staff{"H01", "赵计费", "handler", "billing"},
                  Staff{"H02", "钱网络", "handler", "network"},
                  Staff{"A01", "孙审核", "auditor", ""}, Staff{"M01", "周经理", "manager", ""}}) {
                std::vector<std::string> args = {"--data", dir.string(), "staff", "add",    "--id",
                                                 s.id,     "--name",     s.name,  "--role", s.role};
                if (*s.department != '\0') {
                    args.insert(args.end(), {"--department", s.department});
                }
                args.push_back("--password-stdin");
                auto r = run_process(center_path(), args, input);
                REQUIRE_MESSAGE(r.exit_code == 0, r.err);
            }
        }
        center = std::make_unique<CenterProcess>(dir);
    }

    const std::string& url() const { return center->url(); }

    // Files `n` complaints at branch SZ01, acknowledges and submits each to the center, and
    // syncs them; returns their numbers.
    std::vector<std::string> submitted_tickets(int n) {
        Terminal t(tmp / "terminal", "SZ01", "K1");
        std::vector<std::string> numbers;
        for (int i = 0; i < n; ++i) {
            auto filed = t.cli(
                {"file", "--actor", "S001"},
                R"({"request_type":"complaint","category":"billing","channel":"counter","description":"上个月的话费账单多扣了50元,要求退还。","demand":"退还多扣的费用","customer":{"name":"张三","phone":"13800138000"},"emotion":"anxious"})");
            REQUIRE_MESSAGE(filed.exit_code == 0, filed.err);
            const std::string number = filed.last_line();
            REQUIRE(t.cli({"act", number, "acknowledge", "--actor", "S001"}).exit_code == 0);
            REQUIRE(t.cli({"act", number, "submit", "--actor", "S001", "--json",
                           R"({"reason":"需要核对计费系统"})"})
                        .exit_code == 0);
            numbers.push_back(number);
        }
        t.enroll(*center);
        REQUIRE(t.sync_once() == 0);
        return numbers;
    }
};

} // namespace cf::test
