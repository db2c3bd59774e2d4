#pragma once
// A real center process for the console API's tests: staff accounts made with the center's
// CLI, sessions signed in over HTTP, and tickets pushed by two enrolled terminals with the
// times a test chooses.

#include "core/clock.h"
#include "tests/center/api_client.h"
#include "tests/support/temp_dir.h"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cf::test {

inline constexpr const char* k_password = "correct horse 7";

// `counterfoil-center --data DIR ARGS` with standard input.
ProcessOutput run_center_with_input(const std::filesystem::path& dir,
                                    const std::vector<std::string>& args, const std::string& input);

// What a pushed ticket looks like; times default relative to now.
struct TicketSpec {
    std::string branch = "SZ01"; // SZ01 or GZ02 (both enrolled as terminal K1)
    std::string category = "billing.overcharge";
    std::string request_type = "complaint";
    std::string receiver = "S001"; // the staff member who took it in ("kiosk" for the kiosk)
    std::string priority = "normal";
    std::string customer = "张三";
    std::string severity = "general";    // major makes it a crisis (escalated from filing)
    std::string special_type = "none";   // media_exposure too
    core::Millis received_at = 0;        // 0: a day ago
    core::Millis first_response_due = 0; // 0: received_at + 4 h
    core::Millis due_at = 0;             // 0: received_at + 7 days
    std::optional<core::Millis> acknowledged_at = std::nullopt; // pushes an acknowledge then
    bool submit = false;                // then pushes a submit a minute later
    std::string knowledge_article = {}; // the knowledge-base article that answered an enquiry
};

class ConsoleCenter {
public:
    explicit ConsoleCenter(std::vector<std::string> serve_args = {});

    // Adds an account with k_password through the CLI; REQUIREs success.
    void add_staff(const std::string& id, const std::string& role,
                   const std::string& department = {});
    // Signs in with k_password; REQUIREs success and returns the session token.
    std::string sign_in(const std::string& id);
    ApiReply sign_in_reply(const std::string& id, const std::string& password);

    // Pushes a ticket from its branch's terminal; returns its number.
    std::string push(const TicketSpec& spec);

    // Pushes a branch step on a ticket this fixture pushed, from its terminal, at `at`, taken
    // by front-desk S001 unless another actor is named.
    void push_step(const std::string& number, const std::string& kind, core::Millis at,
                   nlohmann::json payload = nlohmann::json::object(),
                   const std::string& actor = "S001", const std::string& role = "frontdesk");

    // A console step with a fresh request_id (or the given one).
    ApiReply step(const std::string& token, const std::string& number, const std::string& step,
                  nlohmann::json payload = nlohmann::json::object(),
                  const std::string& request_id = {});
    ApiReply queue(const std::string& token, const std::string& query);
    ApiReply detail(const std::string& token, const std::string& number);

    // The usual accounts: R01 reviewer, D01 dispatcher, H01 handler of billing, H02 handler
    // of network, A01 auditor, M01 manager.
    void add_usual_staff();
    // Takes a submitted ticket through review and dispatch to the given departments with a
    // deadline; returns the dispatch answer.
    ApiReply dispatch(const std::string& number, const std::vector<std::string>& departments,
                      core::Millis deadline);

    core::Millis now() const { return core::SystemClock().now(); }

    TempDir tmp;
    CenterProcess center;
    ApiClient api;
    std::map<std::string, std::string> device_token; // by branch
    std::map<std::string, std::string> session;      // by staff id, after add_usual_staff

private:
    std::map<std::string, std::string> m_ticket_id;     // by number
    std::map<std::string, std::string> m_ticket_branch; // by number
    std::map<std::string, std::int64_t> m_device_seq;
    std::map<std::string, int> m_ticket_seq;
    int m_request = 0;
};

} // namespace cf::test
