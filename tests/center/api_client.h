#pragma once
// Talks to a real center process with raw bodies, as a misbehaving client would: cpp-httplib's
// client, so the tests can send what the sync client never sends.

#include "core/ticket.h"
#include "tests/sync/support/center_process.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace cf::test {

struct ApiReply {
    int status = 0;
    nlohmann::json body;     // null when the body was not JSON
    std::size_t bytes = 0;   // the size of the answer's body
    std::string retry_after; // the Retry-After header, if any
};

class ApiClient {
public:
    explicit ApiClient(const CenterProcess& center) : m_client(center.url()) {
        m_client.set_read_timeout(10, 0);
    }
    ApiReply post(const std::string& path, const std::string& body, const std::string& token = {},
                  const httplib::Headers& extra = {});
    ApiReply get(const std::string& path, const std::string& token = {});
    // Enrols BRANCH/TERMINAL with a fresh code; returns the device token.
    std::string enroll(CenterProcess& center, const std::string& branch,
                       const std::string& terminal, const std::vector<std::string>& extra = {});

private:
    httplib::Client m_client;
};

// A create event for a new ticket of device BRANCH/TERMINAL with the given device_seq.
nlohmann::json create_event(const std::string& branch, const std::string& terminal,
                            std::int64_t device_seq, int ticket_seq);
// A note on that ticket.
nlohmann::json note_event(const nlohmann::json& create, std::int64_t device_seq);
nlohmann::json push_body(const std::string& device, const nlohmann::json& events);

} // namespace cf::test
