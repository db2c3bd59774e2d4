#pragma once
// The console API's handlers (docs/SYNC_PROTOCOL.md, "Console API"), apart from the HTTP
// plumbing: center_server.cpp reads the request and logs the answer, these check the session,
// parse the message and ask the storage.

#include "center/center_storage.h"

#include <nlohmann/json.hpp>

#include <string>

namespace cf::center {

// One console request as the server read it.
struct ConsoleCall {
    std::string token;        // the bearer token, empty when none was sent
    std::string number;       // the ticket number of the path, if any
    sync::QueryParams params; // the decoded query parameters
    nlohmann::json body;      // the parsed body of a POST
    std::string source;       // the client's address, for sign-in's throttle
    std::string who;          // out: the staff id, for the log
    nlohmann::json log_fields = nlohmann::json::object(); // out: more for the log
};

struct ConsoleContext {
    CenterStorage& storage;
    core::Millis now = 0;
    core::Millis session_ttl = k_session_ttl;
};

using ConsoleAnswer = CenterResult<nlohmann::json>;

// Each fails with the storage's errors, 400 for a message that does not parse (naming the
// field), 401 for a missing, unknown, expired or revoked session and 403 wrong_scope for a
// device or console token.
ConsoleAnswer console_sign_in(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_sign_out(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_queue(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_ticket(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_step(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_dashboard(const ConsoleContext& c, ConsoleCall& call);
ConsoleAnswer console_reports(const ConsoleContext& c, ConsoleCall& call);

} // namespace cf::center
