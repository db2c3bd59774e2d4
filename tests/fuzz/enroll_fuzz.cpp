// Enrolment (sync/messages.h): the request a device sends with its one-time code, read by the
// center from parse_request_body, and the answer the device reads. Each accepted message must
// survive to_json and a second parse unchanged (message_checks.h).
#include "message_checks.h"
#include "sync/json_fields.h"
#include "sync/messages.h"
#include "sync/request_body.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cf::sync;
    using nlohmann::json;
    const std::string_view body = cf::fuzz::as_text(data, size);
    if (const auto request = parse_request_body(body)) {
        cf::fuzz::check_round_trip(*request, [](const json& j) { return parse_enroll_request(j); });
    }
    if (const auto answer = parse_body(body)) {
        cf::fuzz::check_round_trip(*answer, [](const json& j) { return parse_enroll_response(j); });
    }
    return 0;
}
